/**
 * Shell commands as Scorecard's snippets show them: syntax.Printer's rendering of the node. The
 * JavaScript build of the printer only prints whole files, so a node's source text is parsed
 * again and printed; the common case (literal words on one line) is rendered directly.
 */
import sh from 'mvdan-sh';
import { nodeChild, nodeEnd, nodeFlag, nodeKind, nodeList, nodeNumber, nodeStart, shellOperators } from './shell-syntax.js';
import type { ShellNode } from './shell-syntax.js';

/**
 * The node as syntax.Printer prints it: its source text parsed again and printed. When the text
 * does not parse on its own (a fragment of a larger construct), the text as written.
 */
export function renderNode(source: Uint8Array, node: ShellNode): string {
  let text = '';
  try {
    const simple = simpleRendering(source, node);
    if (simple !== undefined) return simple;
    const start = nodeStart(node).offset;
    text = Buffer.from(source.subarray(start, Math.max(start, nodeEnd(node) ?? start))).toString('utf8');
    return sh.syntax.NewPrinter().Print(sh.syntax.NewParser().Parse(text, 'snippet')).replace(/\n$/, '');
  } catch {
    // A fragment that does not parse alone, or a tree too deep to measure: the text as written.
    return text.trim();
  }
}

/**
 * The printer's output without the printer, for the common case: a command of plain, quoted or
 * double-quoted literal words on one line prints as its words joined by one space (the printer
 * writes a literal as its source text), and `a | b` of two such commands as `a | b`. Reparsing
 * costs ~0.3 ms a command, which thousands of install lines would feel.
 */
function simpleRendering(source: Uint8Array, node: ShellNode): string | undefined {
  const kind = nodeKind(node);
  if (kind === 'BinaryCmd') {
    if (nodeNumber(node, 'Op') !== shellOperators.pipe) return undefined;
    const [x, y] = [nodeChild(node, 'X'), nodeChild(node, 'Y')].map((stmt) => (stmt === undefined ? undefined : simpleStatement(stmt)));
    if (x === undefined || y === undefined || x.line !== y.line) return undefined;
    return `${x.text} | ${y.text}`;
  }
  return kind === 'CallExpr' ? simpleCommand(source, node)?.text : undefined;

  function simpleStatement(stmt: ShellNode): { text: string; line: number } | undefined {
    if (nodeList(stmt, 'Redirs').length > 0 || nodeFlag(stmt, 'Negated') || nodeFlag(stmt, 'Background') || nodeFlag(stmt, 'Coprocess')) return undefined;
    const command = nodeChild(stmt, 'Cmd');
    return command === undefined || nodeKind(command) !== 'CallExpr' ? undefined : simpleCommand(source, command);
  }
}

function simpleCommand(source: Uint8Array, call: ShellNode): { text: string; line: number } | undefined {
  if (nodeList(call, 'Assigns').length > 0) return undefined;
  const words: string[] = [];
  let line: number | undefined;
  for (const word of nodeList(call, 'Args')) {
    const parts = nodeList(word, 'Parts');
    const [part] = parts;
    if (part === undefined || parts.length !== 1) return undefined;
    const kind = nodeKind(part);
    const literal = kind === 'Lit' || kind === 'SglQuoted' || (kind === 'DblQuoted' && nodeList(part, 'Parts').every((inner) => nodeKind(inner) === 'Lit'));
    const start = nodeStart(word);
    const end = nodeEnd(word);
    if (!literal || end === undefined || (line !== undefined && start.line !== line)) return undefined;
    line = start.line;
    const text = Buffer.from(source.subarray(start.offset, end)).toString('utf8');
    if (text.includes('\n')) return undefined;
    words.push(text);
  }
  return line === undefined ? undefined : { text: words.join(' '), line };
}
