/**
 * The main job: `trustline scan` of the large npm project (about 2,000 packages) against the
 * whole shared OSV data set (30,038 records) in the embedded store, end to end and in-process
 * by stage. No peer runs here: OSV-Scanner is a Go binary from GitHub releases (unreachable from
 * this machine) and `npm audit` needs the registry's audit service.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventoryPackages } from '../src/advisories/match.js';
import { advisoriesFor } from '../src/advisories/lookup.js';
import { scanInventory } from '../src/advisories/scan.js';
import { extractInventory } from '../src/inventory/index.js';
import { openStore } from '../src/store/index.js';
import { repoRoot, sharedPath } from '../test/shared.js';
import { commandMedianMs, medianMs, report } from './measure.js';
import { largeNpmProject } from './npm-project.js';

export async function run(): Promise<void> {
  const osv = sharedPath('data', 'osv');
  if (osv === undefined) {
    console.log('scan: skipped (../shared/data/osv is absent)');
    return;
  }
  const project = largeNpmProject();
  const dataDir = mkdtempSync(join(tmpdir(), 'trustline-bench-scan-'));
  const bin = join(repoRoot, 'bin', 'trustline');
  const env = { ...process.env, TRUSTLINE_HOME: dataDir, DATABASE_URL: '' };
  try {
    const started = performance.now();
    const imported = spawnSync(bin, ['db', 'import', osv, '-q'], { env, stdio: 'ignore' });
    if (imported.status !== 0) throw new Error(`db import exited ${String(imported.status)}`);
    report('scan.setup.import-shared-osv', performance.now() - started, 'ms');

    report('scan.cli.large-npm-project.end-to-end', commandMedianMs(bin, ['scan', project, '--offline', '-q'], 9, { env }, [0, 1]), 'ms');
    report('scan.cli.large-npm-project.json', commandMedianMs(bin, ['scan', project, '--offline', '-q', '-f', 'json'], 9, { env }, [0, 1]), 'ms');
    report('node.startup.floor', commandMedianMs(process.execPath, ['-e', '0'], 9), 'ms');

    const inventory = extractInventory(project);
    report('scan.stage.packages', inventory.components.length, 'packages');
    report('scan.stage.inventory', await medianMs(() => extractInventory(project), 9), 'ms');
    const store = await openStore({ dataDir, databaseUrl: null });
    try {
      const keys = inventoryPackages(inventory.components).packages.map((item) => item.key);
      report('scan.stage.lookup', await medianMs(() => advisoriesFor(store, keys), 9), 'ms');
      report('scan.stage.lookup-match-report', await medianMs(() => scanInventory(store, inventory), 9), 'ms');
      const result = await scanInventory(store, inventory);
      report('scan.result.findings', result.summary.findings, 'findings');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
