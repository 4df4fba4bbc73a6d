import { describe, expect, it } from 'vitest';
import { collectWorkflowRuns } from './pinned-workflow-runs.js';
import { memoryRepository } from './repository.js';

const compat = { scorecardCompat: true };

describe('workflow run: steps', () => {
  it('counts lines from the run: value, replaces expressions, and follows downloads across steps', () => {
    const workflow = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "\${{ github.ref }}"
          curl -s \${{ env.URL }} | bash
      - run: wget http://x/tool -O /tmp/tool
      - run: /tmp/tool
      - run: curl bla | bash
        shell: pwsh
      - run: curl bla | bash
        shell: bash -e {0}
`;
    const { dependencies } = collectWorkflowRuns(memoryRepository({ '.github/workflows/ci.yml': workflow }), compat);
    expect(dependencies.map((dependency) => [dependency.line, dependency.snippet])).toEqual([
      [8, 'curl -s $GITHUB_REDACTED_VAR | bash'],
      [11, '/tmp/tool'],
    ]);
  });

  it('reports a job whose runner OS cannot be resolved and scans the others', () => {
    const workflow = `on: push
jobs:
  a:
    runs-on: \${{ matrix.os }}
    steps:
      - run: pip install x
  b:
    runs-on: ubuntu-latest
    steps:
      - run: pip install x
`;
    const data = collectWorkflowRuns(memoryRepository({ '.github/workflows/ci.yml': workflow }), compat);
    expect(data.dependencies).toMatchObject([{ type: 'pipCommand', line: 11, pinned: false }]);
    expect(data.processingErrors).toMatchObject([{ line: 6, message: 'unable to determine OS for job: ' }]);
  });
});
