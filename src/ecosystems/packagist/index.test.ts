import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Packagist ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Packagist');
    expect(ecosystem.purlType).toBe('composer');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes vendor/package names to lower case', () => {
    expect(ecosystem.normalizeName('Symfony/HTTP-Kernel')).toBe('symfony/http-kernel');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
  });
});
