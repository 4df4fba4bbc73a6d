/**
 * An inventory as a CycloneDX 1.6 BOM (https://cyclonedx.org/docs/1.6/json/), in JSON or XML, and
 * in JSON with a scan's findings as its vulnerabilities; built with the CycloneDX library's models
 * and normalizers so that the output follows the spec as its maintainers read it.
 */
import { ComponentScope, ComponentType, ExternalReferenceType, HashAlgorithm, LicenseAcknowledgement } from '@cyclonedx/cyclonedx-library/Enums';
import { Bom, Component, ExternalReference, HashDictionary, LicenseExpression, LicenseRepository, NamedLicense, Property, SpdxLicense } from '@cyclonedx/cyclonedx-library/Models';
import { JSON as CdxJson, JsonSerializer, XML as CdxXml, XmlSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { createHash } from 'node:crypto';
import type { DependencyScope, Inventory, ScanReport } from '../model/index.js';
import { cycloneDxVulnerabilities } from './cyclonedx-vulnerabilities.js';
import { distinctFindings } from './distinct-findings.js';
import { isListedLicenseId, normalizeLicenseExpression } from './license-expression.js';
import { documentUuid, sbomContent } from './sbom-components.js';
import type { SbomComponent, SbomContent, SbomHashAlgorithm, SbomOptions } from './sbom-components.js';

export type { SbomOptions } from './sbom-components.js';

/**
 * The BOM as JSON. Lists come out in the order they were built (components and dependencies by
 * purl in code-point order): the library's `sortLists` would sort with `localeCompare`, whose
 * order depends on the machine's locale, so it stays off.
 */
export function cycloneDxJson(inventory: Inventory, options: SbomOptions): string {
  return serializedJson(cycloneDxBom(inventory, options).bom);
}

/**
 * The same BOM with the scan's findings as `vulnerabilities[]` (see cyclonedx-vulnerabilities.ts):
 * one per finding, in the report's order, ignored ones included with an analysis that says so.
 * Its serial number covers the findings too, so in deterministic mode it differs from the plain
 * BOM's and changes when the findings do.
 */
export function cycloneDxJsonWithVulnerabilities(inventory: Inventory, report: ScanReport, options: SbomOptions): string {
  const findings = distinctFindings(report.findings);
  const digest = createHash('sha256').update(JSON.stringify(findings)).digest('hex');
  const { bom, byPurl } = cycloneDxBom(inventory, options, `cyclonedx+vulnerabilities:${digest}`);
  for (const vulnerability of cycloneDxVulnerabilities(findings, byPurl)) bom.vulnerabilities.add(vulnerability);
  return serializedJson(bom);
}

function serializedJson(bom: Bom): string {
  const serializer = new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot6));
  return serializer.serialize(bom, { space: 2, sortLists: false });
}

/** The BOM as XML (bom-1.6.xsd), with the same content and serial number as the JSON; written by the library's xmlbuilder2-based serializer. */
export function cycloneDxXml(inventory: Inventory, options: SbomOptions): string {
  const serializer = new XmlSerializer(new CdxXml.Normalize.Factory(Spec1dot6));
  return withoutXmlInvalidCharacters(serializer.serialize(cycloneDxBom(inventory, options).bom, { space: 2, sortLists: false }));
}

/**
 * XML 1.0 cannot carry most control characters, not even escaped, and xmlbuilder2 writes them
 * through; a package name from a hostile lockfile could hold one. They can appear nowhere in a
 * valid document, so each becomes U+FFFD in the text.
 */
function withoutXmlInvalidCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** CycloneDX's scope (https://cyclonedx.org/docs/1.6/json/#components_items_scope): "excluded" is for what is not reachable at run time, such as test and development tools. */
const scopes: Record<DependencyScope, ComponentScope> = {
  prod: ComponentScope.Required,
  peer: ComponentScope.Required,
  optional: ComponentScope.Optional,
  dev: ComponentScope.Excluded,
};

const hashAlgorithms: Record<SbomHashAlgorithm, HashAlgorithm> = {
  'SHA-1': HashAlgorithm['SHA-1'],
  'SHA-256': HashAlgorithm['SHA-256'],
  'SHA-384': HashAlgorithm['SHA-384'],
  'SHA-512': HashAlgorithm['SHA-512'],
};

