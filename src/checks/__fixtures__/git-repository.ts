/**
 * Scripted git repositories for tests: `git init` in a temporary folder, then commits with fixed
 * authors and dates (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), so histories are reproducible.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScriptedCommit {
  readonly message: string;
  /** ISO 8601, used for both the author and the committer date unless `committerDate` is given. */
  readonly date: string;
  readonly committerDate?: string;
  readonly author?: { readonly name: string; readonly email: string };
  readonly committer?: { readonly name: string; readonly email: string };
}

export interface ScriptedRepository {
  readonly path: string;
  /** Runs git in the repository and returns its trimmed output. */
  git(args: readonly string[], env?: Readonly<Record<string, string>>): string;
  /** Writes a file and commits it; returns the new commit's id. */
  commit(commit: ScriptedCommit): string;
  remove(): void;
}

const defaultAuthor = { name: 'Ada Lovelace', email: 'ada@example.org' };

export function scriptedRepository(): ScriptedRepository {
  const path = mkdtempSync(join(tmpdir(), 'trustline-git-'));
  let counter = 0;
  const git = (args: readonly string[], env: Readonly<Record<string, string>> = {}): string =>
    execFileSync('git', ['-C', path, '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: path, ...env },
    }).trim();
  git(['init', '--quiet']);
  return {
    path,
    git,
    commit(commit) {
      counter += 1;
      writeFileSync(join(path, `file-${counter}.txt`), `${counter}\n`);
      git(['add', '--all']);
      const author = commit.author ?? defaultAuthor;
      const committer = commit.committer ?? author;
      git(['commit', '--quiet', '--allow-empty-message', '-m', commit.message], {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: commit.date,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_COMMITTER_DATE: commit.committerDate ?? commit.date,
      });
      return git(['rev-parse', 'HEAD']);
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
