import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySha512Hex, mixedInventory, purls } from './__fixtures__/mixed-inventory.js';
import { decodeIntegrity, documentUuid, isPlainHttpUrl, sbomContent, sourceReference } from './sbom-components.js';

describe('decodeIntegrity', () => {
  it('decodes every hash of a Subresource Integrity string to hex', () => {
    const sha1 = Buffer.from('a'.repeat(40), 'hex').toString('base64');
    const sha512 = Buffer.from(emptySha512Hex, 'hex').toString('base64');
    expect(decodeIntegrity(`sha1-${sha1} sha512-${sha512}?opt`)).toEqual([
      { algorithm: 'SHA-1', hex: 'a'.repeat(40) },
      { algorithm: 'SHA-512', hex: emptySha512Hex },
    ]);
  });

  it('skips unknown algorithms, bad base64 and values of the wrong length', () => {
    expect(decodeIntegrity('md5-1B2M2Y8AsgTpgAmY7PhCfg== sha256-AAAA sha512-!!! nonsense constructor-AAAA')).toEqual([]);
  });

  it('reads any string as Buffer decoding of each matching token does', () => {
    // The first implementation, kept as the reference: a regular expression and a Buffer per token.
    const reference = (integrity: string) =>
      integrity.split(/\s+/).flatMap((token) => {
        const match = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(?:\?.*)?$/.exec(token);
        if (match === null) return [];
        const spec = { sha1: ['SHA-1', 20], sha256: ['SHA-256', 32], sha384: ['SHA-384', 48], sha512: ['SHA-512', 64] }[match[1] as 'sha1'] as [string, number];
        const bytes = Buffer.from(match[2] ?? '', 'base64');
        return bytes.length === spec[1] ? [{ algorithm: spec[0], hex: bytes.toString('hex') }] : [];
      });
    const value = fc.oneof(
      fc.tuple(fc.constantFrom(20, 32, 48, 64).chain((bytes) => fc.uint8Array({ minLength: bytes, maxLength: bytes })), fc.boolean()).map(([array, unpadded]) => {
        const text = Buffer.from(array).toString('base64');
        return unpadded ? text.replace(/=+$/, '') : text;
      }),
      fc.string({ unit: fc.constantFrom('A', 'b', '9', '+', '/', '=', '-', '?', '!'), maxLength: 90 }),
    );
    const token = fc.tuple(fc.constantFrom('sha1', 'sha256', 'sha384', 'sha512', 'md5', 'SHA512', ''), fc.constantFrom('-', '_', ''), value, fc.constantFrom('', '?x', '?', ' ')).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 3 }).map((tokens) => tokens.join(' ')), (integrity) => {
        expect(decodeIntegrity(integrity)).toEqual(reference(integrity));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('sourceReference', () => {
  it.each([
    ['https://registry.npmjs.org/a/-/a-1.0.0.tgz', { url: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', kind: 'distribution' }],
    ['https://token:x-oauth@example.com/a.tgz', { url: 'https://example.com/a.tgz', kind: 'distribution' }],
    ['git+ssh://git@github.com/a/b.git#abc', { url: 'git+ssh://git@github.com/a/b.git#abc', kind: 'vcs' }],
    ['git+https://user:pw@github.com/a/b.git', { url: 'git+https://github.com/a/b.git', kind: 'vcs' }],
    ['git://github.com/a/b.git', { url: 'git://github.com/a/b.git', kind: 'vcs' }],
  ])('reads %j', (resolved, expected) => {
    expect(sourceReference(resolved)).toEqual(expected);
  });

  it.each([['registry+https://github.com/rust-lang/crates.io-index'], ['file:../local'], ['../local'], ['sparse+https://index.crates.io/'], ['']])('ignores %j', (resolved) => {
    expect(sourceReference(resolved)).toBeUndefined();
  });
});

describe('isPlainHttpUrl', () => {
  it('holds only for URLs the URL parser gives back unchanged, registry tarballs among them', () => {
    expect(isPlainHttpUrl('https://registry.npmjs.org/@babel/core/-/core-7.24.0.tgz')).toBe(true);
    const label = fc.stringMatching(/^[a-z0-9-]{0,6}$/);
    const host = fc.oneof(fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')), fc.constantFrom('1.2.3.4', '0x7f.1', 'xn--a.com', 'Example.COM', 'a..b', 'a.b.', '[::1]', 'a:80', 'u:p@h', 'a_b.c'));
    const pathPart = fc.constantFrom('a', '-', '.', '..', '/', '%2e', '%', ' ', '\\', '?', '#', '@', ':', 'é', '~', '"', '{', '|', '^', '`', '\t');
    const url = fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'https:/'), host, fc.array(pathPart, { maxLength: 8 }).map((parts) => `/${parts.join('')}`)).map(([scheme, name, path]) => `${scheme}${name}${path}`);
    fc.assert(
      fc.property(url, (text) => {
        if (!isPlainHttpUrl(text)) return;
        const parsed = new URL(text);
        expect(parsed.href).toBe(text);
        expect(parsed.username + parsed.password).toBe('');
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('sbomContent', () => {
  it('merges a purl found twice and keeps only edges between known components', () => {
    const content = sbomContent(mixedInventory, { rootName: 'r', toolVersion: '1' });
    expect(content.components.map((component) => component.purl)).toEqual(Object.values(purls).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const semver = content.components.find((component) => component.purl === purls.semver);
    expect(semver).toMatchObject({ scope: 'prod', licenses: ['Apache-2.0 OR MIT', 'ISC'], dependsOn: [] });
    expect(content.components.find((component) => component.purl === purls.unpinned)).toMatchObject({ versionRange: '>=2.31' });
    expect(content.components.find((component) => component.purl === purls.unpinned)?.version).toBeUndefined();
  });

  it('lists each dependency once, sorted, however often and in whatever order the edges repeat it', () => {
    const component = (name: string) => ({ name, version: '1', ecosystem: 'npm', purl: `pkg:npm/${name}@1`, groups: [], location: { file: 'f' } });
    const edge = (from: string, to: string) => ({ from: `pkg:npm/${from}@1`, to: `pkg:npm/${to}@1` });
    const inventory = { root: '.', projects: [], components: ['a', 'b', 'c', 'd'].map(component), edges: [edge('a', 'd'), edge('a', 'b'), edge('a', 'd'), edge('a', 'c'), edge('a', 'b'), edge('a', 'a')], errors: [] };
    const content = sbomContent(inventory, { rootName: 'r', toolVersion: '1' });
    expect(content.components[0]?.dependsOn).toEqual(['pkg:npm/b@1', 'pkg:npm/c@1', 'pkg:npm/d@1']);
  });

  it('sorts and deduplicates dependency lists of any length', () => {
    const component = (name: string) => ({ name, version: '1', ecosystem: 'npm', purl: `pkg:npm/${name}@1`, groups: [], location: { file: 'f' } });
    const names = ['a', 'b', 'B', 'c', 'é', '@s/d', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names.slice(1)), { maxLength: 30 }), (targets) => {
        const inventory = { root: '.', projects: [], components: names.map(component), edges: targets.map((to) => ({ from: 'pkg:npm/a@1', to: `pkg:npm/${to}@1` })), errors: [] };
        const expected = [...new Set(targets.map((to) => `pkg:npm/${to}@1`))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect(sbomContent(inventory, { rootName: 'r', toolVersion: '1' }).components.find((c) => c.name === 'a')?.dependsOn).toEqual(expected);
      }),
    );
  });
});

describe('documentUuid', () => {
  it('is a version 8 UUID that changes with the kind and the content', () => {
    const content = sbomContent(mixedInventory, { rootName: 'r', toolVersion: '1' });
    const options = { rootName: 'r', toolVersion: '1', deterministic: true };
    const uuid = documentUuid('cyclonedx', content, options);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(documentUuid('cyclonedx', content, options)).toBe(uuid);
    expect(documentUuid('spdx', content, options)).not.toBe(uuid);
    expect(documentUuid('cyclonedx', { ...content, rootName: 's' }, options)).not.toBe(uuid);
  });
});
