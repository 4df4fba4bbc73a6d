/**
 * pubspec.lock (https://dart.dev/tools/pub/glossary#lockfile): `packages` maps each package to its
 * `source` (hosted, git, path, sdk), `version` and `dependency` ("direct main", "direct dev",
 * "direct overridden" or "transitive"). The file records no graph.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { pubspecLockFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = pubspecLockFormat;
/** pub writes block mappings only; flow collections nested this deep are hostile. */
const maxFlowDepth = 32;

export const pubspecLockExtractor: Extractor = { ...pubspecLockFormat, extract: extractPubspecLock };

function extractPubspecLock(file: SourceFile): Extraction {
  const fail = (message: string, line?: number): Extraction => ({ components: [], edges: [], problems: [{ file: file.path, ...(line === undefined ? {} : { line }), message }] });
  if (flowDepth(file.text) > maxFlowDepth) return fail(`pubspec.lock nests flow collections deeper than ${maxFlowDepth} levels`);
  const lineCounter = new LineCounter();
  // prettyErrors off: building a pretty message for a long hostile line exhausts memory in yaml 2.
  const document = parseDocument(file.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const [error] = document.errors;
  if (error !== undefined) return fail(`could not parse pubspec.lock as YAML: ${error.message.split('\n')[0] ?? ''}`, lineCounter.linePos(error.pos[0]).line);
  const root = document.contents;
  if (!isMap(root)) return fail(root === null ? 'pubspec.lock is empty' : 'pubspec.lock is not a YAML mapping');

  const packages = root.get('packages');
  if (packages === undefined || packages === null) return { components: [], edges: [], problems: [] };
  if (!isMap(packages)) return fail('"packages" is not a mapping');

  const components: Component[] = [];
  const problems: InventoryProblem[] = [];
  for (const pair of (packages as YAMLMap).items) {
    const key = pair.key;
    const line = isScalar(key) && key.range !== undefined && key.range !== null ? lineCounter.linePos(key.range[0]).line : undefined;
    const name = isScalar(key) ? String(key.value) : '';
    const report = (message: string): void => {
      problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: `${name}: ${message}` });
    };
    const entry = pair.value;
    if (!isMap(entry)) {
      report('the package entry is not a mapping');
      continue;
    }
    const version = scalarString(entry, 'version');
    if (name === '' || version === undefined) {
      report('the package entry has no version');
      continue;
    }
    let purl: string;
    try {
      purl = componentPurl('pub', name, version);
    } catch {
      report('the package name is not a valid pub package name');
      continue;
    }
    const dependency = scalarString(entry, 'dependency') ?? '';
    const description = entry.get('description');
    const commit = scalarString(entry, 'source') === 'git' && isMap(description) ? scalarString(description, 'resolved-ref') : undefined;
    const url = isMap(description) ? scalarString(description, 'url') : undefined;
    const scope = scopeOf(dependency);
    components.push({
      name,
      version,
      ecosystem,
      purl,
      groups: dependency === 'direct dev' ? ['dev'] : [],
      ...(scope === undefined ? {} : { scope }),
      ...(dependency === '' ? {} : { direct: dependency.startsWith('direct') }),
      location: { file: file.path, ...(line === undefined ? {} : { line }) },
      ...(commit === undefined ? {} : { commit }),
      ...(url === undefined ? {} : { resolved: url }),
    });
  }
  return { components, edges: [], problems };
}

/** Only direct dependencies say whether they are for the app or for its development. */
function scopeOf(dependency: string): DependencyScope | undefined {
  if (dependency === 'direct main') return 'prod';
  if (dependency === 'direct dev') return 'dev';
  return undefined;
}

function scalarString(map: YAMLMap.Parsed | YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The deepest nesting of flow collections (`[`, `{`), outside quoted scalars and comments. */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quote !== '') {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') index = text.indexOf('\n', index) === -1 ? text.length : text.indexOf('\n', index);
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}
