/**
 * The fix of a script injection, as Scorecard's probe writes it
 * (probes/hasDangerousWorkflowScriptInjection/internal/patch): the attacker-controlled expression
 * becomes a workflow-level `env:` variable (`ISSUE_TITLE: ${{ github.event.issue.title }}`, the
 * block created above `jobs:` when missing, in the file's own indentation and spacing) and the
 * script reads `$ISSUE_TITLE` instead. The text is edited line by line, so comments and layout
 * survive; the result is the whole patched file, byte for byte what Scorecard produces.
 */
import { parseDocument } from 'yaml';

/** Scorecard's variable names for the expressions it knows how to move, tried in this order. */
const knownExpressions: readonly (readonly [name: string, pattern: string])[] = [
  ['AUTHOR_EMAIL', 'github\\.event\\.commits.*?\\.author\\.email'],
  ['AUTHOR_EMAIL', 'github\\.event\\.head_commit\\.author\\.email'],
  ['AUTHOR_NAME', 'github\\.event\\.commits.*?\\.author\\.name'],
  ['AUTHOR_NAME', 'github\\.event\\.head_commit\\.author\\.name'],
  ['COMMENT_BODY', 'github\\.event\\.comment\\.body'],
  ['COMMIT_MESSAGE', 'github\\.event\\.commits.*?\\.message'],
  ['COMMIT_MESSAGE', 'github\\.event\\.head_commit\\.message'],
  ['DISCUSSION_TITLE', 'github\\.event\\.discussion\\.title'],
  ['DISCUSSION_BODY', 'github\\.event\\.discussion\\.body'],
  ['ISSUE_BODY', 'github\\.event\\.issue\\.body'],
  ['ISSUE_COMMENT_BODY', 'github\\.event\\.issue_comment\\.comment\\.body'],
  ['ISSUE_TITLE', 'github\\.event\\.issue\\.title'],
  ['PAGE_NAME', 'github\\.event\\.pages.*?\\.page_name'],
  ['PR_BODY', 'github\\.event\\.pull_request\\.body'],
  ['PR_DEFAULT_BRANCH', 'github\\.event\\.pull_request\\.head\\.repo\\.default_branch'],
  ['PR_HEAD_LABEL', 'github\\.event\\.pull_request\\.head\\.label'],
  ['PR_HEAD_REF', 'github\\.event\\.pull_request\\.head\\.ref'],
  ['PR_TITLE', 'github\\.event\\.pull_request\\.title'],
  ['REVIEW_BODY', 'github\\.event\\.review\\.body'],
  ['REVIEW_COMMENT_BODY', 'github\\.event\\.review_comment\\.body'],
  ['HEAD_REF', 'github\\.head_ref'],
];

interface EnvVariable {
  name: string;
  /** Matches the variable's uses inside `${{ }}` on one line. */
  readonly replace: RegExp;
}

export interface ScriptInjection {
  /** The 1-based line of the `run:` value (Scorecard's finding line). */
  readonly line: number;
  /** The text between `${{` and `}}`. */
  readonly expression: string;
}

/**
 * The workflow after fixing one injection, or undefined when Scorecard would give no patch (an
 * expression it cannot name, such as `toJSON(github.event)`; no `on:` or `jobs:` line to anchor
 * the `env:` block; a result that no longer reads as the same workflow).
 * `workflowEnv` maps the names of the existing workflow-level `env:` variables to their values.
 */
export function patchScriptInjection(text: string, injection: ScriptInjection, workflowEnv: ReadonlyMap<string, string>): string | undefined {
  const expression = injection.expression.trim();
  const lines = text.split('\n');
  const runIndex = injection.line - 1;
  if (runIndex < 0 || runIndex >= lines.length) return undefined;
  const variable = variableFor(expression);
  if (variable === undefined) return undefined;

  const existing = existingVariables(workflowEnv);
  const reused = existing.get(expression);
  if (reused !== undefined) variable.name = reused;
  else if ([...existing.values()].includes(variable.name)) variable.name += '_1';

  replaceInRunBlock(lines, variable, runIndex);
  const globalIndent = indentOfLabel(lines, /^\s*on:/);
  if (globalIndent === undefined) return undefined;
  if (reused === undefined && !addToWorkflowEnv(lines, globalIndent, existing.size > 0, `${variable.name}: \${{ ${expression} }}`)) return undefined;

  const patched = lines.join('\n');
  return stillTheSameWorkflow(text, patched, variable.name) ? patched : undefined;
}

function variableFor(expression: string): EnvVariable | undefined {
  for (const [name, pattern] of knownExpressions) {
    if (!new RegExp(pattern).test(expression)) continue;
    // An element of an array (`commits[0].message`) is named after its index and replaced only
    // where written exactly so, so that `commits[1]` keeps its own variable.
    const index = /\[(.+?)\]/.exec(expression)?.[1];
    if (index === undefined) return { name, replace: replacer(pattern) };
    return { name: `${name}_${index}`, replace: replacer(escapeRegExp(expression)) };
  }
  return undefined;
}

function replacer(pattern: string): RegExp {
  return new RegExp(`\\{\\{\\s*.*?${pattern}.*?\\s*\\}\\}`, 'g');
}

/**
 * The expressions the workflow-level `env:` already holds, keyed by the expression
 * (`github.event.issue.title` → `TITLE`), or by the plain value for other variables.
 */
