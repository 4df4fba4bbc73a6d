import { describe, expect, it } from 'vitest';
import { shellForStep, stepShells } from './workflow-shells.js';
import { readWorkflow } from './workflows.js';
import type { Workflow } from './workflows.js';

function workflow(jobs: string): Workflow {
  const reading = readWorkflow('.github/workflows/x.yml', `on: push\njobs:\n${jobs}`);
  if (!reading.ok) throw new Error(reading.message);
  return reading.workflow;
}

describe('workflow step shells', () => {
  it('takes the step shell, then the job default, and ignores the workflow default as Scorecard does', () => {
    const text = `  a:
    runs-on: ubuntu-latest
    defaults: { run: { shell: pwsh } }
    steps:
      - run: x
      - run: x
        shell: sh
`;
    expect(stepShells(workflow(text))).toEqual(['pwsh', 'sh']);
    const reading = readWorkflow('w.yml', `on: push\ndefaults: { run: { shell: pwsh } }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n`);
    if (!reading.ok) throw new Error(reading.message);
    expect(stepShells(reading.workflow)).toEqual(['bash']);
  });

  it('uses pwsh on Windows runners and for Windows-only steps', () => {
    const text = `  a:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, windows-2019]
    steps:
      - if: runner.os == 'Windows'
        run: x
      - if: \${{ startsWith(runner.os, 'Windows') }}
        run: x
      - if: matrix.os == 'windows-2019'
        run: x
      - if: runner.os != 'Windows'
        run: x
  b:
    runs-on: [windows-2019, windows-latest]
    steps:
      - run: x
  c:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        include:
          - { os: windows-latest }
    steps:
      - run: x
`;
    expect(stepShells(workflow(text))).toEqual(['pwsh', 'pwsh', 'pwsh', 'bash', 'pwsh', 'pwsh']);
  });

  it('cannot tell the shell when the runner comes from a matrix it cannot read', () => {
    const parsed = workflow(`  a:
    name: Build
    runs-on: \${{ matrix.os }}
    strategy:
      matrix: \${{ fromJson(needs.setup.outputs.matrix) }}
    steps:
      - run: x
`);
    const [job] = parsed.jobs;
    const [step] = job?.steps ?? [];
    if (job === undefined || step === undefined) throw new Error('no step');
    expect(shellForStep(step, job)).toEqual({ ok: false, message: 'unable to determine OS for job: Build' });
  });
});
