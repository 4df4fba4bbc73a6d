/**
 * Webhooks (Scorecard, risk Critical): do the repository's webhooks use a secret, so that their
 * receivers can tell GitHub's deliveries from forged ones? No webhook scores 10; otherwise
 * 10 × with a secret / all (0 when none has one). Listing webhooks needs a token with admin rights
 * on the repository; without them the check is -1 and says so.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { maxScore, minScore, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import { guarded, needsGitHubResult, proportionalResult } from './source-results.js';

export const webhooks: Check = {
  name: 'Webhooks',
  risk: 'Critical',
  short: 'repository webhooks configured with a secret',
  source: 'github',
  run: (context) => guarded(webhooks, () => judge(context)),
};

async function judge(context: CheckContext): Promise<CheckResult> {
  if (context.github === undefined) return needsGitHubResult(webhooks, 'webhooks (with a token that has admin rights)');
  const hooks = await context.github.webhooks();
  if (hooks.length === 0) return scoredResult(webhooks, maxScore, 'project does not have webhook', []);
  const findings: CheckFinding[] = hooks.map((hook) =>
    hook.hasSecret
      ? { outcome: 'pass', message: `Webhook ${hook.id} is configured with a secret: ${hook.settingsUrl}` }
      : {
          outcome: 'fail',
          message: `Webhook with no secret configured: ${hook.settingsUrl}`,
          remediation: `Set a random secret on webhook ${hook.id} (${hook.settingsUrl}) and have its receiver verify the X-Hub-Signature-256 header of every delivery.`,
        },
  );
  const withSecret = hooks.filter((hook) => hook.hasSecret).length;
  if (withSecret === 0) return scoredResult(webhooks, minScore, 'no hook(s) have a secret configured', findings);
  if (withSecret === hooks.length) return scoredResult(webhooks, maxScore, `All ${hooks.length} of the projects webhooks are configured with a secret`, findings);
  return proportionalResult(webhooks, `${hooks.length - withSecret} out of the projects ${hooks.length} webhooks are configured without a secret`, withSecret, hooks.length, findings);
}
