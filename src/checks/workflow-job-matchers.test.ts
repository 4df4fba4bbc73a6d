import { describe, expect, it } from 'vitest';
import { firstJobMatch, jobMatches, releasingJobMatchers, sarifUploadActions, stepUsingAction } from './workflow-job-matchers.js';
import type { JobMatcher } from './workflow-job-matchers.js';

const mavenRelease: JobMatcher = { logText: 'maven release', steps: [{ uses: 'actions/setup-java' }, { run: /mvn.*release:prepare/ }] };
const npmPublish: JobMatcher = { logText: 'npm', steps: [{ uses: 'actions/setup-node', with: { 'registry-url': 'https://registry.npmjs.org' } }, { run: /npm.*publish/ }] };
import { readWorkflow } from './workflows.js';
import type { Workflow } from './workflows.js';

function parse(text: string): Workflow {
  const reading = readWorkflow('.github/workflows/x.yml', text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.workflow;
}

describe('workflow job matchers', () => {
  it('needs every wanted step in one job, actions compared without their ref', () => {
    const workflow = parse(`on: push
jobs:
  setup:
    steps:
      - uses: actions/setup-java@v4
  publish:
    steps:
      - uses: actions/setup-java@v4
      - run: |
          mvn \\
            release:prepare
`);
    expect(firstJobMatch(workflow, [mavenRelease])).toMatchObject({ job: { id: 'publish' }, matcher: { logText: 'maven release' } });
    expect(jobMatches(mavenRelease, workflow.jobs[0]!)).toBe(false);
  });

  it('matches a job that calls a reusable workflow by its name', () => {
    const workflow = parse('on: push\njobs:\n  slsa:\n    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2\n');
    expect(firstJobMatch(workflow, releasingJobMatchers)?.job.id).toBe('slsa');
  });

  it('compares with: inputs exactly and finds SARIF uploads', () => {
    const workflow = parse(`on: push
jobs:
  npm:
    steps:
      - uses: actions/setup-node@v4
        with:
          registry-url: https://npm.pkg.github.com
      - run: npm publish
  scan:
    steps:
      - uses: github/codeql-action/upload-sarif@v3
`);
    expect(firstJobMatch(workflow, [npmPublish])).toBeUndefined();
    expect(stepUsingAction(workflow.jobs[1]!, sarifUploadActions)?.uses?.line).toBe(11);
  });
});
