import { afterEach, describe, expect, it } from 'vitest';
import { startHttpFixture } from '../../test/http-fixture.js';
import type { HttpFixture } from '../../test/http-fixture.js';
import { createHttpClient } from '../net/index.js';
import { octoDemoRoutes, shaDirect, shaForkPr, shaMerged, shaPrHead } from './__fixtures__/github-rest-octo-demo.js';
import { githubRouter } from './__fixtures__/github-rest-router.js';
import { createGitHubApi } from './github-client.js';
import { fileCheckPlatform } from './platform-data.js';

let fixture: HttpFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function demoApi(): Promise<ReturnType<typeof createGitHubApi>> {
  fixture = await startHttpFixture(githubRouter(octoDemoRoutes));
  return createGitHubApi({ owner: 'octo-org', repo: 'demo', token: 'ghp_test', baseUrl: fixture.url, http: createHttpClient({ userAgent: 'trustline-test', retries: 0 }) });
}

describe('the platform data the GitHub client serves to the file checks', () => {
  it('is picked up by fileCheckPlatform', async () => {
    const platform = fileCheckPlatform({ github: await demoApi() });
    expect(Object.keys(platform).sort()).toEqual(['committerIdsOfCommitsBy', 'languages', 'licenses', 'mergedPullRequests', 'recentCommits', 'successfulWorkflowRuns']);
  });

  it('lists recent commit ids and the merged pull requests among them with their check runs', async () => {
    const api = await demoApi();
    expect(await api.recentCommits()).toEqual([shaMerged, shaForkPr, shaDirect]);
    expect(await api.mergedPullRequests()).toEqual([
      {
        number: 12,
        headSha: shaPrHead,
        checkRuns: [
          { app: 'github-actions', status: 'completed', conclusion: 'success', url: 'https://github.com/octo-org/demo/runs/4' },
          { app: '', status: 'in_progress', conclusion: '', url: 'https://api.github.com/x/5' },
        ],
      },
    ]);
  });

  it('reads successful workflow runs, the detected license, languages and a commit search', async () => {
    const api = await demoApi();
    expect(await api.successfulWorkflowRuns('verify.yml')).toEqual([shaMerged]);
    expect(await api.successfulWorkflowRuns('unknown.yml')).toEqual([]);
    expect(await api.licenses()).toEqual([{ path: 'LICENSE', spdxId: 'Apache-2.0', key: 'apache-2.0', name: 'Apache License 2.0' }]);
    expect(await api.languages()).toEqual([{ name: 'TypeScript', lines: 120000 }, { name: 'Shell', lines: 2400 }]);
    expect(await api.committerIdsOfCommitsBy('dependabot[bot]')).toEqual([19864447, 49699333]);
    const search = fixture?.requests.find((request) => request.url.startsWith('/search/commits'));
    expect(new URL(search?.url ?? '/', 'http://x').searchParams.get('q')).toBe('repo:octo-org/demo author:dependabot[bot]');
    const runs = fixture?.requests.find((request) => request.url.startsWith('/repos/octo-org/demo/actions/workflows/verify.yml/runs'));
    expect(runs?.url).toContain('status=success');
  });
});
