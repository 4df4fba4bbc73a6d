/**
 * Dependencies in shell text (Scorecard's validateShellFile): `curl | bash`, `bash <(wget ...)`,
 * a downloaded file run later, `bash -c "..."` read again as shell, and package installs (pip,
 * npm, go, choco, nuget). Used for shell scripts, Dockerfile RUN instructions and workflow `run:`
 * steps. Every node of the tree is judged in syntax.Walk's order, because a download recorded at
 * one node taints the files the nodes after it run.
 *
 * Lines follow Scorecard's arithmetic (getLine): a node's line is added to the line the caller
 * passes, so a command in `bash -c "..."` on line 40 of a script is reported at line 41.
 */
import type { PinnedDependencyType } from '../model/index.js';
import { curlOutputFile, isChecksumVerification } from './download-verification.js';
import type { PinningData } from './pinned-dependency.js';
import {
  downloadOutputFile,
  equalFold,
  hasUnpinnedUrls,
  interpreterWithCommand,
  isDownloadUtility,
  isExecuteFile,
  isInterpreter,
  isInterpreterWithFile,
  isShellInterpreterOrCommand,
} from './shell-commands.js';
import { packageInstall } from './package-installs.js';
import { renderNode } from './shell-render.js';
import { nodeChild, nodeKind, nodeList, nodeNumber, nodeStart, nodeText, parseShell, shellOperators, walkShell } from './shell-syntax.js';
import type { ShellNode } from './shell-syntax.js';

/** A file downloaded earlier in the same script, Dockerfile or job. */
export interface DownloadedFile {
  /** Whether Scorecard records this download (it does not follow curl's `-o`). */
  readonly scorecardRecords: boolean;
  /** The line of the checksum verification right after the download, if any. */
  readonly verifiedAt?: number;
}

export interface ShellScan {
  readonly file: string;
  readonly scorecardCompat: boolean;
  /** Downloads seen so far, by file name as written; shared across the RUNs of a Dockerfile and the steps of a job. */
  readonly downloads: Map<string, DownloadedFile>;
  readonly data: PinningData;
}

/**
 * Judges `text`, parsed as a Bash script whose line 1 is reported as `startLine + 1`. Returns the
 * message of an error Scorecard treats as fatal for the file (a download URL it cannot parse);
 * a parse error is recorded as a processing error instead.
 */
export function scanShell(scan: ShellScan, text: string, startLine: number, endLine: number): string | undefined {
  // Parsing is the costly part (~25 µs a line). Outside compat mode, text that names no program
  // these rules judge, with nothing downloaded before it, cannot hold a dependency: it is not
  // parsed, so a syntax error in it is not reported as incomplete results, as Scorecard would.
  if (!scan.scorecardCompat && scan.downloads.size === 0 && !mentionsJudgedProgram.test(text)) return undefined;
  const parsed = parseShell(text, scan.file);
  if (!parsed.ok) {
    scan.data.processingErrors.push({ file: scan.file, line: startLine + (parsed.line ?? 1), message: `shell parsing: ${parsed.message}`, snippet: excerpt(text, parsed.line ?? 1) });
    return undefined;
  }
  const { source } = parsed;
  const linesOf = (node: ShellNode): [number, number] => {
    const line = nodeStart(node).line;
    return endLine >= startLine ? [startLine + line, endLine + line] : [startLine + line, startLine + line];
  };
  const record = (node: ShellNode, type: PinnedDependencyType, pinned: boolean, deviation?: string): void => {
    const [line, end] = linesOf(node);
    scan.data.dependencies.push({ type, pinned, file: scan.file, line, endLine: end, snippet: renderNode(source, node), ...(deviation === undefined ? {} : { deviation }) });
  };
  const units = scan.scorecardCompat ? undefined : commandUnits(parsed.file);
  let failure: string | undefined;

  walkShell(parsed.file, (node) => {
    const kind = nodeKind(node);
    if (kind === 'CallExpr') {
      const words = commandWords(node);
      // `sh -c "..."`: the quoted text is shell too.
      const interpreter = interpreterWithCommand(words);
      const inner = interpreter !== undefined && isShellInterpreterOrCommand(interpreter) ? quotedArgument(node) : undefined;
      if (inner !== undefined) {
        const [line, end] = linesOf(node);
        failure = scanShell(scan, inner, line, end) ?? failure;
      }
      for (const [name, download] of scan.downloads) {
        if (!isInterpreterWithFile(words, name) && !isExecuteFile(words, name)) continue;
        const missed = download.scorecardRecords ? '' : `Scorecard does not follow curl's -o/-O downloads and misses running ${name}`;
        if (download.verifiedAt !== undefined) record(node, 'downloadThenRun', true, `the download of ${name} is checked against a checksum on line ${download.verifiedAt}; ${missed === '' ? 'Scorecard counts running it as unpinned' : missed}`);
        else record(node, 'downloadThenRun', false, missed === '' ? undefined : missed);
      }
      if (isProcessSubstitutionDownload(node, words)) record(node, 'downloadThenRun', false);
      const install = packageInstall(words);
      if (install !== undefined) record(node, install.type, install.pinned);
    } else if (kind === 'BinaryCmd' && nodeNumber(node, 'Op') === shellOperators.pipe) {
      const left = stmtCommand(nodeChild(node, 'X'));
      const right = stmtCommand(nodeChild(node, 'Y'));
      const download = left === undefined ? [] : commandWords(left);
      // A download of immutable GitHub content (a commit's raw file) is not a dependency.
      if (right !== undefined && isDownloadUtility(download) && isInterpreter(commandWords(right)) && hasUnpinnedUrls(download)) record(node, 'downloadThenRun', false);
    } else if (kind === 'Stmt') {
      const downloaded = downloadedFile(node, scan.scorecardCompat);
      if (downloaded !== undefined && 'error' in downloaded) {
        failure = downloaded.error;
        return false;
      }
      if (downloaded !== undefined) {
        const next = units?.get(node);
        const verifiedAt = next === undefined || next.verifies === undefined ? undefined : linesOf(next.verifies)[0];
        scan.downloads.set(downloaded.file, { scorecardRecords: downloaded.scorecardRecords, ...(verifiedAt === undefined ? {} : { verifiedAt }) });
      }
    }
    return true;
  });
  return failure;
}

