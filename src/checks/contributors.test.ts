import { describe, expect, it } from 'vitest';
import type { CheckContext } from './check.js';
import { contributors, entitiesFromGitHub, normalizeCompany } from './contributors.js';
import type { GitCommit, GitHistory } from './git-history.js';
import type { GitHubApi } from './github-api.js';
import { fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';

const now = new Date('2026-06-01T00:00:00Z');

function context(sources: { github?: GitHubApi; git?: GitHistory }, scorecardCompat = false): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...sources };
}

function history(authors: Record<string, number>): GitHistory {
  const commits: GitCommit[] = [];
  for (const [email, count] of Object.entries(authors)) {
    for (let index = 0; index < count; index++) {
      commits.push({ sha: `${email}-${index}`, parents: ['p'], authorName: email.split('@')[0] ?? '', authorEmail: email, authorDate: now, committerName: 'c', committerEmail: 'c@x.org', committerDate: now, message: 'm' });
    }
  }
  return { head: commits[0]?.sha ?? '', commits, complete: false };
}

describe('Contributors with the GitHub API (Scorecard rules)', () => {
  it('normalizes companies as Scorecard does', () => {
    expect(normalizeCompany('@Acme, Inc.')).toBe('acme');
    expect(normalizeCompany('Widgets LLC')).toBe('widgets');
  });

  it('adds at most one new organization or company per contributor with 5+ contributions', () => {
    const entities = entitiesFromGitHub([
      { login: 'alice', contributions: 50, organizations: ['octo-org', 'other-org'], company: 'Acme' },
      { login: 'bob', contributions: 10, organizations: ['octo-org'], company: '@acme' },
      { login: 'carol', contributions: 4, organizations: ['carol-org'] },
      { login: 'dave', contributions: 5, organizations: [], company: 'ACME' },
    ]);
    expect(entities.map((entity) => entity.name)).toEqual(['octo-org', 'acme']);
  });

  it('scores 10 × n / 3, and 10 from 3 organizations', async () => {
    const two = fakeGitHub({ contributors: [{ login: 'alice', contributions: 9, organizations: ['a'] }, { login: 'bob', contributions: 9, organizations: [], company: 'B Corp' }] });
    const result = await contributors.run(context({ github: two }));
    expect(result).toMatchObject({ score: 6, reason: 'project has 2 contributing companies or organizations -- score normalized to 6', risk: 'Low' });
    expect(result.findings.map((finding) => finding.outcome)).toEqual(['pass', 'pass', 'fail']);

    const many = fakeGitHub({ contributors: ['a', 'b', 'c', 'd'].map((org) => ({ login: org, contributions: 9, organizations: [org] })) });
    expect(await contributors.run(context({ github: many }))).toMatchObject({ score: 10, reason: 'project has 3 contributing companies or organizations' });

    expect((await contributors.run(context({ github: fakeGitHub() }))).score).toBe(0);
  });
});

describe('Contributors from the local git history (approximation)', () => {
  it('counts the company email domains of authors with 5+ commits, marked as a deviation', async () => {
    const git = history({ 'ann@acme.com': 6, 'ben@acme.com': 7, 'cy@gmail.com': 9, 'di@widgets.io': 5, 'ed@other.org': 4, '123+fe@users.noreply.github.com': 8 });
    const result = await contributors.run(context({ git }));
    expect(result.score).toBe(6);
    expect(result.findings.filter((finding) => finding.outcome === 'pass').map((finding) => finding.message)).toEqual([
      'acme.com contributor org/company found (through ann <ann@acme.com>).',
      'widgets.io contributor org/company found (through di <di@widgets.io>).',
    ]);
    expect(result.findings.every((finding) => finding.deviation?.startsWith('Approximation from the local git history'))).toBe(true);
  });

  it('is -1 without the API in compatibility mode, or with no source at all', async () => {
    const git = history({ 'ann@acme.com': 6 });
    const compat = await contributors.run(context({ git }, true));
    expect(compat.score).toBe(-1);
    expect(compat.reason).toContain('GitHub API');
    expect((await contributors.run(context({}))).score).toBe(-1);
  });
});
