/**
 * CII-Best-Practices (Scorecard, risk Low): has the project earned an OpenSSF Best Practices badge
 * (bestpractices.dev, looked up by the repository's URL)? Gold 10, silver 7, passing 5, in
 * progress 2, none 0; a level Scorecard does not know is an error (-1).
 */
import type { CheckResult } from '../model/index.js';
import { inconclusiveResult, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import { guarded, needsGitHubResult } from './source-results.js';

export const ciiBestPractices: Check = {
  name: 'CII-Best-Practices',
  risk: 'Low',
  short: 'the OpenSSF Best Practices badge level of the project',
  source: 'github',
  run: (context) => guarded(ciiBestPractices, () => judge(context)),
};

const levelScores = { in_progress: 2, passing: 5, silver: 7, gold: 10 } as const;
const remediation =
  'Register the project at https://www.bestpractices.dev with its repository URL and work through the criteria; passing needs, among others, a documented vulnerability report process and automated tests.';

async function judge(context: CheckContext): Promise<CheckResult> {
  if (context.github === undefined) return needsGitHubResult(ciiBestPractices, "the repository's URL (to look up its badge)");
  const badge = await context.github.bestPracticesBadge();
  if (badge === 'not-found') {
    return scoredResult(ciiBestPractices, 0, 'no effort to earn an OpenSSF best practices badge detected', [
      { outcome: 'fail', message: 'No OpenSSF Best Practices project is registered for this repository.', remediation },
    ]);
  }
  if (typeof badge === 'object') {
    const detail = context.scorecardCompat ? '' : ` (bestpractices.dev answered the level ${JSON.stringify(badge.unknown)})`;
    return inconclusiveResult(ciiBestPractices, `internal error: unsupported badge: Unknown${detail}`);
  }
  const score = levelScores[badge];
  return scoredResult(ciiBestPractices, score, `badge detected: ${badge}`, [
    score === 10 ? { outcome: 'pass', message: `OpenSSF Best Practices badge: ${badge}.` } : { outcome: 'pass', message: `OpenSSF Best Practices badge: ${badge}; the next level scores higher.`, remediation },
  ]);
}