/** A word naming a program the rules judge: a download tool or a package manager (interpreters only matter after a download). */
const mentionsJudgedProgram = /(?:^|[^a-z0-9_.-])(?:curl|wget|gsutil|aws|pip3?|python(?:3|2\.7)?|npm|go|choco(?:\.exe)?|nuget(?:\.exe)?|dotnet(?:\.exe)?|msbuild(?:\.exe)?)(?![a-z0-9_.-])/i;

/** The command's words as Scorecard extracts them (extractCommand): single-part words only, `sudo` dropped. */
export function commandWords(call: ShellNode): string[] {
  const words: string[] = [];
  for (const word of nodeList(call, 'Args')) {
    const parts = nodeList(word, 'Parts');
    const [part] = parts;
    if (part === undefined || parts.length !== 1) continue;
    const kind = nodeKind(part);
    if (kind === 'SglQuoted') words.push(`'${nodeText(part, 'Value')}'`);
    else if (kind === 'DblQuoted') {
      const inner = nodeList(part, 'Parts');
      if (inner.length === 1 && inner[0] !== undefined && nodeKind(inner[0]) === 'Lit') words.push(`"${nodeText(inner[0], 'Value')}"`);
    } else if (kind === 'Lit') {
      const value = nodeText(part, 'Value');
      if (!equalFold(value, 'sudo')) words.push(value);
    }
  }
  return words;
}

/** The CallExpr a statement runs, if it runs a simple command. */
function stmtCommand(stmt: ShellNode | undefined): ShellNode | undefined {
  const command = stmt === undefined ? undefined : nodeChild(stmt, 'Cmd');
  return command !== undefined && nodeKind(command) === 'CallExpr' ? command : undefined;
}

/** The first quoted argument's text (extractInterpreterCommandFromArgs). */
function quotedArgument(call: ShellNode): string | undefined {
  for (const word of nodeList(call, 'Args')) {
    const parts = nodeList(word, 'Parts');
    const [part] = parts;
    if (part === undefined || parts.length !== 1) continue;
    if (nodeKind(part) === 'SglQuoted') return nodeText(part, 'Value');
    if (nodeKind(part) === 'DblQuoted') {
      const inner = nodeList(part, 'Parts');
      if (inner.length === 1 && inner[0] !== undefined && nodeKind(inner[0]) === 'Lit') return nodeText(inner[0], 'Value');
    }
  }
  return undefined;
}

