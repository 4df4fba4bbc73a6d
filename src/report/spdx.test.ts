import { describe, expect, it } from 'vitest';
import { spdxJsonValidator } from '../../test/sbom-schemas.js';
import { describeShared } from '../../test/shared.js';
import type { Inventory } from '../model/index.js';
import { emptyInventory, emptySha256Hex, emptySha512Hex, mixedInventory, purls } from './__fixtures__/mixed-inventory.js';
import { spdxJson } from './spdx.js';
import type { SbomOptions } from './spdx.js';

const deterministic: SbomOptions = { rootName: 'my-project', toolVersion: '1.2.3', deterministic: true };

interface SpdxPackage {
  readonly SPDXID: string;
  readonly name: string;
  readonly versionInfo?: string;
  readonly downloadLocation: string;
  readonly checksums?: readonly { algorithm: string; checksumValue: string }[];
  readonly licenseDeclared: string;
  readonly externalRefs?: readonly { referenceLocator: string }[];
}

interface SpdxDocument {
  readonly documentNamespace: string;
  readonly creationInfo: { created: string; creators: readonly string[] };
  readonly packages: readonly SpdxPackage[];
  readonly relationships: readonly { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
}

function parse(inventory: Inventory, options: SbomOptions = deterministic): SpdxDocument {
  return JSON.parse(spdxJson(inventory, options)) as SpdxDocument;
}

function packageOf(document: SpdxDocument, purl: string): SpdxPackage {
  const found = document.packages.find((entry) => entry.externalRefs?.[0]?.referenceLocator === purl);
  if (found === undefined) throw new Error(`no package ${purl}`);
  return found;
}

/** Relationships as `A TYPE B` lines with package names, easier to read than SPDXIDs. */
function relationshipLines(document: SpdxDocument): string[] {
  const names = new Map(document.packages.map((entry) => [entry.SPDXID, entry.name]));
  names.set('SPDXRef-DOCUMENT', 'DOCUMENT');
  return document.relationships.map((relation) => `${names.get(relation.spdxElementId) ?? '?'} ${relation.relationshipType} ${names.get(relation.relatedSpdxElement) ?? '?'}`);
}

describeShared('SPDX 2.3 JSON schema', ['schemas', 'spdx-2.3.schema.json'], () => {
  it('accepts the document, the empty one too, and rejects an unknown relationship type', async () => {
    const validate = spdxJsonValidator!;
    expect(await validate(spdxJson(mixedInventory, deterministic))).toEqual([]);
    expect(await validate(spdxJson(emptyInventory, { ...deterministic, deterministic: false, created: new Date() }))).toEqual([]);
    const broken = JSON.parse(spdxJson(mixedInventory, deterministic)) as { relationships: { relationshipType: string }[] };
    broken.relationships[0]!.relationshipType = 'LIKES';
    expect(await validate(JSON.stringify(broken))).toEqual(['/relationships/0/relationshipType must be equal to one of the allowed values']);
  });
});

describe('SPDX 2.3 JSON', () => {
  it('has a root package and one package per purl, with unique SPDXIDs of the allowed characters', () => {
    const document = parse(mixedInventory);
    expect(document.packages).toHaveLength(9);
    expect(document.packages[0]).toEqual({
      SPDXID: 'SPDXRef-RootPackage',
      name: 'my-project',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'NOASSERTION',
      primaryPackagePurpose: 'APPLICATION',
    });
    const ids = document.packages.map((entry) => entry.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
    expect(packageOf(document, purls.babel).SPDXID).toMatch(/^SPDXRef-Package-babel-core-[0-9a-f]{8}$/);
    expect(packageOf(document, purls.commons).SPDXID).toMatch(/^SPDXRef-Package-org.apache.commons-commons-lang3-[0-9a-f]{8}$/);
  });

  it('relates the document to the root, the root to its direct dependencies, and each edge', () => {
    expect(relationshipLines(parse(mixedInventory))).toEqual([
      'DOCUMENT DESCRIBES my-project',
      'my-project DEPENDS_ON my-app',
      'my-project DEPENDS_ON org.apache.commons:commons-lang3',
      // Section 11.1: "SPDXRef-A is a development dependency of SPDXRef-B".
      '@babel/core DEV_DEPENDENCY_OF my-project',
      'odd<&>"name\u0001 OPTIONAL_DEPENDENCY_OF my-project',
      'my-project DEPENDS_ON requests',
      'my-app DEPENDS_ON forked',
      'my-app DEPENDS_ON serde',
      '@babel/core DEPENDS_ON semver',
    ]);
    const document = parse(mixedInventory);
    const ids = new Set(['SPDXRef-DOCUMENT', ...document.packages.map((entry) => entry.SPDXID)]);
    for (const relation of document.relationships) expect(ids.has(relation.spdxElementId) && ids.has(relation.relatedSpdxElement)).toBe(true);
  });

  it('writes checksums, download locations and the purl of each package', () => {
    const document = parse(mixedInventory);
    expect(packageOf(document, purls.babel)).toMatchObject({
      versionInfo: '7.25.8',
      downloadLocation: 'https://registry.example.com/@babel/core/-/core-7.25.8.tgz',
      checksums: [{ algorithm: 'SHA512', checksumValue: emptySha512Hex }],
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purls.babel }],
    });
    expect(packageOf(document, purls.serde)).toMatchObject({ downloadLocation: 'NOASSERTION', checksums: [{ algorithm: 'SHA256', checksumValue: emptySha256Hex }] });
    expect(packageOf(document, purls.forked).downloadLocation).toBe('git+https://github.com/example/forked?branch=main#0123456789abcdef');
    expect(packageOf(document, purls.unpinned).versionInfo).toBeUndefined();
  });

  it('declares licences only as valid expressions of listed identifiers', () => {
    const document = parse(mixedInventory);
    expect(packageOf(document, purls.babel).licenseDeclared).toBe('MIT');
    expect(packageOf(document, purls.semver).licenseDeclared).toBe('(Apache-2.0 OR MIT) AND ISC');
    expect(packageOf(document, purls.serde).licenseDeclared).toBe('MIT OR Apache-2.0');
    expect(packageOf(document, purls.commons).licenseDeclared).toBe('NOASSERTION');
    expect(packageOf(document, purls.odd).licenseDeclared).toBe('NOASSERTION');
  });

  it('is byte-identical across runs in deterministic mode, created at the epoch unless a time is given', () => {
    const text = spdxJson(mixedInventory, deterministic);
    expect(spdxJson(mixedInventory, deterministic)).toBe(text);
    const document = JSON.parse(text) as SpdxDocument;
    expect(document.creationInfo).toEqual({ created: '1970-01-01T00:00:00Z', creators: ['Tool: trustline-1.2.3'] });
    expect(document.documentNamespace).toMatch(/^https:\/\/spdx\.org\/spdxdocs\/trustline\/my-project-[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const sourceDate = parse(mixedInventory, { ...deterministic, created: new Date(1_700_000_000_000) });
    expect(sourceDate.creationInfo.created).toBe('2023-11-14T22:13:20Z');
    expect(sourceDate.documentNamespace).not.toBe(document.documentNamespace);
  });

  it('gets a random namespace and the given time otherwise', () => {
    const options: SbomOptions = { ...deterministic, deterministic: false, created: new Date('2024-05-06T07:08:09.123Z') };
    const first = parse(mixedInventory, options);
    expect(first.creationInfo.created).toBe('2024-05-06T07:08:09Z');
    expect(parse(mixedInventory, options).documentNamespace).not.toBe(first.documentNamespace);
  });

  it('escapes a root name into the namespace URI', () => {
    expect(parse(emptyInventory, { ...deterministic, rootName: 'a b#c' }).documentNamespace).toMatch(/^https:\/\/spdx\.org\/spdxdocs\/trustline\/a%20b%23c-/);
  });

  it('writes an empty inventory as the root package alone', () => {
    const document = parse(emptyInventory);
    expect(document.packages.map((entry) => entry.SPDXID)).toEqual(['SPDXRef-RootPackage']);
    expect(relationshipLines(document)).toEqual(['DOCUMENT DESCRIBES my-project']);
  });
});
