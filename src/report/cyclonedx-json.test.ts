import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Component, DependencyScope, Inventory } from '../model/index.js';
import { emptyInventory, mixedInventory } from './__fixtures__/mixed-inventory.js';
import { libraryCycloneDxJson } from './cyclonedx.js';
import type { SbomOptions } from './cyclonedx.js';
import { canWriteDirectly, cycloneDxJson } from './cyclonedx-json.js';
import { cycloneDxSerialNumber } from './cyclonedx-fields.js';
import { sbomContent } from './sbom-components.js';

/** The reference: the same BOM through the library's models and serializer. */
function throughLibrary(inventory: Inventory, options: SbomOptions): string {
  const content = sbomContent(inventory, options);
  return libraryCycloneDxJson(content, cycloneDxSerialNumber('cyclonedx', content, options), options);
}

const base64Of = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((array) => Buffer.from(array).toString('base64'));
const integrity = fc.oneof(
  fc.tuple(fc.constantFrom(['sha1', 20], ['sha256', 32], ['sha384', 48], ['sha512', 64]) as fc.Arbitrary<[string, number]>, fc.nat(1)).chain(([[algorithm, bytes]]) => base64Of(bytes).map((value) => `${algorithm}-${value}`)),
  fc.constantFrom('sha512-AAAA', 'md5-1B2M2Y8AsgTpgAmY7PhCfg==', '', 'nonsense'),
);
const integrityText = fc.array(integrity, { minLength: 1, maxLength: 3 }).map((tokens) => tokens.join(' '));
const resolved = fc.constantFrom(
  'https://registry.npmjs.org/a/-/a-1.0.0.tgz',
  'https://user:pw@example.com/a b/"q"/[x]/{y}/<z>/it\'s.tgz',
  'git+ssh://git@github.com/a/b.git#abc',
  'git+https://token@github.com/a/b.git',
  'ssh://git@example.com/a',
  'git://example.com/a.git',
  'registry+https://github.com/rust-lang/crates.io-index',
  'file:../x',
  'not a url',
  'http://[::1]:8080/a?b=c d#e',
);
const licenseText = fc.oneof(
  fc.constantFrom('MIT', 'mit', 'Apache-2.0 OR MIT', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-Custom', 'Custom License', '', '  ', 'MIT AND', '(MIT)', 'ISC ', 'BSD-3-Clause'),
  fc.string({ maxLength: 6 }),
);
const purl = fc.constantFrom('pkg:npm/a@1.0.0', 'pkg:npm/%40s/b@2.0.0', 'pkg:maven/g.h/a@1?type=jar', 'pkg:pypi/x', 'pkg:cargo/y@0.1.0', 'pkg:golang/github.com/a/b@v1.2.3', 'pkg:generic/odd%3C%26%3E');
const text = fc.oneof(fc.constantFrom('a', '@s/b', 'g.h:a', 'g:', ':a', '@s/', 'odd<&>"name\u0001', 'é', '\uD800'), fc.string({ maxLength: 6 }));
const component: fc.Arbitrary<Component> = fc
  .record(
    {
      name: text,
      version: fc.oneof(fc.constantFrom('', '1.0.0', 'v1.2.3'), fc.string({ maxLength: 4 })),
      ecosystem: fc.constantFrom('npm', 'Maven', 'PyPI', 'crates.io', 'Go', ''),
      purl,
      scope: fc.constantFrom<DependencyScope>('prod', 'dev', 'optional', 'peer'),
      direct: fc.boolean(),
      unpinned: fc.boolean(),
      versionRange: fc.constantFrom('>=1.0', '^2', ''),
      integrity: integrityText,
      resolved,
      licenses: fc.array(licenseText, { maxLength: 3 }),
    },
    { requiredKeys: ['name', 'version', 'ecosystem', 'purl'] },
  )
  .map((fields) => ({ groups: [], location: { file: 'lockfile', line: 1 }, ...fields }));
const inventory: fc.Arbitrary<Inventory> = fc
  .tuple(fc.array(component, { maxLength: 8 }), fc.array(fc.record({ from: fc.oneof(purl, fc.constant('pkg:npm/unknown@1')), to: fc.oneof(purl, fc.constant('pkg:npm/unknown@1')) }), { maxLength: 10 }))
  .map(([components, edges]) => ({ root: '.', projects: [], components, edges, errors: [] }));
const options: fc.Arbitrary<SbomOptions> = fc.record(
  {
    rootName: fc.constantFrom('my-project', 'a b', '<x>', ''),
    toolVersion: fc.constantFrom('1.2.3', ''),
    deterministic: fc.constant(true),
    created: fc.constant(new Date('2024-05-06T07:08:09.123Z')),
  },
  { requiredKeys: ['rootName', 'toolVersion', 'deterministic'] },
);

describe('the direct CycloneDX JSON writer', () => {
  it('writes byte for byte what the CycloneDX library writes, for any inventory', async () => {
    await fc.assert(
      fc.asyncProperty(inventory, options, async (generated, sbomOptions) => {
        expect(canWriteDirectly(sbomContent(generated, sbomOptions))).toBe(true);
        expect(await cycloneDxJson(generated, sbomOptions)).toBe(throughLibrary(generated, sbomOptions));
      }),
      { numRuns: 400 },
    );
  });

  it('matches the library on the shared fixtures', async () => {
    for (const fixture of [mixedInventory, emptyInventory]) {
      const sbomOptions: SbomOptions = { rootName: 'my-project', toolVersion: '1.2.3', deterministic: true };
      expect(await cycloneDxJson(fixture, sbomOptions)).toBe(throughLibrary(fixture, sbomOptions));
    }
  });

  it('leaves to the library a BOM whose references it would rename', async () => {
    const clash: Inventory = { ...emptyInventory, components: [{ name: 'x', version: '1', ecosystem: 'npm', purl: 'root:my-project', groups: [], location: { file: 'f' } }] };
    const sbomOptions: SbomOptions = { rootName: 'my-project', toolVersion: '1.2.3', deterministic: true };
    expect(canWriteDirectly(sbomContent(clash, sbomOptions))).toBe(false);
    expect(JSON.parse(await cycloneDxJson(clash, sbomOptions))).toMatchObject({ components: [{ name: 'x' }] });
  });
});
