import { ExitCode } from '../../errors.js';
import type { StoreStatus } from '../../store/index.js';
import type { CliContext } from '../context.js';

export interface DbStatusOptions {
  readonly format: 'table' | 'json';
  readonly output?: string | undefined;
}

/** `trustline db status`: the database engine and location, advisory counts, sources, age. */
export async function dbStatus(context: CliContext, options: DbStatusOptions): Promise<ExitCode> {
  const { storeStatus } = await import('../../store/index.js');
  const store = await context.openStore();
  let status: StoreStatus;
  try {
    status = await storeStatus(store);
  } finally {
    await store.close();
  }
  const now = Date.now();
  const text = options.format === 'json' ? JSON.stringify(statusJson(status, now), null, 2) : statusTable(status, now, context);
  context.output(text, options.output);
  return ExitCode.ok;
}

/** The stable JSON shape of `db status --format json` (docs/commands/db-status.md). */
export function statusJson(status: StoreStatus, now: number) {
  const lastUpdate = status.sources[0]?.importedAt;
  return {
    database: { engine: status.dialect, location: status.location, schemaVersion: status.schemaVersion },
    advisories: status.advisories,
    ecosystems: status.ecosystems,
    sources: status.sources,
    lastUpdate: lastUpdate ?? null,
    ageSeconds: lastUpdate === undefined ? null : Math.max(0, Math.round((now - Date.parse(lastUpdate)) / 1000)),
  };
}

function statusTable(status: StoreStatus, now: number, context: CliContext): string {
  const { bold, dim } = context.colors;
  const engine = status.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const lines = [
    `${bold('Database')}    ${engine} ${status.location} ${dim(`(schema ${status.schemaVersion})`)}`,
    `${bold('Advisories')}  ${status.advisories}`,
  ];
  const width = Math.max(0, ...status.ecosystems.map((row) => row.ecosystem.length));
  for (const row of status.ecosystems) lines.push(`  ${row.ecosystem.padEnd(width)}  ${row.advisories}`);
  if (status.sources.length === 0) {
    lines.push(`${bold('Sources')}     none imported yet`);
  } else {
    lines.push(bold('Sources'));
    for (const source of status.sources) {
      lines.push(`  ${source.location}  ${source.recordCount} records, imported ${source.importedAt} ${dim(`(${age(now - Date.parse(source.importedAt))} ago)`)}`);
    }
  }
  return lines.join('\n');
}

/** A short human age: 45s, 12m, 5h, 3d. */
export function age(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
