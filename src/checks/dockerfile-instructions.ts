/**
 * Dockerfile instructions as BuildKit's parser reads them (moby/buildkit
 * frontend/dockerfile/parser), the parser Scorecard uses: logical lines joined across `\`
 * continuations (comment and blank lines inside skipped), builder flags split off, the keyword
 * kept as written, heredocs read, and the same failures (a JSON array with a non-string, an ENV
 * without a value, an unterminated heredoc), which make Scorecard reject the whole file.
 */

export interface Heredoc {
  readonly name: string;
  readonly content: string;
}

export interface DockerInstruction {
  /** As written: BuildKit keeps the case (`FROm`), Scorecard compares it exactly. */
  readonly keyword: string;
  /** The logical line (BuildKit's Node.Original): continuations joined, the first line's indent dropped. */
  readonly original: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly flags: readonly string[];
  /** BuildKit's Next values: FROM's words, RUN's command or JSON array, ARG's `NAME=value` words. */
  readonly values: readonly string[];
  /** RUN, CMD, ... written as a JSON array. */
  readonly json: boolean;
  readonly heredocs: readonly Heredoc[];
}

export type DockerfileReading = { readonly ok: true; readonly instructions: readonly DockerInstruction[] } | { readonly ok: false; readonly line: number; readonly message: string };

const jsonForms = new Set(['run', 'cmd', 'entrypoint', 'shell']);
const jsonListForms = new Set(['add', 'copy', 'volume']);
const heredocForms = new Set(['run', 'copy', 'add']);
const directive = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;

