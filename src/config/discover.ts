import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The one name Trustline looks for. */
export const configFileName = 'trustline.yaml';

/**
 * The `trustline.yaml` that applies to `target` (a directory or a file): the first found in the
 * target's directory or any parent, up to the file-system root. Undefined when there is none.
 */
export function findConfigFile(target: string): string | undefined {
  let dir = resolve(target);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, configFileName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
