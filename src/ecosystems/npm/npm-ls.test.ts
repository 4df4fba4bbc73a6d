/**
 * A real-world check: a package-lock.json produced by npm itself (test/fixtures/npm-real, a few
 * hundred packages) must give exactly the name@version set that npm reports for it with
 * `npm ls --all --package-lock-only --json`, run here against the same files.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/shared.js';
import { packageLockExtractor } from './package-lock.js';

const project = join(repoRoot, 'test', 'fixtures', 'npm-real');

interface NpmLsNode {
  readonly version?: string;
  readonly missing?: boolean;
  readonly dependencies?: Readonly<Record<string, NpmLsNode>>;
}

function npmLsSet(tree: NpmLsNode): Set<string> {
  const found = new Set<string>();
  const visit = (node: NpmLsNode): void => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      // npm lists an unmet optional peer as missing, with no version: nothing is installed.
      if (child.missing === true || child.version === undefined) continue;
      found.add(`${name}@${child.version}`);
      visit(child);
    }
  };
  visit(tree);
  return found;
}

describe('package-lock.json against npm ls', () => {
  it('gives exactly the name@version set npm reports', async () => {
    // npm exits 1 when the tree has problems (an invalid peer, say); its JSON is still complete.
    const { stdout } = await promisify(execFile)('npm', ['ls', '--all', '--package-lock-only', '--json'], { cwd: project, maxBuffer: 64 * 1024 * 1024 }).catch((error: unknown) => error as { stdout: string });
    const expected = npmLsSet(JSON.parse(stdout) as NpmLsNode);
    const text = readFileSync(join(project, 'package-lock.json'), 'utf8');
    const extraction = packageLockExtractor.extract({
      path: 'package-lock.json',
      text,
      readRelated: (name) => (name === 'package.json' ? { path: 'package.json', text: readFileSync(join(project, name), 'utf8'), readRelated: () => undefined } : undefined),
    });
    expect(extraction.problems).toEqual([]);
    const actual = new Set(extraction.components.map((component) => `${component.name}@${component.version}`));
    expect(expected.size).toBeGreaterThan(200);
    expect([...actual].filter((item) => !expected.has(item)).sort()).toEqual([]);
    expect([...expected].filter((item) => !actual.has(item)).sort()).toEqual([]);
  });
});
