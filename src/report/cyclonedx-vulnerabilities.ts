/**
 * Scan findings as CycloneDX 1.6 vulnerabilities (https://cyclonedx.org/docs/1.6/json/#vulnerabilities),
 * built with the library's models: one per finding, affecting the component of its purl.
 */
import { Vulnerability as VulnerabilityEnums } from '@cyclonedx/cyclonedx-library/Enums';
import type { Component } from '@cyclonedx/cyclonedx-library/Models';
// A namespace: Vulnerability.Vulnerability, Vulnerability.Rating, ...
import { Vulnerability } from '@cyclonedx/cyclonedx-library/Models';
import type { AppliedIgnore, Finding, Severity, SeverityRating } from '../model/index.js';

const { AnalysisState, RatingMethod, Severity: CdxSeverity } = VulnerabilityEnums;

/** The source every finding comes from: Trustline matches OSV records. */
const osvName = 'OSV';

const severities: Record<SeverityRating, VulnerabilityEnums.Severity> = {
  critical: CdxSeverity.Critical,
  high: CdxSeverity.High,
  medium: CdxSeverity.Medium,
  low: CdxSeverity.Low,
  none: CdxSeverity.None,
  unknown: CdxSeverity.Unknown,
};

/** CWE-506, Embedded Malicious Code: what a malicious-package record reports. */
const embeddedMaliciousCode = 506;

/**
 * One vulnerability per finding, in the report's order (give it distinct findings: the bom-ref
 * is made of the id and the purl). `components` are the BOM's, by purl; a finding whose purl is
 * not among them keeps no `affects`, since a reference to no bom-ref of the document would be
 * invalid.
 */
export function cycloneDxVulnerabilities(findings: readonly Finding[], components: ReadonlyMap<string, Component>): Vulnerability.Vulnerability[] {
  return findings.map((finding) => cycloneDxVulnerability(finding, components.get(finding.purl)));
}

function cycloneDxVulnerability(finding: Finding, component: Component | undefined): Vulnerability.Vulnerability {
  const published = dateOf(finding.published);
  const updated = dateOf(finding.modified);
  const recommendation = recommendationOf(finding);
  // A reference that is no absolute URL is left out: as a relative one it would point nowhere.
  const references = finding.references.filter((reference) => URL.canParse(reference));
  // The page of the id shown, else the first: they are osv.dev pages, one per record of the group.
  const sourceUrl = references.find((reference) => reference.endsWith(`/${finding.id}`)) ?? references[0];
  const vulnerability = new Vulnerability.Vulnerability({
    // Purls start with `pkg:` and the root's reference with `root:`, so this one is unique.
    bomRef: `vulnerability:${finding.id}:${finding.purl}`,
    id: finding.id,
    source: new Vulnerability.Source({ name: osvName, ...(sourceUrl === undefined ? {} : { url: sourceUrl }) }),
    ...(finding.summary === undefined ? {} : { description: finding.summary }),
    ...(recommendation === undefined ? {} : { recommendation }),
    ...(published === undefined ? {} : { published }),
    ...(updated === undefined ? {} : { updated }),
    ...(finding.ignored === undefined ? {} : { analysis: analysisOf(finding.ignored) }),
  });
  // Every other id of the alias group is the same vulnerability; osv.dev resolves each of them.
  for (const alias of finding.aliases) {
    vulnerability.references.add(new Vulnerability.Reference(alias, new Vulnerability.Source({ name: osvName, url: `https://osv.dev/vulnerability/${encodeURIComponent(alias)}` })));
  }
  const rating = ratingOf(finding.severity);
  if (rating !== undefined) vulnerability.ratings.add(rating);
  for (const reference of references) vulnerability.advisories.add(new Vulnerability.Advisory(reference));
  if (finding.kind === 'malicious') vulnerability.cwes.add(embeddedMaliciousCode);
  if (component !== undefined) vulnerability.affects.add(new Vulnerability.Affect(component.bomRef));
  return vulnerability;
}

/**
 * The finding's severity as one rating: score, severity, vector, and the method its vector's
 * prefix names. A rating from the database's own label (no vector) has no method; an unknown
 * severity without a score gives no rating at all, which says the same.
 */
function ratingOf(severity: Severity): Vulnerability.Rating | undefined {
  const { rating, score, vector } = severity;
  if (rating === 'unknown' && score === null) return undefined;
  return new Vulnerability.Rating({
    severity: severities[rating],
    ...(score === null ? {} : { score }),
    ...(vector === null ? {} : { vector, method: ratingMethodOf(vector) }),
  });
}

/** By the vector's prefix (FIRST's specifications): `CVSS:4.0/`, `CVSS:3.1/`, `CVSS:3.0/`; CVSS v2 vectors have none and start with `AV:`. */
export function ratingMethodOf(vector: string): VulnerabilityEnums.RatingMethod {
  if (vector.startsWith('CVSS:4.0/')) return RatingMethod.CVSSv4;
  if (vector.startsWith('CVSS:3.1/')) return RatingMethod.CVSSv31;
  if (vector.startsWith('CVSS:3.0/')) return RatingMethod.CVSSv3;
  if (/^\(?AV:[LAN]\//.test(vector)) return RatingMethod.CVSSv2;
  return RatingMethod.Other;
}

function recommendationOf(finding: Finding): string | undefined {
  if (finding.kind === 'malicious') return 'Remove this package: it is reported as malicious';
  return finding.upgrade === undefined ? undefined : `Upgrade to ${finding.upgrade}`;
}

/**
 * An `ignore:` entry as the analysis of this occurrence. Its reason is free text that may record
 * an accepted risk or a fix to come as well as an unreachable code path, so it does not state
 * that the component is unaffected: `not_affected` (which CycloneDX wants with a justification)
 * would tell every consumer of the BOM to drop the vulnerability. `in_triage` keeps it open with
 * the decision, its reason and its end date in the detail.
 */
function analysisOf(ignored: AppliedIgnore): Vulnerability.Analysis {
  const until = ignored.until === undefined ? '' : ` until ${ignored.until}`;
  return new Vulnerability.Analysis({ state: AnalysisState.InTriage, detail: `Ignored in trustline.yaml (${ignored.id})${until}: ${ignored.reason}` });
}

/** OSV timestamps are RFC 3339; one that does not parse is left out rather than failing the BOM. */
function dateOf(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
