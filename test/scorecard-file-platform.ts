/**
 * A stub of the platform for the Scorecard corpus cases of the file-based checks: the case's
 * `api` object served through {@link FileCheckPlatform}. A key that is absent or `"unsupported"`
 * leaves the member out, which is what a local directory answers.
 */
import type { FileCheckPlatform, MergedPullRequest, PlatformLicense, RepositoryLanguage } from '../src/checks/platform-data.js';

interface CaseApi {
  readonly mergedPullRequests?: readonly MergedPullRequest[] | 'unsupported';
  readonly commits?: readonly string[] | 'unsupported';
  readonly successfulWorkflowRuns?: Readonly<Record<string, readonly string[]>> | 'unsupported';
  readonly commitsByDependabotSearch?: readonly { readonly committerId: number }[] | 'unsupported';
  readonly licenses?: readonly PlatformLicense[] | 'unsupported';
  readonly languages?: readonly RepositoryLanguage[] | 'unsupported';
}

function supported<T>(value: T | 'unsupported' | undefined): value is T {
  return value !== undefined && value !== 'unsupported';
}

export function casePlatform(api: unknown): FileCheckPlatform {
  if (api === undefined || api === 'unsupported' || typeof api !== 'object' || api === null) return {};
  const data = api as CaseApi;
  const platform: {
    -readonly [K in keyof FileCheckPlatform]: FileCheckPlatform[K];
  } = {};
  const { mergedPullRequests, commits, successfulWorkflowRuns, commitsByDependabotSearch, licenses, languages } = data;
  if (supported(mergedPullRequests)) platform.mergedPullRequests = () => Promise.resolve(mergedPullRequests);
  if (supported(commits)) platform.recentCommits = () => Promise.resolve(commits);
  if (supported(successfulWorkflowRuns)) platform.successfulWorkflowRuns = (name) => Promise.resolve(successfulWorkflowRuns[name] ?? []);
  if (supported(commitsByDependabotSearch)) platform.committerIdsOfCommitsBy = () => Promise.resolve(commitsByDependabotSearch.map((commit) => commit.committerId));
  if (supported(licenses)) platform.licenses = () => Promise.resolve(licenses);
  if (supported(languages)) platform.languages = () => Promise.resolve(languages);
  return platform;
}
