import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

const satisfies = (version: string, range: string): boolean | undefined => ecosystem.satisfies?.(version, range);

describe('npm ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('npm');
    expect(ecosystem.purlType).toBe('npm');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names', () => {
    expect(ecosystem.normalizeName('@Scope/Name')).toBe('@Scope/Name');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
    expect(compareText(ecosystem.scheme, '0', '')).toBe(1);
  });

  it('tests npm ranges with node-semver', () => {
    expect(satisfies('1.2.3', '^1.2.0')).toBe(true);
    expect(satisfies('2.0.0', '^1.2.0')).toBe(false);
    expect(satisfies('v1.2.3', '>=1.0.0 <2')).toBe(true);
    expect(satisfies('1.3.0-beta.1', '^1.2.0')).toBe(false);
    expect(satisfies('1.2.0-beta.2', '>=1.2.0-beta.1')).toBe(true);
  });

  it('falls back to the semver-like order for versions node-semver rejects', () => {
    expect(satisfies('1.2', '^1.1.0')).toBe(true);
    expect(satisfies('1.5.0.0', '>=1.4.0 <1.6.0')).toBe(false);
    expect(satisfies('9007199254740993.0.0', '>=1.0.0')).toBe(true);
    expect(satisfies('9007199254740993.0.0', '<2')).toBe(false);
    expect(satisfies('1.2', '*')).toBe(true);
    expect(satisfies('1.2', '1.x || >=3')).toBe(true);
  });

  it('rejects a range it cannot read with the invalid-range code', () => {
    expect(() => satisfies('1.0.0', '>=>=1')).toThrow(expect.objectContaining({ code: 'invalid-range' }));
  });
});
