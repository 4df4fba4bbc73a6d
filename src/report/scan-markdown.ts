/**
 * The scan as GitHub-flavoured Markdown for a pull-request comment: the verdict as a heading, the
 * findings grouped by package (malicious packages first), the upgrades that fix them, ignored
 * findings folded away, and notes on what could not be checked.
 *
 * Advisory text, package names and paths come from outside (OSV records, lockfiles), so every
 * piece of it goes through {@link literal} or {@link code}: it can neither end a table cell or row,
 * nor open an HTML tag, a code span or a link.
 */
import type { Finding, PackageFix, ScanReport, SourceLocation } from '../model/index.js';
import { distinctFindings } from './distinct-findings.js';
import { purlLabel } from './purl-label.js';

export interface ScanMarkdownOptions {
  /**
   * The longest text to return. GitHub rejects a comment over 65,536 characters; past this, rows
   * are left out (ignored findings first, then upgrades, then the least severe findings) and
   * counted in their place. Default 60,000, which leaves room for text a workflow adds.
   */
  readonly maxLength?: number;
}

const defaultMaxLength = 60_000;
/** Declaring files shown per package; a monorepo can declare one version in hundreds. */
const maxLocations = 3;
/** Longer summaries are cut: a summary is meant to be one line. */
const maxSummaryLength = 200;
const maxNotices = 10;

/** Deterministic: the same report gives the same text (no clock, no locale). */
export function scanMarkdown(report: ScanReport, options: ScanMarkdownOptions = {}): string {
  const findings = distinctFindings(report.findings);
  const active = findings.filter((finding) => finding.ignored === undefined);
  const ignored = findings.filter((finding) => finding.ignored !== undefined);
  const blocks: Block[] = [heading(report, active)];
  if (active.length > 0) blocks.push(findingsBlock(active));
  if (report.fixes.length > 0) blocks.push(upgradesBlock(report.fixes, active));
  if (ignored.length > 0) blocks.push(ignoredBlock(ignored));
  const notes = notesOf(report);
  if (notes.length > 0) blocks.push(notes.map((note) => `> ${note}`).join('\n>\n'));
  return fit(blocks, options.maxLength ?? defaultMaxLength);
}

/** `## Trustline: 4 findings (1 malicious, 2 critical, 1 high) in 3 of 40 packages` */
function heading(report: ScanReport, active: readonly Finding[]): string {
  const { summary } = report;
  const packages = plural(summary.packages, 'package');
  if (summary.findings === 0) return `## Trustline: No known vulnerabilities or malicious packages in ${packages}`;
  const counts: string[] = [];
  if (summary.malicious > 0) counts.push(`${summary.malicious} malicious`);
  for (const rating of ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const) {
    if (summary.bySeverity[rating] > 0) counts.push(`${summary.bySeverity[rating]} ${rating}`);
  }
  const affected = new Set(active.map((finding) => finding.purl)).size;
  return `## Trustline: ${plural(summary.findings, 'finding')} (${counts.join(', ')}) in ${affected} of ${packages}`;
}

/**
 * One row per finding, the findings of a package together, packages in the order of their most
 * severe finding (the report's order: malicious first). Package, ecosystem and place are written
 * on a package's first row only.
 */
function findingsBlock(active: readonly Finding[]): RowsBlock {
  const byPackage = new Map<string, Finding[]>();
  for (const finding of active) {
    const key = JSON.stringify([finding.ecosystem, finding.purl]);
    const group = byPackage.get(key);
    if (group === undefined) byPackage.set(key, [finding]);
    else group.push(finding);
  }
  const rows = [...byPackage.values()].flatMap((group) =>
    group.map((finding, index) => {
      const first = index === 0;
      return row([
        first ? packageCell(finding) : '',
        first ? literal(finding.ecosystem) : '',
        severityCell(finding),
        idCell(finding),
        literal(shorten(finding.summary ?? '', maxSummaryLength)),
        finding.kind === 'malicious' ? '**remove it**' : finding.upgrade === undefined ? 'no fix yet' : `upgrade to ${code(finding.upgrade)}`,
        first ? whereCell(finding) : '',
      ]);
    }),
  );
  return {
    header: [row(['Package', 'Ecosystem', 'Severity', 'ID', 'Summary', 'Fix', 'Where']), row(Array.from({ length: 7 }, () => '---'))].join('\n'),
    rows,
    more: (omitted) => `_${plural(omitted, 'more finding')} not shown: run \`trustline scan\` for the full report._`,
  };
}

