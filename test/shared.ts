/**
 * Locates the read-only shared material (`../shared` beside the repository, or `TRUSTLINE_SHARED`)
 * and lets tests skip visibly when it is absent.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared folder, or undefined when neither TRUSTLINE_SHARED nor ../shared exists. */
export function sharedDir(): string | undefined {
  const candidate = process.env['TRUSTLINE_SHARED'] ?? join(repoRoot, '..', 'shared');
  return existsSync(candidate) ? resolve(candidate) : undefined;
}

/** A path inside the shared folder, or undefined when that path is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  const root = sharedDir();
  if (root === undefined) return undefined;
  const path = join(root, ...parts);
  return existsSync(path) ? path : undefined;
}

/**
 * `describe` for a suite that needs `shared/<parts>`. When the path is absent the suite is
 * replaced by one skipped test whose name says what is missing, so the runner shows it.
 */
export function describeShared(name: string, parts: readonly string[], body: (path: string) => void): void {
  const path = sharedPath(...parts);
  if (path === undefined) {
    describe(name, () => {
      it.skip(`skipped: shared/${parts.join('/')} not found (set TRUSTLINE_SHARED to the shared folder)`, () => {});
    });
    return;
  }
  describe(name, () => {
    body(path);
  });
}