/** The BOM and its components by purl. `kind` names the document for its deterministic serial number. */
function cycloneDxBom(inventory: Inventory, options: SbomOptions, kind = 'cyclonedx'): { bom: Bom; byPurl: ReadonlyMap<string, Component> } {
  const content = sbomContent(inventory, options);
  const bom = new Bom({ serialNumber: `urn:uuid:${documentUuid(kind, content, options)}` });
  if (options.created !== undefined) bom.metadata.timestamp = options.created;
  bom.metadata.tools.components.add(new Component(ComponentType.Application, 'trustline', { version: options.toolVersion }));
  const root = new Component(ComponentType.Application, content.rootName, { bomRef: rootRef(content) });
  bom.metadata.component = root;

  const byPurl = new Map(content.components.map((component) => [component.purl, cycloneDxComponent(component)]));
  for (const [, component] of byPurl) bom.components.add(component);
  for (const { purl, dependsOn } of content.components) {
    const component = byPurl.get(purl);
    for (const target of dependsOn) {
      const dependency = byPurl.get(target);
      if (component !== undefined && dependency !== undefined) component.dependencies.add(dependency.bomRef);
    }
  }
  for (const purl of content.rootDependsOn) {
    const dependency = byPurl.get(purl);
    if (dependency !== undefined) root.dependencies.add(dependency.bomRef);
  }
  return { bom, byPurl };
}

/** Purls start with `pkg:`, so this reference can never be a component's. */
function rootRef(content: SbomContent): string {
  return `root:${content.rootName}`;
}

function cycloneDxComponent(component: SbomComponent): Component {
  const { group, name } = groupAndName(component);
  const hashes = new HashDictionary(component.hashes.map(({ algorithm, hex }) => [hashAlgorithms[algorithm], hex]));
  const result = new Component(ComponentType.Library, name, {
    bomRef: component.purl,
    purl: component.purl,
    hashes,
    licenses: cycloneDxLicenses(component.licenses),
    ...(group === undefined ? {} : { group }),
    ...(component.version === undefined ? {} : { version: component.version }),
    ...(component.scope === undefined ? {} : { scope: scopes[component.scope] }),
  });
  if (component.source !== undefined) {
    const type = component.source.kind === 'vcs' ? ExternalReferenceType.VCS : ExternalReferenceType.Distribution;
    result.externalReferences.add(new ExternalReference(component.source.url, type));
  }
  // CycloneDX 1.6 has no version range on a component (1.7 adds one); a property keeps it.
  if (component.versionRange !== undefined) result.properties.add(new Property('trustline:versionRange', component.versionRange));
  return result;
}

/** The CycloneDX group and name: Maven's groupId and npm's scope are groups, as CycloneDX's own tools write them. */
export function groupAndName(component: Pick<SbomComponent, 'ecosystem' | 'name'>): { group?: string; name: string } {
  const { ecosystem, name } = component;
  const separator = ecosystem === 'Maven' ? name.indexOf(':') : ecosystem === 'npm' && name.startsWith('@') ? name.indexOf('/') : -1;
  if (separator <= 0 || separator === name.length - 1) return { name };
  return { group: name.slice(0, separator), name: name.slice(separator + 1) };
}

/**
 * Listed identifiers become `license.id`, anything unreadable `license.name`. A BOM may carry a
 * list of licences or a single expression, never both: when every text is a valid expression
 * and one is compound, they become one expression joined with AND (as Syft does for several
 * declared licences); otherwise compound texts are kept as names rather than dropped.
 */
function cycloneDxLicenses(texts: readonly string[]): LicenseRepository {
  const licenses = new LicenseRepository();
  const expressions = texts.map((text) => normalizeLicenseExpression(text, { allowLicenseRefs: true }));
  const valid = expressions.filter((expression): expression is string => expression !== undefined);
  if (valid.length === texts.length && valid.some((expression) => !isListedLicenseId(expression))) {
    const joined = valid.length === 1 ? valid[0] ?? '' : valid.map((expression) => (expression.includes(' ') ? `(${expression})` : expression)).join(' AND ');
    const license = new LicenseExpression(joined);
    license.acknowledgement = LicenseAcknowledgement.Declared;
    licenses.add(license);
    return licenses;
  }
  texts.forEach((text, index) => {
    const expression = expressions[index];
    const license = expression !== undefined && isListedLicenseId(expression) ? new SpdxLicense(expression) : new NamedLicense(text);
    license.acknowledgement = LicenseAcknowledgement.Declared;
    licenses.add(license);
  });
  return licenses;
}
