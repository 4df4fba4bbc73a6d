import { describe, expect, it } from 'vitest';
import { cycloneDxJsonValidator, cycloneDxXmlValidator } from '../../test/sbom-schemas.js';
import type { Inventory } from '../model/index.js';
import { emptyInventory, emptySha256Hex, emptySha512Hex, mixedInventory, purls } from './__fixtures__/mixed-inventory.js';
import { cycloneDxJson, cycloneDxXml, groupAndName } from './cyclonedx.js';
import type { SbomOptions } from './cyclonedx.js';

const deterministic: SbomOptions = { rootName: 'my-project', toolVersion: '1.2.3', deterministic: true };

interface CdxComponent {
  readonly 'bom-ref': string;
  readonly name: string;
  readonly group?: string;
  readonly version?: string;
  readonly scope?: string;
  readonly hashes?: readonly { alg: string; content: string }[];
  readonly licenses?: readonly object[];
  readonly externalReferences?: readonly { type: string; url: string }[];
  readonly properties?: readonly { name: string; value: string }[];
}

interface CdxBom {
  readonly serialNumber: string;
  readonly metadata: { timestamp?: string; tools: { components: readonly object[] }; component: { type: string; name: string; 'bom-ref': string } };
  readonly components: readonly CdxComponent[];
  readonly dependencies: readonly { ref: string; dependsOn?: readonly string[] }[];
}

function parse(inventory: Inventory, options: SbomOptions = deterministic): CdxBom {
  return JSON.parse(cycloneDxJson(inventory, options)) as CdxBom;
}

function byRef(bom: CdxBom, ref: string): CdxComponent {
  const found = bom.components.find((component) => component['bom-ref'] === ref);
  if (found === undefined) throw new Error(`no component ${ref}`);
  return found;
}

describe('CycloneDX JSON', () => {
  it('is valid against the CycloneDX 1.6 JSON schema', async () => {
    expect(await cycloneDxJsonValidator(cycloneDxJson(mixedInventory, deterministic))).toEqual([]);
    expect(await cycloneDxJsonValidator(cycloneDxJson(mixedInventory, { ...deterministic, deterministic: false, created: new Date() }))).toEqual([]);
  });

  it('has one component per purl, with the purl as bom-ref, in code-point order', () => {
    const bom = parse(mixedInventory);
    expect(bom.components.map((component) => component['bom-ref'])).toEqual([
      purls.forked, purls.app, purls.serde, purls.commons, purls.babel, purls.semver, purls.unpinned, purls.odd,
    ].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('records the scanned folder as the application and trustline as the tool', () => {
    const bom = parse(mixedInventory);
    expect(bom.metadata.component).toEqual({ type: 'application', name: 'my-project', 'bom-ref': 'root:my-project' });
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'trustline', version: '1.2.3' }]);
  });

  it('writes the graph: the root depends on direct components and on parentless ones of unknown directness', () => {
    const bom = parse(mixedInventory);
    const dependsOn = new Map(bom.dependencies.map(({ ref, dependsOn }) => [ref, dependsOn ?? []]));
    expect(dependsOn.get('root:my-project')).toEqual([purls.babel, purls.commons, purls.app, purls.odd, purls.unpinned].sort((a, b) => (a < b ? -1 : 1)));
    expect(dependsOn.get(purls.babel)).toEqual([purls.semver]);
    expect(dependsOn.get(purls.app)).toEqual([purls.forked, purls.serde]);
    // The self-edge and the edge to an unknown purl are gone.
    expect(dependsOn.get(purls.serde)).toEqual([]);
    expect(bom.dependencies).toHaveLength(9);
  });

  it('turns integrity strings into hex hashes', () => {
    const bom = parse(mixedInventory);
    expect(byRef(bom, purls.babel).hashes).toEqual([{ alg: 'SHA-512', content: emptySha512Hex }]);
    expect(byRef(bom, purls.serde).hashes).toEqual([{ alg: 'SHA-256', content: emptySha256Hex }]);
    expect(byRef(bom, purls.semver).hashes).toBeUndefined();
  });

  it('maps scopes: dev is excluded, optional optional, prod wins over dev for a purl found twice', () => {
    const bom = parse(mixedInventory);
    expect(byRef(bom, purls.babel).scope).toBe('excluded');
    expect(byRef(bom, purls.odd).scope).toBe('optional');
    expect(byRef(bom, purls.commons).scope).toBe('required');
    expect(byRef(bom, purls.semver).scope).toBe('required');
    expect(byRef(bom, purls.app).scope).toBeUndefined();
  });

  it('splits Maven groupIds and npm scopes into the group', () => {
    const bom = parse(mixedInventory);
    expect(byRef(bom, purls.babel)).toMatchObject({ group: '@babel', name: 'core', version: '7.25.8' });
    expect(byRef(bom, purls.commons)).toMatchObject({ group: 'org.apache.commons', name: 'commons-lang3' });
    expect(groupAndName({ ecosystem: 'npm', name: 'semver' })).toEqual({ name: 'semver' });
    expect(groupAndName({ ecosystem: 'Maven', name: 'broken:' })).toEqual({ name: 'broken:' });
    expect(groupAndName({ ecosystem: 'Go', name: 'github.com/a/b' })).toEqual({ name: 'github.com/a/b' });
  });

  it('writes listed licences as ids, several valid expressions as one, anything else as names', () => {
    const bom = parse(mixedInventory);
    expect(byRef(bom, purls.babel).licenses).toEqual([{ license: { id: 'MIT', acknowledgement: 'declared' } }]);
    expect(byRef(bom, purls.semver).licenses).toEqual([{ expression: '(Apache-2.0 OR MIT) AND ISC', acknowledgement: 'declared' }]);
    expect(byRef(bom, purls.serde).licenses).toEqual([{ expression: 'MIT OR Apache-2.0', acknowledgement: 'declared' }]);
    expect(byRef(bom, purls.commons).licenses).toEqual([{ license: { name: 'Apache License, Version 2.0', acknowledgement: 'declared' } }]);
    expect(byRef(bom, purls.odd).licenses).toEqual([{ expression: 'LicenseRef-Custom', acknowledgement: 'declared' }]);
  });

  it('links http sources as distributions and git sources as VCS, without credentials', () => {
    const bom = parse(mixedInventory);
    expect(byRef(bom, purls.babel).externalReferences).toEqual([{ type: 'distribution', url: 'https://registry.example.com/@babel/core/-/core-7.25.8.tgz' }]);
    expect(byRef(bom, purls.forked).externalReferences).toEqual([{ type: 'vcs', url: 'git+https://github.com/example/forked?branch=main#0123456789abcdef' }]);
    expect(byRef(bom, purls.serde).externalReferences).toBeUndefined();
  });

  it('gives an unpinned requirement no version and keeps its range as a property', () => {
    const requests = byRef(parse(mixedInventory), purls.unpinned);
    expect(requests.version).toBeUndefined();
    expect(requests.properties).toEqual([{ name: 'trustline:versionRange', value: '>=2.31' }]);
  });

  it('is byte-identical across runs and input orders in deterministic mode, with a content-derived serial number', () => {
    const first = cycloneDxJson(mixedInventory, deterministic);
    const reordered: Inventory = { ...mixedInventory, components: [...mixedInventory.components].reverse(), edges: [...mixedInventory.edges].reverse() };
    expect(cycloneDxJson(mixedInventory, deterministic)).toBe(first);
    expect(cycloneDxJson(reordered, deterministic)).toBe(first);
    const bom = JSON.parse(first) as CdxBom;
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bom.metadata.timestamp).toBeUndefined();
    expect(parse(mixedInventory, { ...deterministic, toolVersion: '1.2.4' }).serialNumber).not.toBe(bom.serialNumber);
  });

  it('records the time and a random serial number otherwise', () => {
    const options: SbomOptions = { ...deterministic, deterministic: false, created: new Date('2024-05-06T07:08:09.123Z') };
    const first = parse(mixedInventory, options);
    expect(first.metadata.timestamp).toBe('2024-05-06T07:08:09.123Z');
    expect(parse(mixedInventory, options).serialNumber).not.toBe(first.serialNumber);
  });

  it('writes an empty inventory as a valid BOM whose root depends on nothing', async () => {
    const text = cycloneDxJson(emptyInventory, deterministic);
    expect(await cycloneDxJsonValidator(text)).toEqual([]);
    const bom = JSON.parse(text) as CdxBom;
    expect(bom.components).toEqual([]);
    expect(bom.dependencies).toEqual([{ ref: 'root:my-project' }]);
  });
});

