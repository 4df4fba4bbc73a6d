/**
 * CycloneDX JSON BOMs, specification 1.2 to 1.6 (the JSON format starts at 1.2). The syntax is
 * read here; the mapping to components is {@link cycloneDxExtraction}.
 */
import type { Node } from 'jsonc-parser';
import type { Extractor, SourceFile } from '../../ecosystems/extractor.js';
import { cycloneDxJsonFormat } from './formats.js';
import { arrayItems, property, readJsonObject, stringProperty, stringValue } from '../../ecosystems/json-tree.js';
import type { Extraction, InventoryProblem } from '../../model/index.js';
import { cycloneDxExtraction, versionRangeProperty } from './cyclonedx-model.js';
import type { CdxComponent } from './cyclonedx-model.js';
import { optional } from './sbom-package.js';

/** Each level of nested components costs two (an array and an object); 128 leaves room for 60 levels. */
const maxDepth = 128;

export const cycloneDxJsonExtractor: Extractor = { ...cycloneDxJsonFormat, extract: extractCycloneDxJson };

function extractCycloneDxJson(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'CycloneDX BOM', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line } = document;
  if (stringProperty(root, 'bomFormat') !== 'CycloneDX') {
    return { components: [], edges: [], problems: [{ file: file.path, message: 'not a CycloneDX BOM: "bomFormat" is not "CycloneDX"' }] };
  }
  const problems: InventoryProblem[] = [];
  const components: CdxComponent[] = [];
  const collect = (list: Node | undefined): void => {
    for (const node of arrayItems(list)) {
      if (node.type !== 'object') {
        problems.push({ file: file.path, line: line(node.offset), message: 'a component is not an object' });
        continue;
      }
      components.push(cdxComponent(node, line(node.offset)));
      // Depth is bounded by maxDepth, so this recursion is too.
      collect(property(node, 'components'));
    }
  };
  collect(property(root, 'components'));
  const rootRef = stringProperty(property(property(root, 'metadata'), 'component'), 'bom-ref');
  const dependencies = arrayItems(property(root, 'dependencies')).flatMap((node) => {
    const ref = stringProperty(node, 'ref');
    if (ref === undefined) return [];
    return [{ ref, dependsOn: arrayItems(property(node, 'dependsOn')).flatMap((item) => stringValue(item) ?? []) }];
  });
  return cycloneDxExtraction(file.path, { ...(rootRef === undefined ? {} : { rootRef }), components, dependencies }, problems);
}

function cdxComponent(node: Node, line: number): CdxComponent {
  const rangeProperty = arrayItems(property(node, 'properties')).find((item) => stringProperty(item, 'name') === versionRangeProperty);
  return {
    name: stringProperty(node, 'name') ?? '',
    ...optional('bomRef', stringProperty(node, 'bom-ref')),
    ...optional('group', stringProperty(node, 'group')),
    ...optional('version', stringProperty(node, 'version')),
    ...optional('versionRange', stringProperty(node, 'versionRange') ?? stringProperty(rangeProperty, 'value')),
    ...optional('purl', stringProperty(node, 'purl')),
    ...optional('scope', stringProperty(node, 'scope')),
    licenses: arrayItems(property(node, 'licenses')).flatMap((choice) => {
      const license = property(choice, 'license');
      return stringProperty(choice, 'expression') ?? stringProperty(license, 'id') ?? stringProperty(license, 'name') ?? [];
    }),
    hashes: arrayItems(property(node, 'hashes')).flatMap((hash) => {
      const algorithm = stringProperty(hash, 'alg');
      const value = stringProperty(hash, 'content');
      return algorithm === undefined || value === undefined ? [] : [{ algorithm, value }];
    }),
    externalReferences: arrayItems(property(node, 'externalReferences')).flatMap((reference) => {
      const type = stringProperty(reference, 'type');
      const url = stringProperty(reference, 'url');
      return type === undefined || url === undefined ? [] : [{ type, url }];
    }),
    line,
  };
}
