import { describe, expect, it } from 'vitest';
import { collectShellScripts, isShellScript, isSupportedShellScript } from './pinned-shell-scripts.js';
import { memoryRepository } from './repository.js';

describe('shell scripts', () => {
  it.each([
    ['a.sh', '#!/bin/bash', true],
    ['a', '#!/usr/bin/env bash', true],
    ['a', '#!bash -e', true],
    ['a', '#!/bin/mksh', true],
    ['a.sh', '#!/bin/zsh', false],
    ['a.sh', '#!/usr/bin/awk -f', false],
    ['a', '#! /bin/bash', false],
    ['a.sh', '# no shebang', true],
    ['a.bash', undefined, true],
    ['a.ksh', '# ksh', false],
  ])('%s starting %j is a supported script: %s', (path, firstLine, supported) => {
    expect(isSupportedShellScript(path, firstLine)).toBe(supported);
  });

  it('knows scripts of other shells, which are never Dockerfiles', () => {
    expect(isShellScript('Dockerfile.ksh', 'FROM x')).toBe(true);
    expect(isShellScript('Dockerfile', '#!/bin/dash')).toBe(true);
  });

  it('judges every script of the repository, skipping test data and data formats', () => {
    const files = memoryRepository({
      'scripts/install': '#!/bin/sh\ncurl -s https://x/i.sh | sh\n',
      'ci/build.sh': 'pip install -r requirements.txt\n',
      'testdata/evil.sh': 'curl x | sh\n',
      'assets/logo.png': '#!/bin/sh\ncurl x | sh\n',
      'tool.py': 'import os\n',
    });
    expect(collectShellScripts(files, { scorecardCompat: true }).dependencies.map((dependency) => `${dependency.file}:${dependency.line} ${dependency.type}`)).toEqual([
      'ci/build.sh:1 pipCommand',
      'scripts/install:2 downloadThenRun',
    ]);
  });

  it('stops at a script it cannot judge in compat mode, as Scorecard does', () => {
    const files = memoryRepository({ 'a.sh': 'wget http://x/%zz\n', 'b.sh': 'npm install\n' });
    expect(collectShellScripts(files, { scorecardCompat: true })).toMatchObject({ dependencies: [], processingErrors: [{ file: 'a.sh' }] });
    expect(collectShellScripts(files, { scorecardCompat: false }).dependencies).toMatchObject([{ file: 'b.sh' }]);
  });
});
