/**
 * The examples in docs/ are run: every ```console block holds `$ trustline ...` lines, each
 * followed by the output it must print; an output line ending in `...` matches any line starting
 * with the rest. `/tmp/tl` in an example stands for a fresh data directory, and a path under
 * `test/fixtures/` is read from the repository.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { repoRoot } from './shared.js';

interface Example {
  readonly file: string;
  readonly command: string;
  readonly expected: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function examples(file: string): Example[] {
  const found: Example[] = [];
  const blocks = readFileSync(file, 'utf8').matchAll(/```console\n([\s\S]*?)```/g);
  for (const block of blocks) {
    let current: { command: string; output: string[] } | undefined;
    for (const line of (block[1] ?? '').split('\n')) {
      if (line.startsWith('$ ')) {
        if (current !== undefined) found.push({ file, command: current.command, expected: current.output.join('\n') });
        current = { command: line.slice(2), output: [] };
      } else if (current !== undefined && line !== '') {
        current.output.push(line);
      }
    }
    if (current !== undefined) found.push({ file, command: current.command, expected: current.output.join('\n') });
  }
  return found;
}

function wildcardPattern(expected: string): RegExp {
  const lines = expected.split('\n').map((line) => {
    const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return line.endsWith('...') ? `${literal(line.slice(0, -3))}.*` : literal(line);
  });
  return new RegExp(`^${lines.join('\n')}$`);
}

const all = [...markdownFiles(join(repoRoot, 'docs')), join(repoRoot, 'README.md')].flatMap(examples);
const scratch = mkdtempSync(join(tmpdir(), 'trustline-docs-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('documentation examples', () => {
  it('has examples to run', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it.each(all.map((example) => [`${relative(repoRoot, example.file)}: ${example.command}`, example] as const))('%s', async (_name, example) => {
    const dataDir = mkdtempSync(join(scratch, 'tl-'));
    const argv = example.command.split(/\s+/).map((arg) => (arg.startsWith('test/fixtures/') ? join(repoRoot, arg) : arg.replaceAll('/tmp/tl', dataDir)));
    expect(argv[0]).toBe('trustline');
    const run = await runCli(argv.slice(1), { cwd: scratch });
    // Blank lines are layout: the examples leave them out of the comparison.
    const actual = run.stdout.trimEnd().replaceAll(dataDir, '/tmp/tl').split('\n').filter((line) => line !== '').join('\n');
    // An expected line ending in `...` matches any line that starts with the rest (a time, a count).
    if (example.expected.split('\n').some((line) => line.endsWith('...'))) expect(actual).toMatch(wildcardPattern(example.expected));
    else expect(actual).toBe(example.expected);
  });
});
