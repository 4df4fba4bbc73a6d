import { ExitCode, worstExitCode } from '../../errors.js';
import type { ScanReport } from '../../model/index.js';
import type { CliContext } from '../context.js';
import { importSource, outcomeLine, refreshForScan, reportImportProblems } from './advisory-sources.js';
import type { InventoryCommandOptions } from './inventory.js';
import { readInventory, reportProblems } from './inventory.js';

export type ScanFormat = 'table' | 'json' | 'sarif';

export interface ScanCommandOptions extends Omit<InventoryCommandOptions, 'format' | 'why'> {
  readonly format: ScanFormat;
  /** Advisory sources (paths or URLs) imported into the store before the scan. */
  readonly advisories: readonly string[];
}

/**
 * `trustline scan [PATH]`: every advisory affecting the packages under PATH. Online, it first
 * fetches OSV.dev's export of each ecosystem the project uses that the store lacks; `--offline`
 * uses the store as it is. Exit 1 when a finding is not covered by an exception.
 */
export async function scanCommand(context: CliContext, target: string, options: ScanCommandOptions): Promise<ExitCode> {
  const inventory = await readInventory(context, target, options);
  let exitCode = reportProblems(context, inventory);
  const offline = await context.offline(target);
  const config = await context.config(target);
  const { inventoryPackages } = await import('../../advisories/match.js');
  const { scanInventory } = await import('../../advisories/scan.js');
  const store = await context.openStore();
  let report;
  try {
    for (const source of options.advisories) {
      const outcome = await importSource(context, store, source, offline);
      if (outcome.summary !== undefined) reportImportProblems(context, outcome.summary);
      context.note(`trustline: ${outcomeLine(outcome)}`);
    }
    const ecosystems = inventoryPackages(inventory.components).packages.map((item) => item.key.ecosystem);
    if (!offline && options.advisories.length === 0) await refreshForScan(context, store, ecosystems);
    report = await scanInventory(store, inventory, { ignore: config?.config.ignore ?? [] });
  } finally {
    await store.close();
  }

  for (const problem of report.problems.slice(inventory.errors.length)) context.note(`trustline: warning: ${problem.file}: ${problem.message}`);
  for (const notice of report.ignoreNotices) context.note(`trustline: ${notice.message}`);
  if (report.database.missingEcosystems.length > 0) {
    context.note(`trustline: warning: no advisory data for ${report.database.missingEcosystems.join(', ')}${offline ? ' (offline: run `trustline db update` or pass --advisories)' : ''}`);
  }

  context.output(await render(context, report, options.format), options.output);
  if (report.summary.findings > 0) exitCode = worstExitCode(exitCode, ExitCode.policyFailed);
  return exitCode;
}

async function render(context: CliContext, report: ScanReport, format: ScanFormat): Promise<string> {
  switch (format) {
    case 'json': {
      const { scanJson } = await import('../../report/scan-json.js');
      return scanJson(report);
    }
    case 'sarif': {
      const { scanSarif } = await import('../../report/scan-sarif.js');
      const { trustlineVersion } = await import('../version.js');
      return JSON.stringify(scanSarif(report, { toolVersion: trustlineVersion() }), null, 2);
    }
    case 'table': {
      const { scanTable } = await import('../../report/scan-table.js');
      return scanTable(report, context.style);
    }
  }
}
