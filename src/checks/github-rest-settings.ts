/**
 * Readers of the GitHub REST API for how a repository is set up: releases and their attestations,
 * branch protection (classic rules and rulesets), webhooks, contributors with their companies, and
 * the OpenSSF Best Practices badge (bestpractices.dev, read without the GitHub token).
 */
import type { Octokit } from '@octokit/rest';
import { EnvironmentError } from '../errors.js';
import type { HttpClient } from '../net/index.js';
import type { BestPracticesBadge, GitHubBranchProtection, GitHubContributor, GitHubRelease, GitHubRepositoryRef, GitHubWebhook } from './github-api.js';
import { minContributionsPerUser } from './github-api.js';
import { mapLimited } from './map-limited.js';
import { httpStatusOf } from './github-transport.js';
import type { Mutable } from '../model/mutable.js';


export async function readReleases(octokit: Octokit, ref: GitHubRepositoryRef): Promise<GitHubRelease[]> {
  const { data } = await octokit.rest.repos.listReleases({ ...ref, per_page: 30 });
  return data.map((release) => ({
    tagName: release.tag_name,
    htmlUrl: release.html_url,
    assets: release.assets.map((asset) => {
      const digest = (asset as { digest?: string | null }).digest;
      return { name: asset.name, url: asset.browser_download_url, ...(typeof digest === 'string' && digest !== '' ? { digest } : {}) };
    }),
  }));
}

export async function readAttestationCount(octokit: Octokit, ref: GitHubRepositoryRef, digest: string): Promise<number> {
  try {
    const { data } = await octokit.rest.repos.listAttestations({ ...ref, subject_digest: digest, per_page: 30 });
    return data.attestations?.length ?? 0;
  } catch (error) {
    if (httpStatusOf(error) === 404) return 0;
    throw error;
  }
}

/**
 * The protection of `branch`: the branch's summary (readable by anyone), the classic rule (needs
 * admin rights: when refused, only its status checks are known), and the rulesets that apply to it
 * (always public), merged so that the stricter setting wins.
 */
export async function readBranchProtection(octokit: Octokit, ref: GitHubRepositoryRef, branch: string): Promise<GitHubBranchProtection> {
  const [{ data: summary }, rules] = await Promise.all([octokit.rest.repos.getBranch({ ...ref, branch }), readBranchRules(octokit, ref, branch)]);
  const protection: Mutable<GitHubBranchProtection> = { branch, protected: summary.protected || rules.length > 0, classicUnreadable: false, statusChecks: [] };
  if (summary.protected) await applyClassicRule(octokit, ref, branch, protection, (summary.protection as typeof summary.protection | undefined)?.required_status_checks);
  for (const rule of rules) applyRule(protection, rule);
  return protection;
}

interface StatusChecksSummary {
  readonly enforcement_level?: string;
  readonly contexts?: readonly string[];
}

async function applyClassicRule(octokit: Octokit, ref: GitHubRepositoryRef, branch: string, into: Mutable<GitHubBranchProtection>, summaryChecks: StatusChecksSummary | undefined): Promise<void> {
  let rule;
  try {
    ({ data: rule } = await octokit.rest.repos.getBranchProtection({ ...ref, branch }));
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 403 && status !== 404) throw error;
    // "Branch not protected": the branch is protected by rulesets only.
    if (status === 404 && error instanceof Error && /branch not protected/i.test(error.message)) return;
    // Without admin rights GitHub answers 403 or hides the rule (404): only the summary's status
    // checks are known.
    into.classicUnreadable = true;
    if (summaryChecks?.enforcement_level !== undefined && summaryChecks.enforcement_level !== 'off') into.statusChecks = [...(summaryChecks.contexts ?? [])];
    return;
  }
  const reviews = rule.required_pull_request_reviews;
  const checks = rule.required_status_checks;
  into.allowDeletions = rule.allow_deletions?.enabled ?? false;
  into.allowForcePushes = rule.allow_force_pushes?.enabled ?? false;
  into.enforceAdmins = rule.enforce_admins?.enabled ?? false;
  into.requirePullRequest = reviews !== undefined;
  into.requiredApprovingReviewCount = reviews?.required_approving_review_count ?? 0;
  into.dismissStaleReviews = reviews?.dismiss_stale_reviews ?? false;
  into.requireCodeOwnerReviews = reviews?.require_code_owner_reviews ?? false;
  into.requireLastPushApproval = reviews?.require_last_push_approval ?? false;
  into.requireUpToDateBranch = checks?.strict ?? false;
  into.statusChecks = [...new Set([...(checks?.contexts ?? []), ...(checks?.checks ?? []).map((check) => check.context)])];
}

interface BranchRule {
  readonly type: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
}

async function readBranchRules(octokit: Octokit, ref: GitHubRepositoryRef, branch: string): Promise<BranchRule[]> {
  try {
    const { data } = await octokit.rest.repos.getBranchRules({ ...ref, branch, per_page: 100 });
    return data;
  } catch (error) {
    if (httpStatusOf(error) === 404) return [];
    throw error;
  }
}

