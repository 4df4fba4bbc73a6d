/**
 * The repository checks for a terminal: the aggregate score, one row per check (coloured by
 * score), then, for each check with failing findings, where each one is, the offending text and
 * the change that fixes it.
 */
import type { CheckFinding, CheckReport, CheckResult } from '../model/index.js';
import { table } from './table.js';
import type { TextStyle } from './text-style.js';
import { plainStyle } from './text-style.js';

/** Lines of a remediation shown before the rest is left to `--format json` (a patched workflow can be long). */
export const remediationPreviewLines = 8;

export function checkTable(report: CheckReport, style: TextStyle = plainStyle): string {
  const sections = [header(report, style)];
  if (report.checks.length > 0) {
    const rows = report.checks.map((check) => [scoreColour(check.score, `${check.score < 0 ? '?' : check.score} / 10`, style), check.name, oneLine(check.reason)]);
    sections.push(table(['SCORE', 'NAME', 'REASON'], rows, style));
  }
  for (const check of report.checks) {
    const failing = check.findings.filter((finding) => finding.outcome === 'fail');
    if (failing.length > 0) sections.push(failingSection(check, failing, style));
  }
  return sections.join('\n\n');
}

/** `Aggregate score: 7.3 / 10`, then what was checked, and whether Scorecard's results are reproduced exactly. */
function header(report: CheckReport, style: TextStyle): string {
  const score = report.score < 0 ? '?' : report.score.toFixed(1);
  const { path, url, commit } = report.repository;
  const about = [url ?? path, commit === undefined ? undefined : `at ${commit.slice(0, 12)}`, report.scorecardCompat ? "(--scorecard-compat: Scorecard's results exactly)" : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
  const title = style.bold(scoreColour(report.score, `Aggregate score: ${score} / 10`, style));
  return about === '' ? title : `${title}\n${style.dim(oneLine(about))}`;
}

function failingSection(check: CheckResult, failing: readonly CheckFinding[], style: TextStyle): string {
  const title = style.bold(`${check.name}: ${failing.length} finding${failing.length === 1 ? '' : 's'} to fix`);
  return [title, ...failing.map((finding) => findingLines(finding, style))].join('\n');
}

/**
 * ```
 *   .github/workflows/ci.yml:12  GitHub-owned GitHubAction not pinned by hash
 *     > uses: actions/checkout@v4
 *     fix: uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1
 * ```
 */
function findingLines(finding: CheckFinding, style: TextStyle): string {
  const where = locationOf(finding);
  const deviation = finding.deviation === undefined ? '' : ` ${style.yellow(`(differs from Scorecard: ${oneLine(finding.deviation)})`)}`;
  const lines = [`  ${where === '' ? '' : `${style.bold(where)}  `}${oneLine(finding.message)}${deviation}`];
  if (finding.snippet !== undefined && finding.snippet.trim() !== '') lines.push(...blockLines(finding.snippet).map((line) => style.dim(`    > ${line}`)));
  if (finding.remediation !== undefined && finding.remediation.trim() !== '') lines.push(...remediationLines(finding.remediation, style));
  return lines.join('\n');
}

/** One line stays beside `fix:`; a block goes under it, indented, cut after {@link remediationPreviewLines} lines. */
function remediationLines(remediation: string, style: TextStyle): string[] {
  const lines = blockLines(remediation);
  if (lines.length === 1) return [`    ${style.green('fix:')} ${lines[0]?.trim() ?? ''}`];
  const shown = lines.length > remediationPreviewLines ? lines.slice(0, remediationPreviewLines) : lines;
  const rest = lines.length - shown.length;
  return [`    ${style.green('fix:')}`, ...shown.map((line) => `      ${line}`.trimEnd()), ...(rest === 0 ? [] : [style.dim(`      (${rest} more line${rest === 1 ? '' : 's'}; --format json has all)`)])];
}

function locationOf(finding: CheckFinding): string {
  if (finding.file === undefined || finding.file === '') return '';
  const lines = finding.line === undefined ? '' : `:${finding.line}${finding.endLine !== undefined && finding.endLine > finding.line ? `-${finding.endLine}` : ''}`;
  return `${terminalSafe(finding.file)}${lines}`;
}

/** Red below 5, yellow below 8, green from 8; an unknown score (-1) is not coloured. */
function scoreColour(score: number, text: string, style: TextStyle): string {
  if (score < 0) return text;
  if (score < 5) return style.red(text);
  return score < 8 ? style.yellow(text) : style.green(text);
}

/** The lines of a block of text, without the blank lines around it; indentation inside is kept. */
function blockLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => terminalSafe(line.replace(/\t/g, '  ')).trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * Snippets, messages and file names come from the checked repository: a control character (an
 * escape sequence that moves the cursor or recolours the screen) or a bidirectional override (text
 * shown in another order than it runs, CVE-2021-42574) is written as its `\u` escape instead.
 */
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
