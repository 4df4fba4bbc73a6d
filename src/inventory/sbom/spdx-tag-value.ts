/**
 * SPDX 2.2 and 2.3 documents in tag-value syntax (specification, "Tag-value format"): `Tag: value`
 * lines, values spanning lines inside `<text>...</text>`, `#` comments. `PackageName` opens a
 * package, whose tags follow until the next `PackageName`, `FileName`, `SnippetSPDXID` or
 * `LicenseID`; the first `SPDXID` before any of them is the document's. The syntax is read here;
 * the mapping to components is {@link spdxExtraction}.
 */
import type { Extractor, SourceFile } from '../../ecosystems/extractor.js';
import { spdxTagValueFormat } from './formats.js';
import type { Extraction, InventoryProblem } from '../../model/index.js';
import type { PackageHash } from './sbom-package.js';
import { spdxExtraction } from './spdx-model.js';
import type { SpdxRelationship } from './spdx-model.js';

export const spdxTagValueExtractor: Extractor = { ...spdxTagValueFormat, extract: extractSpdxTagValue };

interface PackageDraft {
  name: string;
  line: number;
  id?: string;
  versionInfo?: string;
  licenseConcluded?: string;
  licenseDeclared?: string;
  downloadLocation?: string;
  externalRefs: { category: string; type: string; locator: string }[];
  checksums: PackageHash[];
}

/** Tags that open a section which is not a package: the package tags before them are done. */
const otherSections = new Set(['FileName', 'SnippetSPDXID', 'LicenseID']);

function extractSpdxTagValue(file: SourceFile): Extraction {
  const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: InventoryProblem[] = [];
  const report = (line: number, message: string): void => {
    problems.push({ file: file.path, line, message });
  };
  const packages: PackageDraft[] = [];
  const relationships: SpdxRelationship[] = [];
  let version: string | undefined;
  let documentId: string | undefined;
  let section: 'document' | 'package' | 'other' = 'document';
  let current: PackageDraft | undefined;

  for (let index = 0; index < lines.length; index += 1) {
    const line = index + 1;
    const text = lines[index] ?? '';
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const match = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*:(.*)$/.exec(text);
    if (match === null || (version === undefined && match[1] !== 'SPDXVersion')) {
      // A document starts with SPDXVersion; before it, a stray line means this is not tag-value at all.
      if (version === undefined) return { components: [], edges: [], problems: [{ file: file.path, line, message: 'not an SPDX tag-value document: it does not start with "SPDXVersion:"' }] };
      report(line, 'not a "Tag: value" line');
      continue;
    }
    const tag = match[1] ?? '';
    let value = (match[2] ?? '').trim();
    if (value.startsWith('<text>')) {
      const parts: string[] = [];
      let rest = value.slice('<text>'.length);
      while (!rest.includes('</text>') && index + 1 < lines.length) {
        parts.push(rest);
        index += 1;
        rest = lines[index] ?? '';
      }
      if (!rest.includes('</text>')) {
        report(line, `the <text> value of ${tag} is never closed by </text>`);
        break;
      }
      parts.push(rest.slice(0, rest.indexOf('</text>')));
      value = parts.join('\n').trim();
    }

    if (tag === 'SPDXVersion') {
      if (!value.startsWith('SPDX-2.')) return { components: [], edges: [], problems: [{ file: file.path, line, message: `not an SPDX 2.2 or 2.3 document (SPDXVersion is "${value}")` }] };
      version = value;
    } else if (tag === 'PackageName') {
      current = { name: value, line, externalRefs: [], checksums: [] };
      packages.push(current);
      section = 'package';
    } else if (otherSections.has(tag)) {
      current = undefined;
      section = 'other';
    } else if (tag === 'SPDXID') {
      if (section === 'document') documentId ??= value;
      else if (current !== undefined) current.id ??= value;
    } else if (tag === 'Relationship') {
      const [from, type, to, ...extra] = value.split(/\s+/);
      if (from === undefined || type === undefined || to === undefined || extra.length > 0) report(line, `a Relationship is not "element TYPE element": "${value}"`);
      else relationships.push({ from, type, to });
    } else if (current !== undefined) {
      packageTag(current, tag, value, (message) => {
        report(line, message);
      });
    }
  }
  return spdxExtraction(file.path, { id: documentId ?? 'SPDXRef-DOCUMENT', packages, relationships, describes: [] }, problems);
}

function packageTag(draft: PackageDraft, tag: string, value: string, report: (message: string) => void): void {
  switch (tag) {
    case 'PackageVersion':
      draft.versionInfo = value;
      break;
    case 'PackageDownloadLocation':
      draft.downloadLocation = value;
      break;
    case 'PackageLicenseConcluded':
      draft.licenseConcluded = value;
      break;
    case 'PackageLicenseDeclared':
      draft.licenseDeclared = value;
      break;
    case 'PackageChecksum': {
      const checksum = /^([A-Za-z0-9-]+):\s*(\S+)$/.exec(value);
      if (checksum === null) report(`a PackageChecksum is not "ALGORITHM: value": "${value}"`);
      else draft.checksums.push({ algorithm: checksum[1] ?? '', value: checksum[2] ?? '' });
      break;
    }
    case 'ExternalRef': {
      const [category, type, locator] = value.split(/\s+/);
      if (category === undefined || type === undefined || locator === undefined) report(`an ExternalRef is not "CATEGORY TYPE locator": "${value}"`);
      else draft.externalRefs.push({ category, type, locator });
      break;
    }
    default:
      break;
  }
}
