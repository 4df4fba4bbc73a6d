import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data directory (DESIGN.md, "Data"): `$TRUSTLINE_HOME`, else `$XDG_DATA_HOME/trustline`,
 * else `~/.local/share/trustline`. It holds the SQLite database, the HTTP cache and trust roots.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env['TRUSTLINE_HOME'];
  if (home !== undefined && home !== '') return home;
  const xdg = env['XDG_DATA_HOME'];
  if (xdg !== undefined && xdg !== '') return join(xdg, 'trustline');
  return join(homedir(), '.local', 'share', 'trustline');
}

/** The SQLite database file inside a data directory. */
export function sqlitePath(dataDir: string): string {
  return join(dataDir, 'trustline.db');
}
