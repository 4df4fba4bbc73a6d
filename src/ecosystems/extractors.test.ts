/**
 * The extractor registry against the folders: every extractor an ecosystem folder exports is
 * registered, each entry loads the extractor of its own format (a wrong import fails here), and
 * knowing the formats loads no parser, library or version scheme.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedExtractors } from '../../test/exported-extractors.js';
import { repoRoot } from '../../test/shared.js';
import { staticImports } from '../../test/static-imports.js';
import { extractors } from './extractors.js';

const folders = readdirSync(join(repoRoot, 'src', 'ecosystems'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'schemes' && !entry.name.startsWith('__'))
  .map((entry) => entry.name);

describe('extractor registry', () => {
  it('registers every extractor of every ecosystem folder, once', async () => {
    const exported = await Promise.all(folders.map((folder) => exportedExtractors(join(repoRoot, 'src', 'ecosystems', folder))));
    const registered = extractors.map((entry) => entry.format);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual(exported.flat().map((extractor) => extractor.format).sort());
  });

  it('loads, for each entry, the extractor built from the same format definition', async () => {
    for (const entry of extractors) {
      const loaded = await entry.load();
      expect(loaded.format).toBe(entry.format);
      expect(loaded.ecosystem, entry.format).toBe(entry.ecosystem);
      expect(loaded.definition, entry.format).toBe(entry.definition);
    }
  });

  it('knows every format without loading a parser, a library or a version scheme', () => {
    const { modules, packages } = staticImports('src/ecosystems/extractors.ts');
    expect(packages).toEqual([]);
    expect(modules.filter((module) => !/^src\/ecosystems\/(extractors?|formats|[^/]+\/formats)\.ts$/.test(module))).toEqual([]);
  });
});
