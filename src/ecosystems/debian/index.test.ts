import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Debian ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Debian');
    expect(ecosystem.purlType).toBe('deb');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names', () => {
    expect(ecosystem.normalizeName('OpenSSL')).toBe('openssl');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
    expect(compareText(ecosystem.scheme, '0', '')).toBe(1);
  });

  it('covers Ubuntu with the same rules and maps each name to its purl namespace', () => {
    expect(ecosystem.aliases).toEqual(['Ubuntu']);
    expect(ecosystem.purlNamespace?.('Debian')).toBe('debian');
    expect(ecosystem.purlNamespace?.('Debian:13')).toBe('debian');
    expect(ecosystem.purlNamespace?.('Ubuntu:Pro:24.04:LTS')).toBe('ubuntu');
  });
});
