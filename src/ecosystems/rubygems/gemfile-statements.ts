/**
 * A Gemfile is Ruby, and it is never evaluated here. It is read as a list of statements (a line,
 * joined with the next while it ends in `,` or `\` or leaves a bracket open), each split into a
 * method name and literal arguments: strings, symbols, arrays of those, `key: value` and
 * `:key => value` options. Anything else (variables, `ENV[...]`, string interpolation, method
 * calls, loops that call `gem`) is "dynamic": kept as such, never guessed.
 */

export type RubyValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'symbol'; readonly value: string }
  | { readonly kind: 'list'; readonly values: readonly RubyValue[] }
  | { readonly kind: 'dynamic'; readonly text: string };

export interface Statement {
  /** The 1-based line the statement starts on. */
  readonly line: number;
  /** The statement without its comment, continuation lines joined. */
  readonly text: string;
}

export interface Call {
  readonly method: string;
  readonly positional: readonly RubyValue[];
  readonly options: ReadonlyMap<string, RubyValue>;
  /** Whether the call opens a `do ... end` block. */
  readonly opensBlock: boolean;
}

/** Gemfiles hold a few hundred statements; a statement longer than this is not a gem declaration. */
const maxStatementLength = 10_000;

export function statements(text: string): Statement[] {
  const result: Statement[] = [];
  let pending: { line: number; parts: string[] } | undefined;
  let inBlockComment = false;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    // `=begin` ... `=end` comment lines, and `__END__`, after which Ruby reads no code.
    if (inBlockComment || /^=begin\b/.test(raw)) {
      inBlockComment = !/^=end\b/.test(raw);
      continue;
    }
    if (raw.trimEnd() === '__END__') break;
    const code = withoutComment(raw).trim();
    if (pending === undefined && code === '') continue;
    pending ??= { line: index + 1, parts: [] };
    pending.parts.push(code.endsWith('\\') ? code.slice(0, -1) : code);
    const joined = pending.parts.join(' ');
    if (joined.length < maxStatementLength && (code.endsWith(',') || code.endsWith('\\') || unclosed(joined))) continue;
    result.push({ line: pending.line, text: joined.trim() });
    pending = undefined;
  }
  if (pending !== undefined) result.push({ line: pending.line, text: pending.parts.join(' ').trim() });
  return result;
}

/** `name arg, key: value do` or `name(arg, key: value)`; undefined when the statement is not a plain method call. */
export function readCall(statement: string): Call | undefined {
  const match = /^([a-z_][a-zA-Z0-9_]*[?!]?)(?=[\s(]|$)\s*(.*)$/.exec(statement);
  if (match === null) return undefined;
  const [, method = '', rest = ''] = match;
  let body = rest.trim();
  const block = /\s*\bdo(\s*\|[^|]*\|)?$/.exec(body);
  const opensBlock = block !== null;
  if (block !== null) body = body.slice(0, block.index).trim();
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
  // A trailing `if`/`unless` modifier makes the call conditional, not different.
  body = body.replace(/\s+(if|unless)\s+.*$/, '');
  const positional: RubyValue[] = [];
  const options = new Map<string, RubyValue>();
  for (const argument of splitTopLevel(body)) {
    const option = /^(?:([a-z_][a-zA-Z0-9_]*):(?!:)|:([a-z_][a-zA-Z0-9_]*)\s*=>|["']([a-z_][a-zA-Z0-9_]*)["']\s*=>)\s*(.*)$/.exec(argument);
    if (option === null) positional.push(readValue(argument));
    else options.set(option[1] ?? option[2] ?? option[3] ?? '', readValue(option[4] ?? ''));
  }
  return { method, positional, options, opensBlock };
}

/** The strings and symbols of a value (a list flattened); dynamic parts are left out. */
export function literalStrings(value: RubyValue | undefined): string[] {
  if (value === undefined) return [];
  if (value.kind === 'string' || value.kind === 'symbol') return [value.value];
  if (value.kind === 'list') return value.values.flatMap(literalStrings);
  return [];
}

function readValue(text: string): RubyValue {
  const value = text.trim();
  const single = /^'((?:[^'\\]|\\.)*)'$/.exec(value);
  if (single !== null) return { kind: 'string', value: (single[1] ?? '').replace(/\\(['\\])/g, '$1') };
  const double = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  // `#{...}` inside double quotes is interpolation: dynamic.
  if (double !== null && !(double[1] ?? '').includes('#{')) return { kind: 'string', value: (double[1] ?? '').replace(/\\(["\\])/g, '$1') };
  const symbol = /^:([a-zA-Z_][a-zA-Z0-9_]*[?!]?)$/.exec(value);
  if (symbol !== null) return { kind: 'symbol', value: symbol[1] ?? '' };
  const words = /^%[wi][[({<](.*)[\])}>]$/.exec(value);
  if (words !== null) return { kind: 'list', values: (words[1] ?? '').split(/\s+/).filter((word) => word !== '').map((word) => ({ kind: 'string', value: word })) };
  if (value.startsWith('[') && value.endsWith(']')) return { kind: 'list', values: splitTopLevel(value.slice(1, -1)).map(readValue) };
  return { kind: 'dynamic', text: value };
}

/** Splits at commas outside strings and brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** The line without a `#` comment (a `#` inside a string literal is kept). */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quote !== undefined) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return line.slice(0, index);
  }
  return line;
}

/** Whether brackets stay open at the end of the text (outside strings). */
function unclosed(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
  }
  return depth > 0;
}
