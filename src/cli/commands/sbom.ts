import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { ExitCode } from '../../errors.js';
import { cycloneDxJson } from '../../report/cyclonedx-json.js';
import type { CliContext } from '../context.js';
import { trustlineVersion } from '../version.js';
import { readInventory, reportProblems } from './inventory.js';
import type { InventoryCommandOptions } from './inventory.js';

export type SbomFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json';

export interface SbomCommandOptions extends Omit<InventoryCommandOptions, 'format' | 'why'> {
  readonly format: SbomFormat;
  readonly deterministic?: boolean;
}

/**
 * `trustline sbom [PATH]`: the inventory as a CycloneDX or SPDX document. Bad input files are
 * reported and the document describes the rest (exit 2), as `inventory` does.
 */
export async function sbomCommand(context: CliContext, target: string, options: SbomCommandOptions): Promise<ExitCode> {
  const epoch = sourceDateEpoch(context.io.env['SOURCE_DATE_EPOCH']);
  const inventory = await readInventory(context, target, options);
  const deterministic = options.deterministic === true;
  const created = epoch ?? (deterministic ? undefined : new Date());
  const sbomOptions = {
    rootName: rootName(resolve(context.io.cwd, target)),
    toolVersion: trustlineVersion(),
    deterministic,
    ...(created === undefined ? {} : { created }),
  };
  let text: string;
  if (options.format === 'spdx-json') {
    const { spdxJson } = await import('../../report/spdx.js');
    text = spdxJson(inventory, sbomOptions);
  } else if (options.format === 'cyclonedx-xml') {
    const { cycloneDxXml } = await import('../../report/cyclonedx.js');
    text = cycloneDxXml(inventory, sbomOptions);
  } else {
    // The default format's writer is imported with this module, so that its loading overlaps
    // the inventory's instead of waiting for it (~5-10 ms, measured); it loads the CycloneDX
    // library only for the rare BOM it leaves to it.
    text = await cycloneDxJson(inventory, sbomOptions);
  }
  context.output(text, options.output);
  return reportProblems(context, inventory);
}

/** The root component is the scanned folder, or the folder of the scanned file. */
function rootName(path: string): string {
  let folder = path;
  try {
    if (!statSync(path).isDirectory()) folder = dirname(path);
  } catch {
    // readInventory has already reported a path that cannot be read.
  }
  return basename(folder) || folder;
}

/**
 * SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/): the time to record
 * instead of now, in whole seconds since the epoch. A malformed value is an error, as the
 * specification asks, rather than silently replaced by the current time.
 */
function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new UsageError('source-date-epoch-invalid', `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${value}"`);
  return date;
}
