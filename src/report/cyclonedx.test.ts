import { describe, expect, it } from 'vitest';
import { cycloneDxJsonValidator, cycloneDxXmlValidator } from '../../test/sbom-schemas.js';
import type { Finding, Inventory, ScanReport } from '../model/index.js';
import { emptyInventory, emptySha256Hex, emptySha512Hex, mixedInventory, purls } from './__fixtures__/mixed-inventory.js';
import { ratingMethodOf } from './cyclonedx-vulnerabilities.js';
import { cycloneDxJsonWithVulnerabilities, cycloneDxXml, groupAndName } from './cyclonedx.js';
import { cycloneDxJson } from './cyclonedx-json.js';
import type { SbomOptions } from './cyclonedx.js';
import { scanFinding, scanReportOf } from './__fixtures__/scan-report.js';

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

async function parse(inventory: Inventory, options: SbomOptions = deterministic): Promise<CdxBom> {
  return JSON.parse(await cycloneDxJson(inventory, options)) as CdxBom;
}

function byRef(bom: CdxBom, ref: string): CdxComponent {
  const found = bom.components.find((component) => component['bom-ref'] === ref);
  if (found === undefined) throw new Error(`no component ${ref}`);
  return found;
}

describe('CycloneDX JSON', () => {
  it('is valid against the CycloneDX 1.6 JSON schema', async () => {
    expect(await cycloneDxJsonValidator(await cycloneDxJson(mixedInventory, deterministic))).toEqual([]);
    expect(await cycloneDxJsonValidator(await cycloneDxJson(mixedInventory, { ...deterministic, deterministic: false, created: new Date() }))).toEqual([]);
  });

  it('has one component per purl, with the purl as bom-ref, in code-point order', async () => {
    const bom = await parse(mixedInventory);
    expect(bom.components.map((component) => component['bom-ref'])).toEqual([
      purls.forked, purls.app, purls.serde, purls.commons, purls.babel, purls.semver, purls.unpinned, purls.odd,
    ].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('records the scanned folder as the application and trustline as the tool', async () => {
    const bom = await parse(mixedInventory);
    expect(bom.metadata.component).toEqual({ type: 'application', name: 'my-project', 'bom-ref': 'root:my-project' });
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'trustline', version: '1.2.3' }]);
  });

  it('writes the graph: the root depends on direct components and on parentless ones of unknown directness', async () => {
    const bom = await parse(mixedInventory);
    const dependsOn = new Map(bom.dependencies.map(({ ref, dependsOn }) => [ref, dependsOn ?? []]));
    expect(dependsOn.get('root:my-project')).toEqual([purls.babel, purls.commons, purls.app, purls.odd, purls.unpinned].sort((a, b) => (a < b ? -1 : 1)));
    expect(dependsOn.get(purls.babel)).toEqual([purls.semver]);
    expect(dependsOn.get(purls.app)).toEqual([purls.forked, purls.serde]);
    // The self-edge and the edge to an unknown purl are gone.
    expect(dependsOn.get(purls.serde)).toEqual([]);
    expect(bom.dependencies).toHaveLength(9);
  });

  it('turns integrity strings into hex hashes', async () => {
    const bom = await parse(mixedInventory);
    expect(byRef(bom, purls.babel).hashes).toEqual([{ alg: 'SHA-512', content: emptySha512Hex }]);
    expect(byRef(bom, purls.serde).hashes).toEqual([{ alg: 'SHA-256', content: emptySha256Hex }]);
    expect(byRef(bom, purls.semver).hashes).toBeUndefined();
  });

  it('maps scopes: dev is excluded, optional optional, prod wins over dev for a purl found twice', async () => {
    const bom = await parse(mixedInventory);
    expect(byRef(bom, purls.babel).scope).toBe('excluded');
    expect(byRef(bom, purls.odd).scope).toBe('optional');
    expect(byRef(bom, purls.commons).scope).toBe('required');
    expect(byRef(bom, purls.semver).scope).toBe('required');
    expect(byRef(bom, purls.app).scope).toBeUndefined();
  });

  it('splits Maven groupIds and npm scopes into the group', async () => {
    const bom = await parse(mixedInventory);
    expect(byRef(bom, purls.babel)).toMatchObject({ group: '@babel', name: 'core', version: '7.25.8' });
    expect(byRef(bom, purls.commons)).toMatchObject({ group: 'org.apache.commons', name: 'commons-lang3' });
    expect(groupAndName({ ecosystem: 'npm', name: 'semver' })).toEqual({ name: 'semver' });
    expect(groupAndName({ ecosystem: 'Maven', name: 'broken:' })).toEqual({ name: 'broken:' });
    expect(groupAndName({ ecosystem: 'Go', name: 'github.com/a/b' })).toEqual({ name: 'github.com/a/b' });
  });

  it('writes listed licences as ids, several valid expressions as one, anything else as names', async () => {
    const bom = await parse(mixedInventory);
    expect(byRef(bom, purls.babel).licenses).toEqual([{ license: { id: 'MIT', acknowledgement: 'declared' } }]);
    expect(byRef(bom, purls.semver).licenses).toEqual([{ expression: '(Apache-2.0 OR MIT) AND ISC', acknowledgement: 'declared' }]);
    expect(byRef(bom, purls.serde).licenses).toEqual([{ expression: 'MIT OR Apache-2.0', acknowledgement: 'declared' }]);
    expect(byRef(bom, purls.commons).licenses).toEqual([{ license: { name: 'Apache License, Version 2.0', acknowledgement: 'declared' } }]);
    expect(byRef(bom, purls.odd).licenses).toEqual([{ expression: 'LicenseRef-Custom', acknowledgement: 'declared' }]);
  });

  it('links http sources as distributions and git sources as VCS, without credentials', async () => {
    const bom = await parse(mixedInventory);
    expect(byRef(bom, purls.babel).externalReferences).toEqual([{ type: 'distribution', url: 'https://registry.example.com/@babel/core/-/core-7.25.8.tgz' }]);
    expect(byRef(bom, purls.forked).externalReferences).toEqual([{ type: 'vcs', url: 'git+https://github.com/example/forked?branch=main#0123456789abcdef' }]);
    expect(byRef(bom, purls.serde).externalReferences).toBeUndefined();
  });

  it('gives an unpinned requirement no version and keeps its range as a property', async () => {
    const requests = byRef(await parse(mixedInventory), purls.unpinned);
    expect(requests.version).toBeUndefined();
    expect(requests.properties).toEqual([{ name: 'trustline:versionRange', value: '>=2.31' }]);
  });

  it('is byte-identical across runs and input orders in deterministic mode, with a content-derived serial number', async () => {
    const first = await cycloneDxJson(mixedInventory, deterministic);
    const reordered: Inventory = { ...mixedInventory, components: [...mixedInventory.components].reverse(), edges: [...mixedInventory.edges].reverse() };
    expect(await cycloneDxJson(mixedInventory, deterministic)).toBe(first);
    expect(await cycloneDxJson(reordered, deterministic)).toBe(first);
    const bom = JSON.parse(first) as CdxBom;
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bom.metadata.timestamp).toBeUndefined();
    expect((await parse(mixedInventory, { ...deterministic, toolVersion: '1.2.4' })).serialNumber).not.toBe(bom.serialNumber);
  });

  it('records the time and a random serial number otherwise', async () => {
    const options: SbomOptions = { ...deterministic, deterministic: false, created: new Date('2024-05-06T07:08:09.123Z') };
    const first = await parse(mixedInventory, options);
    expect(first.metadata.timestamp).toBe('2024-05-06T07:08:09.123Z');
    expect((await parse(mixedInventory, options)).serialNumber).not.toBe(first.serialNumber);
  });

  it('writes an empty inventory as a valid BOM whose root depends on nothing', async () => {
    const text = await cycloneDxJson(emptyInventory, deterministic);
    expect(await cycloneDxJsonValidator(text)).toEqual([]);
    const bom = JSON.parse(text) as CdxBom;
    expect(bom.components).toEqual([]);
    expect(bom.dependencies).toEqual([{ ref: 'root:my-project' }]);
  });
});

