/**
 * Every check, in Scorecard's order of documentation. Adding a check is one file under
 * src/checks/ and one line here.
 */
import type { Check } from './check.js';
import { binaryArtifacts } from './binary-artifacts.js';
import { branchProtection } from './branch-protection.js';
import { ciTests } from './ci-tests.js';
import { ciiBestPractices } from './cii-best-practices.js';
import { codeReview } from './code-review.js';
import { contributors } from './contributors.js';
import { dangerousWorkflow } from './dangerous-workflow.js';
import { dependencyUpdateTool } from './dependency-update-tool.js';
import { fuzzing } from './fuzzing.js';
import { license } from './license.js';
import { maintained } from './maintained.js';
import { packaging } from './packaging.js';
import { pinnedDependencies } from './pinned-dependencies.js';
import { sast } from './sast.js';
import { securityPolicy } from './security-policy.js';
import { signedReleases } from './signed-releases.js';
import { tokenPermissions } from './token-permissions.js';
import { vulnerabilities } from './vulnerabilities.js';
import { webhooks } from './webhooks.js';

export const checks: readonly Check[] = [
  binaryArtifacts,
  branchProtection,
  ciTests,
  ciiBestPractices,
  codeReview,
  contributors,
  dangerousWorkflow,
  dependencyUpdateTool,
  fuzzing,
  license,
  maintained,
  packaging,
  pinnedDependencies,
  sast,
  securityPolicy,
  signedReleases,
  tokenPermissions,
  vulnerabilities,
  webhooks,
];

/** The check of a name, ignoring case (`pinned-dependencies`). */
export function findCheck(name: string): Check | undefined {
  return checks.find((check) => check.name.toLowerCase() === name.toLowerCase());
}
