import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedRepository } from './__fixtures__/git-repository.js';
import type { ScriptedRepository } from './__fixtures__/git-repository.js';
import { firstParentCommits, parseGitLog, readGitHistory } from './git-history.js';

const now = new Date('2026-06-01T12:00:00Z');
let repository: ScriptedRepository | undefined;

afterEach(() => {
  repository?.remove();
  repository = undefined;
});

describe('readGitHistory', () => {
  it('reads commits newest first with authors, committers, dates, parents and whole messages', async () => {
    repository = scriptedRepository();
    const first = repository.commit({ message: 'Initial commit', date: '2026-01-10T09:00:00Z' });
    const second = repository.commit({
      message: 'Fix parser\n\nBody line with a tab\tand unicode é.\n\nReviewed-by: Grace Hopper <grace@example.com>',
      date: '2026-05-20T10:30:00+02:00',
      committerDate: '2026-05-21T08:00:00Z',
      author: { name: 'Linus', email: 'linus@kernel.example' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    });

    const history = await readGitHistory(repository.path, { now });

    expect(history?.head).toBe(second);
    expect(history?.complete).toBe(true);
    expect(history?.firstCommitDate?.toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(history?.commits.map((commit) => commit.sha)).toEqual([second, first]);
    expect(history?.commits[0]).toEqual({
      sha: second,
      parents: [first],
      authorName: 'Linus',
      authorEmail: 'linus@kernel.example',
      authorDate: new Date('2026-05-20T08:30:00Z'),
      committerName: 'GitHub',
      committerEmail: 'noreply@github.com',
      committerDate: new Date('2026-05-21T08:00:00Z'),
      message: 'Fix parser\n\nBody line with a tab\tand unicode é.\n\nReviewed-by: Grace Hopper <grace@example.com>',
    });
    expect(history?.commits[1]?.parents).toEqual([]);
  });

  it('stops at the commit bound and says the history is incomplete', async () => {
    repository = scriptedRepository();
    for (let day = 1; day <= 5; day++) repository.commit({ message: `change ${day}`, date: `2026-05-0${day}T00:00:00Z` });

    const history = await readGitHistory(repository.path, { now, maxCommits: 3 });

    expect(history?.commits.map((commit) => commit.message)).toEqual(['change 5', 'change 4', 'change 3']);
    expect(history?.complete).toBe(false);
    expect(history?.firstCommitDate).toBeUndefined();
  });

  it('leaves out commits older than the age bound', async () => {
    repository = scriptedRepository();
    repository.commit({ message: 'old', date: '2020-01-01T00:00:00Z' });
    repository.commit({ message: 'recent', date: '2026-05-01T00:00:00Z' });

    const history = await readGitHistory(repository.path, { now, maxAgeDays: 730 });

    expect(history?.commits.map((commit) => commit.message)).toEqual(['recent']);
    expect(history?.complete).toBe(false);
  });

  it('keeps HEAD when every commit is older than the window', async () => {
    repository = scriptedRepository();
    const only = repository.commit({ message: 'ancient', date: '2019-01-01T00:00:00Z' });

    const history = await readGitHistory(repository.path, { now });

    expect(history).toEqual({ head: only, commits: [], complete: false });
  });

  it('is undefined for a folder that is not a repository, a repository without commits, or no git', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustline-nogit-'));
    try {
      expect(await readGitHistory(folder, { now })).toBeUndefined();
      expect(await readGitHistory(folder, { now, gitPath: join(folder, 'no-such-git') })).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    repository = scriptedRepository();
    expect(await readGitHistory(repository.path, { now })).toBeUndefined();
  });

  it('follows first parents across a merge', async () => {
    repository = scriptedRepository();
    const base = repository.commit({ message: 'base', date: '2026-05-01T00:00:00Z' });
    repository.git(['checkout', '--quiet', '-b', 'feature']);
    const feature = repository.commit({ message: 'feature work', date: '2026-05-02T00:00:00Z' });
    repository.git(['checkout', '--quiet', 'main']);
    repository.git(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #7 from someone/feature', 'feature'], {
      GIT_AUTHOR_NAME: 'Grace', GIT_AUTHOR_EMAIL: 'grace@example.com', GIT_AUTHOR_DATE: '2026-05-03T00:00:00Z',
      GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com', GIT_COMMITTER_DATE: '2026-05-03T00:00:00Z',
    });

    const history = await readGitHistory(repository.path, { now });
    const chain = firstParentCommits(history!);

    expect(history?.commits).toHaveLength(3);
    expect(chain.map((commit) => commit.message)).toEqual(['Merge pull request #7 from someone/feature', 'base']);
    expect(chain[0]?.parents).toEqual([base, feature]);
  });
});

describe('parseGitLog', () => {
  const record = (sha: string, date: string, message: string): string => [sha, '', 'A', 'a@x', date, 'C', 'c@x', date, message].join('\0');

  it('skips records with a bad hash or date instead of failing', () => {
    const good = 'a'.repeat(40);
    const output = [record('not-a-hash', '2026-01-01T00:00:00Z', 'x'), record(good, 'yesterday', 'y'), record(good, '2026-01-01T00:00:00Z', 'ok\n')].join('\0') + '\0';
    expect(parseGitLog(output).map((commit) => commit.message)).toEqual(['ok']);
  });

  it('reads nothing from empty output', () => {
    expect(parseGitLog('')).toEqual([]);
  });
});
