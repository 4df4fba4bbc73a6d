/**
 * GitHub Actions workflows (`.github/workflows/*.yml`), read once per run into a small model with
 * the position of every value, shared by the checks that judge workflows (Pinned-Dependencies,
 * Dangerous-Workflow, Token-Permissions, Packaging, SAST, CI-Tests). Malformed YAML is a
 * reading with a line, never a crash; YAML aliases and nesting are bounded.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { RepositoryFiles } from './repository.js';
import { firstLine } from '../ecosystems/error-message.js';

/** A value with where it is written: 1-based line and column of its first character, and its offset. */
export interface Located<T> {
  readonly value: T;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** The line of its last character. */
  readonly endLine: number;
}

export interface WorkflowStep {
  /** 0-based position in the job's `steps`. */
  readonly index: number;
  /** The line of the step (its `-` item). */
  readonly line: number;
  readonly name?: Located<string>;
  readonly id?: Located<string>;
  readonly uses?: Located<string>;
  readonly run?: Located<string>;
  readonly shell?: Located<string>;
  readonly if?: Located<string>;
  readonly with: ReadonlyMap<string, Located<string>>;
  readonly env: ReadonlyMap<string, Located<string>>;
  /** The step's YAML node, for checks that need more than this model holds. */
  readonly node: YAMLMap;
}

export interface WorkflowJob {
  readonly id: string;
  readonly line: number;
  readonly name?: Located<string>;
  /** `runs-on` as plain data (a string, a list, a map, or an expression). */
  readonly runsOn?: Located<unknown>;
  /** A job that calls a reusable workflow: `uses: owner/repo/.github/workflows/x.yml@ref`. */
  readonly uses?: Located<string>;
  readonly permissions?: Located<unknown>;
  readonly defaultShell?: Located<string>;
  readonly if?: Located<string>;
  readonly container?: Located<unknown>;
  readonly env: ReadonlyMap<string, Located<string>>;
  readonly steps: readonly WorkflowStep[];
  readonly node: YAMLMap;
}

export interface Workflow {
  readonly path: string;
  readonly text: string;
  readonly name?: Located<string>;
  /** `on:` as plain data. */
  readonly on?: Located<unknown>;
  /** The trigger names (`push`, `pull_request_target`, ...), whatever form `on:` takes. */
  readonly triggers: readonly string[];
  readonly permissions?: Located<unknown>;
  readonly defaultShell?: Located<string>;
  readonly env: ReadonlyMap<string, Located<string>>;
  readonly jobs: readonly WorkflowJob[];
  readonly document: Document.Parsed;
  /** The 1-based line and column of an offset in `text`. */
  position(offset: number): { readonly line: number; readonly column: number };
}

export type WorkflowReading = { readonly ok: true; readonly workflow: Workflow } | { readonly ok: false; readonly path: string; readonly line?: number; readonly message: string };

/** Workflows nest a handful of levels; anything much deeper is hostile. */
const maxDepth = 64;
const maxAliasCount = 100;

/** Whether a path is a workflow file GitHub runs: directly in `.github/workflows/`, `.yml` or `.yaml`. */
export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}

const cache = new WeakMap<RepositoryFiles, readonly WorkflowReading[]>();

/** Every workflow of the repository, read once per repository listing. */
export function workflowsOf(files: RepositoryFiles): readonly WorkflowReading[] {
  const cached = cache.get(files);
  if (cached !== undefined) return cached;
  const readings = files.paths.filter(isWorkflowPath).map((path): WorkflowReading => {
    const text = files.readText(path);
    return text === undefined ? { ok: false, path, message: 'too large to read' } : readWorkflow(path, text);
  });
  cache.set(files, readings);
  return readings;
}

