import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
// Imported statically, unlike most of what commands use: every command that reads an inventory
// needs it at once, and loading it with the command's own module overlaps the file reads. From
// extract.js itself: the inventory's index would load `--why` and merging too, each a file.
import { extractInventory } from '../../inventory/extract.js';
import type { Inventory } from '../../model/index.js';
import type { CliContext } from '../context.js';

export interface InventoryCommandOptions {
  readonly format: 'table' | 'json';
  readonly output?: string;
  readonly why?: string;
  readonly parseAs?: string;
  readonly recursive: boolean;
  readonly exclude: readonly string[];
  readonly maxFileSize?: number;
}

/** Reads the inventory of a path the way every command that takes one does (inventory, sbom, scan). */
export async function readInventory(context: CliContext, target: string, options: Omit<InventoryCommandOptions, 'format' | 'output' | 'why'>): Promise<Inventory> {
  // Checked here too, so the message names the path as the user wrote it.
  if (!existsSync(resolve(context.io.cwd, target))) throw new InputError('path-not-found', 'no such file or folder', { file: target });
  const config = await context.config(resolve(context.io.cwd, target));
  const inventory = await extractInventory(resolve(context.io.cwd, target), {
    recursive: options.recursive,
    exclude: [...(config?.config.exclude ?? []), ...options.exclude],
    ...(options.parseAs === undefined ? {} : { parseAs: options.parseAs }),
    ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }),
  });
  return { ...inventory, root: target };
}

/**
 * Prints each problem as one line on stderr (whatever the format) and returns the exit code they
 * call for: 2 when any file was bad.
 */
export function reportProblems(context: CliContext, inventory: Inventory): ExitCode {
  for (const problem of inventory.errors) {
    context.io.stderr.write(`trustline: ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}\n`);
  }
  return inventory.errors.length > 0 ? ExitCode.badInput : ExitCode.ok;
}

/** `trustline inventory [PATH]`: every package, where it is declared, and why it is there. */
export async function inventoryCommand(context: CliContext, target: string, options: InventoryCommandOptions): Promise<ExitCode> {
  const inventory = await readInventory(context, target, options);
  const { inventoryJson } = await import('../../report/inventory-json.js');
  const { inventoryTable, pathsText } = await import('../../report/inventory-table.js');
  if (options.why !== undefined) {
    const { dependencyPaths, parsePackageQuery } = await import('../../inventory/why.js');
    const query = parsePackageQuery(options.why);
    const paths = dependencyPaths(inventory, query);
    context.output(options.format === 'json' ? JSON.stringify({ query, paths }, null, 2) : pathsText(paths, context.style), options.output);
  } else {
    context.output(options.format === 'json' ? JSON.stringify(inventoryJson(inventory), null, 2) : inventoryTable(inventory, context.style), options.output);
  }
  return reportProblems(context, inventory);
}
