import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../errors.js';
import type { CheckContext } from './check.js';
import type { GitHubApi } from './github-api.js';
import { fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';
import { webhooks } from './webhooks.js';

const now = new Date('2026-06-01T00:00:00Z');

function context(github: GitHubApi | undefined, scorecardCompat = true): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...(github === undefined ? {} : { github }) };
}

describe('Webhooks (Scorecard rules)', () => {
  const hook = (id: number, hasSecret: boolean): { id: number; settingsUrl: string; active: boolean; hasSecret: boolean } => ({ id, settingsUrl: `https://github.com/octo-org/demo/settings/hooks/${id}`, active: true, hasSecret });

  it('scores hooks with a secret out of all, 10 without hooks', async () => {
    expect(await webhooks.run(context(fakeGitHub()))).toMatchObject({ score: 10, reason: 'project does not have webhook', risk: 'Critical' });
    expect(await webhooks.run(context(fakeGitHub({ webhooks: [hook(1, true), hook(2, true)] })))).toMatchObject({ score: 10, reason: 'All 2 of the projects webhooks are configured with a secret' });
    expect(await webhooks.run(context(fakeGitHub({ webhooks: [hook(1, false)] })))).toMatchObject({ score: 0, reason: 'no hook(s) have a secret configured' });
    const mixed = await webhooks.run(context(fakeGitHub({ webhooks: [hook(1, true), hook(2, false), hook(3, true)] })));
    expect(mixed).toMatchObject({ score: 6, reason: '1 out of the projects 3 webhooks are configured without a secret -- score normalized to 6' });
    expect(mixed.findings[1]?.remediation).toContain('X-Hub-Signature-256');
  });

  it('is -1 with the reason when the token may not list webhooks', async () => {
    const refused = fakeGitHub({ fail: { webhooks: new EnvironmentError('github-forbidden', 'listing the webhooks of octo-org/demo needs a token with admin rights on it (HTTP 404)') } });
    const result = await webhooks.run(context(refused));
    expect(result.score).toBe(-1);
    expect(result.reason).toContain('admin rights');
  });
});

