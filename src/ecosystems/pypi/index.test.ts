import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { compareText } from '../ecosystem.js';
import { ecosystem } from './index.js';
import { satisfiesPep440 } from './specifiers.js';

describe('PyPI ecosystem', () => {
  it('is named as OSV spells it, with its purl type', () => {
    expect(ecosystem.name).toBe('PyPI');
    expect(ecosystem.purlType).toBe('pypi');
  });

  it('documents itself', () => {
    expect(ecosystem.definition.short).not.toBe('');
    expect(ecosystem.definition.reference).not.toBe('');
  });

  it('normalizes names as PEP 503 says', () => {
    expect(ecosystem.normalizeName('Django')).toBe('django');
    expect(ecosystem.normalizeName('zope.interface')).toBe('zope-interface');
    expect(ecosystem.normalizeName('Foo__Bar-._baz')).toBe('foo-bar-baz');
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compareText(ecosystem.scheme, '', '')).toBe(0);
    expect(compareText(ecosystem.scheme, '', '0')).toBe(-1);
  });
});

describe('PEP 440 specifiers', () => {
  const satisfies = (version: string, range: string): boolean => satisfiesPep440(version, range);

  it('checks every clause of a comma-separated set', () => {
    expect(satisfies('1.5', '>=1.2,<2')).toBe(true);
    expect(satisfies('2.0', '>=1.2, <2')).toBe(false);
    expect(satisfies('1.1', '>=1.2,<2')).toBe(false);
    expect(satisfies('1.3', '>=1.2,!=1.3')).toBe(false);
    expect(satisfies('1.0', '')).toBe(true);
  });

  it('reads ~= as >= V together with a prefix match of all but the last release part', () => {
    expect(satisfies('1.4.5', '~=1.4.2')).toBe(true);
    expect(satisfies('1.5.0', '~=1.4.2')).toBe(false);
    expect(satisfies('1.9', '~=1.4')).toBe(true);
    expect(satisfies('2.0', '~=1.4')).toBe(false);
    expect(satisfies('1!1.5', '~=1.4')).toBe(false);
  });

  it('matches == and != with a .* prefix, padding the candidate with zeros', () => {
    expect(satisfies('1.0', '==1.0.0.*')).toBe(true);
    expect(satisfies('1.2.3', '==1.*')).toBe(true);
    expect(satisfies('2.0', '==1.*')).toBe(false);
    expect(satisfies('1.0.post1', '==1.0.*')).toBe(true);
    expect(satisfies('2.0', '!=1.*')).toBe(true);
  });

  it('compares == without the local segment unless the specifier has one', () => {
    expect(satisfies('1.0+local', '==1.0')).toBe(true);
    expect(satisfies('1.0+local', '==1.0+other')).toBe(false);
    expect(satisfies('1.0.0', '==1.0')).toBe(true);
  });

  it('keeps pre-releases of V out of <V and post-releases of V out of >V', () => {
    expect(satisfies('2.0rc1', '<2.0')).toBe(false);
    expect(satisfies('2.0rc1', '>=2.0a1,<2.0rc2')).toBe(true);
    expect(satisfies('1.0.post1', '>1.0')).toBe(false);
    expect(satisfies('1.0.post2', '>1.0.post1')).toBe(true);
    expect(satisfies('1.0+local', '>1.0')).toBe(false);
    expect(satisfies('1.0', '>1.0b1')).toBe(true);
    expect(satisfies('1.0', '<1.0.post1')).toBe(true);
  });

  it('does not exclude a pre-release as such, as packaging answers for a single candidate', () => {
    expect(satisfies('2.0b1', '>=1.0')).toBe(true);
    expect(satisfies('2.0rc1', '<2.0rc2')).toBe(true);
    expect(satisfies('1.0a1', '')).toBe(true);
  });

  it('reads === as case-insensitive string equality, the only match for a legacy version', () => {
    expect(satisfies('Foo-Bar', '===foo-bar')).toBe(true);
    expect(satisfies('1.0', '===1.0.0')).toBe(false);
    expect(satisfies('0.1-bulbasaur', '>=0')).toBe(false);
  });

  it('rejects what PEP 440 does not allow, with the invalid-range code', () => {
    for (const range of ['>=1.0+local', '~=1', '>=1.*', 'foo', '>=not a version', '==1.0a1.*']) {
      let code: string | undefined;
      try {
        satisfiesPep440('1.0', range);
      } catch (error) {
        code = error instanceof InputError ? error.code : 'not an InputError';
      }
      expect(code, range).toBe('invalid-range');
    }
  });
});
