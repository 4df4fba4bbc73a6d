/**
 * Vulnerabilities (risk High): known vulnerabilities in the repository's own dependencies, through
 * the advisory engine (the inventory of the folder matched against the store, as `trustline
 * scan` does). Scorecard's rule: 10 minus one point per vulnerability (alias groups counted once),
 * never below 0. Without advisory data the check scores -1 with a reason, so a missing database
 * never passes for a clean project.
 */
import { scanInventory } from '../advisories/scan.js';
import { extractInventory } from '../inventory/index.js';
import type { CheckFinding } from '../model/index.js';
import { type Check, inconclusiveResult, maxScore, scoredResult } from './check.js';

export const vulnerabilities: Check = {
  name: 'Vulnerabilities',
  risk: 'High',
  short: 'known vulnerabilities in the dependencies the repository declares (lockfiles, manifests, SBOMs)',
  source: 'files',
  async run(context) {
    if (context.root === undefined) return inconclusiveResult(this, 'no local folder to read dependencies from');
    if (context.store === undefined) return inconclusiveResult(this, 'no advisory database: run `trustline db update` or `trustline db import PATH` first');
    // The repository is listed already: its files are not walked a second time.
    const inventory = await extractInventory(context.root, { files: context.files.paths });
    const report = await scanInventory(context.store, inventory);
    if (report.source.advisories === 0) return inconclusiveResult(this, 'the advisory database is empty: run `trustline db update` or `trustline db import PATH` first');
    if (report.source.ecosystems.length > 0 && report.source.missingEcosystems.length === report.source.ecosystems.length) {
      return inconclusiveResult(this, `no advisory data for ${report.source.missingEcosystems.join(', ')}: run \`trustline db update\` first`);
    }
    const groups = report.findings.filter((finding) => finding.ignored === undefined);
    const ids = new Set(groups.map((finding) => finding.id));
    const findings: CheckFinding[] = groups.map((finding) => ({
      outcome: 'fail',
      message: `${finding.name}@${finding.version} is affected by ${finding.id}${finding.aliases.length > 0 ? ` (${finding.aliases.join(', ')})` : ''}${finding.summary === undefined ? '' : `: ${finding.summary}`}`,
      ...(finding.locations[0] === undefined ? {} : { file: finding.locations[0].file, ...(finding.locations[0].line === undefined ? {} : { line: finding.locations[0].line }) }),
      snippet: `${finding.name}@${finding.version}`,
      remediation: finding.kind === 'malicious' ? `remove ${finding.name}: it is a malicious package` : finding.upgrade === undefined ? `no fixed version of ${finding.name} is known yet; see ${finding.references[0] ?? finding.id}` : `upgrade ${finding.name} to ${finding.upgrade}`,
    }));
    const score = Math.max(0, maxScore - ids.size);
    const reason = ids.size === 0 ? `0 existing vulnerabilities detected in ${report.summary.packages} packages` : `${ids.size} existing vulnerabilities detected`;
    return scoredResult(this, score, reason, findings);
  },
};
