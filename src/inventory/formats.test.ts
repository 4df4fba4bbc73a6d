/**
 * The registered formats against the corpus, the CLI's --parse-as list and docs/formats.md: every
 * lockfile format of shared/corpus/lockfiles has an extractor, and the docs table is rendered
 * from the extractors' own definitions (src/cli/main.test.ts checks the --parse-as list).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../test/shared.js';
import { allExtractors, extractorForFormat, formatNames } from './formats.js';

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
