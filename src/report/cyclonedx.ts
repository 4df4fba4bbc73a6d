/**
 * An inventory as a CycloneDX 1.6 BOM (https://cyclonedx.org/docs/1.6/) in XML, and in JSON with a
 * scan's findings as its vulnerabilities; built with the CycloneDX library's models and normalizers
 * so that the output follows the spec as its maintainers read it. The plain JSON BOM, the one large
 * inventories ask for, is written directly with the same bytes (cyclonedx-json.ts, held to the
 * library's JSON here by cyclonedx-json.test.ts).
 */
import { ComponentScope, ComponentType, ExternalReferenceType, HashAlgorithm, LicenseAcknowledgement } from '@cyclonedx/cyclonedx-library/Enums';
import { Bom, Component, ExternalReference, HashDictionary, LicenseExpression, LicenseRepository, NamedLicense, Property, SpdxLicense } from '@cyclonedx/cyclonedx-library/Models';
import { JSON as CdxJson, JsonSerializer, XML as CdxXml, XmlSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { createHash } from 'node:crypto';
import type { DependencyScope, Inventory, ScanReport } from '../model/index.js';
import { cycloneDxVulnerabilities } from './cyclonedx-vulnerabilities.js';
import { distinctFindings } from './distinct-findings.js';
import { cycloneDxSerialNumber, groupAndName, licenseChoices, rootRef } from './cyclonedx-fields.js';
import { sbomContent } from './sbom-components.js';
import type { SbomComponent, SbomContent, SbomHashAlgorithm, SbomOptions } from './sbom-components.js';

export type { SbomOptions } from './sbom-components.js';
export { groupAndName } from './cyclonedx-fields.js';

/**
 * The plain JSON BOM through the library's models and serializer: what cyclonedx-json.ts leaves to
 * the library, and the reference its direct writer is tested against. Lists stay in their built
 * order (see cycloneDxJson).
 */
export function libraryCycloneDxJson(content: SbomContent, serialNumber: string, options: SbomOptions): string {
  return serializedJson(cycloneDxBom(content, serialNumber, options).bom);
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
  const content = sbomContent(inventory, options);
  const { bom, byPurl } = cycloneDxBom(content, cycloneDxSerialNumber(`cyclonedx+vulnerabilities:${digest}`, content, options), options);
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
  const content = sbomContent(inventory, options);
  const { bom } = cycloneDxBom(content, cycloneDxSerialNumber('cyclonedx', content, options), options);
  return withoutXmlInvalidCharacters(serializer.serialize(bom, { space: 2, sortLists: false }));
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

/** The library's values for {@link cycloneDxScopes}. */
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

/** The BOM as the library's models, and its components by purl. */
function cycloneDxBom(content: SbomContent, serialNumber: string, options: SbomOptions): { bom: Bom; byPurl: ReadonlyMap<string, Component> } {
  const bom = new Bom({ serialNumber });
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

/** The licences as the library's models, acknowledged as declared. */
function cycloneDxLicenses(texts: readonly string[]): LicenseRepository {
  const licenses = new LicenseRepository();
  for (const choice of licenseChoices(texts)) {
    const license = choice.kind === 'expression' ? new LicenseExpression(choice.expression) : choice.kind === 'id' ? new SpdxLicense(choice.id) : new NamedLicense(choice.name);
    license.acknowledgement = LicenseAcknowledgement.Declared;
    licenses.add(license);
  }
  return licenses;
}
