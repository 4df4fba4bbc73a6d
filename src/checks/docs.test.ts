/**
 * docs/commands/check.md lists every registered check from its own definition (name, risk, where
 * its data comes from, what it looks at): the table between the markers must be what
 * `checksTable()` renders, so the page never drifts from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared.js';
import { checks } from './registry.js';

const sources = { files: 'files', git: 'git history (or the GitHub API)', github: 'GitHub API' } as const;

export function checksTable(): string {
  const rows = checks.map((check) => `| ${check.name} | ${check.risk} | ${sources[check.source]} | ${check.short} |`);
  return ['| check | risk | data | what it looks at |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('docs/commands/check.md', () => {
  it('lists every check as registered', () => {
    const page = readFileSync(join(repoRoot, 'docs', 'commands', 'check.md'), 'utf8');
    const table = /<!-- checks:start -->\n([\s\S]*?)\n<!-- checks:end -->/.exec(page)?.[1];
    expect(table).toBe(checksTable());
  });
});
