import { describe, expect, it } from 'vitest';
import { patchScriptInjection } from './script-injection-patch.js';

const workflow = (env = ''): string => `on: pull_request
${env}
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - name: Title
        run: |
          echo "\${{ github.event.pull_request.title }}"
          echo "\${{ github.event.pull_request.title }}" >> log
      - run: echo "\${{ github.event.pull_request.title }}"
`;

describe('patchScriptInjection', () => {
  it('adds a workflow env block above jobs with the file spacing, and replaces every use in the run block only', () => {
    const text = workflow();
    expect(patchScriptInjection(text, { line: 8, expression: ' github.event.pull_request.title ' }, new Map())).toBe(`on: pull_request

env:
  PR_TITLE: \${{ github.event.pull_request.title }}

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - name: Title
        run: |
          echo "$PR_TITLE"
          echo "$PR_TITLE" >> log
      - run: echo "\${{ github.event.pull_request.title }}"
`);
  });

  it('reuses an env variable holding the expression, and renames around a clash', () => {
    const reuse = workflow('env:\n  TITLE: ${{ github.event.pull_request.title }}\n');
    const reused = patchScriptInjection(reuse, { line: 10, expression: 'github.event.pull_request.title' }, new Map([['TITLE', '${{ github.event.pull_request.title }}']]));
    expect(reused).toBe(reuse.replace('echo "${{ github.event.pull_request.title }}"\n          echo', 'echo "$TITLE"\n          echo').replace('echo "${{ github.event.pull_request.title }}" >> log', 'echo "$TITLE" >> log'));
    const clash = workflow('env:\n  PR_TITLE: fixed\n');
    expect(patchScriptInjection(clash, { line: 10, expression: 'github.event.pull_request.title' }, new Map([['PR_TITLE', 'fixed']]))).toContain('  PR_TITLE: fixed\n  PR_TITLE_1: ${{ github.event.pull_request.title }}\n');
  });

  it('gives no patch for expressions without a Scorecard name or a workflow without anchors', () => {
    expect(patchScriptInjection(workflow(), { line: 8, expression: 'toJSON(github.event)' }, new Map())).toBeUndefined();
    expect(patchScriptInjection('jobs:\n  a:\n    steps:\n      - run: echo ${{ github.head_ref }}\n', { line: 4, expression: ' github.head_ref ' }, new Map())).toBeUndefined();
    expect(patchScriptInjection(workflow(), { line: 99, expression: 'github.head_ref' }, new Map())).toBeUndefined();
  });

  it('drops a patch that would not read as the same workflow (a flow-style env block)', () => {
    const text = 'on: push\nenv: {A: b}\njobs:\n  a:\n    steps:\n      - run: echo ${{ github.head_ref }}\n';
    expect(patchScriptInjection(text, { line: 6, expression: ' github.head_ref ' }, new Map([['A', 'b']]))).toBeUndefined();
  });
});
