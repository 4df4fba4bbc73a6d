import { describe, expect, it } from 'vitest';
import { memoryRepository } from './repository.js';
import { isWorkflowPath, readWorkflow, workflowsOf } from './workflows.js';

const text = `name: CI
on:
  push:
  pull_request_target:
permissions: read-all
jobs:
  build:
    runs-on: [ubuntu-latest]
    defaults:
      run:
        shell: bash
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - name: Test
        run: |
          npm ci
          npm test
        env:
          TITLE: \${{ github.event.issue.title }}
  call:
    uses: org/repo/.github/workflows/x.yml@main
`;

describe('workflows', () => {
  it('recognises workflow paths', () => {
    expect(isWorkflowPath('.github/workflows/ci.yml')).toBe(true);
    expect(isWorkflowPath('.github/workflows/sub/ci.yml')).toBe(false);
    expect(isWorkflowPath('ci.yml')).toBe(false);
  });

  it('reads jobs and steps with the position of every value', () => {
    const reading = readWorkflow('.github/workflows/ci.yml', text);
    if (!reading.ok) throw new Error(reading.message);
    const { workflow } = reading;
    expect(workflow.triggers).toEqual(['push', 'pull_request_target']);
    expect(workflow.permissions?.value).toBe('read-all');
    const [build, call] = workflow.jobs;
    expect(build?.id).toBe('build');
    expect(build?.line).toBe(7);
    expect(build?.defaultShell?.value).toBe('bash');
    expect(build?.runsOn?.value).toEqual(['ubuntu-latest']);
    expect(build?.steps.map((step) => [step.index, step.line, step.uses?.value, step.uses?.line])).toEqual([
      [0, 13, 'actions/checkout@v4', 13],
      [1, 16, undefined, undefined],
    ]);
    expect(build?.steps[0]?.with.get('ref')?.value).toBe('${{ github.event.pull_request.head.sha }}');
    expect(build?.steps[1]?.run).toMatchObject({ value: 'npm ci\nnpm test\n', line: 17, endLine: 19 });
    expect(build?.steps[1]?.env.get('TITLE')?.line).toBe(21);
    expect(call?.uses?.value).toBe('org/repo/.github/workflows/x.yml@main');
  });

  it('reports malformed YAML with its line, and reads each file once', () => {
    const reading = readWorkflow('.github/workflows/bad.yml', 'jobs:\n  a: [\n');
    expect(reading).toMatchObject({ ok: false, path: '.github/workflows/bad.yml', line: 3 });
    const files = memoryRepository({ '.github/workflows/ci.yml': text, 'README.md': 'x' });
    expect(workflowsOf(files)).toBe(workflowsOf(files));
    expect(workflowsOf(files)).toHaveLength(1);
  });

  it('refuses hostile nesting', () => {
    const reading = readWorkflow('.github/workflows/deep.yml', `a: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    expect(reading.ok).toBe(false);
  });
});
