/**
 * Recognising a workflow that publishes the project as a package (Scorecard's
 * fileparser.IsPackagingWorkflow and checks/raw/gitlab/packaging.go). A GitHub job publishes when
 * every step of one matcher has a matching step in it (a `uses:` prefix, `with:` values, a
 * regular expression over `run:` with line continuations removed), or when the job calls a
 * reusable workflow a matcher names. A GitLab CI file publishes at its first line with
 * `docker push`, `nuget push`, `poetry publish` or `twine upload`.
 */
import type { Workflow, WorkflowJob, WorkflowStep } from './workflows.js';
import { type JobMatcherStep, stepMatches } from './workflow-job-matchers.js';

export interface JobMatcher {
  readonly steps: readonly JobMatcherStep[];
  readonly description: string;
  /** Set for matchers Scorecard does not have: why Trustline adds them. */
  readonly deviation?: string;
}

/** Scorecard's matchers, in its order. */
export const scorecardMatchers: readonly JobMatcher[] = [
  { steps: [{ uses: 'actions/setup-node', with: { 'registry-url': 'https://registry.npmjs.org' } }, { run: /npm.*publish/ }], description: 'node publishing workflow using npm' },
  { steps: [{ uses: 'actions/setup-java' }, { run: /mvn.*deploy/ }], description: 'java publishing workflow using maven' },
  { steps: [{ uses: 'actions/setup-java' }, { run: /gradle.*publish/ }], description: 'java publishing workflow using gradle' },
  { steps: [{ run: /gem.*push/ }], description: 'ruby publishing workflow using gem' },
  { steps: [{ run: /nuget.*push/ }], description: 'nuget publishing workflow' },
  { steps: [{ run: /docker.*push/ }], description: 'docker publishing workflow' },
  { steps: [{ uses: 'docker/build-push-action' }], description: 'docker publishing workflow' },
  { steps: [{ uses: 'pypa/gh-action-pypi-publish' }], description: 'python publishing workflow using pypi' },
  { steps: [{ uses: 'relekang/python-semantic-release' }], description: 'python publishing workflow using python-semantic-release' },
  // The corpus (Scorecard's tests at its commit) counts goreleaser without actions/setup-go.
  { steps: [{ uses: 'goreleaser/goreleaser-action' }], description: 'golang publishing workflow' },
  { steps: [{ run: /cargo.*publish/ }], description: 'rust publishing workflow using cargo' },
  { steps: [{ uses: 'imjasonh/setup-ko' }, { uses: 'ko-build/setup-ko' }], description: 'container publishing workflow using ko' },
  // Publishers the corpus (Scorecard's tests at its commit) counts.
  { steps: [{ run: /sbt.*ci-release/ }], description: 'scala publishing workflow using sbt-ci-release' },
  { steps: [{ run: /mix.*hex\.publish/ }], description: 'elixir publishing workflow using hex' },
  { steps: [{ run: /semantic-release/ }], description: 'publishing workflow using semantic-release' },
];

const unseen = 'Scorecard does not recognise this publishing step';

/** Publishing steps Scorecard misses, used without `scorecardCompat`. */
export const additionalMatchers: readonly JobMatcher[] = [
  { steps: [{ run: /\b(npm|pnpm|yarn( npm)?)\s+publish\b/ }], description: 'node publishing workflow', deviation: `${unseen} (Scorecard wants actions/setup-node with registry-url exactly https://registry.npmjs.org)` },
  { steps: [{ uses: 'changesets/action' }], description: 'node publishing workflow using changesets', deviation: unseen },
  { steps: [{ run: /\b(twine\s+upload|poetry\s+publish|uv\s+publish|hatch\s+publish|flit\s+publish|pdm\s+publish)\b/ }], description: 'python publishing workflow', deviation: unseen },
  { steps: [{ uses: 'jreleaser/release-action' }], description: 'java publishing workflow using jreleaser', deviation: unseen },
];

export interface PackagingMatch {
  readonly job: WorkflowJob;
  readonly matcher: JobMatcher;
  /** The step that shows the publishing (the last matched step), when a step matched. */
  readonly step?: WorkflowStep;
}

/** The first job (in file order) that a matcher (in order) recognises. */
export function packagingMatch(workflow: Workflow, matchers: readonly JobMatcher[]): PackagingMatch | undefined {
  for (const job of workflow.jobs) {
    for (const matcher of matchers) {
      const match = jobMatch(job, matcher);
      if (match !== undefined) return { job, matcher, ...(match === true ? {} : { step: match }) };
    }
  }
  return undefined;
}

/** `true` for a reusable-workflow call, the last matched step, or undefined. */
function jobMatch(job: WorkflowJob, matcher: JobMatcher): WorkflowStep | true | undefined {
  let last: WorkflowStep | undefined;
  for (const wanted of matcher.steps) {
    // Scorecard accepts the whole matcher when the job calls a workflow one step names.
    if (wanted.uses !== undefined && job.uses?.value.startsWith(`${wanted.uses}@`) === true) return true;
    const step = job.steps.find((candidate) => stepMatches(wanted, candidate));
    if (step === undefined) return undefined;
    last = step;
  }
  return last;
}

const gitlabPublishing = ['docker push', 'nuget push', 'poetry publish', 'twine upload'];

/** Whether a path is a GitLab CI file, as Scorecard decides (a `.gitlab-ci.yml` suffix). */
export function isGitLabCiPath(path: string): boolean {
  return path.endsWith('.gitlab-ci.yml');
}

/**
 * The first publishing line of a GitLab CI file. Scorecard takes line 1 for "not found" (its
 * default offset), so a publishing command on line 1 is missed; `scorecardCompat` keeps that.
 */
export function gitlabPackagingLine(text: string, scorecardCompat: boolean): { readonly line: number; readonly snippet: string; readonly deviation?: string } | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => gitlabPublishing.some((command) => line.includes(command)));
  if (index < 0) return undefined;
  const snippet = (lines[index] ?? '').trim();
  if (index > 0) return { line: index + 1, snippet };
  return scorecardCompat ? undefined : { line: 1, snippet, deviation: 'Scorecard misses a publishing command on the first line of the file' };
}
