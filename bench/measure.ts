/**
 * Timing helpers for benchmarks. Every benchmark prints `name: value unit` lines; a peer tool,
 * when one can run here, is timed in the same run and the ratio printed beside it.
 */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptions } from 'node:child_process';

/** Prints one figure in the common `name: value unit` form. */
export function report(name: string, value: number, unit: string): void {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

/** The median of the durations (ms) of `runs` calls of `work`, after `warmup` untimed calls. */
export async function medianMs(work: () => unknown, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A command to time: what to run, with its options and the exit statuses that count as success. */
export interface TimedCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly options?: SpawnSyncOptions;
  readonly okStatuses?: readonly number[];
}

/**
 * The median wall times (ms) of several commands run in turns (a, b, c, a, b, c, ...), process
 * start included, after one untimed round that warms the file cache. Taking turns rather than
 * timing each command's runs in a row keeps their ratios steady on a machine whose speed drifts
 * (a shared virtual machine's does by 10-20% over a minute, measured).
 */
export function interleavedMedianMs(commands: readonly TimedCommand[], runs: number): number[] {
  const times: number[][] = commands.map(() => []);
  for (let round = 0; round <= runs; round++) {
    commands.forEach((timed, index) => {
      const start = performance.now();
      const result = spawnSync(timed.command, timed.args, { stdio: ['ignore', 'ignore', 'pipe'], ...timed.options });
      const elapsed = performance.now() - start;
      if (!(timed.okStatuses ?? [0]).includes(result.status ?? -1)) {
        throw new Error(`${timed.command} ${timed.args.join(' ')} exited ${String(result.status)}: ${String(result.stderr)}`);
      }
      if (round > 0) times[index]?.push(elapsed);
    });
  }
  return times.map(median);
}

/** The median wall time (ms) of a whole command, process start included. Fails on an exit status not in `okStatuses`. */
export function commandMedianMs(command: string, args: readonly string[], runs: number, options: SpawnSyncOptions = {}, okStatuses: readonly number[] = [0]): number {
  return interleavedMedianMs([{ command, args, options, okStatuses }], runs)[0] ?? 0;
}

/**
 * Times our command and a peer's in the same run and prints both and the ratio
 * (`name.ratio: 4.2 x faster` when ours is faster).
 */
export function compareWithPeer(name: string, ours: number, peerName: string, peer: number): void {
  report(`${name}.trustline`, ours, 'ms');
  report(`${name}.${peerName}`, peer, 'ms');
  report(`${name}.ratio-vs-${peerName}`, peer / ours, 'x faster');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