/** Reads one workflow file. */
export function readWorkflow(path: string, text: string): WorkflowReading {
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { ok: false, path, message: `not valid YAML: ${firstLine(error)}` };
  }
  const [error] = document.errors;
  if (error !== undefined) return { ok: false, path, line: lineCounter.linePos(error.pos[0]).line, message: `not valid YAML: ${firstLine(error)}` };
  if (depthOf(document.contents, 0) > maxDepth) return { ok: false, path, message: `nests deeper than ${maxDepth} levels` };
  const root = document.contents;
  if (!isMap(root)) return { ok: false, path, line: 1, message: 'not a workflow: the top level is not a mapping' };

  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const located = <T>(node: Node | undefined | null, value: T): Located<T> | undefined => {
    if (node === undefined || node === null) return undefined;
    const [start = 0, , end = start] = node.range ?? [];
    return { value, ...position(start), offset: start, endLine: position(Math.max(start, end - 1)).line };
  };
  const string = (map: YAMLMap, key: string): Located<string> | undefined => {
    const node = map.get(key, true) as Node | undefined;
    return isScalar(node) && isPrimitive(node.value) ? located(node, String(node.value)) : undefined;
  };
  const data = (map: YAMLMap, key: string): Located<unknown> | undefined => {
    const node = map.get(key, true) as Node | undefined;
    return located(node, node === undefined ? undefined : (toData(node, document)));
  };
  const strings = (map: YAMLMap, key: string): Map<string, Located<string>> => {
    const node = map.get(key, true) as Node | undefined;
    const found = new Map<string, Located<string>>();
    if (!isMap(node)) return found;
    for (const pair of node.items) {
      const name = keyOf(pair);
      const value = pair.value as Node | null;
      if (name !== undefined && isScalar(value)) {
        const entry = located(value, isPrimitive(value.value) ? String(value.value) : '');
        if (entry !== undefined) found.set(name, entry);
      }
    }
    return found;
  };
  const defaultShell = (map: YAMLMap): Located<string> | undefined => {
    const defaults = map.get('defaults', true) as Node | undefined;
    const run = isMap(defaults) ? (defaults.get('run', true) as Node | undefined) : undefined;
    return isMap(run) ? string(run, 'shell') : undefined;
  };

  const jobsNode = root.get('jobs', true) as Node | undefined;
  const jobs: WorkflowJob[] = [];
  if (isMap(jobsNode)) {
    for (const pair of jobsNode.items) {
      const id = keyOf(pair);
      const job = pair.value as Node | null;
      if (id === undefined || !isMap(job)) continue;
      const stepsNode = job.get('steps', true) as Node | undefined;
      const steps: WorkflowStep[] = [];
      if (isSeq(stepsNode)) {
        stepsNode.items.forEach((item, index) => {
          if (!isMap(item)) return;
          steps.push({
            index,
            line: position(item.range?.[0] ?? 0).line,
            ...optional('name', string(item, 'name')),
            ...optional('id', string(item, 'id')),
            ...optional('uses', string(item, 'uses')),
            ...optional('run', string(item, 'run')),
            ...optional('shell', string(item, 'shell')),
            ...optional('if', string(item, 'if')),
            with: strings(item, 'with'),
            env: strings(item, 'env'),
            node: item,
          });
        });
      }
      const keyNode = isScalar(pair.key) ? pair.key : undefined;
      jobs.push({
        id,
        line: position(keyNode?.range?.[0] ?? job.range?.[0] ?? 0).line,
        ...optional('name', string(job, 'name')),
        ...optional('runsOn', data(job, 'runs-on')),
        ...optional('uses', string(job, 'uses')),
        ...optional('permissions', data(job, 'permissions')),
        ...optional('defaultShell', defaultShell(job)),
        ...optional('if', string(job, 'if')),
        ...optional('container', data(job, 'container')),
        env: strings(job, 'env'),
        steps,
        node: job,
      });
    }
  }
  const on = data(root, 'on') ?? dataOfTrueKey(root, document, located);
  return {
    ok: true,
    workflow: {
      path,
      text,
      ...optional('name', string(root, 'name')),
      ...optional('on', on),
      triggers: triggersOf(on?.value),
      ...optional('permissions', data(root, 'permissions')),
      ...optional('defaultShell', defaultShell(root)),
      env: strings(root, 'env'),
      jobs,
      document,
      position,
    },
  };
}

/**
 * YAML 1.1 reads an unquoted `on` key as the boolean true; the `yaml` package follows YAML 1.2
 * (a string), but a document may say `true:` explicitly. Both mean the triggers.
 */
function dataOfTrueKey(root: YAMLMap, document: Document.Parsed, located: <T>(node: Node | undefined | null, value: T) => Located<T> | undefined): Located<unknown> | undefined {
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === true);
  const node = pair?.value as Node | null | undefined;
  return node === undefined || node === null ? undefined : located(node, toData(node, document));
}

/** The trigger names of `on:`: a string, a list of strings, or a map keyed by trigger. */
export function triggersOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((item): item is string => typeof item === 'string');
  if (on instanceof Map) return [...on.keys()].filter((key): key is string => typeof key === 'string');
  if (typeof on === 'object' && on !== null) return Object.keys(on);
  return [];
}

function isPrimitive(value: unknown): value is string | number | boolean | bigint {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

/** A node as plain data: maps become objects without prototypes, so no key can reach Object.prototype. */
function toData(node: Node, document: Document.Parsed): unknown {
  const value: unknown = node.toJS(document, { maxAliasCount });
  return plain(value);
}

function plain(value: unknown): unknown {
  if (value instanceof Map) {
    const object = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of value) object[String(key)] = plain(item);
    return object;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const object = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) object[key] = plain(item);
    return object;
  }
  return value;
}

function depthOf(node: unknown, depth: number): number {
  if (depth > maxDepth) return depth;
  if (isMap(node)) return Math.max(depth, ...node.items.map((pair) => depthOf(pair.value, depth + 1)));
  if (isSeq(node)) return Math.max(depth, ...node.items.map((item) => depthOf(item, depth + 1)));
  return depth;
}

function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

/** A workflow file a check could not judge, with where and why. */
export interface WorkflowProblem {
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

/**
 * Whether a workflow file holds anything but blank lines and `#` comments: Scorecard skips the
 * others without counting them (fileparser.CheckFileContainsCommands).
 */
export function containsCommands(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed.length > 0 && !trimmed.startsWith('#');
  });
}
