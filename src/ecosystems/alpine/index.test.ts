import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Alpine ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Alpine');
    expect(ecosystem.purlType).toBe('apk');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names', () => {
    expect(ecosystem.normalizeName('busybox')).toBe('busybox');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
    expect(compareText(ecosystem.scheme, '0', '')).toBe(1);
  });

  it('covers the apk-based distributions and maps each name to its purl namespace', () => {
    expect(ecosystem.aliases).toEqual(['Alpaquita', 'BellSoft Hardened Containers', 'Chainguard', 'MinimOS', 'Wolfi']);
    expect(ecosystem.purlNamespace?.('Alpine:v3.20')).toBe('alpine');
    expect(ecosystem.purlNamespace?.('Wolfi')).toBe('wolfi');
    expect(ecosystem.purlNamespace?.('Chainguard')).toBe('chainguard');
    expect(ecosystem.purlNamespace?.('BellSoft Hardened Containers:stream')).toBe('bellsoft-hardened-containers');
    expect(ecosystem.purlNamespace?.('Debian')).toBeUndefined();
  });
});
