/**
 * An inventory as a CycloneDX 1.6 JSON BOM (https://cyclonedx.org/docs/1.6/json/), written as plain
 * objects: byte for byte what the CycloneDX library's models, normalizer and JsonSerializer write
 * for the BOM cyclonedx.ts builds (cyclonedx-json.test.ts compares both over generated
 * inventories), at a fraction of the cost. Building the models and normalizing them took ~40 ms of
 * a ~250 ms `trustline sbom` of 1,815 packages, and merely loading the library another ~20 ms
 * (measured), so this module does not import it: the library stays the writer of XML, of BOMs with
 * vulnerabilities and of the rare BOM below, and the reference for this one: when it changes, the
 * comparison says so.
 *
 * Each object lists its keys in the order of the library's JSON normalizer (1.6) and leaves out
 * what it would leave out. Rules of the normalizer that this content cannot trigger are not
 * repeated (sbomContent gives no empty version, only edges between its own components, only
 * valid hex hashes; licence choices never mix an expression with other licences); the comparison
 * would catch a change.
 */
import type { Inventory } from '../model/index.js';
import { cycloneDxScopes, cycloneDxSerialNumber, groupAndName, licenseChoices, rootRef } from './cyclonedx-fields.js';
import type { LicenseChoice } from './cyclonedx-fields.js';
import { sbomContent } from './sbom-components.js';
import type { SbomComponent, SbomContent, SbomOptions } from './sbom-components.js';

/**
 * The BOM as JSON. Lists come out in the order they were built (components and dependencies by
 * purl in code-point order): the library's `sortLists` would sort with `localeCompare`, whose
 * order depends on the machine's locale, so it stays off. A BOM the direct writer cannot match
 * (see {@link canWriteDirectly}) is written by the library, loaded for it: hence the promise.
 */
export async function cycloneDxJson(inventory: Inventory, options: SbomOptions): Promise<string> {
  const content = sbomContent(inventory, options);
  const serialNumber = cycloneDxSerialNumber('cyclonedx', content, options);
  if (canWriteDirectly(content)) return writeCycloneDxJson(content, serialNumber, options);
  const { libraryCycloneDxJson } = await import('./cyclonedx.js');
  return libraryCycloneDxJson(content, serialNumber, options);
}

/** The BOM as the library's JsonSerializer writes it with `{ space: 2, sortLists: false }`. */
function writeCycloneDxJson(content: SbomContent, serialNumber: string, options: Pick<SbomOptions, 'created' | 'toolVersion'>): string {
  const root = rootRef(content);
  const licenses = licensesByText();
  const bom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    serialNumber,
    metadata: {
      timestamp: options.created?.toISOString(),
      tools: { components: [{ type: 'application', name: 'trustline', version: nonEmpty(options.toolVersion) }] },
      component: { type: 'application', name: content.rootName, 'bom-ref': root },
    },
    components: content.components.map((component) => componentJson(component, licenses)),
    // DependencyGraphNormalizer: the root first, then every component in order.
    dependencies: [dependencyJson(root, content.rootDependsOn), ...content.components.map((component) => dependencyJson(component.purl, component.dependsOn))],
  };
  return JSON.stringify(bom, null, 2);
}

/** Whether writing directly gives the library's bytes: the library renames empty and repeated bom-refs at random, so those BOMs are left to it. */
export function canWriteDirectly(content: SbomContent): boolean {
  const root = rootRef(content);
  return content.components.every((component) => component.purl !== '' && component.purl !== root);
}

function componentJson(component: SbomComponent, licenses: (texts: readonly string[]) => object[]): object {
  const { group, name } = groupAndName(component);
  return {
    type: 'library',
    name,
    group,
    version: component.version,
    'bom-ref': component.purl,
    scope: component.scope === undefined ? undefined : cycloneDxScopes[component.scope],
    hashes: component.hashes.length > 0 ? component.hashes.map(({ algorithm, hex }) => ({ alg: algorithm, content: hex })) : undefined,
    licenses: component.licenses.length > 0 ? licenses(component.licenses) : undefined,
    purl: component.purl,
    externalReferences: component.source === undefined ? undefined : [{ url: escapeUri(component.source.url), type: component.source.kind }],
    properties: component.versionRange === undefined ? undefined : [{ name: 'trustline:versionRange', value: component.versionRange }],
  };
}

/**
 * The `licenses` of a component's licence texts, parsed once per distinct list: most packages of a
 * lockfile share one of a few licences, and parsing each again was a measurable part of the BOM.
 * Components share the arrays, which JSON.stringify writes out each time.
 */
function licensesByText(): (texts: readonly string[]) => object[] {
  // A single licence is keyed by its text, a list by its JSON: the two kinds of keys live in
  // separate maps, so a text that looks like a JSON list cannot be taken for one.
  const single = new Map<string, object[]>();
  const lists = new Map<string, object[]>();
  const parsed = (known: Map<string, object[]>, key: string, texts: readonly string[]): object[] => {
    let json = known.get(key);
    if (json === undefined) known.set(key, (json = licensesJson(licenseChoices(texts))));
    return json;
  };
  return (texts) => (texts.length === 1 ? parsed(single, texts[0] ?? '', texts) : parsed(lists, JSON.stringify(texts), texts));
}

function licensesJson(choices: readonly LicenseChoice[]): object[] {
  return choices.map((choice) => {
    switch (choice.kind) {
      case 'expression':
        return { expression: choice.expression, acknowledgement: 'declared' };
      case 'id':
        return { license: { id: choice.id, acknowledgement: 'declared' } };
      case 'name':
        return { license: { name: choice.name, acknowledgement: 'declared' } };
    }
  });
}

function dependencyJson(ref: string, dependsOn: readonly string[]): object {
  return { ref, dependsOn: dependsOn.length > 0 ? dependsOn : undefined };
}

/** The library's escapeUri: the characters a URI may not carry literally that URL serializers leave in. */
function escapeUri(url: string): string {
  return url.replace(/[ "'[\]<>{}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `value || undefined`, as the normalizer writes optional strings. */
function nonEmpty(value: string): string | undefined {
  return value === '' ? undefined : value;
}
