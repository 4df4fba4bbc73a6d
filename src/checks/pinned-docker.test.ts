import { describe, expect, it } from 'vitest';
import { collectDockerImages, collectDockerRuns } from './pinned-docker.js';
import { memoryRepository } from './repository.js';

const digest = 'a'.repeat(64);
const compat = { scorecardCompat: true };
const improved = { scorecardCompat: false };

describe('Dockerfile FROM images', () => {
  it('judges images by digest and stages by the image they are built from', () => {
    const files = memoryRepository({ 'Dockerfile': `FROM node:20 AS deps\nFROM python@sha256:${digest} AS base\nFROM base AS app\nFROM deps\nFROM scratch AS out\nFROM out\n` });
    const { dependencies } = collectDockerImages(files, compat);
    expect(dependencies.map((dependency) => [dependency.line, dependency.pinned, dependency.snippet])).toEqual([
      [1, false, 'FROM node:20 AS deps'],
      [2, true, `FROM python@sha256:${digest} AS base`],
      [3, true, 'FROM base AS app'],
      [4, false, 'FROM deps'],
      [6, true, 'FROM out'],
    ]);
    expect(dependencies[0]?.remediation).toContain('FROM node:20@sha256:<digest>');
    expect(dependencies[0]?.remediation).toContain('docker buildx imagetools inspect node:20');
    expect(dependencies[3]?.remediation).toContain('stage `deps` is built from (line 1)');
  });

  it('substitutes ${ARG} defaults as Scorecard does', () => {
    const files = memoryRepository({ 'Dockerfile': `ARG BASE=python@sha256:${digest}\nFROM \${BASE}\nFROM other:\${TAG}\n` });
    expect(collectDockerImages(files, compat).dependencies.map((dependency) => dependency.pinned)).toEqual([true, false]);
  });

  it('resolves ARGs as Docker does when not in compat mode, marking what changes', () => {
    const text = `ARG IMAGE="node:20@sha256:${digest}"\nARG TAG\nFROM $IMAGE\nFROM \${TAG:-python@sha256:${digest}}\n`;
    const files = memoryRepository({ 'Dockerfile': text });
    // Scorecard: `$IMAGE` is not substituted; the second line matches its digest pattern as written.
    expect(collectDockerImages(files, compat).dependencies.map((dependency) => dependency.pinned)).toEqual([false, true]);
    const found = collectDockerImages(files, improved).dependencies;
    expect(found.map((dependency) => dependency.pinned)).toEqual([true, true]);
    expect(found[0]?.deviation).toContain(`node:20@sha256:${digest}`);
    expect(found[1]?.deviation).toBeUndefined();
  });

  it('uses only ARGs declared before the first FROM for FROM lines when not in compat mode', () => {
    const files = memoryRepository({ 'Dockerfile': `FROM scratch\nARG X=python@sha256:${digest}\nFROM \${X}\n` });
    expect(collectDockerImages(files, compat).dependencies[0]?.pinned).toBe(true);
    expect(collectDockerImages(files, improved).dependencies[0]).toMatchObject({ pinned: false });
  });

  it('reads lower-case instructions only when not in compat mode', () => {
    const files = memoryRepository({ 'Dockerfile': 'from node:20\nrun curl x | bash\n' });
    expect(collectDockerImages(files, compat).dependencies).toEqual([]);
    expect(collectDockerRuns(files, compat).dependencies).toEqual([]);
    expect(collectDockerImages(files, improved).dependencies[0]?.deviation).toContain('any case');
    expect(collectDockerRuns(files, improved).dependencies[0]).toMatchObject({ type: 'downloadThenRun', deviation: expect.stringContaining('any case') as unknown });
  });

  it('rejects a FROM it cannot read, as Scorecard rejects the file', () => {
    const files = memoryRepository({ 'Dockerfile': 'FROM a b\nFROM c:1\n' });
    expect(collectDockerImages(files, compat).fatalErrors).toMatchObject([{ file: 'Dockerfile', line: 1 }]);
    expect(collectDockerImages(files, improved).dependencies).toMatchObject([{ line: 2, pinned: false }]);
  });

});

describe('Dockerfile RUN commands', () => {
  it('judges RUN commands as shell with the instruction lines, and follows downloads across RUNs', () => {
    const files = memoryRepository({ 'Dockerfile': 'FROM scratch\nRUN echo hi && \\\n  curl bla | bash\nRUN wget http://x/f -O /tmp/f\nRUN ["bash", "/tmp/f"]\n' });
    expect(collectDockerRuns(files, compat).dependencies.map((dependency) => [dependency.line, dependency.endLine, dependency.snippet])).toEqual([
      [2, 3, 'curl bla | bash'],
      [5, 5, 'bash /tmp/f'],
    ]);
  });

  it('reads heredocs with Scorecard\'s line arithmetic', () => {
    // The heredoc body starts on line 3: its line 2 is reported from 2 + 2 to 3 + 2 (getLine).
    const files = memoryRepository({ 'Dockerfile': 'FROM scratch\nRUN <<EOF\necho\ncurl bla | bash\nEOF\n' });
    expect(collectDockerRuns(files, compat).dependencies).toMatchObject([{ line: 4, endLine: 5, snippet: 'curl bla | bash' }]);
  });

  it('rejects `RUN []` as Scorecard does, and reads on when not in compat mode', () => {
    const files = memoryRepository({ 'Dockerfile': 'FROM scratch\nRUN []\nRUN npm install\n' });
    expect(collectDockerRuns(files, compat)).toMatchObject({ dependencies: [], fatalErrors: [{ line: 2 }] });
    expect(collectDockerRuns(files, improved)).toMatchObject({ dependencies: [{ type: 'npmCommand', line: 3 }], fatalErrors: [{ line: 2 }] });
  });

  it('reports a RUN the shell parser rejects and keeps going', () => {
    const files = memoryRepository({ 'Dockerfile': 'FROM scratch\nRUN if then\nRUN pip install x\n' });
    expect(collectDockerRuns(files, compat)).toMatchObject({ dependencies: [{ type: 'pipCommand', line: 3 }], processingErrors: [{ line: 2 }] });
  });
});