describe('the CycloneDX schema checks', () => {
  it('reject what the schemas forbid, so a passing check means something', async () => {
    const bom = JSON.parse(await cycloneDxJson(mixedInventory, deterministic)) as { components: { scope: string }[] };
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

  it('carries the same serial number as the JSON and is byte-identical across runs', async () => {
    const xml = cycloneDxXml(mixedInventory, deterministic);
    expect(cycloneDxXml(mixedInventory, deterministic)).toBe(xml);
    expect(xml).toContain(`serialNumber="${(await parse(mixedInventory)).serialNumber}"`);
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', expect.stringMatching(/^<bom xmlns="http:\/\/cyclonedx.org\/schema\/bom\/1.6" /)]);
  });
});

const finding = (overrides: Partial<Finding> & Pick<Finding, 'id'>): Finding =>
  scanFinding({ name: 'semver', version: '6.3.1', purl: purls.semver, locations: [{ file: 'package-lock.json', line: 3 }], ...overrides });
const scanReport = (findings: readonly Finding[]): ScanReport => scanReportOf(findings, { projects: mixedInventory.projects });

const semverV31 = finding({
  id: 'GHSA-c2qf-rxjj-qqgw',
  aliases: ['CVE-2022-25883'],
  summary: 'semver vulnerable to Regular Expression Denial of Service',
  severity: { rating: 'medium', score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' },
  fixed: ['6.3.1-fix', '7.5.2'],
  upgrade: '6.3.1-fix',
  references: ['https://osv.dev/vulnerability/CVE-2022-25883', 'https://osv.dev/vulnerability/GHSA-c2qf-rxjj-qqgw'],
  published: '2023-06-21T06:30:28Z',
  modified: '2024-06-21T21:33:53.123456Z',
});

const maliciousBabel = finding({ id: 'MAL-2025-1', kind: 'malicious', summary: 'Malicious code in @babel/core', name: '@babel/core', version: '7.25.8', purl: purls.babel });

const everyKind: readonly Finding[] = [
  maliciousBabel,
  finding({ id: 'GHSA-v4v4-v4v4-v4v4', severity: { rating: 'critical', score: 9.3, vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }, purl: purls.commons, name: 'org.apache.commons:commons-lang3', version: '3.14.0', ecosystem: 'Maven' }),
  semverV31,
  finding({ id: 'PYSEC-2020-1', severity: { rating: 'high', score: 7.5, vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }, purl: purls.odd, name: 'odd-name', version: '1.0', ecosystem: 'PyPI', published: 'not a date' }),
  finding({ id: 'GHSA-db00-db00-db00', severity: { rating: 'high', score: null, vector: null }, ignored: { id: 'GHSA-db00-db00-db00', reason: 'Only <b>dev</b> & tests', until: '2099-12-31' } }),
  finding({ id: 'RUSTSEC-2099-1', purl: 'pkg:cargo/not-in-the-inventory@1.0.0', name: 'not-in-the-inventory', version: '1.0.0', ecosystem: 'crates.io', references: ['not a url'] }),
];

interface CdxVulnerability {
  readonly 'bom-ref': string;
  readonly id: string;
  readonly ratings?: readonly { score?: number; severity?: string; method?: string; vector?: string }[];
  readonly cwes?: readonly number[];
  readonly recommendation?: string;
  readonly published?: string;
  readonly analysis?: { state: string; detail: string };
  readonly affects?: readonly { ref: string }[];
  readonly advisories?: readonly { url: string }[];
}

function vulnerabilitiesOf(findings: readonly Finding[], options: SbomOptions = deterministic): CdxVulnerability[] {
  return (JSON.parse(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(findings), options)) as { vulnerabilities?: CdxVulnerability[] }).vulnerabilities ?? [];
}

describe('CycloneDX JSON with vulnerabilities', () => {
  it('is valid against the CycloneDX 1.6 JSON schema with every kind of finding, and with none', async () => {
    expect(await cycloneDxJsonValidator(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(everyKind), deterministic))).toEqual([]);
    expect(await cycloneDxJsonValidator(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(everyKind), { ...deterministic, deterministic: false, created: new Date() }))).toEqual([]);
    expect(await cycloneDxJsonValidator(cycloneDxJsonWithVulnerabilities(emptyInventory, scanReport([]), deterministic))).toEqual([]);
  });

  it('writes a finding with its source, aliases, rating, advice, advisories, dates and the component it affects', () => {
    expect(vulnerabilitiesOf([semverV31])).toEqual([
      {
        'bom-ref': `vulnerability:GHSA-c2qf-rxjj-qqgw:${purls.semver}`,
        id: 'GHSA-c2qf-rxjj-qqgw',
        source: { name: 'OSV', url: 'https://osv.dev/vulnerability/GHSA-c2qf-rxjj-qqgw' },
        references: [{ id: 'CVE-2022-25883', source: { name: 'OSV', url: 'https://osv.dev/vulnerability/CVE-2022-25883' } }],
        ratings: [{ score: 5.3, severity: 'medium', method: 'CVSSv31', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }],
        description: 'semver vulnerable to Regular Expression Denial of Service',
        recommendation: 'Upgrade to 6.3.1-fix',
        advisories: [{ url: 'https://osv.dev/vulnerability/CVE-2022-25883' }, { url: 'https://osv.dev/vulnerability/GHSA-c2qf-rxjj-qqgw' }],
        published: '2023-06-21T06:30:28.000Z',
        updated: '2024-06-21T21:33:53.123Z',
        affects: [{ ref: purls.semver }],
      },
    ]);
  });

  it('keeps everything else of the BOM as cycloneDxJson writes it', async () => {
    const { serialNumber: _plain, ...plain } = JSON.parse(await cycloneDxJson(mixedInventory, deterministic)) as Record<string, unknown>;
    const { serialNumber: _withFindings, vulnerabilities, ...rest } = JSON.parse(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(everyKind), deterministic)) as Record<string, unknown>;
    expect(rest).toEqual(plain);
    expect(vulnerabilities).toHaveLength(everyKind.length);
    expect(JSON.parse(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport([]), deterministic))).not.toHaveProperty('vulnerabilities');
  });

  it('rates by the vector’s CVSS version, by the database’s label alone without a vector, and not at all when unknown', () => {
    const ratings = vulnerabilitiesOf(everyKind).map((vulnerability) => [vulnerability.id, vulnerability.ratings]);
    expect(ratings).toEqual([
      ['MAL-2025-1', undefined],
      ['GHSA-v4v4-v4v4-v4v4', [{ score: 9.3, severity: 'critical', method: 'CVSSv4', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }]],
      ['GHSA-c2qf-rxjj-qqgw', [{ score: 5.3, severity: 'medium', method: 'CVSSv31', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }]],
      ['PYSEC-2020-1', [{ score: 7.5, severity: 'high', method: 'CVSSv2', vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }]],
      ['GHSA-db00-db00-db00', [{ severity: 'high' }]],
      ['RUSTSEC-2099-1', undefined],
    ]);
    expect(['CVSS:4.0/AV:N', 'CVSS:3.1/AV:N', 'CVSS:3.0/AV:N', 'AV:N/AC:L/Au:N', '(AV:L/AC:H)', 'CVSS:5.0/X', ''].map(ratingMethodOf)).toEqual(['CVSSv4', 'CVSSv31', 'CVSSv3', 'CVSSv2', 'CVSSv2', 'other', 'other']);
  });

  it('tells to remove a malicious package and marks it as embedded malicious code (CWE-506)', () => {
    const [malicious] = vulnerabilitiesOf([maliciousBabel]);
    expect(malicious).toMatchObject({ recommendation: 'Remove this package: it is reported as malicious', cwes: [506], affects: [{ ref: purls.babel }] });
  });

  it('keeps an ignored finding in triage with the exception in the detail, never as not affected', () => {
    const ignored = vulnerabilitiesOf(everyKind).find((vulnerability) => vulnerability.id === 'GHSA-db00-db00-db00');
    expect(ignored?.analysis).toEqual({ state: 'in_triage', detail: 'Ignored in trustline.yaml (GHSA-db00-db00-db00) until 2099-12-31: Only <b>dev</b> & tests' });
    expect(ignored?.recommendation).toBeUndefined();
  });

  it('points affects only at bom-refs of the document, leaves out dates and URLs that do not parse', () => {
    const bom = JSON.parse(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(everyKind), deterministic)) as CdxBom & { vulnerabilities: CdxVulnerability[] };
    const refs = new Set(bom.components.map((component) => component['bom-ref']));
    const affected = bom.vulnerabilities.flatMap((vulnerability) => (vulnerability.affects ?? []).map((affect) => affect.ref));
    expect(affected).toEqual([purls.babel, purls.commons, purls.semver, purls.odd, purls.semver]);
    expect(affected.every((ref) => refs.has(ref))).toBe(true);
    const orphan = bom.vulnerabilities.find((vulnerability) => vulnerability.id === 'RUSTSEC-2099-1');
    expect(orphan?.affects).toBeUndefined();
    expect(orphan?.advisories).toBeUndefined();
    expect(bom.vulnerabilities.find((vulnerability) => vulnerability.id === 'PYSEC-2020-1')?.published).toBeUndefined();
  });

  it('writes one vulnerability per alias group and package version, with unique bom-refs', () => {
    const sameGroup = finding({ ...semverV31, id: 'CVE-2022-25883', aliases: ['GHSA-c2qf-rxjj-qqgw'] });
    const otherPackage = finding({ ...semverV31, name: '@babel/core', version: '7.25.8', purl: purls.babel });
    const vulnerabilities = vulnerabilitiesOf([semverV31, sameGroup, otherPackage, semverV31]);
    expect(vulnerabilities.map((vulnerability) => vulnerability['bom-ref'])).toEqual([`vulnerability:GHSA-c2qf-rxjj-qqgw:${purls.semver}`, `vulnerability:GHSA-c2qf-rxjj-qqgw:${purls.babel}`]);
  });

  it('is byte-identical across runs in deterministic mode, with a serial number of its own that follows the findings', async () => {
    const text = cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(everyKind), deterministic);
    expect(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(structuredClone(everyKind)), deterministic)).toBe(text);
    const serial = (JSON.parse(text) as CdxBom).serialNumber;
    expect(serial).not.toBe((await parse(mixedInventory)).serialNumber);
    expect((JSON.parse(cycloneDxJsonWithVulnerabilities(mixedInventory, scanReport(everyKind.slice(1)), deterministic)) as CdxBom).serialNumber).not.toBe(serial);
  });
});