/** Reads a Dockerfile. */
export function readDockerfile(text: string): DockerfileReading {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let escape = '\\';
  let lookingForDirectives = true;
  const instructions: DockerInstruction[] = [];
  let index = 0;
  const next = (): string | undefined => {
    const line = lines[index];
    if (line === undefined) return undefined;
    index += 1;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  const continuation = (line: string): [string, boolean] => {
    const trimmed = line.replace(new RegExp(`\\${escape}[ \\t]*$`), '');
    return trimmed === line ? [line, true] : [trimmed, false];
  };
  for (let raw = next(); raw !== undefined; raw = next()) {
    if (lookingForDirectives) {
      const found = directive.exec(raw);
      if (found !== null && found[1]?.toLowerCase() === 'escape') {
        if (found[2] !== '`' && found[2] !== '\\') return { ok: false, line: index, message: `invalid escape token ${found[2] ?? ''} does not match ` + '` or \\' };
        escape = found[2];
        continue;
      }
      if (found === null) lookingForDirectives = false;
    }
    const startLine = index;
    let [line, ended] = continuation(isComment(raw) ? '' : raw.trimStart());
    if (ended && line === '') continue;
    while (!ended) {
      const more = next();
      if (more === undefined) break;
      if (isComment(more) || more.trim() === '') continue;
      const [joined, end] = continuation(more);
      line += joined;
      ended = end;
    }
    const parsed = instructionOf(line, escape);
    if (typeof parsed === 'string') return { ok: false, line: startLine, message: parsed };
    const heredocs: Heredoc[] = [];
    if (heredocForms.has(parsed.keyword.toLowerCase()) && !parsed.json && line.includes('<<')) {
      for (const { name, chomp } of heredocNames(line)) {
        let content = '';
        let terminated = false;
        for (let body = next(); body !== undefined; body = next()) {
          if ((chomp ? body.replace(/^\t+/, '') : body) === name) {
            terminated = true;
            break;
          }
          content += `${body}\n`;
        }
        if (!terminated) return { ok: false, line: startLine, message: 'unterminated heredoc' };
        heredocs.push({ name, content });
      }
    }
    instructions.push({ ...parsed, original: line, startLine, endLine: index, heredocs });
  }
  if (instructions.length === 0) return { ok: false, line: 1, message: 'file with no instructions' };
  return { ok: true, instructions };
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith('#');
}

type Parsed = Pick<DockerInstruction, 'keyword' | 'flags' | 'values' | 'json'>;

/** splitCommand, extractBuilderFlags and the keyword's argument parser; a string is an error. */
function instructionOf(line: string, escape: string): Parsed | string {
  const [keyword = '', rest = ''] = line.trim().split(/[\t\v\f\r ]+(.*)/s);
  const { flags, args } = builderFlags(rest);
  const lower = keyword.toLowerCase();
  if (lower === 'onbuild') {
    const inner = args === '' ? undefined : instructionOf(args, escape);
    return typeof inner === 'string' ? inner : { keyword, flags, values: args === '' ? [] : [args], json: false };
  }
  if (jsonForms.has(lower) || jsonListForms.has(lower)) {
    const array = jsonArray(args);
    if (array === 'not-strings') return 'dockerfile: JSON arrays must be made of strings';
    if (array !== undefined) return { keyword, flags, values: array, json: true };
    if (args === '') return { keyword, flags, values: [], json: false };
    return { keyword, flags, values: jsonForms.has(lower) ? [args] : args.split(/[\t\v\f\r ]+/), json: false };
  }
  if (lower === 'from') return { keyword, flags, values: args === '' ? [] : args.split(/[\t\v\f\r ]+/), json: false };
  if (lower === 'arg') return { keyword, flags, values: shellWords(args, escape), json: false };
  if (lower === 'env' || lower === 'label') {
    const error = nameValueError(keyword.toUpperCase(), args, escape);
    if (error !== undefined) return error;
  }
  return { keyword, flags, values: args === '' ? [] : [args], json: false };
}

/** Leading `--name=value` words, and the rest of the line. */
function builderFlags(rest: string): { flags: string[]; args: string } {
  const flags: string[] = [];
  let remaining = rest.trimStart();
  for (;;) {
    const found = /^--(\S*)(\s+|$)/.exec(remaining);
    if (found === null || found[1] === '') break;
    flags.push(`--${found[1] ?? ''}`);
    remaining = remaining.slice(found[0].length);
  }
  return { flags, args: remaining.trim() };
}

/** A JSON array of strings, 'not-strings' when it holds something else, undefined when not JSON. */
function jsonArray(args: string): string[] | 'not-strings' | undefined {
  if (!args.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(args);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  return value.every((item): item is string => typeof item === 'string') ? value : 'not-strings';
}

/** BuildKit's parseWords: whitespace-separated words, quotes kept, the escape character honoured. */
export function shellWords(rest: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let started = false;
  let blankOk = false;
  for (let position = 0; position < rest.length; position += 1) {
    let char = rest[position] ?? '';
    if (quote === '') {
      if (/\s/.test(char)) {
        if (started && (blankOk || word !== '')) words.push(word);
        word = '';
        started = false;
        blankOk = false;
        continue;
      }
      started = true;
      if (char === "'" || char === '"') {
        quote = char;
        blankOk = true;
      } else if (char === escape) {
        if (position + 1 === rest.length) continue;
        word += char;
        position += 1;
        char = rest[position] ?? '';
      }
      word += char;
      continue;
    }
    if (char === quote) quote = '';
    else if (char === escape && quote !== "'") {
      if (position + 1 === rest.length) continue;
      word += char;
      position += 1;
      char = rest[position] ?? '';
    }
    word += char;
  }
  if (started && (blankOk || word !== '')) words.push(word);
  return words;
}

/** ENV and LABEL: `name=value ...`, or the legacy `name value`. */
function nameValueError(keyword: string, args: string, escape: string): string | undefined {
  const words = shellWords(args, escape);
  const [first] = words;
  if (first === undefined) return undefined;
  if (!first.includes('=')) return args.split(/[\t\v\f\r ]+/).length < 2 ? `${keyword} must have two arguments` : undefined;
  for (const word of words) {
    if (!word.includes('=')) return `Syntax error - can't find = in ${JSON.stringify(word)}. Must be of the form: name=value`;
    if (word.startsWith('=')) return `${keyword} names can not be blank`;
  }
  return undefined;
}

/** The heredocs a line opens (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`), in order. */
function heredocNames(line: string): { name: string; chomp: boolean }[] {
  const names: { name: string; chomp: boolean }[] = [];
  for (const word of shellWords(line)) {
    const found = /^(\d*)<<(-?)([^<]*)$/.exec(word);
    const rest = found?.[3] ?? '';
    if (found === null || rest === '') continue;
    names.push({ name: rest.replace(/^(["'])(.*)\1$/, '$2'), chomp: found[2] === '-' });
  }
  return names;
}
