import { describe, expect, it } from 'vitest';
import { actionRemediation, commandRemediation, imageRemediation } from './pinned-remediation.js';

describe('remediations', () => {
  it('gives the pinned uses: line and how to find the commit', () => {
    expect(actionRemediation('actions/checkout@v4')).toBe('pin to a full commit SHA and keep the version as a comment: `uses: actions/checkout@<40-hex commit SHA> # v4`; find the commit with `git ls-remote https://github.com/actions/checkout v4 v4^{}` (for an annotated tag, the `^{}` line), or let Dependabot or Renovate pin and update it');
    expect(actionRemediation('org/repo/.github/workflows/r.yml@main')).toContain('`uses: org/repo/.github/workflows/r.yml@<40-hex commit SHA> # main`');
    expect(actionRemediation('docker://alpine:3.20')).toContain('`uses: docker://alpine:3.20@sha256:<digest>`; look the digest up with `docker buildx imagetools inspect alpine:3.20`');
  });

  it('gives the FROM line with a digest placeholder and the command that prints it', () => {
    expect(imageRemediation('python:3.12-slim')).toContain('`FROM python:3.12-slim@sha256:<digest>`');
    expect(imageRemediation('python:3.12-slim')).toContain('docker buildx imagetools inspect python:3.12-slim');
    expect(imageRemediation('base', { stage: 'base', line: 3 })).toBe('pin the image stage `base` is built from (line 3) by digest');
  });

  it('gives a fix for every kind of command', () => {
    expect(commandRemediation('downloadThenRun', 'curl x | sh')).toContain('sha256sum -c');
    expect(commandRemediation('pipCommand', 'pip install flask')).toContain('pip install --require-hashes -r requirements.txt');
    expect(commandRemediation('pipCommand', 'pip install -e git+https://x/r.git')).toContain('--no-deps -e git+');
    expect(commandRemediation('npmCommand', 'npm install')).toContain('npm ci');
    expect(commandRemediation('goCommand', 'go install -v golang.org/x/tools/cmd/goimports@latest')).toContain('go install golang.org/x/tools/cmd/goimports@v<major>.<minor>.<patch>');
    expect(commandRemediation('chocoCommand', 'choco install x')).toContain('--requirechecksums');
    expect(commandRemediation('nugetCommand', 'nuget install x')).toContain('RestoreLockedMode');
  });
});
