/**
 * `checkRepository`: every check over a local folder (files, and git history when it is a git
 * repository) or a GitHub URL (its default branch downloaded as an archive for the file checks),
 * and, when a URL or a token is given, the GitHub API. A check that throws does
 * not stop the others: it scores -1 with the reason, and the failure is listed in `errors`.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { InputError, TrustlineError } from '../errors.js';
import type { CheckReport, CheckResult } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type Check, type CheckContext, inconclusiveResult } from './check.js';
import { readGitHistory } from './git-history.js';
import type { GitHubApi } from './github-api.js';
import { parseGitHubUrl } from './github-api.js';
import { createGitHubApi } from './github-client.js';
import type { HttpClient } from '../net/index.js';
import { checks as allChecks, findCheck } from './registry.js';
import { localRepository, memoryRepository } from './repository.js';
import { type RepositoryArchive, downloadRepository } from './repository-archive.js';
import { createHttpClient } from '../net/index.js';
import { aggregateScore } from './score.js';
import { firstLine } from '../ecosystems/error-message.js';

export interface CheckRepositoryOptions {
  /** Reproduce Scorecard exactly: Trustline's improvements off (and `exclude` ignored). */
  readonly scorecardCompat?: boolean;
  /** Glob patterns of paths the file checks leave out (trustline.yaml `checks.exclude`). */
  readonly exclude?: readonly string[];
  /** Run only these checks (by name, any case); default every check. */
  readonly only?: readonly string[];
  /** The time the checks are judged at. */
  readonly now?: Date;
  /** A token for the GitHub API (GITHUB_TOKEN or GH_TOKEN); with a local path it enables the API checks for the `origin` remote. */
  readonly githubToken?: string;
  /** The REST API root for GitHub Enterprise (`https://HOST/api/v3`). */
  readonly githubApiUrl?: string;
  /** The GitHub host of URLs and remotes (default github.com). */
  readonly githubHost?: string;
  /** An API client to use instead of creating one (tests). */
  readonly github?: GitHubApi;
  /** For a URL: download the default branch's files so the file checks run (default true). */
  readonly downloadFiles?: boolean;
  readonly http?: HttpClient;
  /** The advisory store, for the Vulnerabilities check. */
  readonly store?: Store;
}

/** Checks a local folder or `https://github.com/OWNER/REPO`. Throws an InputError for a path that does not exist or a URL that is not a repository. */
export async function checkRepository(pathOrUrl: string, options: CheckRepositoryOptions = {}): Promise<CheckReport & { readonly errors: readonly CheckError[] }> {
  const compat = options.scorecardCompat === true;
  const now = options.now ?? new Date();
  const selected = selectChecks(options.only);
  const isUrl = /^(https?:\/\/|git@)/i.test(pathOrUrl) || pathOrUrl.startsWith(`${options.githubHost ?? 'github.com'}/`);

  let context: CheckContext;
  let repository: CheckReport['repository'];
  let archive: RepositoryArchive | undefined;
  if (isUrl) {
    const ref = parseGitHubUrl(pathOrUrl, options.githubHost);
    const github = options.github ?? createGitHubApi({ ...ref, token: options.githubToken, baseUrl: options.githubApiUrl, http: options.http });
    if (options.downloadFiles !== false) {
      const http = options.http ?? createHttpClient({ userAgent: 'trustline' });
      try {
        archive = await downloadRepository(ref, { http, apiUrl: options.githubApiUrl, token: options.githubToken });
      } finally {
        // A client made here is this download's alone; the caller's stays open for the API.
        if (options.http === undefined) await http.close();
      }
    }
    const files = archive === undefined ? memoryRepository({}) : localRepository(archive.dir, { exclude: compat ? [] : (options.exclude ?? []) });
    context = {
      files,
      scorecardCompat: compat,
      now,
      github,
      ...(archive === undefined ? {} : { root: archive.dir }),
      ...(options.store === undefined ? {} : { store: options.store }),
    };
    repository = { url: `https://${options.githubHost ?? 'github.com'}/${ref.owner}/${ref.repo}` };
  } else {
    if (!existsSync(pathOrUrl) || !statSync(pathOrUrl).isDirectory()) throw new InputError('path-not-found', 'no such folder', { file: pathOrUrl });
    const files = localRepository(pathOrUrl, { exclude: compat ? [] : (options.exclude ?? []) });
    const git = await readGitHistory(pathOrUrl, { now });
    const remote = git === undefined ? undefined : await originRemote(pathOrUrl);
    const ref = remote === undefined ? undefined : safeGitHubRef(remote, options.githubHost);
    const github = options.github ?? (ref !== undefined && options.githubToken !== undefined && options.githubToken !== '' ? createGitHubApi({ ...ref, token: options.githubToken, baseUrl: options.githubApiUrl, http: options.http }) : undefined);
    context = {
      files,
      scorecardCompat: compat,
      now,
      root: pathOrUrl,
      ...(git === undefined ? {} : { git }),
      ...(github === undefined ? {} : { github }),
      ...(options.store === undefined ? {} : { store: options.store }),
    };
    repository = { path: pathOrUrl, ...(ref === undefined ? {} : { url: `https://${options.githubHost ?? 'github.com'}/${ref.owner}/${ref.repo}` }), ...(git === undefined ? {} : { commit: git.head }) };
  }

  const errors: CheckError[] = [];
  const results: CheckResult[] = [];
  try {
    for (const check of selected) {
      try {
        results.push(archive === undefined && isUrl && check.source === 'files' ? inconclusiveResult(check, 'no files to read: the repository was not downloaded') : await check.run(context));
      } catch (error) {
        const message = firstLine(error);
        errors.push({ check: check.name, message, environment: error instanceof TrustlineError && error.exitCode === 3 });
        results.push(inconclusiveResult(check, `could not run: ${message}`, [{ outcome: 'error', message }]));
      }
    }
  } finally {
    archive?.remove();
  }
  return { repository, date: now.toISOString(), score: aggregateScore(results), scorecardCompat: compat, checks: results, errors };
}

/** A check that failed to run (the network, the API, or a bug). */
export interface CheckError {
  readonly check: string;
  readonly message: string;
  /** The environment failed (network, API, rate limit): exit code 3 in the CLI. */
  readonly environment: boolean;
}

function selectChecks(only: readonly string[] | undefined): readonly Check[] {
  if (only === undefined || only.length === 0) return allChecks;
  return only.map((name) => {
    const check = findCheck(name);
    if (check === undefined) throw new InputError('unknown-check', `unknown check "${name}"; known: ${allChecks.map((known) => known.name).join(', ')}`);
    return check;
  });
}

/** The `origin` remote's URL, or undefined. */
async function originRemote(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', path, 'remote', 'get-url', 'origin'], { timeout: 10_000, maxBuffer: 64 * 1024 });
    return stdout.trim() === '' ? undefined : stdout.trim();
  } catch {
    return undefined;
  }
}

function safeGitHubRef(url: string, host: string | undefined): { owner: string; repo: string } | undefined {
  try {
    return parseGitHubUrl(url, host);
  } catch {
    return undefined;
  }
}
