/**
 * Contributors (Scorecard, risk Low): do people from several organizations work on the project?
 * Scorecard reads the 30 top contributors from the GitHub API and, for each with 5 or more
 * contributions, the organizations they belong to and the company of their profile (lowercased,
 * without "inc.", "llc", commas and a leading "@"); each contributor adds at most one organization
 * or company not seen yet. 3 or more score 10, fewer 10 × n / 3.
 *
 * Without the API (and not in compatibility mode, where Scorecard cannot run it), a documented
 * approximation from the local git history: the email domains of authors with 5 or more commits
 * stand in for organizations, public mail providers excepted. Its findings carry `deviation`.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { maxScore, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import type { GitHistory } from './git-history.js';
import type { GitHubContributor } from './github-api.js';
import { minContributionsPerUser } from './github-api.js';
import { guarded, needsGitHubResult, proportionalResult } from './source-results.js';

/** Organizations or companies that score 10. */
export const companiesForTopScore = 3;

export const contributors: Check = {
  name: 'Contributors',
  risk: 'Low',
  short: 'organizations and companies of the active contributors',
  source: 'git',
  run: (context) => guarded(contributors, () => judge(context)),
};

interface Entity {
  readonly name: string;
  /** Who brought it: a GitHub login, or an author's name and email. */
  readonly via: string;
}

async function judge(context: CheckContext): Promise<CheckResult> {
  if (context.github !== undefined) return score(entitiesFromGitHub(await context.github.contributors()), context, undefined);
  if (context.git !== undefined && !context.scorecardCompat) {
    return score(entitiesFromHistory(context.git), context, 'Approximation from the local git history: the email domains of authors with 5 or more commits stand in for the GitHub organizations and companies Scorecard reads.');
  }
  return needsGitHubResult(contributors, "the contributors' organizations and companies");
}

/** Scorecard's company normalization (checks/raw/contributors.go). */
export function normalizeCompany(company: string): string {
  return company.toLowerCase().replaceAll('inc.', '').replaceAll('llc', '').replaceAll(',', '').replace(/^@+/, '').trim();
}

export function entitiesFromGitHub(people: readonly GitHubContributor[]): Entity[] {
  const seen = new Map<string, Entity>();
  for (const person of people) {
    if (person.contributions < minContributionsPerUser) continue;
    // One new entity per contributor at most: their first unseen organization, else their company.
    const organization = person.organizations.find((org) => org !== '' && !seen.has(org));
    if (organization !== undefined) {
      seen.set(organization, { name: organization, via: person.login });
      continue;
    }
    const company = normalizeCompany(person.company ?? '');
    if (company !== '' && !seen.has(company)) seen.set(company, { name: company, via: person.login });
  }
  return [...seen.values()];
}

/** Mail providers anyone can use: their domain says nothing about an employer. */
const publicMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com', 'me.com', 'mac.com',
  'protonmail.com', 'proton.me', 'pm.me', 'aol.com', 'gmx.de', 'gmx.net', 'gmx.com', 'web.de', 'mail.ru', 'yandex.ru', 'yandex.com', 'qq.com',
  '163.com', '126.com', 'foxmail.com', 'fastmail.com', 'fastmail.fm', 'hey.com', 'zoho.com', 'tutanota.com', 'posteo.de', 'mailbox.org',
  'users.noreply.github.com', 'noreply.github.com', 'github.com', 'localhost',
]);

export function entitiesFromHistory(history: GitHistory): Entity[] {
  const authors = new Map<string, { name: string; commits: number }>();
  for (const commit of history.commits) {
    const email = commit.authorEmail.trim().toLowerCase();
    const author = authors.get(email) ?? { name: commit.authorName, commits: 0 };
    author.commits += 1;
    authors.set(email, author);
  }
  const seen = new Map<string, Entity>();
  for (const [email, author] of authors) {
    if (author.commits < minContributionsPerUser) continue;
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!email.includes('@') || !domain.includes('.') || publicMailDomains.has(domain) || /(^|\.)yahoo\.[a-z.]+$/.test(domain) || seen.has(domain)) continue;
    seen.set(domain, { name: domain, via: `${author.name} <${email}>` });
  }
  return [...seen.values()];
}

function score(entities: readonly Entity[], context: CheckContext, deviation: string | undefined): CheckResult {
  const marked = deviation === undefined || context.scorecardCompat ? {} : { deviation };
  const findings: CheckFinding[] = entities
    .map((entity) => ({ outcome: 'pass' as const, message: `${entity.name} contributor org/company found (through ${entity.via}).`, ...marked }))
    .sort((a, b) => a.message.localeCompare(b.message));
  const counted = Math.min(entities.length, companiesForTopScore);
  const reason = `project has ${counted} contributing companies or organizations`;
  if (counted >= companiesForTopScore) return scoredResult(contributors, maxScore, reason, findings);
  findings.push({
    outcome: 'fail',
    message: `Contributors with ${minContributionsPerUser} or more contributions come from ${counted} organizations or companies; ${companiesForTopScore} score 10.`,
    remediation: 'Bring in maintainers from other organizations, and let active contributors show their organization or company on their GitHub profile.',
    ...marked,
  });
  return proportionalResult(contributors, reason, counted, companiesForTopScore, findings);
}