function packageCell(finding: Finding): string {
  const label = code(finding.version === '' ? finding.name : `${finding.name}@${finding.version}`);
  return finding.scope === 'dev' ? `${label} (dev)` : label;
}

function severityCell(finding: Finding): string {
  if (finding.kind === 'malicious') return '**MALICIOUS**';
  const { rating, score } = finding.severity;
  const text = `${rating.toUpperCase()}${score === null ? '' : ` ${score.toFixed(1)}`}`;
  return rating === 'critical' || rating === 'high' ? `**${text}**` : text;
}

/** The id, linked to its first reference that is a web address, then the other ids of its group. */
function idCell(finding: Finding): string {
  const href = finding.references.map(safeHref).find((reference) => reference !== undefined);
  const id = href === undefined ? literal(finding.id) : `[${literal(finding.id)}](${href})`;
  return finding.aliases.length === 0 ? id : `${id} (${literal(finding.aliases.join(', '))})`;
}

/** `package-lock.json:120, app/package-lock.json:7 +2 more (via express@4.17.1 +1)` */
function whereCell(finding: Finding): string {
  const places = distinctPlaces(finding.locations);
  const shown = places.slice(0, maxLocations).join(', ');
  const more = places.length > maxLocations ? ` +${places.length - maxLocations} more` : '';
  // The first purl of each path is the direct dependency that brings the package in; a package
  // declared directly has its own purl as its one path.
  const directs = [...new Set(finding.paths.map((path) => path[0]).filter((purl): purl is string => purl !== undefined && purl !== finding.purl))];
  const via = directs.length === 0 ? '' : ` (via ${purlLabel(directs[0] ?? '')}${directs.length > 1 ? ` +${directs.length - 1}` : ''})`;
  return literal(`${shown}${more}${via}`);
}

function distinctPlaces(locations: readonly SourceLocation[]): string[] {
  return [...new Set(locations.map((location) => (location.line === undefined ? location.file : `${location.file}:${location.line}`)))];
}

/** Per package: the one upgrade that fixes every finding, what it leaves unfixed, or "remove it" for a malicious package. */
function upgradesBlock(fixes: readonly PackageFix[], active: readonly Finding[]): RowsBlock {
  const malicious = new Set(active.filter((finding) => finding.kind === 'malicious').map((finding) => JSON.stringify([finding.purl, finding.id])));
  const rows = fixes.map((fix) => {
    const label = code(fix.version === '' ? fix.name : `${fix.name}@${fix.version}`, false);
    const ids = [...fix.fixes, ...fix.unfixed];
    const maliciousIds = ids.filter((id) => malicious.has(JSON.stringify([fix.purl, id])));
    if (maliciousIds.length > 0) return `- ${label}: **remove it** (malicious: ${literal(maliciousIds.join(', '))})`;
    if (fix.upgradeTo === undefined) return `- ${label}: no single version fixes ${literal(ids.join(', '))}`;
    const still = fix.unfixed.length === 0 ? '' : `; no fix yet for ${literal(fix.unfixed.join(', '))}`;
    return `- ${label} → ${code(fix.upgradeTo, false)} (fixes ${literal(fix.fixes.join(', '))})${still}`;
  });
  return { title: '**Upgrades**', rows, more: (omitted) => `_${plural(omitted, 'more package')} not shown._` };
}

/** Folded away: they do not fail the check, but a reviewer can see what was accepted, why and until when. */
function ignoredBlock(ignored: readonly Finding[]): RowsBlock {
  const rows = ignored.map((finding) =>
    row([code(finding.version === '' ? finding.name : `${finding.name}@${finding.version}`), literal(finding.id), literal(finding.ignored?.reason ?? ''), literal(finding.ignored?.until ?? '')]),
  );
  return {
    title: `<details>\n<summary>${plural(ignored.length, 'ignored finding')}</summary>`,
    header: `${row(['Package', 'ID', 'Reason', 'Until'])}\n${row(['---', '---', '---', '---'])}`,
    rows,
    more: (omitted) => `_${omitted} more not shown._`,
    close: '</details>',
  };
}

