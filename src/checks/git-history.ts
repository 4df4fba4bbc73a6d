/**
 * Local git history, read from the repository with the `git` command (bounded), for the checks
 * that judge how a project is run: Maintained, Contributors, and the documented approximation of
 * Code-Review from merge commits and trailers.
 *
 * `git` runs through execFile (no shell), with a fixed argument list, a timeout and an output cap;
 * `git log` prints NUL-separated fields (a commit message cannot hold a NUL: git rejects it), so
 * no message text can be mistaken for a field boundary.
 */
import { execFile } from 'node:child_process';
import { EnvironmentError } from '../errors.js';

/** One commit of the default branch (or HEAD), newest first. */
export interface GitCommit {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorDate: Date;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly committerDate: Date;
  /** The full message, subject and body. */
  readonly message: string;
}

export interface GitHistory {
  /** HEAD's commit id. */
  readonly head: string;
  /** Recent commits of HEAD's history, newest first (bounded). */
  readonly commits: readonly GitCommit[];
  /** The date of the first (root) commit, when known: the repository's age. */
  readonly firstCommitDate?: Date;
  /**
   * True when `commits` holds HEAD's whole history (neither bound was reached). When false, the
   * repository is at least as old as the oldest commit listed.
   */
  readonly complete: boolean;
}

export type GitHistoryErrorCode = 'git-failed';

export interface ReadGitHistoryOptions {
  /** The time the window is measured from (tests pass a fixed one). Default: now. */
  readonly now?: Date;
  /** At most this many commits. Default 1,000. */
  readonly maxCommits?: number;
  /** Only commits of the last this many days. Default 730 (two years). */
  readonly maxAgeDays?: number;
  /** Default 30 s. */
  readonly timeoutMs?: number;
  /** The git executable. Default `git` from PATH. */
  readonly gitPath?: string;
}

export const defaultMaxCommits = 1000;
export const defaultMaxAgeDays = 730;
/** Output above this many bytes is refused: 1,000 commits with long messages fit well within it. */
const maxOutputBytes = 64 * 1024 * 1024;
const dayMs = 24 * 60 * 60 * 1000;

/** %H hash, %P parents, %an/%ae/%aI author, %cn/%ce/%cI committer, %B raw message. */
const logFormat = ['%H', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x00');
const fieldsPerCommit = 9;

/**
 * The recent history of HEAD in the repository at `path`, or undefined when git is not installed or
 * `path` is not a git work tree with a commit (git refuses it: not a repository, no commit yet, an
 * unsafe owner). A failure while reading an existing history (a timeout, an output larger than the
 * cap) is an EnvironmentError.
 */
export async function readGitHistory(path: string, options: ReadGitHistoryOptions = {}): Promise<GitHistory | undefined> {
  const now = options.now ?? new Date();
  const gitPath = options.gitPath ?? 'git';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxCommits = Math.max(1, Math.trunc(options.maxCommits ?? defaultMaxCommits));
  const since = new Date(now.getTime() - (options.maxAgeDays ?? defaultMaxAgeDays) * dayMs);

  // Asking for HEAD first tells "no history here" (any refusal) from "reading it failed" without
  // matching git's messages, which are localized.
  const head = await runGit(gitPath, ['-C', path, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], timeoutMs, 'probe');
  if (head === undefined || head.trim() === '') return undefined;
  const args = [
    '-C', path,
    '-c', 'log.showSignature=false', '-c', 'i18n.logOutputEncoding=UTF-8',
    'log', '-z', '--no-color', '--no-decorate', `--max-count=${maxCommits}`, `--since=${since.toISOString()}`,
    `--format=${logFormat}`, 'HEAD', '--',
  ];
  const output = await runGit(gitPath, args, timeoutMs, 'read');
  const commits = parseGitLog(output ?? '');
  const oldest = commits[commits.length - 1];
  // Every commit older than the window leaves the list empty: a long and quiet history.
  if (oldest?.parents.length !== 0) return { head: head.trim(), commits, complete: false };
  return { head: head.trim(), commits, firstCommitDate: rootDate(commits), complete: true };
}

/**
 * Parses `git log -z --format=<logFormat>` output: nine NUL-separated fields per commit, commits
 * separated by NUL. A record with a bad field count or date is skipped, never a crash.
 */
export function parseGitLog(output: string): GitCommit[] {
  const fields = output.split('\0');
  const commits: GitCommit[] = [];
  for (let start = 0; start + fieldsPerCommit <= fields.length; start += fieldsPerCommit) {
    // The hash is trimmed so stray whitespace around a record separator cannot shift the fields.
    const [sha, parents, authorName, authorEmail, authorDate, committerName, committerEmail, committerDate, message] = fields
      .slice(start, start + fieldsPerCommit)
      .map((field, index) => (index === 0 ? field.trim() : field));
    if (sha === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) continue;
    const authored = new Date(authorDate ?? '');
    const committed = new Date(committerDate ?? '');
    if (Number.isNaN(authored.getTime()) || Number.isNaN(committed.getTime())) continue;
    commits.push({
      sha,
      parents: (parents ?? '').split(' ').filter((parent) => parent !== ''),
      authorName: authorName ?? '',
      authorEmail: authorEmail ?? '',
      authorDate: authored,
      committerName: committerName ?? '',
      committerEmail: committerEmail ?? '',
      committerDate: committed,
      message: (message ?? '').replace(/\s+$/, ''),
    });
  }
  return commits;
}

/** The commits HEAD reached by following first parents: one per change merged into the branch. */
export function firstParentCommits(history: GitHistory): GitCommit[] {
  const bySha = new Map(history.commits.map((commit) => [commit.sha, commit]));
  const chain: GitCommit[] = [];
  let next = bySha.get(history.head);
  while (next !== undefined && chain.length < history.commits.length) {
    chain.push(next);
    const parent = next.parents[0];
    next = parent === undefined ? undefined : bySha.get(parent);
  }
  return chain;
}

/** The oldest committer date among root commits (a history can have several roots). */
function rootDate(commits: readonly GitCommit[]): Date | undefined {
  let oldest: Date | undefined;
  for (const commit of commits) {
    if (commit.parents.length === 0 && (oldest === undefined || commit.committerDate < oldest)) oldest = commit.committerDate;
  }
  return oldest;
}

/**
 * Runs git (no shell) and returns its standard output. A `probe` resolves undefined when git is
 * missing or exits non-zero; a `read` rejects with an EnvironmentError on any failure.
 */
function runGit(gitPath: string, args: readonly string[], timeoutMs: number, mode: 'probe' | 'read'): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile(gitPath, args, { encoding: 'utf8', maxBuffer: maxOutputBytes, timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout);
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      const tooLarge = code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
      const timedOut = !tooLarge && (error.killed || Boolean(error.signal));
      if (code === 'ENOENT' || (mode === 'probe' && !timedOut && !tooLarge)) {
        resolve(undefined);
        return;
      }
      const why = tooLarge ? `printed more than ${maxOutputBytes} bytes` : timedOut ? `timed out after ${timeoutMs} ms` : firstLine(stderr) || error.message;
      reject(new EnvironmentError('git-failed' satisfies GitHistoryErrorCode, `cannot read the git history: git ${why}`, { cause: error }));
    });
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}
