/**
 * Every lockfile corpus case that expects the parse to fail makes `trustline inventory` exit 2
 * with that file as its only input (named with --parse-as, since corpus fixture names are not
 * real file names); a case with packages exits 0 and prints them.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../../test/cli.js';
import { readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';

describeShared('the CLI on the lockfile corpus', ['corpus', 'lockfiles'], (dir) => {
  const cases = readLockfileCases(dir);
  const failing = cases.filter((testCase) => !Array.isArray(testCase.expected));

  it.each(failing.map((testCase) => [testCase.id, testCase] as const))('%s exits 2', async (_id, testCase) => {
    const run = await runCli(['inventory', join(dir, testCase.file), '--parse-as', testCase.format, '--format', 'json'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^trustline: /);
    expect((JSON.parse(run.stdout) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it('reads a case with packages and exits 0', async () => {
    const testCase = cases.find((candidate) => candidate.id === 'cargo-lock/two-packages') ?? cases.find((candidate) => Array.isArray(candidate.expected) && candidate.expected.length > 1);
    if (testCase === undefined) throw new Error('no case with packages');
    const run = await runCli(['inventory', join(dir, testCase.file), '--parse-as', testCase.format, '--format', 'json'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as { components: unknown[] }).components.length).toBeGreaterThan(0);
  });
});
