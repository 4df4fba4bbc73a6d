import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Go ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Go');
    expect(ecosystem.purlType).toBe('golang');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names', () => {
    expect(ecosystem.normalizeName('github.com/BurntSushi/toml')).toBe('github.com/BurntSushi/toml');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
    expect(compareText(ecosystem.scheme, '0', '')).toBe(1);
  });

  it('keeps the leading v of Go versions while ordering them like plain SemVer', () => {
    expect(compareText(ecosystem.scheme, 'v1.2.3', '1.2.3')).toBe(0);
    expect(compareText(ecosystem.scheme, 'v0.0.0-20210101000000-abcdef123456', 'v0.0.0')).toBe(-1);
  });
});
