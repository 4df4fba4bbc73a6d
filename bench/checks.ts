/**
 * The local check set on a large tree: a generated repository of 50,000 files (source folders,
 * realistic GitHub workflows, Dockerfiles, shell scripts, a few binaries), every file-based check
 * timed on its own and all together in-process, and `trustline check` end to end, beside simply
 * reading every file once (`find ... -exec cat {} +`) timed in the same run. Goal: under 2 s for
 * the whole set, within 4x of reading every file once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localRepository } from '../src/checks/repository.js';
import { checks } from '../src/checks/registry.js';
import type { CheckContext } from '../src/checks/check.js';
import { repoRoot } from '../test/shared.js';
import { commandMedianMs, medianMs, report } from './measure.js';

const fileCount = 50_000;

const workflow = (index: number): string => `name: CI ${index}
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install
        run: |
          npm ci
          pip install -r requirements.txt
          curl -sSL https://example.com/install.sh | bash
      - name: Test \${{ github.event.pull_request.title }}
        run: npm test -- --shard=${index}
`;

const dockerfile = (index: number): string => `ARG NODE=20
FROM node:\${NODE}-alpine AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build && pip install flask==3.0.${index % 10}
FROM gcr.io/distroless/nodejs20-debian12@sha256:${'a'.repeat(64)}
COPY --from=build /app/dist /app
`;

const script = `#!/bin/bash
set -euo pipefail
curl -fsSL https://get.example.com -o install.sh
bash install.sh
go install golang.org/x/tools/cmd/goimports@latest
npm install -g typescript
`;

/** The generated repository, under bench/.work/ (made once, never committed). */
function largeRepository(): string {
  const root = join(repoRoot, 'bench', '.work', 'large-repository');
  if (existsSync(join(root, '.complete'))) return root;
  console.error(`generating ${fileCount} files under bench/.work/large-repository (once)...`);
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  for (let index = 0; index < 60; index++) writeFileSync(join(root, '.github', 'workflows', `ci-${index}.yml`), workflow(index));
  let written = 60;
  for (let module = 0; written < fileCount; module++) {
    const dir = join(root, 'packages', `module-${Math.floor(module / 50)}`, `part-${module % 50}`);
    mkdirSync(dir, { recursive: true });
    for (let file = 0; file < 20 && written < fileCount; file++, written++) {
      if (file === 0 && module % 40 === 0) writeFileSync(join(dir, 'Dockerfile'), dockerfile(module));
      else if (file === 1 && module % 25 === 0) writeFileSync(join(dir, 'install.sh'), script);
      else if (file === 2 && module % 500 === 0) writeFileSync(join(dir, 'tool.jar'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
      else writeFileSync(join(dir, `file-${file}.ts`), `export const value${file} = ${module};\n// ${'x'.repeat(200)}\n`);
    }
  }
  writeFileSync(join(root, 'SECURITY.md'), '# Security\n\nReport vulnerabilities to security@example.com. We answer within 5 days.\n');
  writeFileSync(join(root, 'LICENSE'), 'MIT License\n\nCopyright (c) 2026\n');
  writeFileSync(join(root, '.complete'), '');
  return root;
}

export async function run(): Promise<void> {
  const root = largeRepository();
  const readAll = commandMedianMs('sh', ['-c', `find "${root}" -type f -not -path '*/.git/*' -exec cat {} + > /dev/null`], 3);
  report('checks.read-every-file-once', readAll, 'ms');

  const listing = await medianMs(() => localRepository(root), 3, 1);
  report('checks.list-files', listing, 'ms');
  const fileChecks = checks.filter((check) => check.source === 'files' && check.name !== 'Vulnerabilities');
  let total = 0;
  for (const check of fileChecks) {
    const ms = await medianMs(async () => {
      const context: CheckContext = { files: localRepository(root), scorecardCompat: false, now: new Date(), root };
      await check.run(context);
    }, 3, 1);
    total += ms;
    report(`checks.${check.name}`, ms, 'ms (with listing)');
  }
  const together = await medianMs(async () => {
    const context: CheckContext = { files: localRepository(root), scorecardCompat: false, now: new Date(), root };
    for (const check of fileChecks) await check.run(context);
  }, 3, 1);
  report('checks.all-file-checks.in-process', together, 'ms');
  report('checks.all-file-checks.sum-of-separate-runs', total, 'ms');
  const cli = commandMedianMs(join(repoRoot, 'bin', 'trustline'), ['check', root, '--offline', '-q', '--format', 'json'], 3, {}, [0, 1]);
  report('checks.cli.end-to-end', cli, 'ms');
  report('checks.cli.ratio-to-reading-every-file', cli / readAll, 'x');
  // Keep the listing honest: count what was walked.
  report('checks.files', Number(execFileSync('sh', ['-c', `find "${root}" -type f | wc -l`]).toString().trim()), 'files');
}