/** What limits the verdict: packages not checked, ecosystems without data, unreadable inputs, stale exceptions. */
function notesOf(report: ScanReport): string[] {
  const notes: string[] = [];
  const { unmatched, source, errors, ignoreNotices } = report;
  if (unmatched.length > 0) {
    notes.push(`**Not checked:** ${plural(unmatched.length, 'package')} (no version, a version range without a lockfile, or an ecosystem Trustline does not know); \`trustline scan\` lists them.`);
  }
  if (source.missingEcosystems.length > 0) notes.push(`**No advisory data** for ${literal(source.missingEcosystems.join(', '))}: those packages were checked against nothing.`);
  if (errors.length > 0) notes.push(`**${plural(errors.length, 'problem')}** reading inputs or advisories; \`trustline scan\` shows them.`);
  for (const notice of ignoreNotices.slice(0, maxNotices)) notes.push(`**trustline.yaml:** ${literal(notice.message)}`);
  if (ignoreNotices.length > maxNotices) notes.push(`${plural(ignoreNotices.length - maxNotices, 'more notice')} about \`ignore:\` entries not shown.`);
  const imported = source.importedAt === null ? 'none in the store' : `${source.advisories} advisories, imported ${source.importedAt.slice(0, 16).replace('T', ' ')} UTC`;
  notes.push(`Advisory data: ${literal(imported)}.`);
  return notes;
}

/** A list or table whose last rows can be left out, `more` saying how many were. */
interface RowsBlock {
  /** Written always: a title, or the opening of a folded section. */
  readonly title?: string;
  /** A table's head: written only above rows. */
  readonly header?: string;
  readonly rows: readonly string[];
  readonly more: (omitted: number) => string;
  readonly close?: string;
}

type Block = string | RowsBlock;

function renderBlock(block: Block, shown: number): string {
  if (typeof block === 'string') return block;
  const omitted = block.rows.length - shown;
  const body = shown === 0 ? undefined : [...(block.header === undefined ? [] : [block.header]), ...block.rows.slice(0, shown)].join('\n');
  return [block.title, body, omitted > 0 ? block.more(omitted) : undefined, block.close].filter((part) => part !== undefined).join('\n\n');
}

/**
 * The blocks joined, within `maxLength` where leaving rows out can get there: rows go from the
 * end of the last list first, so ignored findings go before upgrades, and upgrades before the
 * least severe findings. The fixed text (heading, notes) is always kept.
 */
function fit(blocks: readonly Block[], maxLength: number): string {
  const shown = blocks.map((block) => (typeof block === 'string' ? 0 : block.rows.length));
  const lengths = blocks.map((block, index) => renderBlock(block, shown[index] ?? 0).length);
  // The blocks, the blank lines between them and the final line break.
  const total = (): number => lengths.reduce((sum, length) => sum + length, 0) + 2 * (blocks.length - 1) + 1;
  for (let index = blocks.length - 1; index >= 0 && total() > maxLength; index -= 1) {
    const block = blocks[index];
    if (block === undefined || typeof block === 'string') continue;
    // The most rows that fit, by bisection: rendering once per row dropped would be quadratic.
    const others = total() - (lengths[index] ?? 0);
    let [low, high] = [0, block.rows.length];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (others + renderBlock(block, middle).length <= maxLength) low = middle;
      else high = middle - 1;
    }
    shown[index] = low;
    lengths[index] = renderBlock(block, low).length;
  }
  return `${blocks.map((block, index) => renderBlock(block, shown[index] ?? 0)).join('\n\n')}\n`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Outside text as inline Markdown that stays inside its table cell: whitespace (line breaks
 * included) folded to one space; `\` doubled so no escape below can be undone; `|` escaped (GFM
 * tables, "escaped pipes"); backticks, `[` and `]` escaped so no code span, link or image opens;
 * `&`, `<` and `>` as entities so no HTML tag or entity is read.
 */
export function literal(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\|`[\]]/g, (character) => `\\${character}`)
    .replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character] ?? character);
}

/**
 * Outside text as a code span (CommonMark 6.1): fenced by one backtick more than its longest run
 * of backticks, padded when it starts or ends with one. Nothing inside a code span is Markdown or
 * HTML; in a table `|` is escaped, since GFM splits cells before reading code spans (and removes
 * the backslash again), while elsewhere the backslash would show.
 */
export function code(text: string, inTable = true): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const folded = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
  const longestRun = Math.max(0, ...(folded.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = folded.startsWith('`') || folded.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${folded}${padding}${fence}`;
}

/**
 * An http(s) reference as a link destination, or undefined. The WHATWG serialization
 * percent-encodes spaces, quotes and angle brackets; the characters that would still end the
 * destination or the cell (`(`, `)`, `|`, `\`, `[`, `]`) are percent-encoded too, which keeps the
 * address the same (RFC 3986, 2.1).
 */
function safeHref(reference: string): string | undefined {
  if (!URL.canParse(reference)) return undefined;
  const url = new URL(reference);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(/[()|\\[\]`]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function shorten(text: string, length: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length <= length ? folded : `${folded.slice(0, length - 1)}…`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