function existingVariables(workflowEnv: ReadonlyMap<string, string>): Map<string, string> {
  const byExpression = new Map<string, string>();
  for (const [name, value] of workflowEnv) {
    const simple = value.includes('${{') ? /\$\{\{\s*(github\.\S*?)\s*\}\}/.exec(value)?.[1] : undefined;
    byExpression.set(simple ?? value, name);
  }
  return byExpression;
}

/** `${{ ... }}` → `$NAME` from the `run:` line to the end of its block. */
function replaceInRunBlock(lines: string[], variable: EnvVariable, runIndex: number): void {
  const runIndent = indentOf(lines[runIndex] ?? '');
  for (let index = runIndex; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (index > runIndex && isAtOrAbove(line, runIndent)) break;
    // A function replacement: `$` in the name must not be read as a replacement pattern.
    lines[index] = line.replace(variable.replace, () => variable.name);
  }
}

/** Adds the variable after the last one of the existing `env:` block, or in a new block above `jobs:`. */
function addToWorkflowEnv(lines: string[], globalIndent: number, hasEnv: boolean, definition: string): boolean {
  let insertAt: number;
  let indent: number;
  if (hasEnv) {
    const found = endOfEnvBlock(lines, globalIndent);
    if (found === undefined) return false;
    [insertAt, indent] = found;
  } else {
    const jobsAt = lines.findIndex((line) => startsWithLabel(line, 'jobs', globalIndent));
    if (jobsAt === -1) return false;
    const blankLines = blankLinesBefore(lines, jobsAt);
    lines.splice(jobsAt, 0, `${' '.repeat(globalIndent)}env:`, ...Array.from({ length: blankLines }, () => ''));
    insertAt = jobsAt + 1;
    indent = globalIndent + indentStep(lines);
  }
  lines.splice(insertAt, 0, `${' '.repeat(indent)}${definition}`);
  return true;
}

function endOfEnvBlock(lines: readonly string[], globalIndent: number): [insertAt: number, indent: number] | undefined {
  const envAt = lines.findIndex((line) => startsWithLabel(line, 'env', globalIndent));
  if (envAt === -1 || envAt >= lines.length - 1) return undefined;
  let insertAt = envAt + 1;
  let indent = 0;
  for (let index = envAt + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (isBlankOrComment(line)) continue;
    if (isAtOrAbove(line, globalIndent)) break;
    indent = indentOf(line);
    insertAt = index + 1;
  }
  return [insertAt, indent];
}

/** The blank lines between `jobs:` and the block before it (comments skipped): the file's spacing. */
function blankLinesBefore(lines: readonly string[], jobsAt: number): number {
  let blanks = 0;
  for (let index = jobsAt - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (isBlank(line)) blanks++;
    else if (!isComment(line)) break;
  }
  return blanks;
}

/** The file's indentation step: from `jobs:` to its first job. */
function indentStep(lines: readonly string[]): number {
  const jobsAt = lines.findIndex((line) => /^\s*jobs:/.test(line));
  const jobsIndent = jobsAt === -1 ? 0 : indentOf(lines[jobsAt] ?? '');
  const firstJob = lines.slice(Math.max(jobsAt, 0) + 1).find((line) => !isBlankOrComment(line));
  return (firstJob === undefined ? jobsIndent + 2 : indentOf(firstJob)) - jobsIndent;
}

function indentOfLabel(lines: readonly string[], label: RegExp): number | undefined {
  const line = lines.find((candidate) => label.test(candidate));
  return line === undefined ? undefined : indentOf(line);
}

/** Leading spaces and dashes: a `- run:` item counts its dash, as Scorecard does. */
function indentOf(line: string): number {
  return line.length - line.replace(/^[ -]+/, '').length;
}

function startsWithLabel(line: string, label: string, indent: number): boolean {
  return line.startsWith(`${' '.repeat(indent)}${label}:`);
}

function isAtOrAbove(line: string, indent: number): boolean {
  return !isBlankOrComment(line) && indentOf(line) <= indent;
}

function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

function isComment(line: string): boolean {
  return /^\s*#/.test(line);
}

function isBlankOrComment(line: string): boolean {
  return isBlank(line) || isComment(line);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Scorecard re-parses the patched workflow and drops a patch that adds errors. Here: the patched
 * text must parse without new YAML errors, keep the same top-level keys (plus `env`), and define
 * the variable in the workflow-level `env:`.
 */
function stillTheSameWorkflow(original: string, patched: string, name: string): boolean {
  try {
    const before = parseDocument(original, { uniqueKeys: true, prettyErrors: false });
    const after = parseDocument(patched, { uniqueKeys: true, prettyErrors: false });
    const known = new Set(before.errors.map((error) => error.code));
    if (after.errors.some((error) => !known.has(error.code))) return false;
    const beforeData: unknown = before.toJS({ maxAliasCount: 100 });
    const afterData: unknown = after.toJS({ maxAliasCount: 100 });
    const beforeKeys = new Set([...Object.keys(isRecord(beforeData) ? beforeData : {}), 'env']);
    if (Object.keys(isRecord(afterData) ? afterData : {}).some((key) => !beforeKeys.has(key))) return false;
    const env = isRecord(afterData) ? afterData['env'] : undefined;
    return isRecord(env) && name in env;
  } catch {
    // Too many aliases, or a document the YAML library cannot turn into data: no patch.
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
