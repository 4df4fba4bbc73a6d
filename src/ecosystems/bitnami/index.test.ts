import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Bitnami ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Bitnami');
    expect(ecosystem.purlType).toBe('bitnami');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names', () => {
    expect(ecosystem.normalizeName('SomeName')).toBe('SomeName');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
    expect(compareText(ecosystem.scheme, '0', '')).toBe(1);
  });

  it('uses the semver-like order OSV-SCALIBR applies to Bitnami', () => {
    expect(ecosystem.scheme.id).toBe('semver-like');
    expect(compareText(ecosystem.scheme, 'v1.2.3', '1.2.3')).toBe(0);
    expect(compareText(ecosystem.scheme, '1.2.3-rc.1', '1.2.3')).toBe(-1);
  });
});
