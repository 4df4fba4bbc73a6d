/**
 * The SBOM formats as the inventory knows them before reading a file: name, file-name rule and
 * definition. The readers live beside this module and are imported only for a file that is read
 * (inventory/formats.ts); this module imports no parser, and not sbom-package.ts, whose purl
 * mapping loads every ecosystem.
 */
import type { InputFormat } from '../../ecosystems/extractor.js';

/** The last segment of a path, lower case: SBOM file names are matched without regard to case. */
function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

export const cycloneDxJsonFormat: InputFormat = {
  format: 'cyclonedx-json',
  ecosystem: '',
  matches: (path) => {
    const name = fileName(path);
    return name === 'bom.json' || name.endsWith('.cdx.json') || name.endsWith('.bom.json');
  },
  definition: {
    short: 'CycloneDX JSON BOMs (1.2 to 1.6): every component, nested ones included, of any ecosystem, with the dependency graph',
    fileNames: ['bom.json', '*.cdx.json', '*.bom.json'],
  },
};

export const cycloneDxXmlFormat: InputFormat = {
  format: 'cyclonedx-xml',
  ecosystem: '',
  matches: (path) => {
    const name = fileName(path);
    return name === 'bom.xml' || name.endsWith('.cdx.xml');
  },
  definition: {
    short: 'CycloneDX XML BOMs (1.2 to 1.6): every component, nested ones included, of any ecosystem, with the dependency graph',
    fileNames: ['bom.xml', '*.cdx.xml'],
  },
};

export const spdxJsonFormat: InputFormat = {
  format: 'spdx-json',
  ecosystem: '',
  matches: (path) => fileName(path).endsWith('.spdx.json'),
  definition: {
    short: 'SPDX JSON documents (2.2 and 2.3): every package of any ecosystem, with the dependency relationships',
    fileNames: ['*.spdx.json'],
  },
};

export const spdxTagValueFormat: InputFormat = {
  format: 'spdx-tag-value',
  ecosystem: '',
  matches: (path) => fileName(path).endsWith('.spdx'),
  definition: {
    short: 'SPDX tag-value documents (2.2 and 2.3): every package of any ecosystem, with the dependency relationships',
    fileNames: ['*.spdx'],
  },
};
