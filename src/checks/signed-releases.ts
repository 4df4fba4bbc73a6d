/**
 * Signed-Releases (Scorecard, risk High): do the recent releases ship signatures or provenance?
 * Scorecard looks at the first 5 of the 30 most recent GitHub releases, skipping those without
 * assets; a release with provenance (an asset ending in `.intoto.jsonl`) is worth 10, one with only
 * a signature (`.asc`, `.minisig`, `.sig`, `.sign`, `.sigstore`, `.sigstore.json`) 8, others 0; the
 * score is their mean, rounded down. No release with assets: -1.
 *
 * Improvement (off with scorecardCompat, marked `deviation`): a release asset with a GitHub
 * artifact attestation (build provenance, looked up by the asset's digest) counts as provenance;
 * Scorecard only sees files attached to the release.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import type { GitHubApi, GitHubRelease, GitHubReleaseAsset } from './github-api.js';
import { guarded, needsGitHubResult } from './source-results.js';

export const signedReleases: Check = {
  name: 'Signed-Releases',
  risk: 'High',
  short: 'signatures and provenance attached to the recent releases',
  source: 'github',
  run: (context) => guarded(signedReleases, () => judge(context)),
};

export const releaseLookBack = 5;
export const signatureExtensions = ['.asc', '.minisig', '.sig', '.sign', '.sigstore', '.sigstore.json'];
export const provenanceExtensions = ['.intoto.jsonl'];
/** Attestation lookups per release, so a release with hundreds of assets stays cheap. */
const attestedAssetsChecked = 10;
const signedScore = 8;
const provenanceScore = 10;

interface Verdict {
  readonly release: GitHubRelease;
  readonly signature?: GitHubReleaseAsset;
  readonly provenance?: GitHubReleaseAsset;
  /** The provenance is a GitHub attestation (Trustline's improvement). */
  readonly attested: boolean;
}

async function judge(context: CheckContext): Promise<CheckResult> {
  if (context.github === undefined) return needsGitHubResult(signedReleases, 'releases and their assets');
  const releases = (await context.github.releases()).slice(0, releaseLookBack).filter((release) => release.assets.length > 0);
  if (releases.length === 0) return inconclusiveResult(signedReleases, 'no releases found');
  const github = context.github;
  const verdicts = await Promise.all(releases.map((release) => verdictOf(release, context.scorecardCompat ? undefined : github)));

  const findings: CheckFinding[] = [];
  let total = 0;
  let found = 0;
  for (const verdict of verdicts) {
    const { release } = verdict;
    if (verdict.provenance !== undefined) {
      found += 1;
      findings.push({
        outcome: 'pass',
        message: verdict.attested
          ? `release ${release.tagName}: ${verdict.provenance.name} has a GitHub artifact attestation (build provenance)`
          : `provenance for release artifact: ${verdict.provenance.name}`,
        ...(verdict.attested ? { deviation: 'Scorecard does not look up GitHub artifact attestations; Trustline counts an attested release asset as provenance.' } : {}),
      });
    }
    if (verdict.signature !== undefined) {
      found += 1;
      findings.push({ outcome: 'pass', message: `signed release artifact: ${verdict.signature.name}` });
    }
    total += verdict.provenance !== undefined ? provenanceScore : verdict.signature !== undefined ? signedScore : 0;
    if (verdict.provenance === undefined) {
      findings.push({
        outcome: 'fail',
        message: verdict.signature === undefined ? `release artifact ${release.tagName} not signed: ${release.htmlUrl}` : `release artifact ${release.tagName} does not have provenance: ${release.htmlUrl}`,
        remediation: remediation(release),
      });
    }
  }
  if (found === 0) return scoredResult(signedReleases, 0, 'Project has not signed or included provenance with any releases.', findings);
  const credited = verdicts.filter((verdict) => verdict.provenance !== undefined || verdict.signature !== undefined).length;
  return scoredResult(signedReleases, Math.floor(total / verdicts.length), `${credited} out of the last ${verdicts.length} releases have a total of ${found} signed artifacts.`, findings);
}

async function verdictOf(release: GitHubRelease, attestations: GitHubApi | undefined): Promise<Verdict> {
  const signature = release.assets.find((asset) => signatureExtensions.some((extension) => asset.name.endsWith(extension)));
  const provenance = release.assets.find((asset) => provenanceExtensions.some((extension) => asset.name.endsWith(extension)));
  const base = { release, ...(signature === undefined ? {} : { signature }) };
  if (provenance !== undefined) return { ...base, provenance, attested: false };
  if (attestations === undefined) return { ...base, attested: false };
  const candidates = release.assets.filter((asset) => asset.digest !== undefined && asset !== signature).slice(0, attestedAssetsChecked);
  for (const asset of candidates) {
    if ((await attestations.attestationCount(asset.digest ?? '')) > 0) return { ...base, provenance: asset, attested: true };
  }
  return { ...base, attested: false };
}

function remediation(release: GitHubRelease): string {
  return (
    `Publish provenance with release ${release.tagName}: build it in GitHub Actions and attest the assets ` +
    '(actions/attest-build-provenance), or attach SLSA provenance as <asset>.intoto.jsonl (slsa-framework/slsa-github-generator); ' +
    'at least sign each asset (cosign sign-blob --bundle <asset>.sigstore.json, or a detached <asset>.asc / .minisig signature).'
  );
}
