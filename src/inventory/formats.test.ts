/**
 * The registered formats against the corpus, the CLI's --parse-as list and docs/formats.md: every
 * lockfile format of shared/corpus/lockfiles has an extractor, and the docs table is rendered
 * from the extractors' own definitions (src/cli/main.test.ts checks the --parse-as list). The
 * SBOM readers are checked against their folder as src/ecosystems/extractors.test.ts checks the
 * ecosystems', and the inventory's own modules are checked to load no parser until a file is read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedExtractors } from '../../test/exported-extractors.js';
import { describeShared, repoRoot } from '../../test/shared.js';
import { staticImports } from '../../test/static-imports.js';
import { allExtractors, extractorForFormat, formatNames, sbomExtractors } from './formats.js';

export function formatsTable(): string {
  const rows = [...allExtractors]
    .sort((a, b) => (a.format < b.format ? -1 : 1))
    .map((extractor) => `| \`${extractor.format}\` | ${extractor.definition.fileNames.map((name) => `\`${name}\``).join(', ')} | ${extractor.ecosystem === '' ? 'any (from purls)' : extractor.ecosystem} | ${extractor.definition.short} |`);
  return ['| format (`--parse-as`) | file names | ecosystem | what is read |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('input formats', () => {
  it('has unique format names', () => {
    expect(new Set(formatNames()).size).toBe(allExtractors.length);
  });

  it('registers every SBOM reader of src/inventory/sbom/, each loading the reader of its own format', async () => {
    const exported = await exportedExtractors(join(repoRoot, 'src', 'inventory', 'sbom'));
    expect(sbomExtractors.map((entry) => entry.format).sort()).toEqual(exported.map((extractor) => extractor.format).sort());
    for (const entry of sbomExtractors) {
      const loaded = await entry.load();
      expect(loaded.format).toBe(entry.format);
      expect(loaded.ecosystem, entry.format).toBe(entry.ecosystem);
      expect(loaded.definition, entry.format).toBe(entry.definition);
    }
  });

  it('walks and picks formats without loading any parser: extract.ts reaches only the formats\' light definitions', () => {
    const { modules, packages } = staticImports('src/inventory/extract.ts');
    // No library either: the walk requires its glob matcher only for exclude patterns.
    expect(packages).toEqual([]);
    const parsers = modules.filter((module) => /^src\/(ecosystems|inventory\/sbom)\//.test(module) && !/^src\/ecosystems\/(extractors?|formats|[^/]+\/formats)\.ts$|^src\/inventory\/sbom\/formats\.ts$/.test(module));
    expect(parsers).toEqual([]);
  });

  it('docs/formats.md lists every format as registered', () => {
    const page = readFileSync(join(repoRoot, 'docs', 'formats.md'), 'utf8');
    const table = /<!-- formats:start -->\n([\s\S]*?)\n<!-- formats:end -->/.exec(page)?.[1];
    expect(table).toBe(formatsTable());
  });
});

describeShared('lockfile corpus coverage', ['corpus', 'lockfiles'], (dir) => {
  it('has an extractor for every format folder of the corpus (each runs its cases beside its code)', () => {
    const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.filter((format) => extractorForFormat(format) === undefined)).toEqual([]);
  });
});
