/**
 * Inventory of the large npm project (about 2,000 packages in package-lock.json): Trustline's
 * `inventory --format json` end to end and in-process, beside npm's own reading of the same
 * lockfile (`npm ls --all --json --package-lock-only`), timed in the same run.
 */
import { join } from 'node:path';
import { extractInventory } from '../src/inventory/index.js';
import { repoRoot } from '../test/shared.js';
import { commandMedianMs, compareWithPeer, medianMs, report } from './measure.js';
import { largeNpmProject } from './npm-project.js';

export async function run(): Promise<void> {
  const project = largeNpmProject();
  const inventory = extractInventory(project);
  report('inventory.large-npm-project.packages', inventory.components.length, 'packages');
  report('inventory.large-npm-project.edges', inventory.edges.length, 'edges');
  report('inventory.large-npm-project.in-process', await medianMs(() => extractInventory(project), 15, 2), 'ms');
  const ours = commandMedianMs(join(repoRoot, 'bin', 'trustline'), ['inventory', project, '--format', 'json'], 9);
  // npm exits 1 when the tree has problems (missing peers); its reading time is what counts.
  const npm = commandMedianMs('npm', ['ls', '--all', '--json', '--package-lock-only'], 9, { cwd: project }, [0, 1]);
  compareWithPeer('inventory.large-npm-project.end-to-end', ours, 'npm-ls', npm);
}
