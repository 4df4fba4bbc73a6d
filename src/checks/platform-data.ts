/**
 * What the file-based checks (Binary-Artifacts, License, Dependency-Update-Tool, Packaging, SAST,
 * Fuzzing) may ask the hosting platform beyond the files. Every member is optional: a missing one
 * is Scorecard's "unsupported feature", which is what a local directory answers, and each check
 * then does what Scorecard's local mode does (documented in the check).
 */
import type { CheckContext } from './check.js';

/** A check run on a pull request's head commit. */
export interface CheckRunSummary {
  /** The GitHub App's slug (`github-code-scanning`, `lgtm-com`, `sonarcloud`). */
  readonly app: string;
  readonly status: string;
  readonly conclusion: string;
  readonly url?: string;
}

/** A pull request merged into the default branch, among the recent commits. */
export interface MergedPullRequest {
  readonly number?: number;
  readonly headSha?: string;
  readonly checkRuns: readonly CheckRunSummary[];
}

/** A license the platform recognised (GitHub's license API). */
export interface PlatformLicense {
  readonly path: string;
  readonly spdxId: string;
  readonly key?: string;
  readonly name?: string;
}

/** A language of the repository with its size (GitHub reports bytes; Scorecard calls them lines). */
export interface RepositoryLanguage {
  readonly name: string;
  readonly lines: number;
}

export interface FileCheckPlatform {
  /** Merged pull requests among the recent default-branch commits, with their check runs. */
  mergedPullRequests?(): Promise<readonly MergedPullRequest[]>;
  /** Recent default-branch commit SHAs, newest first. */
  recentCommits?(): Promise<readonly string[]>;
  /** Head SHAs of the successful runs of a workflow, by its file name (`verify.yml`). */
  successfulWorkflowRuns?(workflowFileName: string): Promise<readonly string[]>;
  /** The committer ids of commits found by a commit search for an author (`dependabot[bot]`). */
  committerIdsOfCommitsBy?(author: string): Promise<readonly number[]>;
  licenses?(): Promise<readonly PlatformLicense[]>;
  languages?(): Promise<readonly RepositoryLanguage[]>;
  /** Whether google/oss-fuzz has a project.yaml naming this repository. */
  isOssFuzzProject?(): Promise<boolean>;
}

const members = ['mergedPullRequests', 'recentCommits', 'successfulWorkflowRuns', 'committerIdsOfCommitsBy', 'licenses', 'languages', 'isOssFuzzProject'] as const;

/**
 * The platform data the context's GitHub client offers: the members of {@link FileCheckPlatform}
 * it implements (none today for a local folder).
 */
export function fileCheckPlatform(context: Pick<CheckContext, 'github'>): FileCheckPlatform {
  const source = context.github as unknown as Readonly<Record<string, unknown>> | undefined;
  if (source === undefined) return {};
  const platform: Record<string, unknown> = {};
  for (const member of members) {
    const value = source[member];
    if (typeof value === 'function') platform[member] = value.bind(source);
  }
  return platform;
}
