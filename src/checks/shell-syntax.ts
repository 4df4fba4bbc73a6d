/**
 * Shell parsing with mvdan-sh, the JavaScript build of mvdan.cc/sh/v3/syntax (the parser
 * Scorecard uses, so what fails to parse here fails there too). The package's JavaScript
 * wrappers re-wrap every value on each property read (~7 µs a node), which makes a 5,000-line
 * script cost seconds; this module reads the Go structs behind the wrappers instead (GopherJS
 * lays a struct out as a plain object with its Go field names; a slice as `{$array, $offset,
 * $length}`; a nil pointer as the type's `nil` object; a string as its UTF-8 bytes). The layout
 * is checked once at load, so a new mvdan-sh release that changes it fails loudly in tests.
 * shell-render.ts renders nodes as Scorecard's snippets.
 */
import sh from 'mvdan-sh';

declare const shellNodeBrand: unique symbol;
/** A node of the syntax tree (opaque: read it with the functions below). */
export interface ShellNode {
  readonly [shellNodeBrand]: true;
}

type GoObject = Record<string, unknown> & { readonly constructor: { readonly string?: string; readonly nil?: unknown } };
interface GoSlice {
  readonly $array: unknown[];
  readonly $offset: number;
  readonly $length: number;
}
interface GoPos {
  readonly offs: number;
  readonly lineCol: number;
}

export type ShellParse =
  | { readonly ok: true; readonly file: ShellNode; readonly source: Uint8Array }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/** mvdan/sh packs a position's line in the high 18 bits of `lineCol` (syntax/nodes.go). */
const columnBits = 14;

/** Parses `text` as a Bash file (mvdan/sh's default language, as Scorecard parses it). */
export function parseShell(text: string, name = 'script'): ShellParse {
  let wrapper: { readonly __internal_object__: unknown };
  try {
    wrapper = sh.syntax.NewParser().Parse(text, name);
  } catch (error) {
    return parseFailure(error);
  }
  return { ok: true, file: wrapper.__internal_object__ as ShellNode, source: new TextEncoder().encode(text) };
}

function parseFailure(error: unknown): ShellParse {
  if (typeof error === 'object' && error !== null && 'Text' in error && typeof error.Text === 'string') {
    const position = (error as { Pos?: { Line?: () => unknown } }).Pos;
    const line = typeof position?.Line === 'function' ? Number(position.Line()) : undefined;
    return { ok: false, message: error.Text, ...(line === undefined || !Number.isFinite(line) ? {} : { line }) };
  }
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/** The node's Go type without the package: `CallExpr`, `Stmt`, `Lit`, ... */
export function nodeKind(node: ShellNode): string {
  return ((node as unknown as GoObject).constructor.string ?? '').replace(/^\*syntax\./, '');
}

/** A pointer field, or undefined when it is nil. */
export function nodeChild(node: ShellNode, field: string): ShellNode | undefined {
  const value = (node as unknown as GoObject)[field];
  return isNode(value) ? (value as ShellNode) : undefined;
}

/** The nodes of a slice field, in order. */
export function nodeList(node: ShellNode, field: string): ShellNode[] {
  const value = (node as unknown as GoObject)[field];
  return isSlice(value) ? sliceItems(value).filter(isNode) as ShellNode[] : [];
}

/** A string field, decoded from UTF-8. */
export function nodeText(node: ShellNode, field: string): string {
  const value = (node as unknown as GoObject)[field];
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

/** A numeric field (an operator's token). */
export function nodeNumber(node: ShellNode, field: string): number {
  const value = (node as unknown as GoObject)[field];
  return typeof value === 'number' ? value : -1;
}

/** A boolean field. */
export function nodeFlag(node: ShellNode, field: string): boolean {
  return (node as unknown as GoObject)[field] === true;
}

/**
 * Visits every node depth first, a node before its children, children in field order (the
 * order of syntax.Walk, which visits fields in declaration order). `visit` returns false to skip
 * the children.
 */
export function walkShell(root: ShellNode, visit: (node: ShellNode) => boolean): void {
  const stack: ShellNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ShellNode;
    if (!visit(node)) continue;
    const children: ShellNode[] = [];
    const object = node as unknown as GoObject;
    for (const key of Object.keys(object)) {
      if (key === '$val') continue;
      const value = object[key];
      if (isNode(value)) children.push(value as ShellNode);
      else if (isSlice(value)) for (const item of sliceItems(value)) if (isNode(item)) children.push(item as ShellNode);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index] as ShellNode);
  }
}

/** Where a node starts (its Pos()): byte offset and 1-based line. */
export function nodeStart(node: ShellNode): { readonly offset: number; readonly line: number } {
  const pos = startPos(node);
  return pos === undefined ? { offset: 0, line: 1 } : { offset: pos.offs, line: pos.lineCol >>> columnBits };
}

