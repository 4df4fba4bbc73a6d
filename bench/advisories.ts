/**
 * The advisory engine: (a) importing all of shared/data/osv (30,038 records) into a fresh
 * embedded store, then again with nothing changed (incremental); (b) `trustline scan` of the
 * large npm project (about 1,800 packages) against that warm store, end to end including process
 * start, with `npm ls --all --package-lock-only --json` timed in the same run as the reference
 * (reading the lockfile is the floor of any scan). OSV-Scanner cannot run here (a Go binary from
 * GitHub releases, unreachable), nor can `npm audit` (it needs the registry's audit service).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advisoriesFor } from '../src/advisories/lookup.js';
import { inventoryPackages } from '../src/advisories/match.js';
import { scanInventory } from '../src/advisories/scan.js';
import { extractInventory } from '../src/inventory/index.js';
import { openStore } from '../src/store/index.js';
import { repoRoot, sharedPath } from '../test/shared.js';
import { compareWithPeer, interleavedMedianMs, medianMs, report } from './measure.js';
import { largeNpmProject } from './npm-project.js';

function timedRun(command: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}: ${String(result.stderr)}`);
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const osv = sharedPath('data', 'osv');
  if (osv === undefined) {
    console.log('advisories: skipped (../shared/data/osv is absent)');
    return;
  }
  const project = largeNpmProject();
  const dataDir = mkdtempSync(join(tmpdir(), 'trustline-bench-advisories-'));
  const bin = join(repoRoot, 'bin', 'trustline');
  const env = { ...process.env, TRUSTLINE_HOME: dataDir, DATABASE_URL: '' };
  try {
    report('advisories.import.from-scratch', timedRun(bin, ['db', 'import', osv, '-q'], env), 'ms');
    report('advisories.import.unchanged-again', timedRun(bin, ['db', 'import', osv, '-q'], env), 'ms');

    const [ours = 0, npm = 0, node = 0] = interleavedMedianMs(
      [
        { command: bin, args: ['scan', project, '--offline', '-q', '-f', 'json'], options: { env }, okStatuses: [0, 1] },
        { command: 'npm', args: ['ls', '--all', '--json', '--package-lock-only'], options: { cwd: project }, okStatuses: [0, 1] },
        { command: process.execPath, args: ['-e', '0'] },
      ],
      9,
    );
    compareWithPeer('advisories.scan.large-npm-project.end-to-end', ours, 'npm-ls', npm);
    report('node.startup.floor', node, 'ms');

    const inventory = await extractInventory(project);
    report('advisories.scan.packages', inventory.components.length, 'packages');
    report('advisories.scan.stage.inventory', await medianMs(() => extractInventory(project), 9), 'ms');
    const store = await openStore({ dataDir, databaseUrl: null });
    try {
      const keys = inventoryPackages(inventory.components).packages.map((item) => item.key);
      report('advisories.scan.stage.lookup', await medianMs(() => advisoriesFor(store, keys), 9), 'ms');
      report('advisories.scan.stage.lookup-match-report', await medianMs(() => scanInventory(store, inventory), 9), 'ms');
      report('advisories.scan.findings', (await scanInventory(store, inventory)).summary.findings, 'findings');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
