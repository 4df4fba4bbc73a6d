/**
 * renv.lock (https://rstudio.github.io/renv/articles/lockfile.html): `Packages` maps each package
 * to its `Version`, `Source` and `Repository`. Only packages from CRAN are reported, as OSV-SCALIBR
 * does: Bioconductor, GitHub and repository-less packages have no CRAN advisories. `Requirements`
 * gives the edges.
 */
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';

const ecosystem = 'CRAN';
/** renv.lock nests a handful of levels; anything far deeper is hostile. */
const maxDepth = 64;

interface LockedPackage {
  readonly component: Component;
  readonly requirements: readonly string[];
}

export const renvLockExtractor: Extractor = {
  format: 'renv-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'renv.lock',
  extract: extractRenvLock,
  definition: {
    short: 'renv.lock (R): packages installed from CRAN, with the dependency graph',
    fileNames: ['renv.lock'],
  },
};

function extractRenvLock(file: SourceFile): Extraction {
  const lines = lineLocator(file.text);
  const fail = (message: string, offset?: number): Extraction => ({
    components: [],
    edges: [],
    problems: [{ file: file.path, ...(offset === undefined ? {} : { line: lines(offset) }), message }],
  });
  if (jsonDepth(file.text) > maxDepth) return fail(`renv.lock nests deeper than ${maxDepth} levels`);
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (error !== undefined) return fail(`could not parse renv.lock as JSON: ${printParseErrorCode(error.error)}`, error.offset);
  if (root?.type !== 'object') return fail('renv.lock is not a JSON object');

  const packages = property(root, 'Packages');
  if (packages === undefined) return { components: [], edges: [], problems: [] };
  if (packages.type !== 'object') return fail('"Packages" is not an object', packages.offset);

  const problems: InventoryProblem[] = [];
  const locked: LockedPackage[] = [];
  for (const pair of packages.children ?? []) {
    const [keyNode, entry] = pair.children ?? [];
    const line = lines(pair.offset);
    const key = stringValue(keyNode) ?? '';
    if (entry?.type !== 'object') {
      problems.push({ file: file.path, line, message: `${key}: the package entry is not an object` });
      continue;
    }
    if (stringValue(property(entry, 'Repository')) !== 'CRAN') continue;
    const name = stringValue(property(entry, 'Package')) ?? key;
    const version = stringValue(property(entry, 'Version'));
    if (name === '' || version === undefined || version === '') {
      problems.push({ file: file.path, line, message: `${key}: the package entry has no name or version` });
      continue;
    }
    locked.push({
      component: { name, version, ecosystem, purl: componentPurl('cran', name, version), groups: [], location: { file: file.path, line } },
      requirements: stringArray(property(entry, 'Requirements')),
    });
  }
  return { components: locked.map((entry) => entry.component), edges: requirementEdges(locked), problems };
}

/** Requirements name packages; those not from CRAN (and base packages such as `tools`) are not reported, so they get no edge. */
function requirementEdges(locked: readonly LockedPackage[]): DependencyEdge[] {
  const byName = new Map(locked.map((entry) => [entry.component.name, entry.component]));
  const edges: DependencyEdge[] = [];
  for (const { component, requirements } of locked) {
    for (const name of new Set(requirements)) {
      const target = byName.get(name);
      if (target !== undefined) edges.push({ from: component.purl, to: target.purl });
    }
  }
  return edges;
}

function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const pair = (node.children ?? []).find((candidate) => candidate.children?.[0]?.value === key);
  return pair?.children?.[1];
}

function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

function stringArray(node: Node | undefined): string[] {
  if (node?.type !== 'array') return [];
  const value: unknown = getNodeValue(node);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The deepest nesting of arrays and objects, counted outside strings, so the recursive parser is never handed a hostile depth. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}

/** Offset → 1-based line, by binary search over the line starts. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
