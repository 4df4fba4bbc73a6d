import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integrityOf, licenseTexts, mergedScope, packageIdentity } from './sbom-package.js';

describe('packageIdentity', () => {
  it('takes the ecosystem and OSV name from a purl an ecosystem owns, normalized', () => {
    expect(packageIdentity('pkg:pypi/Django_Rest@3.15.1', 'ignored', '')).toEqual({ ecosystem: 'PyPI', name: 'django-rest', version: '3.15.1', purl: 'pkg:pypi/django-rest@3.15.1' });
    expect(packageIdentity('pkg:maven/org.apache.commons/commons-text@1.10.0', 'commons-text', '')).toMatchObject({ ecosystem: 'Maven', name: 'org.apache.commons:commons-text' });
    expect(packageIdentity('pkg:deb/debian/openssl@3.0.13-1?distro=debian-12', 'openssl', '')).toMatchObject({ ecosystem: 'Debian', name: 'openssl', version: '3.0.13-1' });
    expect(packageIdentity('pkg:golang/stdlib@v1.21', 'stdlib', '')).toMatchObject({ ecosystem: 'Go', version: 'v1.21', purl: 'pkg:golang/stdlib@v1.21' });
  });

  it('adds the package version to a purl without one', () => {
    expect(packageIdentity('pkg:npm/left-pad', 'left-pad', '1.3.0')).toEqual({ ecosystem: 'npm', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' });
  });

  it('gives ecosystem "" to a purl type no ecosystem owns, and a generic purl to a package without one', () => {
    expect(packageIdentity('pkg:conda/numpy@1.26.4', 'numpy', '')).toEqual({ ecosystem: '', name: 'numpy', version: '1.26.4', purl: 'pkg:conda/numpy@1.26.4' });
    expect(packageIdentity(undefined, 'zlib', '1.3.1')).toEqual({ ecosystem: '', name: 'zlib', version: '1.3.1', purl: 'pkg:generic/zlib@1.3.1' });
    expect(packageIdentity('  ', 'zlib', '')).toEqual({ ecosystem: '', name: 'zlib', version: '', purl: 'pkg:generic/zlib' });
  });

  it('names the problem of an invalid purl, or of a package with neither purl nor name', () => {
    expect(packageIdentity('npm/x@1', 'x', '')).toHaveProperty('problem');
    expect(packageIdentity(undefined, '', '1.0')).toEqual({ problem: 'a package has neither a purl nor a name' });
  });
});

describe('integrityOf', () => {
  it('keeps SHA-256, SHA-384 and SHA-512 of the right length, however the algorithm is spelled', () => {
    const sha256 = '0d45f5fd462b8c70bffb10021ac1bcff3f58f29b1faf7568595095427d42812c';
    expect(integrityOf([{ algorithm: 'SHA256', value: sha256 }])).toBe('sha256-DUX1/UYrjHC/+xACGsG8/z9Y8psfr3VoWVCVQn1CgSw=');
    expect(integrityOf([{ algorithm: 'sha-256', value: sha256.toUpperCase() }])).toBe('sha256-DUX1/UYrjHC/+xACGsG8/z9Y8psfr3VoWVCVQn1CgSw=');
    expect(integrityOf([{ algorithm: 'SHA-1', value: '901466a5bb52ee6de63e3e385285e690d5cba424' }, { algorithm: 'MD5', value: 'x' }, { algorithm: 'SHA-256', value: 'abc' }])).toBeUndefined();
  });

  it('encodes every digest so that it decodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ minLength: 48, maxLength: 48 }), (sha512, sha384) => {
        const integrity = integrityOf([{ algorithm: 'SHA-512', value: Buffer.from(sha512).toString('hex') }, { algorithm: 'SHA-384', value: Buffer.from(sha384).toString('hex') }]) ?? '';
        const [first = '', second = ''] = integrity.split(' ');
        return Buffer.from(first.slice('sha512-'.length), 'base64').equals(Buffer.from(sha512)) && Buffer.from(second.slice('sha384-'.length), 'base64').equals(Buffer.from(sha384));
      }),
    );
  });
});

describe('mergedScope and licenseTexts', () => {
  it('takes the most required scope, and none when no relationship tells', () => {
    expect(mergedScope(['dev', 'optional'])).toBe('optional');
    expect(mergedScope(['dev', 'unknown'])).toBeUndefined();
    expect(mergedScope(['dev', 'prod', 'unknown'])).toBe('prod');
    expect(mergedScope([])).toBeUndefined();
  });

  it('drops NOASSERTION, NONE, blanks and repeats', () => {
    expect(licenseTexts(['MIT', 'NOASSERTION', undefined, ' MIT ', 'NONE', '', 'Apache-2.0'])).toEqual(['MIT', 'Apache-2.0']);
  });
});
