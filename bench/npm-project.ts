/**
 * The large npm project of the inventory and scan benchmarks: bench/fixtures/large-npm-project's
 * package.json, resolved by npm into a package-lock.json of about 2,000 packages under
 * bench/.work/ (generated on first use, never committed), and the peer tools timed beside
 * Trustline, installed under bench/.work/peers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/shared.js';

const work = join(repoRoot, 'bench', '.work');

/** The folder holding the generated package.json and package-lock.json. */
export function largeNpmProject(): string {
  const dir = join(work, 'large-npm-project');
  if (!existsSync(join(dir, 'package-lock.json'))) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(repoRoot, 'bench', 'fixtures', 'large-npm-project', 'package.json'), join(dir, 'package.json'));
    console.error('generating bench/.work/large-npm-project/package-lock.json with npm (once)...');
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

/** The path of a peer tool's executable, installing the package under bench/.work/peers first. */
export function peerBin(pkg: string, bin: string): string {
  const dir = join(work, 'peers');
  const path = join(dir, 'node_modules', '.bin', bin);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    console.error(`installing ${pkg} under bench/.work/peers (once)...`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', pkg], { stdio: 'inherit' });
  }
  return path;
}
