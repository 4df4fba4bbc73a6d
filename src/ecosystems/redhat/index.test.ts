import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Red Hat ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Red Hat');
    expect(ecosystem.purlType).toBe('rpm');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names', () => {
    expect(ecosystem.normalizeName('SDL2')).toBe('SDL2');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
    expect(compareText(ecosystem.scheme, '0', '')).toBe(1);
  });

  it('covers the RPM-based distributions and maps each name to its purl namespace', () => {
    expect(ecosystem.aliases).toEqual(['AlmaLinux', 'Mageia', 'openEuler', 'openSUSE', 'Rocky Linux', 'SUSE']);
    expect(ecosystem.purlNamespace?.('Red Hat:rhel_aus:8.4::appstream')).toBe('redhat');
    expect(ecosystem.purlNamespace?.('Rocky Linux:9')).toBe('rocky');
    expect(ecosystem.purlNamespace?.('openSUSE:Tumbleweed')).toBe('opensuse');
    expect(ecosystem.purlNamespace?.('AlmaLinux:8')).toBe('almalinux');
    expect(ecosystem.purlNamespace?.('Alpine')).toBeUndefined();
  });
});