/** The byte offset just after a node (its End()), when its kind is known. */
export function nodeEnd(node: ShellNode): number | undefined {
  const at = (field: string, plus: number): number | undefined => {
    const pos = posField(node, field);
    return pos === undefined || pos.lineCol === 0 ? undefined : pos.offs + plus;
  };
  const last = (field: string): number | undefined => {
    const items = nodeList(node, field);
    const item = items[items.length - 1];
    return item === undefined ? undefined : nodeEnd(item);
  };
  const child = (field: string): number | undefined => {
    const item = nodeChild(node, field);
    return item === undefined ? undefined : nodeEnd(item);
  };
  switch (nodeKind(node)) {
    case 'Stmt': {
      const ends = [child('Cmd'), last('Redirs')].filter((end): end is number => end !== undefined);
      return ends.length === 0 ? undefined : Math.max(...ends);
    }
    case 'CallExpr': return nodeList(node, 'Args').length > 0 ? last('Args') : last('Assigns');
    case 'BinaryCmd': return child('Y');
    case 'Word': return last('Parts');
    case 'Lit': return at('ValueEnd', 0);
    case 'SglQuoted': case 'DblQuoted': case 'CmdSubst': return at('Right', 1);
    case 'ProcSubst': case 'Subshell': return at('Rparen', 1);
    case 'Block': return at('Rbrace', 1);
    case 'ParamExp': return at('Rbrace', 1) ?? child('Param');
    case 'ArithmExp': return at('Right', nodeFlag(node, 'Bracket') ? 1 : 2);
    case 'ArithmCmd': case 'TestClause': return at('Right', 2);
    case 'ExtGlob': { const end = child('Pattern'); return end === undefined ? undefined : end + 1; }
    case 'Redirect': return child('Hdoc') ?? child('Word');
    case 'Assign': {
      const name = nodeChild(node, 'Name');
      const nameEnd = name === undefined ? undefined : nodeEnd(name);
      const array = nodeChild(node, 'Array');
      const arrayEnd = array === undefined ? undefined : posField(array, 'Rparen');
      return child('Value') ?? (arrayEnd === undefined ? undefined : arrayEnd.offs + 1) ?? (nameEnd === undefined ? undefined : nameEnd + (nodeFlag(node, 'Naked') ? 0 : 1));
    }
    case 'IfClause': return at('FiPos', 2);
    case 'WhileClause': case 'ForClause': return at('DonePos', 4);
    case 'CaseClause': return at('Esac', 4);
    case 'FuncDecl': return child('Body');
    default: return undefined;
  }
}

function startPos(node: ShellNode): GoPos | undefined {
  const first = (field: string): GoPos | undefined => {
    const item = nodeList(node, field)[0];
    return item === undefined ? undefined : startPos(item);
  };
  switch (nodeKind(node)) {
    case 'Stmt': return posField(node, 'Position');
    case 'CallExpr': return first('Assigns') ?? first('Args');
    case 'BinaryCmd': { const x = nodeChild(node, 'X'); return x === undefined ? undefined : startPos(x); }
    case 'Word': return first('Parts');
    case 'Assign': {
      const name = nodeChild(node, 'Name') ?? nodeChild(node, 'Value');
      return name === undefined ? undefined : startPos(name);
    }
    default: {
      // Every other node's Pos() is its first position field (Lit.ValuePos, DblQuoted.Left, ...).
      const object = node as unknown as GoObject;
      for (const key of Object.keys(object)) {
        const value = object[key];
        if (isPos(value)) return value;
      }
      return undefined;
    }
  }
}

function posField(node: ShellNode, field: string): GoPos | undefined {
  const value = (node as unknown as GoObject)[field];
  return isPos(value) ? value : undefined;
}

/** GopherJS builds a struct value with its pointer type's constructor: a Pos says `*syntax.Pos`. */
function isPos(value: unknown): value is GoPos {
  return typeof value === 'object' && value !== null && (value as GoObject).constructor.string === '*syntax.Pos';
}

function isNode(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as GoObject).constructor;
  return typeof type.string === 'string' && type.string.startsWith('*syntax.') && type.string !== '*syntax.Pos' && type.nil !== value;
}

function isSlice(value: unknown): value is GoSlice {
  return typeof value === 'object' && value !== null && Array.isArray((value as GoSlice).$array);
}

function sliceItems(slice: GoSlice): unknown[] {
  return slice.$array.slice(slice.$offset, slice.$offset + slice.$length);
}

/** Operator tokens, read from the parser itself rather than hard-coded (syntax/tokens.go). */
function readOperators(): { readonly pipe: number; readonly redirectOut: number; readonly processInput: number } {
  const parsed = parseShell('a > f\nb | c\nd <(e)\n');
  if (!parsed.ok) throw new Error('mvdan-sh: the operator sample does not parse');
  const [redirect, pipe, call] = nodeList(parsed.file, 'Stmts');
  const redirectOut = redirect === undefined ? undefined : nodeList(redirect, 'Redirs')[0];
  const binary = pipe === undefined ? undefined : nodeChild(pipe, 'Cmd');
  const command = call === undefined ? undefined : nodeChild(call, 'Cmd');
  const word = command === undefined ? undefined : nodeList(command, 'Args')[1];
  const substitution = word === undefined ? undefined : nodeList(word, 'Parts')[0];
  if (redirectOut === undefined || binary === undefined || substitution === undefined || nodeKind(substitution) !== 'ProcSubst') {
    throw new Error('mvdan-sh: unexpected syntax tree layout (was the package upgraded?)');
  }
  return { pipe: nodeNumber(binary, 'Op'), redirectOut: nodeNumber(redirectOut, 'Op'), processInput: nodeNumber(substitution, 'Op') };
}

/** `|` (syntax.Pipe), `>` (syntax.RdrOut) and `<(` (syntax.CmdIn). */
export const shellOperators = readOperators();
