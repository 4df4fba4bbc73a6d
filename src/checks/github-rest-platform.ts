/**
 * Readers of the GitHub REST API for the platform data some file checks ask for (platform-data.ts
 * FileCheckPlatform): successful workflow runs (Binary-Artifacts, Packaging), the license GitHub
 * detected (License), the repository's languages (Fuzzing), and a commit search by author
 * (Dependency-Update-Tool).
 */
import type { Octokit } from '@octokit/rest';
import type { GitHubRepositoryRef } from './github-api.js';
import { httpStatusOf } from './github-transport.js';
import type { PlatformLicense, RepositoryLanguage } from './platform-data.js';

/** Head SHAs of the successful runs of a workflow file, newest first (Scorecard's first page). */
export async function readSuccessfulWorkflowRuns(octokit: Octokit, ref: GitHubRepositoryRef, workflowFileName: string): Promise<string[]> {
  try {
    const { data } = await octokit.rest.actions.listWorkflowRuns({ ...ref, workflow_id: workflowFileName, status: 'success', per_page: 30 });
    return data.workflow_runs.map((run) => run.head_sha);
  } catch (error) {
    // A workflow GitHub does not know (never run, or not on the default branch) has no runs.
    if (httpStatusOf(error) === 404) return [];
    throw error;
  }
}

/** The license GitHub detected for the repository, if any. */
export async function readLicenses(octokit: Octokit, ref: GitHubRepositoryRef): Promise<PlatformLicense[]> {
  try {
    const { data } = await octokit.rest.licenses.getForRepo({ ...ref });
    const license = data.license;
    if (license === null) return [];
    return [{ path: data.path, spdxId: license.spdx_id ?? '', key: license.key, name: license.name }];
  } catch (error) {
    if (httpStatusOf(error) === 404) return [];
    throw error;
  }
}

/** The repository's languages with their size in bytes (Scorecard calls them lines). */
export async function readLanguages(octokit: Octokit, ref: GitHubRepositoryRef): Promise<RepositoryLanguage[]> {
  const { data } = await octokit.rest.repos.listLanguages({ ...ref });
  return Object.entries(data)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, lines]) => ({ name, lines }));
}

/** The committer ids of the commits a search finds for `author` in the repository. */
export async function readCommitterIdsOfCommitsBy(octokit: Octokit, ref: GitHubRepositoryRef, author: string): Promise<number[]> {
  const { data } = await octokit.rest.search.commits({ q: `repo:${ref.owner}/${ref.repo} author:${author}`, per_page: 100 });
  // The item's `committer` is the GitHub account (with its id) in responses, though the OpenAPI
  // description types it as a git identity.
  return data.items.map((item) => (item.committer as { readonly id?: unknown } | null)?.id).filter((id): id is number => typeof id === 'number');
}
