import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('NuGet ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('NuGet');
    expect(ecosystem.purlType).toBe('nuget');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes case-insensitive package ids to lower case', () => {
    expect(ecosystem.normalizeName('Newtonsoft.Json')).toBe('newtonsoft.json');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0.0.0')).toBe(-1);
  });
});
