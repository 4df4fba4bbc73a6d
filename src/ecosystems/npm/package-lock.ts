/**
 * package-lock.json and npm-shrinkwrap.json (https://docs.npmjs.com/cli/configuring-npm/package-lock-json):
 * lockfileVersion 2 and 3 are read from `packages`, version 1 (and any file without `packages`)
 * from the nested `dependencies` tree. Every installed package is a component, merged by
 * name@version (or commit) the way OSV-SCALIBR merges them; `requires` / `dependencies` give edges.
 */
import type { Extraction } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { packageLockFormat } from '../formats.js';
import { property, readJsonObject, stringMap } from '../json-tree.js';
import { readJsonSection } from '../json-value.js';
import type { InstallReading } from './locked-packages.js';
import { mergeInstalledPackages } from './locked-packages.js';
import { readDependencyTree } from './package-lock-dependencies.js';
import { membersFromTree, membersFromValue } from './package-lock-entry.js';
import { readPackagesMap } from './package-lock-packages.js';

/** A version 1 tree nests two levels per installed level; real trees stay far below this. */
const maxDepth = 512;
const manifestSections = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

export const packageLockExtractor: Extractor = { ...packageLockFormat, extract: extractPackageLock };

function extractPackageLock(file: SourceFile): Extraction {
  const baseName = file.path.slice(file.path.lastIndexOf('/') + 1);
  // npm uses npm-shrinkwrap.json and ignores package-lock.json when both are present.
  if (baseName === 'package-lock.json' && file.readRelated('npm-shrinkwrap.json') !== undefined) return { components: [], edges: [], problems: [] };
  const reading = readNatively(file) ?? readTree(file, baseName === 'npm-shrinkwrap.json' ? baseName : 'package-lock.json');
  if ('problem' in reading) return { components: [], edges: [], problems: [{ file: file.path, ...reading.problem }] };
  const merged = mergeInstalledPackages(file.path, reading.installed, reading.edges);
  return { components: merged.components, edges: merged.edges, problems: [...reading.problems, ...merged.problems] };
}

/** A v2/v3 lockfile through JSON.parse (see json-value.ts); undefined when it must be read as a tree. */
function readNatively(file: SourceFile): InstallReading | undefined {
  const document = readJsonSection(file.text, { section: 'packages', maxDepth });
  if (document === undefined) return undefined;
  return readPackagesMap(file.path, membersFromValue(document));
}

/** Any lockfile, as a position-carrying tree: v1, and whatever JSON.parse could read differently. */
function readTree(file: SourceFile, label: string): InstallReading | { readonly problem: { readonly line?: number; readonly message: string } } {
  const document = readJsonObject(file.text, { label, jsonc: false, maxDepth });
  if ('problem' in document) return document;
  const packages = property(document.root, 'packages');
  if (packages === undefined) return readDependencyTree(file.path, property(document.root, 'dependencies'), document.line, manifestDependencyNames(file));
  if (packages.type !== 'object') return { installed: [], edges: [], problems: [{ file: file.path, line: document.line(packages.offset), message: '"packages" is not an object' }] };
  return readPackagesMap(file.path, membersFromTree(packages, document.line));
}

/** The dependency names declared by the package.json beside a version 1 lockfile, when it can be read. */
function manifestDependencyNames(file: SourceFile): ReadonlySet<string> | undefined {
  const manifest = file.readRelated('package.json');
  if (manifest === undefined) return undefined;
  const document = readJsonObject(manifest.text, { label: 'package.json', jsonc: false, maxDepth: 64 });
  if ('problem' in document) return undefined;
  return new Set(manifestSections.flatMap((section) => stringMap(property(document.root, section)).map((entry) => entry.name)));
}
