/**
 * The store and the CLI's fixed cost: opening the embedded SQLite store (first open with
 * migrations, then the warm open every command pays) and `trustline db status` end to end,
 * beside bare `node` start-up as the floor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { repoRoot } from '../test/shared.js';
import { commandMedianMs, medianMs, report } from './measure.js';

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trustline-bench-store-'));
  try {
    let first = 0;
    const fresh = await medianMs(async () => {
      const dataDir = mkdtempSync(join(dir, 'fresh-'));
      const start = performance.now();
      const store = await openStore({ dataDir, databaseUrl: null });
      first = performance.now() - start;
      await store.close();
      return first;
    }, 9);
    report('store.open.create-and-migrate', fresh, 'ms');

    const dataDir = join(dir, 'warm');
    await (await openStore({ dataDir, databaseUrl: null })).close();
    report('store.open.warm', await medianMs(async () => (await openStore({ dataDir, databaseUrl: null })).close(), 50, 5), 'ms');

    const env = { ...process.env, TRUSTLINE_HOME: dataDir, DATABASE_URL: '' };
    const cli = commandMedianMs(join(repoRoot, 'bin', 'trustline'), ['db', 'status'], 15, { env });
    const node = commandMedianMs(process.execPath, ['-e', '0'], 15);
    report('cli.db-status.end-to-end', cli, 'ms');
    report('node.startup.floor', node, 'ms');
    report('cli.db-status.above-node-startup', cli - node, 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
