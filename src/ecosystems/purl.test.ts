import fc from 'fast-check';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { formatPurl, parsePurl, plainPurl } from './purl.js';
import type { PurlParts } from './purl.js';
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

/** packageurl-js's string (or its error), with purl.ts's one deviation: a Go version is set after validation. */
function libraryPurl(purl: PurlParts): string {
  const isGo = purl.type === 'golang';
  const packageUrl = new PackageURL(purl.type, purl.namespace, purl.name, isGo ? undefined : purl.version, undefined, undefined);
  if (isGo && purl.version !== undefined && purl.version !== '') packageUrl.version = purl.version;
  return packageUrl.toString();
}

describe('plainPurl', () => {
  // Parts mostly from the characters each part may hold as written, sometimes from any.
  const anyUnit = fc.constantFrom(...'aZz09-_.!~*\'()@/:+% éK\t#?'.split(''));
  const part = (plain: string, samples: readonly string[]) =>
    fc.oneof(fc.string({ unit: fc.constantFrom(...plain.split('')), maxLength: 8 }), fc.string({ unit: anyUnit, maxLength: 8 }), fc.constantFrom(...samples));
  const purl = fc.record(
    {
      type: fc.constantFrom('npm', 'cargo', 'golang', 'maven', 'pypi', 'gem', 'nuget', 'composer', 'hex', 'deb', 'NPM'),
      namespace: part("aZz09-_.!~*'()@:/", ['@babel', 'github.com/x', 'org.apache', 'a//b', '/a', 'a/', '']),
      name: part("aZz09-_.!~*'()", ['Django_REST', 'core', '']),
      version: part("aZz09-_.!~*'()+:", ['v1.2.3+incompatible', '1:2.0', 'v1.21', '']),
    },
    { requiredKeys: ['type', 'name'] },
  );

  it('writes exactly what packageurl-js writes, wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(purl, (parts) => {
        const plain = plainPurl(parts);
        if (plain === undefined) return;
        answered += 1;
        expect(plain).toBe(libraryPurl(parts));
      }),
      { numRuns: 20000 },
    );
    // The generator reaches the fast path often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(1000);
  });

  it('answers for the purls of ordinary packages and leaves the rest to the library', () => {
    expect(plainPurl({ type: 'npm', namespace: '@Babel', name: 'Core', version: '7.24.0' })).toBe('pkg:npm/%40babel/core@7.24.0');
    expect(plainPurl({ type: 'pypi', name: 'Django_REST', version: '1!2.0+local' })).toBe('pkg:pypi/django-rest@1!2.0+local');
    expect(plainPurl({ type: 'golang', namespace: 'github.com/Azure', name: 'sdk', version: 'v1.21' })).toBe('pkg:golang/github.com/Azure/sdk@v1.21');
    expect(plainPurl({ type: 'maven', name: 'no-group', version: '1' })).toBeUndefined();
    expect(plainPurl({ type: 'npm', name: 'a b' })).toBeUndefined();
    expect(plainPurl({ type: 'npm', name: '' })).toBeUndefined();
    expect(plainPurl({ type: 'deb', namespace: 'debian', name: 'curl' })).toBeUndefined();
    expect(plainPurl({ type: 'npm', name: 'a', qualifiers: { arch: 'x' } })).toBeUndefined();
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
