import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('CRAN ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('CRAN');
    expect(ecosystem.purlType).toBe('cran');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('keeps case-sensitive names as written', () => {
    expect(ecosystem.normalizeName('DHARMa')).toBe('DHARMa');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
  });
});
