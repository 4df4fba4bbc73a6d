import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';

describe('Maven ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('Maven');
    expect(ecosystem.purlType).toBe('maven');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('keeps group:artifact names as written, case included', () => {
    expect(ecosystem.normalizeName('org.apache.logging.log4j:log4j-core')).toBe('org.apache.logging.log4j:log4j-core');
    expect(ecosystem.normalizeName('com.Example:My-Lib')).toBe('com.Example:My-Lib');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
  });
});
