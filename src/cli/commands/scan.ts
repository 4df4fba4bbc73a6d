import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { EnvironmentError, ExitCode, InputError, worstExitCode } from '../../errors.js';
import type { DependencyScope, Finding, Inventory, ScanReport, SeverityRating } from '../../model/index.js';
import type { CliContext } from '../context.js';
import { exportBaseUrl, importSource, outcomeLine, refreshForScan, reportImportProblems } from './advisory-sources.js';
import type { InventoryCommandOptions } from './inventory.js';
import { readInventory, reportProblems } from './inventory.js';

export const scanFormats = ['table', 'json', 'sarif', 'markdown', 'cyclonedx-json'] as const;
export type ScanFormat = (typeof scanFormats)[number];

export const failOnLevels = ['any', 'low', 'medium', 'high', 'critical'] as const;
export type FailOn = (typeof failOnLevels)[number];

export interface ScanCommandOptions extends Omit<InventoryCommandOptions, 'format' | 'why'> {
  readonly format: ScanFormat;
  /** Advisory sources (paths or URLs) imported into the store before the scan. */
  readonly advisories: readonly string[];
  readonly osvExportUrl?: string;
  readonly failOn: FailOn;
  readonly omit: readonly DependencyScope[];
}

/**
 * `trustline scan [PATH...]`: every advisory affecting the packages under the paths. Online, it
 * first fetches OSV.dev's export of each ecosystem the project uses that the store lacks;
 * `--offline` uses the store as it is. Exit codes, in order: 2 for a path that does not exist
 * (before anything else); 3 when advisory data or the network is missing; 2 when an input file
 * was bad or nothing scannable was found; 1 when a finding at or above `--fail-on` remains; 0.
 */
export async function scanCommand(context: CliContext, targets: readonly string[], options: ScanCommandOptions): Promise<ExitCode> {
  for (const target of targets) {
    if (!existsSync(resolve(context.io.cwd, target))) throw new InputError('path-not-found', 'no such file or folder', { file: target });
  }
  const first = targets[0] ?? '.';
  const { mergeInventories } = await import('../../inventory/merge.js');
  const inventory = mergeInventories(await Promise.all(targets.map((target) => readInventory(context, target, options))));
  const offline = await context.offline(first);
  const config = await context.config(first);
  const { inventoryPackages } = await import('../../advisories/match.js');
  const { scanInventory } = await import('../../advisories/scan.js');

  const store = await context.openStore();
  let report: ScanReport;
  try {
    for (const source of options.advisories) {
      const outcome = await importSource(context, store, source, offline);
      if (outcome.summary !== undefined) reportImportProblems(context, outcome.summary);
      context.note(`trustline: ${outcomeLine(outcome)}`);
    }
    if (!offline && options.advisories.length === 0) {
      const ecosystems = [...new Set(inventoryPackages(inventory.components).packages.map((item) => item.key.ecosystem))];
      if (ecosystems.length > 0) await refreshForScan(context, store, ecosystems, await exportBaseUrl(context, first, options.osvExportUrl));
    }
    report = await scanInventory(store, inventory, { ignore: config?.config.ignore ?? [], omit: options.omit });
  } finally {
    await store.close();
  }

  // Never a reassuring "0 findings" from a database that has nothing for this project.
  if (report.source.ecosystems.length > 0 && report.source.missingEcosystems.length === report.source.ecosystems.length) {
    throw new EnvironmentError(
      'no-advisory-data',
      `no advisory data for ${report.source.missingEcosystems.join(', ')} in the store: run \`trustline db update --ecosystem ${report.source.missingEcosystems[0] ?? ''}\`, \`trustline db import PATH\`, or pass --advisories PATH|URL`,
    );
  }

  let exitCode = reportProblems(context, inventory);
  for (const problem of report.errors.slice(inventory.errors.length)) context.note(`trustline: warning: ${problem.file}: ${problem.message}`);
  for (const notice of report.ignoreNotices) context.note(`trustline: ${notice.message}`);
  if (report.source.missingEcosystems.length > 0) context.note(`trustline: warning: no advisory data for ${report.source.missingEcosystems.join(', ')}; those packages were checked against nothing`);
  if (report.summary.packages === 0 && report.unmatched.length === 0) {
    context.note(`trustline: nothing scannable found in ${targets.join(' ')} (no lockfile, manifest or SBOM)`);
    exitCode = worstExitCode(exitCode, ExitCode.badInput);
  }

  context.output(await render(context, report, inventory, options.format), options.output);
  if (report.findings.some((finding) => fails(finding, options.failOn))) exitCode = worstExitCode(exitCode, ExitCode.policyFailed);
  return exitCode;
}

const ratingRank: Record<SeverityRating, number> = { critical: 4, high: 3, medium: 2, low: 1, none: 0, unknown: 0 };

/**
 * Whether a finding fails the run: malicious packages always do; a vulnerability when its rating
 * reaches `--fail-on` (`any` fails on every one, an unknown severity only on `any`).
 */
export function fails(finding: Finding, failOn: FailOn): boolean {
  if (finding.ignored !== undefined) return false;
  if (finding.kind === 'malicious' || failOn === 'any') return true;
  return finding.severity.rating !== 'unknown' && ratingRank[finding.severity.rating] >= ratingRank[failOn];
}

async function render(context: CliContext, report: ScanReport, inventory: Inventory, format: ScanFormat): Promise<string> {
  const { trustlineVersion } = await import('../version.js');
  switch (format) {
    case 'json': {
      const { scanJson } = await import('../../report/scan-json.js');
      return scanJson(report);
    }
    case 'sarif': {
      const { scanSarif } = await import('../../report/scan-sarif.js');
      return JSON.stringify(scanSarif(report, { toolVersion: trustlineVersion() }), null, 2);
    }
    case 'markdown': {
      const { scanMarkdown } = await import('../../report/scan-markdown.js');
      return scanMarkdown(report);
    }
    case 'cyclonedx-json': {
      const { cycloneDxJsonWithVulnerabilities } = await import('../../report/cyclonedx.js');
      return cycloneDxJsonWithVulnerabilities(inventory, report, { rootName: basename(resolve(context.io.cwd, inventory.root.split(' ')[0] ?? '.')), toolVersion: trustlineVersion(), deterministic: false, created: new Date() });
    }
    case 'table': {
      const { scanTable } = await import('../../report/scan-table.js');
      return scanTable(report, context.style);
    }
  }
}
