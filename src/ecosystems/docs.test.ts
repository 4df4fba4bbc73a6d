/**
 * docs/ecosystems.md lists every registered ecosystem from its own definition: the table between
 * the markers must be exactly what `ecosystemsTable()` renders, so the page never drifts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared.js';
import { ecosystems } from './registry.js';

export function ecosystemsTable(): string {
  const rows = [...ecosystems]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((ecosystem) => {
      const names = [ecosystem.name, ...(ecosystem.aliases ?? [])].map((name) => `\`${name}\``).join(', ');
      return `| ${names} | \`${ecosystem.purlType}\` | \`${ecosystem.scheme.id}\` | ${ecosystem.satisfies === undefined ? '' : 'yes'} | ${ecosystem.definition.short} |`;
    });
  return ['| OSV names | purl type | version scheme | native ranges | rules |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

describe('docs/ecosystems.md', () => {
  it('lists every ecosystem as registered', () => {
    const page = readFileSync(join(repoRoot, 'docs', 'ecosystems.md'), 'utf8');
    const table = /<!-- ecosystems:start -->\n([\s\S]*?)\n<!-- ecosystems:end -->/.exec(page)?.[1];
    expect(table).toBe(ecosystemsTable());
  });
});
