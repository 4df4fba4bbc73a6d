/**
 * GitHub REST responses for a small repository `octo-org/demo`, written in the documented shapes
 * of docs.github.com/rest (trimmed to the fields Trustline reads, plus a few it ignores).
 */
import type { Routes } from './github-rest-router.js';

const api = '/repos/octo-org/demo';
const user = (login: string, type = 'User'): Record<string, unknown> => ({ login, id: login.length, type, site_admin: false, html_url: `https://github.com/${login}` });
const repo = (owner: string, name: string): Record<string, unknown> => ({ id: 1, name, full_name: `${owner}/${name}`, owner: user(owner, 'Organization'), private: false });

export const shaMerged = 'a'.repeat(40);
export const shaForkPr = 'b'.repeat(40);
export const shaDirect = 'c'.repeat(40);
export const shaPrHead = 'd'.repeat(40);

const commit = (sha: string, message: string, date: string, author: Record<string, unknown> | null): Record<string, unknown> => ({
  sha,
  node_id: 'C_x',
  commit: {
    author: { name: 'Someone', email: 'someone@example.com', date },
    committer: { name: 'GitHub', email: 'noreply@github.com', date },
    message,
    tree: { sha: 'e'.repeat(40) },
    verification: { verified: false, reason: 'unsigned' },
  },
  url: `https://api.github.com${api}/commits/${sha}`,
  html_url: `https://github.com/octo-org/demo/commit/${sha}`,
  author,
  committer: user('web-flow'),
  parents: [],
});

const pull = (number: number, base: Record<string, unknown>, mergedAt: string | null, author: Record<string, unknown>): Record<string, unknown> => ({
  url: `https://api.github.com${api}/pulls/${number}`,
  html_url: `https://github.com/octo-org/demo/pull/${number}`,
  number,
  state: 'closed',
  title: 'Add parser',
  user: author,
  labels: [{ id: 1, name: 'lgtm', color: 'ededed' }],
  created_at: '2026-05-01T10:00:00Z',
  merged_at: mergedAt,
  head: { ref: 'feature', sha: shaPrHead, repo: base },
  base: { ref: 'main', sha: 'f'.repeat(40), repo: base },
});