describe('the CycloneDX schema checks', () => {
  it('reject what the schemas forbid, so a passing check means something', async () => {
    const bom = JSON.parse(cycloneDxJson(mixedInventory, deterministic)) as { components: { scope: string }[] };
    bom.components[0]!.scope = 'sometimes';
    expect(await cycloneDxJsonValidator(JSON.stringify(bom))).toEqual(['/components/0/scope must be equal to one of the allowed values']);
    const xml = cycloneDxXml(mixedInventory, deterministic).replace('<components>', '<components><unexpected/>');
    expect(await cycloneDxXmlValidator(xml)).toEqual([expect.stringContaining("unexpected': This element is not expected")]);
  });
});

describe('CycloneDX XML', () => {
  it('is valid against bom-1.6.xsd, the empty inventory too', async () => {
    expect(await cycloneDxXmlValidator(cycloneDxXml(mixedInventory, deterministic))).toEqual([]);
    expect(await cycloneDxXmlValidator(cycloneDxXml(emptyInventory, deterministic))).toEqual([]);
  });

  it('escapes markup and replaces characters XML cannot carry', () => {
    const xml = cycloneDxXml(mixedInventory, deterministic);
    expect(xml).toContain('<name>odd&lt;&amp;&gt;"name\uFFFD</name>');
    expect(xml).toContain(`bom-ref="${purls.commons.replace('&', '&amp;')}"`);
  });

  it('carries the same serial number as the JSON and is byte-identical across runs', () => {
    const xml = cycloneDxXml(mixedInventory, deterministic);
    expect(cycloneDxXml(mixedInventory, deterministic)).toBe(xml);
    expect(xml).toContain(`serialNumber="${parse(mixedInventory).serialNumber}"`);
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', expect.stringMatching(/^<bom xmlns="http:\/\/cyclonedx.org\/schema\/bom\/1.6" /)]);
  });
});
