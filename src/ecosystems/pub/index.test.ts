import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Pub ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Pub');
    expect(ecosystem.purlType).toBe('pub');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names to lower case', () => {
    expect(ecosystem.normalizeName('Flutter_Secure_Storage')).toBe('flutter_secure_storage');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0.0.0')).toBe(-1);
  });
});