export const octoDemoRoutes: Routes = {
  [`GET ${api}`]: {
    body: {
      id: 1,
      name: 'demo',
      full_name: 'octo-org/demo',
      owner: user('octo-org', 'Organization'),
      html_url: 'https://github.com/octo-org/demo',
      archived: false,
      disabled: false,
      created_at: '2024-02-03T04:05:06Z',
      pushed_at: '2026-05-20T10:00:00Z',
      default_branch: 'main',
    },
  },
  [`GET ${api}/commits`]: {
    body: [
      commit(shaMerged, 'Add parser (#12)', '2026-05-20T10:00:00Z', user('alice')),
      commit(shaForkPr, 'Typo', '2026-05-19T10:00:00Z', user('bob')),
      commit(shaDirect, 'Release 1.0', '2026-05-18T10:00:00Z', null),
    ],
  },
  [`GET ${api}/commits/${shaMerged}/pulls`]: { body: [pull(12, repo('octo-org', 'demo'), '2026-05-20T10:00:00Z', user('alice'))] },
  [`GET ${api}/commits/${shaForkPr}/pulls`]: { body: [pull(3, repo('someone', 'demo'), '2026-05-19T10:00:00Z', user('bob'))] },
  [`GET ${api}/commits/${shaDirect}/pulls`]: { body: [] },
  [`GET ${api}/pulls/12`]: { body: { ...pull(12, repo('octo-org', 'demo'), '2026-05-20T10:00:00Z', user('alice')), merged: true, merged_by: user('carol') } },
  [`GET ${api}/pulls/12/reviews`]: {
    body: [
      { id: 80, user: user('bob'), body: '', state: 'COMMENTED', submitted_at: '2026-05-19T09:00:00Z', commit_id: shaPrHead },
      { id: 81, user: user('dave'), body: 'LGTM', state: 'APPROVED', submitted_at: '2026-05-19T11:00:00Z', commit_id: shaPrHead },
      { id: 82, user: null, body: '', state: 'APPROVED', submitted_at: '2026-05-19T12:00:00Z', commit_id: shaPrHead },
    ],
  },
  [`GET ${api}/commits/${shaPrHead}/check-runs`]: {
    body: {
      total_count: 2,
      check_runs: [
        { id: 4, name: 'test (ubuntu)', status: 'completed', conclusion: 'success', html_url: 'https://github.com/octo-org/demo/runs/4', url: 'https://api.github.com/x/4', app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' } },
        { id: 5, name: 'lint', status: 'in_progress', conclusion: null, html_url: null, url: 'https://api.github.com/x/5', app: null },
      ],
    },
  },
  [`GET ${api}/commits/${shaPrHead}/statuses`]: {
    body: [{ id: 1, state: 'success', context: 'ci/circleci: build', target_url: 'https://circleci.com/gh/octo-org/demo/1', description: 'ok', created_at: '2026-05-19T10:00:00Z' }],
  },
  [`GET ${api}/issues`]: {
    body: [
      { number: 40, html_url: 'https://github.com/octo-org/demo/issues/40', title: 'Crash', user: user('eve'), author_association: 'NONE', created_at: '2026-05-10T00:00:00Z', updated_at: '2026-05-25T00:00:00Z', comments: 2 },
      { number: 39, html_url: 'https://github.com/octo-org/demo/pull/39', title: 'A pull request', user: user('eve'), author_association: 'CONTRIBUTOR', created_at: '2026-05-09T00:00:00Z', updated_at: '2026-05-24T00:00:00Z', pull_request: { url: 'x' } },
      { number: 2, html_url: 'https://github.com/octo-org/demo/issues/2', title: 'Old', user: user('carol'), author_association: 'OWNER', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-02T00:00:00Z', comments: 0 },
    ],
  },
  [`GET ${api}/issues/comments`]: {
    body: [
      { id: 1, issue_url: `https://api.github.com${api}/issues/40`, user: user('carol'), author_association: 'MEMBER', created_at: '2026-05-25T00:00:00Z', updated_at: '2026-05-25T00:00:00Z', body: 'On it' },
      { id: 2, issue_url: `https://api.github.com${api}/issues/39`, user: user('carol'), author_association: 'MEMBER', created_at: '2026-05-24T00:00:00Z', updated_at: '2026-05-24T00:00:00Z', body: 'PR comment' },
      { id: 3, issue_url: `https://api.github.com${api}/issues/40`, user: user('eve'), author_association: 'NONE', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-05-25T00:00:00Z', body: 'edited old comment' },
    ],
  },
  [`GET ${api}/releases`]: {
    body: [
      {
        id: 2,
        tag_name: 'v1.1.0',
        name: 'v1.1.0',
        html_url: 'https://github.com/octo-org/demo/releases/tag/v1.1.0',
        draft: false,
        prerelease: false,
        assets: [
          { id: 7, name: 'demo-linux-amd64.tar.gz', browser_download_url: 'https://github.com/octo-org/demo/releases/download/v1.1.0/demo-linux-amd64.tar.gz', digest: `sha256:${'1'.repeat(64)}`, size: 10 },
          { id: 8, name: 'demo-linux-amd64.tar.gz.sig', browser_download_url: 'https://github.com/octo-org/demo/releases/download/v1.1.0/demo-linux-amd64.tar.gz.sig', digest: null, size: 1 },
        ],
      },
      { id: 1, tag_name: 'v1.0.0', name: 'v1.0.0', html_url: 'https://github.com/octo-org/demo/releases/tag/v1.0.0', draft: false, prerelease: false, assets: [] },
    ],
  },
  [`GET ${api}/attestations/sha256:${'1'.repeat(64)}`]: { body: { attestations: [{ bundle: { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }, repository_id: 1 }] } },
  [`GET ${api}/branches/main`]: {
    body: { name: 'main', commit: { sha: shaMerged }, protected: true, protection: { enabled: true, required_status_checks: { enforcement_level: 'non_admins', contexts: ['ci/test'], checks: [{ context: 'ci/test', app_id: null }] } } },
  },
  [`GET ${api}/branches/main/protection`]: {
    body: {
      url: `https://api.github.com${api}/branches/main/protection`,
      required_status_checks: { strict: true, contexts: ['ci/test'], checks: [{ context: 'ci/test', app_id: 15368 }, { context: 'lint', app_id: 15368 }] },
      enforce_admins: { enabled: false },
      required_pull_request_reviews: { dismiss_stale_reviews: true, require_code_owner_reviews: false, required_approving_review_count: 1, require_last_push_approval: false },
      allow_force_pushes: { enabled: false },
      allow_deletions: { enabled: false },
      required_linear_history: { enabled: false },
    },
  },
  [`GET ${api}/rules/branches/main`]: {
    body: [
      { type: 'pull_request', ruleset_source_type: 'Repository', ruleset_source: 'octo-org/demo', ruleset_id: 9, parameters: { required_approving_review_count: 2, dismiss_stale_reviews_on_push: false, require_code_owner_review: true, require_last_push_approval: true, required_review_thread_resolution: false } },
      { type: 'required_signatures', ruleset_source_type: 'Repository', ruleset_source: 'octo-org/demo', ruleset_id: 9 },
    ],
  },
  [`GET ${api}/hooks`]: {
    body: [
      { type: 'Repository', id: 11, name: 'web', active: true, events: ['push'], config: { content_type: 'json', insecure_ssl: '0', url: 'https://ci.example.com/hook', secret: '********' } },
      { type: 'Repository', id: 12, name: 'web', active: true, events: ['push'], config: { content_type: 'json', insecure_ssl: '0', url: 'https://chat.example.com/hook' } },
    ],
  },
  [`GET ${api}/contributors`]: {
    body: [
      { ...user('alice'), contributions: 120 },
      { ...user('dependabot[bot]', 'Bot'), contributions: 40 },
      { ...user('bob'), contributions: 3 },
    ],
  },
  [`GET ${api}/actions/workflows/verify.yml/runs`]: {
    body: { total_count: 1, workflow_runs: [{ id: 30, name: 'verify', head_branch: 'main', head_sha: shaMerged, status: 'completed', conclusion: 'success', path: '.github/workflows/verify.yml' }] },
  },
  [`GET ${api}/license`]: {
    body: { name: 'LICENSE', path: 'LICENSE', sha: '1', size: 11357, license: { key: 'apache-2.0', name: 'Apache License 2.0', spdx_id: 'Apache-2.0', url: 'https://api.github.com/licenses/apache-2.0', node_id: 'MDc6TGljZW5zZTI=' } },
  },
  [`GET ${api}/languages`]: { body: { TypeScript: 120000, Shell: 2400 } },
  'GET /search/commits': {
    body: {
      total_count: 2,
      incomplete_results: false,
      items: [
        { sha: shaForkPr, commit: { message: 'Bump x', author: { name: 'dependabot[bot]', email: 'x', date: '2026-05-01T00:00:00Z' }, committer: { name: 'GitHub', email: 'noreply@github.com', date: '2026-05-01T00:00:00Z' } }, author: user('dependabot[bot]', 'Bot'), committer: { ...user('web-flow'), id: 19864447 }, repository: repo('octo-org', 'demo') },
        { sha: shaDirect, commit: { message: 'Bump y', author: { name: 'dependabot[bot]', email: 'x', date: '2026-04-01T00:00:00Z' }, committer: { name: 'dependabot[bot]', email: 'x', date: '2026-04-01T00:00:00Z' } }, author: user('dependabot[bot]', 'Bot'), committer: { ...user('dependabot[bot]', 'Bot'), id: 49699333 }, repository: repo('octo-org', 'demo') },
      ],
    },
  },
  'GET /users/alice': { body: { ...user('alice'), name: 'Alice', company: '@acme-corp', blog: '', public_repos: 3 } },
  'GET /users/alice/orgs': { body: [{ login: 'octo-org', id: 9, description: null }] },
  'GET /users/dependabot[bot]': { status: 404, body: { message: 'Not Found' } },
};