/** One ruleset rule (GitHub's `repository-rule` shapes), merged so the stricter setting wins. */
function applyRule(into: Mutable<GitHubBranchProtection>, rule: BranchRule): void {
  const parameters = rule.parameters ?? {};
  switch (rule.type) {
    case 'deletion':
      into.allowDeletions = false;
      break;
    case 'non_fast_forward':
      into.allowForcePushes = false;
      break;
    case 'pull_request': {
      into.requirePullRequest = true;
      const count = typeof parameters['required_approving_review_count'] === 'number' ? parameters['required_approving_review_count'] : 0;
      into.requiredApprovingReviewCount = Math.max(into.requiredApprovingReviewCount ?? 0, count);
      into.dismissStaleReviews = (into.dismissStaleReviews ?? false) || parameters['dismiss_stale_reviews_on_push'] === true;
      into.requireCodeOwnerReviews = (into.requireCodeOwnerReviews ?? false) || parameters['require_code_owner_review'] === true;
      into.requireLastPushApproval = (into.requireLastPushApproval ?? false) || parameters['require_last_push_approval'] === true;
      break;
    }
    case 'required_status_checks': {
      const checks = Array.isArray(parameters['required_status_checks']) ? (parameters['required_status_checks'] as unknown[]) : [];
      const contexts = checks.map((check) => (check as { context?: unknown }).context).filter((context): context is string => typeof context === 'string');
      into.statusChecks = [...new Set([...into.statusChecks, ...contexts])];
      into.requireUpToDateBranch = (into.requireUpToDateBranch ?? false) || parameters['strict_required_status_checks_policy'] === true;
      break;
    }
    default:
      break;
  }
}

export async function readWebhooks(octokit: Octokit, ref: GitHubRepositoryRef, htmlUrl: string): Promise<GitHubWebhook[]> {
  let hooks;
  try {
    ({ data: hooks } = await octokit.rest.repos.listWebhooks({ ...ref, per_page: 100 }));
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 403 && status !== 404) throw error;
    throw new EnvironmentError('github-forbidden', `listing the webhooks of ${ref.owner}/${ref.repo} needs a token with admin rights on it (HTTP ${status})`, { cause: error });
  }
  return hooks.map((hook) => ({
    id: hook.id,
    settingsUrl: `${htmlUrl}/settings/hooks/${hook.id}`,
    active: hook.active,
    // GitHub masks a configured secret as "********" and leaves the key out when there is none.
    hasSecret: typeof hook.config.secret === 'string' && hook.config.secret !== '',
  }));
}

export async function readContributors(octokit: Octokit, ref: GitHubRepositoryRef): Promise<GitHubContributor[]> {
  const { data } = await octokit.rest.repos.listContributors({ ...ref, per_page: 30 });
  // An empty repository answers 204 with no body.
  const list = Array.isArray(data) ? data : [];
  const people = list.filter((item): item is typeof item & { login: string } => typeof item.login === 'string' && item.login !== '');
  return mapLimited(people, 6, async (person): Promise<GitHubContributor> => {
    const base = { login: person.login, contributions: person.contributions, organizations: [] as string[] };
    if (person.contributions < minContributionsPerUser) return base;
    const [profile, organizations] = await Promise.all([
      ignoreNotFound(octokit.rest.users.getByUsername({ username: person.login })),
      ignoreNotFound(octokit.rest.orgs.listForUser({ username: person.login, per_page: 100 })),
    ]);
    const company = profile?.data.company ?? undefined;
    return { ...base, ...(company ? { company } : {}), organizations: (organizations?.data ?? []).map((org) => org.login) };
  });
}

async function ignoreNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
}

const badgeLevels = new Set(['in_progress', 'passing', 'silver', 'gold']);

/**
 * The badge of the project registered for `repositoryUrl`: Scorecard asks
 * `projects.json?url=<repository URL>` and reads the first project's `badge_level`.
 */
export async function readBestPracticesBadge(http: HttpClient, serviceUrl: string, repositoryUrl: string): Promise<BestPracticesBadge> {
  const url = `${serviceUrl.replace(/\/+$/, '')}/projects.json?url=${encodeURIComponent(repositoryUrl)}`;
  const response = await http.get(url, { maxBytes: 4 * 1024 * 1024, cache: false, headers: { accept: 'application/json' } });
  let projects: unknown;
  try {
    projects = JSON.parse(response.body.toString('utf8'));
  } catch (error) {
    throw new EnvironmentError('github-failed', `the OpenSSF Best Practices service answered ${url} with something other than JSON`, { cause: error });
  }
  if (!Array.isArray(projects) || projects.length === 0) return 'not-found';
  const level = (projects[0] as { badge_level?: unknown } | null)?.badge_level;
  if (typeof level === 'string' && badgeLevels.has(level)) return level as BestPracticesBadge;
  return { unknown: typeof level === 'string' ? level : JSON.stringify(level ?? null) };
}
