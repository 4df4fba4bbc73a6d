/**
 * mix.lock (Elixir and Erlang projects built with Mix): a map from each dependency's app name to a
 * tuple, `{:hex, :package, "version", "inner checksum", managers, deps, "repo", "outer checksum"}`
 * or `{:git, "url", "commit", options}`. The file is Elixir source, so it is read by a small term
 * reader below (never evaluated). Hex dependencies list their own dependencies, which give edges.
 */
import type { Component, DependencyEdge, Extraction } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { mixLockFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = mixLockFormat;

export const mixLockExtractor: Extractor = { ...mixLockFormat, extract: extractMixLock };

interface LockedDependency {
  readonly app: string;
  readonly component: Component;
  readonly dependencies: readonly string[];
}

function extractMixLock(file: SourceFile): Extraction {
  let root: Term;
  try {
    root = readTerm(file.text);
  } catch (error) {
    const line = error instanceof TermSyntaxError ? error.line : undefined;
    const message = error instanceof Error ? error.message : String(error);
    return { components: [], edges: [], problems: [{ file: file.path, ...(line === undefined ? {} : { line }), message: `could not read mix.lock: ${message}` }] };
  }
  if (root.kind !== 'map') return { components: [], edges: [], problems: [{ file: file.path, line: root.line, message: 'mix.lock is not a map' }] };

  const locked: LockedDependency[] = [];
  for (const [key, value] of root.entries) {
    const app = key.kind === 'string' || key.kind === 'atom' ? key.value : undefined;
    // Entries of other shapes (such as an incomplete `{:hex, }`) are skipped, as OSV-SCALIBR skips them.
    const entry = app === undefined || app === '' ? undefined : lockedDependency(app, value, key.line, file.path);
    if (entry !== undefined) locked.push(entry);
  }
  return { components: locked.map((entry) => entry.component), edges: dependencyEdges(locked), problems: [] };
}

function lockedDependency(app: string, value: Term, line: number, path: string): LockedDependency | undefined {
  if (value.kind !== 'tuple') return undefined;
  const [kind, second, third, fourth, , deps] = value.items;
  if (kind?.kind !== 'atom') return undefined;
  const location = { file: path, line };
  if (kind.value === 'hex') {
    if (second?.kind !== 'atom' || second.value === '' || third?.kind !== 'string') return undefined;
    const checksum = fourth?.kind === 'string' ? fourth.value : undefined;
    return {
      app,
      component: {
        name: second.value,
        version: third.value,
        ecosystem,
        purl: componentPurl('hex', second.value, third.value),
        groups: [],
        location,
        ...(checksum === undefined ? {} : { meta: { checksum } }),
      },
      dependencies: deps?.kind === 'list' ? deps.items.flatMap(dependencyApp) : [],
    };
  }
  if (kind.value === 'git') {
    if (second?.kind !== 'string' || third?.kind !== 'string') return undefined;
    return {
      app,
      component: { name: app, version: '', ecosystem, purl: componentPurl('hex', app, ''), groups: [], location, commit: third.value, resolved: second.value },
      dependencies: [],
    };
  }
  return undefined;
}

/** A Hex dependency is `{:app, "requirement", [hex: :package, repo: ..., optional: ...]}`; the lock is keyed by app. */
function dependencyApp(term: Term): string[] {
  if (term.kind !== 'tuple') return [];
  const [app] = term.items;
  return app?.kind === 'atom' ? [app.value] : [];
}

function dependencyEdges(locked: readonly LockedDependency[]): DependencyEdge[] {
  const byApp = new Map(locked.map((entry) => [entry.app, entry.component]));
  const edges: DependencyEdge[] = [];
  for (const { component, dependencies } of locked) {
    for (const app of new Set(dependencies)) {
      const target = byApp.get(app);
      if (target !== undefined) edges.push({ from: component.purl, to: target.purl });
    }
  }
  return edges;
}

/*
 * The term reader: maps (`%{"k": v}`, `%{k => v}`), tuples, lists, keyword entries
 * (`repo: "hexpm"`), atoms, strings, numbers and bare words (`true`, `nil`). It reads literals
 * only — nothing is evaluated and `#{...}` in a string stays text — and bounds the nesting so
 * hostile input cannot exhaust the stack.
 */
type Term =
  | { readonly kind: 'string'; readonly value: string; readonly line: number }
  | { readonly kind: 'atom'; readonly value: string; readonly line: number }
  | { readonly kind: 'number' | 'word'; readonly value: string; readonly line: number }
  | { readonly kind: 'tuple' | 'list'; readonly items: readonly Term[]; readonly line: number }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [Term, Term])[]; readonly line: number };

class TermSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const maxDepth = 32;

/** Reads one term that fills the whole text (comments and white space aside). Throws {@link TermSyntaxError}. */
function readTerm(text: string): Term {
  const reader = new TermReader(text);
  const term = reader.term(0);
  reader.skipBlank();
  if (!reader.atEnd()) reader.fail('unexpected text after the term');
  return term;
}

class TermReader {
  private position = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  fail(message: string): never {
    throw new TermSyntaxError(message, this.line);
  }

  skipBlank(): void {
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '\n') {
        this.line += 1;
        this.position += 1;
      } else if (char === ' ' || char === '\t' || char === '\r') {
        this.position += 1;
      } else if (char === '#') {
        while (!this.atEnd() && this.peek() !== '\n') this.position += 1;
      } else {
        return;
      }
    }
  }

  term(depth: number): Term {
    if (depth > maxDepth) this.fail(`terms nest deeper than ${maxDepth} levels`);
    this.skipBlank();
    const line = this.line;
    const char = this.peek();
    if (this.text.startsWith('%{', this.position)) {
      this.position += 2;
      return { kind: 'map', entries: this.sequence('}', () => this.mapEntry(depth)), line };
    }
    if (char === '{') {
      this.position += 1;
      return { kind: 'tuple', items: this.sequence('}', () => this.listItem(depth)), line };
    }
    if (char === '[') {
      this.position += 1;
      return { kind: 'list', items: this.sequence(']', () => this.listItem(depth)), line };
    }
    if (char === '"') return { kind: 'string', value: this.string(), line };
    if (char === ':') {
      this.position += 1;
      return { kind: 'atom', value: this.peek() === '"' ? this.string() : this.word(), line };
    }
    if (/[0-9-]/.test(char)) return { kind: 'number', value: this.word(), line };
    if (/[A-Za-z_]/.test(char)) return { kind: 'word', value: this.word(), line };
    return this.fail(this.atEnd() ? 'unexpected end of file' : `unexpected character ${JSON.stringify(char)}`);
  }

  /** Items separated by commas up to `close`; a trailing comma is allowed, as Elixir allows it. */
  private sequence<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    for (;;) {
      this.skipBlank();
      if (this.peek() === close) {
        this.position += 1;
        return items;
      }
      items.push(item());
      this.skipBlank();
      if (this.peek() === ',') this.position += 1;
      else if (this.peek() !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  /** `"key": value` (an atom key written as a string) or `key => value`. */
  private mapEntry(depth: number): readonly [Term, Term] {
    const keyword = this.keywordKey();
    if (keyword !== undefined) return [keyword, this.term(depth + 1)];
    const key = this.term(depth + 1);
    this.skipBlank();
    if (!this.text.startsWith('=>', this.position)) this.fail('expected "=>" in a map');
    this.position += 2;
    return [key, this.term(depth + 1)];
  }

  /** A keyword entry `name: value` in a list or tuple is the tuple `{:name, value}`. */
  private listItem(depth: number): Term {
    const line = this.line;
    const keyword = this.keywordKey();
    if (keyword === undefined) return this.term(depth + 1);
    return { kind: 'tuple', items: [keyword, this.term(depth + 1)], line };
  }

  /** Reads `name:` or `"name":` followed by white space, or nothing (the position is restored). */
  private keywordKey(): Term | undefined {
    this.skipBlank();
    const start = this.position;
    const line = this.line;
    let value: string | undefined;
    if (this.peek() === '"') value = this.string();
    else if (/[A-Za-z_]/.test(this.peek())) value = this.word();
    if (value !== undefined && this.peek() === ':' && /[\s]/.test(this.text.charAt(this.position + 1))) {
      this.position += 1;
      return { kind: 'atom', value, line };
    }
    this.position = start;
    this.line = line;
    return undefined;
  }

  private string(): string {
    const startLine = this.line;
    this.position += 1;
    let value = '';
    while (!this.atEnd()) {
      const char = this.peek();
      this.position += 1;
      if (char === '"') return value;
      if (char === '\\') {
        const escaped = this.peek();
        this.position += 1;
        value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
        continue;
      }
      if (char === '\n') this.line += 1;
      value += char;
    }
    throw new TermSyntaxError('unterminated string', startLine);
  }

  private word(): string {
    const start = this.position;
    while (!this.atEnd() && /[A-Za-z0-9_.@?!+-]/.test(this.peek())) this.position += 1;
    if (this.position === start) this.fail('expected a name');
    return this.text.slice(start, this.position);
  }

  private peek(): string {
    return this.text.charAt(this.position);
  }
}
