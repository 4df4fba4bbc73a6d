/**
 * Inventory of the large npm project (about 1,800 packages in a package-lock.json made by npm):
 * `trustline sbom --format cyclonedx-json` end to end including process start, against
 * `@cyclonedx/cyclonedx-npm --package-lock-only` and `npm ls --all --json --package-lock-only`
 * in the same run; plus Trustline's in-process reading alone.
 */
import { join } from 'node:path';
import { extractInventory } from '../src/inventory/index.js';
import { repoRoot } from '../test/shared.js';
import { compareWithPeer, interleavedMedianMs, medianMs, report } from './measure.js';
import { largeNpmProject, peerBin } from './npm-project.js';

export async function run(): Promise<void> {
  const project = largeNpmProject();
  const inventory = await extractInventory(project);
  report('inventory.large-npm-project.packages', inventory.components.length, 'packages');
  report('inventory.large-npm-project.edges', inventory.edges.length, 'edges');
  report('inventory.large-npm-project.in-process', await medianMs(() => extractInventory(project), 15, 2), 'ms');

  const cyclonedxNpm = peerBin('@cyclonedx/cyclonedx-npm', 'cyclonedx-npm');
  const [ours = 0, npm = 0, peer = 0, node = 0] = interleavedMedianMs(
    [
      { command: join(repoRoot, 'bin', 'trustline'), args: ['sbom', project, '--format', 'cyclonedx-json'] },
      // npm exits 1 when the tree has problems (an unmet peer); its reading time is what counts.
      { command: 'npm', args: ['ls', '--all', '--json', '--package-lock-only'], options: { cwd: project }, okStatuses: [0, 1] },
      { command: cyclonedxNpm, args: ['--package-lock-only', '--ignore-npm-errors', '--output-format', 'JSON', '--output-file', '-', join(project, 'package.json')], options: { cwd: project }, okStatuses: [0, 1] },
      // What every Node process pays before running any code, peers included.
      { command: process.execPath, args: ['-e', '0'] },
    ],
    9,
  );
  compareWithPeer('inventory.sbom.end-to-end', ours, 'npm-ls', npm);
  compareWithPeer('inventory.sbom.end-to-end', ours, 'cyclonedx-npm', peer);
  report('node.startup.floor', node, 'ms');
}
