/**
 * CycloneDX XML BOMs (bom-1.2.xsd to bom-1.6.xsd), read with the XML safety rules of
 * {@link readXml}. The syntax is read here; the mapping to components is {@link cycloneDxExtraction}.
 */
import type { Extractor, SourceFile } from '../../ecosystems/extractor.js';
import { cycloneDxXmlFormat } from './formats.js';
import { childElement, childElements, childText, readXml } from '../../ecosystems/xml-tree.js';
import type { XmlElement, XmlReadFailure } from '../../ecosystems/xml-tree.js';
import type { Extraction, InventoryProblem } from '../../model/index.js';
import { cycloneDxExtraction, versionRangeProperty } from './cyclonedx-model.js';
import type { CdxComponent } from './cyclonedx-model.js';
import { optional } from './sbom-package.js';

/** Each level of nested components costs two elements (`components` and `component`). */
const maxDepth = 128;

export const cycloneDxXmlExtractor: Extractor = { ...cycloneDxXmlFormat, extract: extractCycloneDxXml };

function extractCycloneDxXml(file: SourceFile): Extraction {
  // CycloneDX never needs a DTD; refusing one rules out external fetches and entity bombs alike.
  const document = readXml(file.text, { maxDepth, localNames: true, refuseDtd: true });
  if ('error' in document) {
    return { components: [], edges: [], problems: [{ file: file.path, ...(document.line === undefined ? {} : { line: document.line }), message: readProblem(document.failure, document.error) }] };
  }
  const { root } = document;
  if (root.name !== 'bom') return { components: [], edges: [], problems: [{ file: file.path, line: root.line, message: `not a CycloneDX BOM: the root element is <${root.name}>, not <bom>` }] };
  const problems: InventoryProblem[] = [];
  const components: CdxComponent[] = [];
  const collect = (list: XmlElement | undefined): void => {
    for (const element of childElements(list, 'component')) {
      components.push(cdxComponent(element));
      // Depth is bounded by the parser's maxNestedTags, so this recursion is too.
      collect(childElement(element, 'components'));
    }
  };
  collect(childElement(root, 'components'));
  const rootRef = childElement(childElement(root, 'metadata'), 'component')?.attributes['bom-ref'];
  // <dependency ref="a"><dependency ref="b"/></dependency>: one level of nesting, as the schema defines it.
  const dependencies = childElements(childElement(root, 'dependencies'), 'dependency').flatMap((element) => {
    const ref = element.attributes['ref'];
    if (ref === undefined) return [];
    return [{ ref, dependsOn: childElements(element, 'dependency').flatMap((child) => child.attributes['ref'] ?? []) }];
  });
  return cycloneDxExtraction(file.path, { ...optional('rootRef', rootRef), components, dependencies }, problems);
}

function cdxComponent(element: XmlElement): CdxComponent {
  const rangeProperty = childElements(childElement(element, 'properties'), 'property').find((property) => property.attributes['name'] === versionRangeProperty);
  const licenses = childElement(element, 'licenses');
  return {
    name: childText(element, 'name') ?? '',
    ...optional('bomRef', element.attributes['bom-ref']),
    ...optional('group', childText(element, 'group')),
    ...optional('version', childText(element, 'version')),
    ...optional('versionRange', childText(element, 'versionRange') ?? (rangeProperty?.text === '' ? undefined : rangeProperty?.text)),
    ...optional('purl', childText(element, 'purl')),
    ...optional('scope', childText(element, 'scope')),
    licenses: (licenses?.children ?? []).flatMap((choice) => {
      if (choice.name === 'expression') return choice.text === '' ? [] : [choice.text];
      if (choice.name === 'license') return childText(choice, 'id') ?? childText(choice, 'name') ?? [];
      return [];
    }),
    hashes: childElements(childElement(element, 'hashes'), 'hash').flatMap((hash) => {
      const algorithm = hash.attributes['alg'];
      return algorithm === undefined || hash.text === '' ? [] : [{ algorithm, value: hash.text }];
    }),
    externalReferences: childElements(childElement(element, 'externalReferences'), 'reference').flatMap((reference) => {
      const type = reference.attributes['type'];
      const url = childText(reference, 'url');
      return type === undefined || url === undefined ? [] : [{ type, url }];
    }),
    line: element.line,
  };
}

function readProblem(failure: XmlReadFailure, error: string): string {
  if (failure === 'refused') return `CycloneDX BOM ${error}`;
  if (failure === 'malformed') return `could not read CycloneDX BOM: not well-formed XML (${error})`;
  return `could not read CycloneDX BOM: ${error}`;
}
