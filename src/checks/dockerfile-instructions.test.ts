import { describe, expect, it } from 'vitest';
import { readDockerfile, shellWords } from './dockerfile-instructions.js';
import type { DockerInstruction } from './dockerfile-instructions.js';

function instructions(text: string): readonly DockerInstruction[] {
  const reading = readDockerfile(text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.instructions;
}

describe('Dockerfile instructions (BuildKit parser)', () => {
  it('joins continuation lines, skipping comments and blank lines inside, and keeps the keyword as written', () => {
    const [from, run] = instructions('  FROm python:3.7 AS base\n\n# note\nRUN echo a && \\\n# inside\n\n\tcurl x | bash\n');
    expect(from).toMatchObject({ keyword: 'FROm', original: 'FROm python:3.7 AS base', values: ['python:3.7', 'AS', 'base'], startLine: 1, endLine: 1 });
    expect(run).toMatchObject({ keyword: 'RUN', values: ['echo a && \tcurl x | bash'], startLine: 4, endLine: 7, json: false });
  });

  it('splits builder flags off and reads JSON arrays', () => {
    const [from, run, empty] = instructions('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root ["go", "install", "x"]\nRUN []\n');
    expect(from).toMatchObject({ flags: ['--platform=$BUILDPLATFORM'], values: ['golang:1.22', 'AS', 'build'] });
    expect(run).toMatchObject({ flags: ['--mount=type=cache,target=/root'], values: ['go', 'install', 'x'], json: true });
    expect(empty).toMatchObject({ values: [], json: true });
  });

  it('reads ARG words with their quotes', () => {
    expect(instructions('ARG A=1 B="two words" C\n')[0]?.values).toEqual(['A=1', 'B="two words"', 'C']);
    expect(shellWords("a 'b c' d\\ e")).toEqual(['a', "'b c'", 'd\\ e']);
  });

  it('reads heredocs', () => {
    const [run, after] = instructions('RUN <<EOF\ncurl x | bash\nEOF\nRUN <<-"END" bash\n\techo\n\tEND\nFROM scratch\n');
    expect(run).toMatchObject({ heredocs: [{ name: 'EOF', content: 'curl x | bash\n' }], startLine: 1, endLine: 3 });
    expect(after).toMatchObject({ heredocs: [{ name: 'END', content: '\techo\n' }], endLine: 6 });
  });

  it('honours the escape directive', () => {
    expect(instructions('# escape=`\nRUN echo a `\n  b\n')[0]?.values).toEqual(['echo a   b']);
  });

  it.each([
    ['RUN ["a", 1]\n', 'JSON arrays must be made of strings'],
    ['ENV ONLYNAME\n', 'ENV must have two arguments'],
    ['LABEL a=1 b\n', "can't find ="],
    ['RUN <<EOF\necho\n', 'unterminated heredoc'],
    ['# only a comment\n', 'file with no instructions'],
  ])('rejects %j as BuildKit does', (text, message) => {
    const reading = readDockerfile(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toContain(message);
  });
});
