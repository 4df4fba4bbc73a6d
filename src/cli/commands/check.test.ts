import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-check-cli-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const workflow = `name: CI
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: curl -sSL https://example.com/install.sh | bash
`;

function repository(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), workflow);
  writeFileSync(join(dir, 'LICENSE'), 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n');
  return dir;
}

describe('trustline check', () => {
  const dir = repository('repo');
  const dataDir = join(root, 'data');

  it('reports every check with findings, evidence and fixes as JSON', async () => {
    const run = await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--format', 'json'], { cwd: root });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as { schemaVersion: number; score: number; checks: { name: string; score: number; findings: { file?: string; line?: number; snippet?: string; remediation?: string; dependencyType?: string; pinned?: boolean }[] }[] };
    expect(report.schemaVersion).toBe(1);
    expect(report.checks.length).toBeGreaterThanOrEqual(19);
    const pinned = report.checks.find((check) => check.name === 'Pinned-Dependencies');
    expect(pinned?.findings.filter((finding) => finding.pinned === false).map((finding) => [finding.dependencyType, finding.file, finding.line])).toEqual([
      ['GitHubAction', '.github/workflows/ci.yml', 7],
      ['downloadThenRun', '.github/workflows/ci.yml', 8],
    ]);
    expect(report.checks.find((check) => check.name === 'Vulnerabilities')?.score).toBe(-1);
    expect(report.score).toBeGreaterThan(0);
  });

  it('exits 1 below --min-score or a --require threshold, and 2 for bad usage', async () => {
    expect((await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--min-score', '9.9'], { cwd: root })).exitCode).toBe(1);
    const required = await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--require', 'Pinned-Dependencies=9', '--check', 'Pinned-Dependencies'], { cwd: root });
    expect(required.exitCode).toBe(1);
    expect(required.stderr).toContain('Pinned-Dependencies scored');
    expect((await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--min-score', '11'], { cwd: root })).exitCode).toBe(2);
    expect((await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--check', 'Nope'], { cwd: root })).exitCode).toBe(2);
    expect((await runCli(['check', join(root, 'missing'), '--offline', '--data-dir', dataDir], { cwd: root })).exitCode).toBe(2);
  });

  it('writes Scorecard JSON v2 and SARIF', async () => {
    const scorecard = await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--format', 'scorecard-json', '--check', 'License'], { cwd: root });
    expect(JSON.parse(scorecard.stdout)).toMatchObject({ repo: { name: dir }, checks: [{ name: 'License' }] });
    const sarif = await runCli(['check', dir, '--offline', '--data-dir', dataDir, '--format', 'sarif'], { cwd: root });
    expect((JSON.parse(sarif.stdout) as { version: string }).version).toBe('2.1.0');
  });

  it('leaves out checks.exclude paths, unless --scorecard-compat reproduces Scorecard', async () => {
    const excluded = repository('excluded');
    mkdirSync(join(excluded, 'scripts'), { recursive: true });
    writeFileSync(join(excluded, 'scripts', 'install.sh'), '#!/bin/bash\ncurl -sSL https://example.com/x.sh | bash\n');
    writeFileSync(join(excluded, 'trustline.yaml'), 'checks:\n  exclude: [scripts/**]\n');
    const snippets = async (extra: string[]) => {
      const run = await runCli(['check', excluded, '--offline', '--data-dir', dataDir, '--format', 'json', '--check', 'Pinned-Dependencies', ...extra], { cwd: root });
      const report = JSON.parse(run.stdout) as { scorecardCompat: boolean; checks: { findings: { file?: string; pinned?: boolean }[] }[] };
      return { compat: report.scorecardCompat, files: [...new Set(report.checks[0]?.findings.filter((finding) => finding.pinned === false).map((finding) => finding.file))].sort() };
    };
    expect(await snippets([])).toEqual({ compat: false, files: ['.github/workflows/ci.yml'] });
    expect(await snippets(['--scorecard-compat'])).toEqual({ compat: true, files: ['.github/workflows/ci.yml', 'scripts/install.sh'] });
  });

  it('reads git history in a git repository', async () => {
    const git = repository('git-repo');
    const env = { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.com' };
    execFileSync('git', ['init', '-q', git]);
    execFileSync('git', ['-C', git, 'add', '.'], { env });
    execFileSync('git', ['-C', git, 'commit', '-q', '-m', 'first'], { env });
    const run = await runCli(['check', git, '--offline', '--data-dir', dataDir, '--format', 'json', '--check', 'Maintained'], { cwd: root });
    const report = JSON.parse(run.stdout) as { repository: { commit?: string }; checks: { reason: string }[] };
    expect(report.repository.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(report.checks[0]?.reason).toContain('90 days');
  });
});
