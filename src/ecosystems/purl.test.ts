import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { formatPurl, parsePurl } from './purl.js';
import { osvPackageOf } from './registry.js';

describe('parsePurl', () => {
  it('returns a plain object with the qualifiers as a record and leaves absent parts out', () => {
    expect(parsePurl('pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12#sub/dir')).toEqual({
      type: 'deb',
      namespace: 'debian',
      name: 'curl',
      version: '7.88.1-10',
      qualifiers: { arch: 'amd64', distro: 'debian-12' },
      subpath: 'sub/dir',
    });
    expect(parsePurl('pkg:cargo/serde')).toEqual({ type: 'cargo', namespace: undefined, name: 'serde', version: undefined, qualifiers: undefined, subpath: undefined });
  });

  it('decodes percent-encoding and applies each type normalization', () => {
    expect(parsePurl('pkg:npm/%40angular/core@17.0.0')).toMatchObject({ type: 'npm', namespace: '@angular', name: 'core', version: '17.0.0' });
    expect(parsePurl('pkg:pypi/Django_REST@3.0').name).toBe('django-rest');
    expect(parsePurl('pkg:composer/Symfony/Console@v6.0.0')).toMatchObject({ namespace: 'symfony', name: 'console' });
    // NuGet names are case-insensitive but the purl spec keeps them as written.
    expect(parsePurl('pkg:nuget/Newtonsoft.Json@13.0.1').name).toBe('Newtonsoft.Json');
  });

  it('keeps the v of Go versions, also where they are not SemVer (a deviation from packageurl-js, which crashes)', () => {
    expect(parsePurl('pkg:golang/github.com/gorilla/mux@v1.8.0').version).toBe('v1.8.0');
    expect(parsePurl('pkg:golang/github.com/x/y@v1.21')).toMatchObject({ type: 'golang', namespace: 'github.com/x', name: 'y', version: 'v1.21' });
    expect(parsePurl('pkg:golang/github.com/Azure/azure-sdk@v1.0.0').namespace).toBe('github.com/Azure');
  });

  it('throws an invalid-purl InputError for what is not a purl', () => {
    for (const text of ['', 'npm/left-pad', 'pkg:', 'pkg:npm', 'pkg:maven/only-name@1', `pkg:npm/${'a'.repeat(5000)}`]) {
      expect(() => parsePurl(text), text).toThrow(InputError);
    }
    expect(() => parsePurl('npm/left-pad')).toThrow(/invalid purl "npm\/left-pad"/);
  });

  it('never throws anything but an InputError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'pkg:/@?#=&%20golangnpmv1.ab'.split('')), maxLength: 40 }), (text) => {
        try {
          parsePurl(text);
        } catch (error) {
          return error instanceof InputError;
        }
        return true;
      }),
    );
  });
});

describe('formatPurl', () => {
  it('round-trips canonical purls', () => {
    for (const text of [
      'pkg:npm/%40babel/core@7.24.0',
      'pkg:maven/org.apache.commons/commons-lang3@3.14.0?type=jar',
      'pkg:golang/github.com/x/y@v1.21',
      'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1?arch=amd64',
      'pkg:github/package-url/purl-spec@244fd47#everybody/loves/dogs',
    ]) {
      expect(formatPurl(parsePurl(text))).toBe(text);
    }
  });

  it('encodes and normalizes from parts', () => {
    expect(formatPurl({ type: 'pypi', name: 'Foo_Bar', version: '1.0' })).toBe('pkg:pypi/foo-bar@1.0');
    expect(formatPurl({ type: 'npm', namespace: '@types', name: 'node' })).toBe('pkg:npm/%40types/node');
    expect(() => formatPurl({ type: 'npm', name: '' })).toThrow(InputError);
  });
});

describe('osvPackageOf', () => {
  it('gives the OSV ecosystem and the name as OSV spells it', () => {
    expect(osvPackageOf(parsePurl('pkg:npm/%40babel/core@7'))).toEqual({ ecosystem: 'npm', name: '@babel/core' });
    expect(osvPackageOf(parsePurl('pkg:maven/org.a/b@1'))).toEqual({ ecosystem: 'Maven', name: 'org.a:b' });
    expect(osvPackageOf(parsePurl('pkg:golang/github.com/x/y@v1'))).toEqual({ ecosystem: 'Go', name: 'github.com/x/y' });
    expect(osvPackageOf(parsePurl('pkg:deb/ubuntu/openssl@3'))).toEqual({ ecosystem: 'Ubuntu', name: 'openssl' });
    expect(osvPackageOf(parsePurl('pkg:pypi/Django@4'))).toEqual({ ecosystem: 'PyPI', name: 'django' });
    expect(osvPackageOf(parsePurl('pkg:generic/openssl@3'))).toBeUndefined();
  });
});
