import { describe, expect, it } from 'vitest';
import { collectActions, isActionPinned, isScorecardWorkflowPath } from './pinned-actions.js';
import { memoryRepository } from './repository.js';

const sha = 'a81bbbf8298c0fa03ea29cdc473d45769f953675';

describe('GitHub Actions pinning', () => {
  it.each([
    ['actions/checkout@v3', false],
    ['actions/checkout@v3.2.0', false],
    ['actions/checkout@main', false],
    ['actions/checkout@a81bbbf', false],
    [`actions/checkout@${sha}`, true],
    ['./.github/uses.yml', true],
    ['docker://gcr.io/distroless/static-debian11@sha256:9e6f8952f12974d088f648ed6252ea1887cdd8641719c8acd36bf6d2537e71c0', true],
    ['docker://gcr.io/distroless/static-debian11:sha256-3876708467ad6f38f263774aa107d331e8de6558a2874aa223b96fc0d9dfc820.sig', false],
    ['docker://rhysd/actionlint:latest', false],
  ])('%s pinned: %s', (uses, pinned) => {
    expect(isActionPinned(uses)).toBe(pinned);
  });

  it('reads workflows where Scorecard does', () => {
    expect(isScorecardWorkflowPath('.github/workflows/ci.yml', true)).toBe(true);
    expect(isScorecardWorkflowPath('.github/workflows/ci.YML', false)).toBe(false);
    expect(isScorecardWorkflowPath('.GitHub/workflows/ci.yml', true)).toBe(false);
    expect(isScorecardWorkflowPath('.GitHub/workflows/ci.yml', false)).toBe(true);
    expect(isScorecardWorkflowPath('.github/workflows/sub/ci.yml', false)).toBe(false);
  });

  it('finds step and job-level uses, skipping actions of the same repository', () => {
    const workflow = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${sha} # v4
      - uses: acme/deploy@v2
      - uses: ./local/action
      - uses: $/.github/actions/x
      - run: echo hi
  call:
    uses: org/repo/.github/workflows/release.yml@main
`;
    const { dependencies } = collectActions(memoryRepository({ '.github/workflows/ci.yml': workflow }));
    expect(dependencies.map((dependency) => [dependency.line, dependency.pinned, dependency.snippet])).toEqual([
      [6, true, `actions/checkout@${sha}`],
      [7, false, 'acme/deploy@v2'],
      [12, false, 'org/repo/.github/workflows/release.yml@main'],
    ]);
    expect(dependencies[1]?.remediation).toContain('uses: acme/deploy@<40-hex commit SHA> # v2');
    expect(dependencies[1]?.remediation).toContain('git ls-remote https://github.com/acme/deploy v2 v2^{}');
  });

  it('rejects invalid YAML as Scorecard does, and skips comment-only files', () => {
    const files = memoryRepository({ '.github/workflows/bad.yml': 'jobs: [\n', '.github/workflows/empty.yml': '# nothing\n' });
    expect(collectActions(files)).toMatchObject({ dependencies: [], fatalErrors: [{ file: '.github/workflows/bad.yml' }] });
  });
});