/** `bash <(curl ...)`: an interpreter whose first argument is a download's output. */
function isProcessSubstitutionDownload(call: ShellNode, words: readonly string[]): boolean {
  if (!isInterpreter(words)) return false;
  const second = nodeList(call, 'Args')[1];
  const parts = second === undefined ? [] : nodeList(second, 'Parts');
  const [part] = parts;
  if (part === undefined || parts.length !== 1 || nodeKind(part) !== 'ProcSubst' || nodeNumber(part, 'Op') !== shellOperators.processInput) return false;
  const command = stmtCommand(nodeList(part, 'Stmts')[0]);
  return command !== undefined && isDownloadUtility(commandWords(command));
}

type Downloaded = { readonly file: string; readonly scorecardRecords: boolean } | { readonly error: string };

/** The file a download statement writes: its `> file` redirect, or the tool's output option. */
function downloadedFile(stmt: ShellNode, scorecardCompat: boolean): Downloaded | undefined {
  const command = stmtCommand(stmt);
  if (command === undefined) return undefined;
  const words = commandWords(command);
  if (!isDownloadUtility(words) || !hasUnpinnedUrls(words)) return undefined;
  for (const redirect of nodeList(stmt, 'Redirs')) {
    if (nodeNumber(redirect, 'Op') !== shellOperators.redirectOut) continue;
    const word = nodeChild(redirect, 'Word');
    const parts = word === undefined ? [] : nodeList(word, 'Parts');
    if (parts.length === 1 && parts[0] !== undefined && nodeKind(parts[0]) === 'Lit') return { file: nodeText(parts[0], 'Value'), scorecardRecords: true };
  }
  const output = downloadOutputFile(words);
  if (!output.ok) return { error: output.message };
  if (output.file !== undefined) return { file: output.file, scorecardRecords: true };
  const curlFile = scorecardCompat ? undefined : curlOutputFile(words);
  return curlFile === undefined ? undefined : { file: curlFile, scorecardRecords: false };
}

/**
 * For each simple command or pipeline (a "unit", in execution order), the checksum verification
 * that follows it, when the next unit is one. Statements inside a pipeline are not units.
 */
function commandUnits(file: ShellNode): Map<ShellNode, { readonly verifies?: ShellNode }> {
  const inPipeline = new Set<ShellNode>();
  const units: { stmt: ShellNode; last: ShellNode | undefined }[] = [];
  walkShell(file, (node) => {
    if (nodeKind(node) !== 'Stmt' || inPipeline.has(node)) return true;
    const command = nodeChild(node, 'Cmd');
    if (command === undefined) return true;
    if (nodeKind(command) === 'CallExpr') units.push({ stmt: node, last: command });
    else if (nodeKind(command) === 'BinaryCmd' && nodeNumber(command, 'Op') === shellOperators.pipe) {
      let right = command;
      for (;;) {
        const x = nodeChild(right, 'X');
        const y = nodeChild(right, 'Y');
        if (x !== undefined) markPipeline(x, inPipeline);
        if (y !== undefined) inPipeline.add(y);
        const next = y === undefined ? undefined : nodeChild(y, 'Cmd');
        if (next === undefined || nodeKind(next) !== 'BinaryCmd' || nodeNumber(next, 'Op') !== shellOperators.pipe) {
          units.push({ stmt: node, last: next !== undefined && nodeKind(next) === 'CallExpr' ? next : undefined });
          break;
        }
        right = next;
      }
    }
    return true;
  });
  const following = new Map<ShellNode, { readonly verifies?: ShellNode }>();
  units.forEach((unit, index) => {
    const next = units[index + 1];
    const verifies = next?.last !== undefined && isChecksumVerification(commandWords(next.last)) ? next.stmt : undefined;
    following.set(unit.stmt, verifies === undefined ? {} : { verifies });
  });
  return following;
}

/** A pipeline's left side may itself be a pipeline (`a | b | c` is `(a | b) | c`). */
function markPipeline(stmt: ShellNode, inPipeline: Set<ShellNode>): void {
  inPipeline.add(stmt);
  const command = nodeChild(stmt, 'Cmd');
  if (command === undefined || nodeKind(command) !== 'BinaryCmd' || nodeNumber(command, 'Op') !== shellOperators.pipe) return;
  for (const side of ['X', 'Y']) {
    const child = nodeChild(command, side);
    if (child !== undefined) markPipeline(child, inPipeline);
  }
}

/** The line a parse error points at, bounded: the whole script would be a poor snippet. */
function excerpt(text: string, line: number): string {
  const shown = (text.split('\n')[line - 1] ?? '').trim();
  return shown.length > 200 ? `${shown.slice(0, 200)}...` : shown;
}
