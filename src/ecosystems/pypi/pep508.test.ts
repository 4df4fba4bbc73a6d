import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPythonName, parsePep508 } from './pep508.js';

describe('parsePep508', () => {
  it('splits name, extras, specifier and marker, keeping the specifier as written', () => {
    expect(parsePep508('requests [security, socks] >= 2.8.1, == 2.8.* ; python_version < "2.7"')).toEqual({
      name: 'requests',
      extras: ['security', 'socks'],
      specifier: '>= 2.8.1, == 2.8.*',
      marker: 'python_version < "2.7"',
    });
    expect(parsePep508('name')).toEqual({ name: 'name', extras: [], specifier: '' });
    expect(parsePep508('wheel (>=0.32.0)')).toEqual({ name: 'wheel', extras: [], specifier: '>=0.32.0' });
  });

  it('reads a URL requirement, whose marker needs whitespace before the semicolon', () => {
    expect(parsePep508('pip @ https://example.org/pip.zip;x ; python_version >= "3"')).toEqual({
      name: 'pip',
      extras: [],
      specifier: '',
      url: 'https://example.org/pip.zip;x',
      marker: 'python_version >= "3"',
    });
  });

  it('refuses text that is not a requirement', () => {
    for (const text of ['', '==1.0', '-e .', './pkg.whl', 'asdf 1.0', 'a[b', 'a (>=1', 'a @ ', 'https://example.org/a.whl']) {
      expect(parsePep508(text), text).toBeUndefined();
    }
  });

  it('tells valid names', () => {
    expect(isValidPythonName('combination-._-.also_-._valid')).toBe(true);
    expect(isValidPythonName('-foo')).toBe(false);
    expect(isValidPythonName('foo-')).toBe(false);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => parsePep508(text) === undefined || typeof parsePep508(text)?.name === 'string'));
  });
});
