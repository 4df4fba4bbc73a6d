/**
 * SPDX 2.2 and 2.3 documents in JSON. The syntax is read here; the mapping to components is
 * {@link spdxExtraction}.
 */
import type { Node } from 'jsonc-parser';
import type { Extractor, SourceFile } from '../../ecosystems/extractor.js';
import { spdxJsonFormat } from './formats.js';
import { arrayItems, property, readJsonObject, stringProperty, stringValue } from '../../ecosystems/json-tree.js';
import type { Extraction, InventoryProblem } from '../../model/index.js';
import { optional } from './sbom-package.js';
import { spdxExtraction } from './spdx-model.js';
import type { SpdxPackage } from './spdx-model.js';

/** SPDX 2 JSON is flat: packages and relationships sit four or five levels down. */
const maxDepth = 32;

export const spdxJsonExtractor: Extractor = { ...spdxJsonFormat, extract: extractSpdxJson };

function extractSpdxJson(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'SPDX document', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line } = document;
  const version = stringProperty(root, 'spdxVersion');
  if (version === undefined || !version.startsWith('SPDX-2.')) {
    return { components: [], edges: [], problems: [{ file: file.path, message: `not an SPDX 2.2 or 2.3 JSON document ("spdxVersion" is ${version === undefined ? 'missing' : `"${version}"`})` }] };
  }
  const problems: InventoryProblem[] = [];
  const packages = arrayItems(property(root, 'packages')).flatMap((node) => {
    if (node.type === 'object') return [spdxPackage(node, line(node.offset))];
    problems.push({ file: file.path, line: line(node.offset), message: 'a package is not an object' });
    return [];
  });
  const relationships = arrayItems(property(root, 'relationships')).flatMap((node) => {
    const from = stringProperty(node, 'spdxElementId');
    const type = stringProperty(node, 'relationshipType');
    const to = stringProperty(node, 'relatedSpdxElement');
    return from === undefined || type === undefined || to === undefined ? [] : [{ from, type, to }];
  });
  const describes = arrayItems(property(root, 'documentDescribes')).flatMap((node) => stringValue(node) ?? []);
  return spdxExtraction(file.path, { id: stringProperty(root, 'SPDXID') ?? 'SPDXRef-DOCUMENT', packages, relationships, describes }, problems);
}

function spdxPackage(node: Node, line: number): SpdxPackage {
  return {
    name: stringProperty(node, 'name') ?? '',
    ...optional('id', stringProperty(node, 'SPDXID')),
    ...optional('versionInfo', stringProperty(node, 'versionInfo')),
    ...optional('licenseConcluded', stringProperty(node, 'licenseConcluded')),
    ...optional('licenseDeclared', stringProperty(node, 'licenseDeclared')),
    ...optional('downloadLocation', stringProperty(node, 'downloadLocation')),
    externalRefs: arrayItems(property(node, 'externalRefs')).flatMap((reference) => {
      const category = stringProperty(reference, 'referenceCategory');
      const type = stringProperty(reference, 'referenceType');
      const locator = stringProperty(reference, 'referenceLocator');
      return category === undefined || type === undefined || locator === undefined ? [] : [{ category, type, locator }];
    }),
    checksums: arrayItems(property(node, 'checksums')).flatMap((checksum) => {
      const algorithm = stringProperty(checksum, 'algorithm');
      const value = stringProperty(checksum, 'checksumValue');
      return algorithm === undefined || value === undefined ? [] : [{ algorithm, value }];
    }),
    line,
  };
}
