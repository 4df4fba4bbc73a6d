import { describe, expect, it } from 'vitest';
import type { CheckContext } from './check.js';
import { ciiBestPractices } from './cii-best-practices.js';
import type { GitHubApi } from './github-api.js';
import { fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';

const now = new Date('2026-06-01T00:00:00Z');

function context(github: GitHubApi | undefined, scorecardCompat = true): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...(github === undefined ? {} : { github }) };
}

describe('CII-Best-Practices (Scorecard rules)', () => {
  it('maps badge levels to scores', async () => {
    const scores = await Promise.all((['not-found', 'in_progress', 'passing', 'silver', 'gold'] as const).map(async (badge) => (await ciiBestPractices.run(context(fakeGitHub({ badge })))).score));
    expect(scores).toEqual([0, 2, 5, 7, 10]);
    expect((await ciiBestPractices.run(context(fakeGitHub({ badge: 'passing' })))).reason).toBe('badge detected: passing');
    expect((await ciiBestPractices.run(context(fakeGitHub({ badge: 'not-found' })))).findings[0]?.remediation).toContain('bestpractices.dev');
  });

  it('is -1 for a level Scorecard does not know, or without the API', async () => {
    expect(await ciiBestPractices.run(context(fakeGitHub({ badge: { unknown: 'platinum' } })))).toMatchObject({ score: -1, reason: 'internal error: unsupported badge: Unknown' });
    expect((await ciiBestPractices.run(context(fakeGitHub({ badge: { unknown: 'platinum' } }), false))).reason).toContain('"platinum"');
    expect((await ciiBestPractices.run(context(undefined))).score).toBe(-1);
  });
});
