/**
 * The fields of one entry of the `packages` map of package-lock.json that the reader uses, taken
 * either from a JSON.parse value (the usual, fast path) or from a json-tree.ts node (when the
 * document must be read as a tree: see json-value.ts). Both give the same record for the same
 * entry, so package-lock-packages.ts has one reader.
 */
import type { Node } from 'jsonc-parser';
import { isJsonObject } from '../json-value.js';
import type { JsonValueDocument } from '../json-value.js';
import { isTrue, objectEntries, property, stringMap, stringValue } from '../json-tree.js';

/** A dependency as a package declares it: the name and the specifier. */
export interface DeclaredSpecifier {
  readonly name: string;
  readonly spec: string;
}

/** One key of `packages` with its line; `entry` is undefined when the value is not an object. */
export interface PackagesMember {
  readonly key: string;
  readonly line: number;
  readonly entry: PackageLockEntry | undefined;
}

export interface PackageLockEntry {
  readonly link: boolean;
  readonly resolved: string | undefined;
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly integrity: string | undefined;
  /** The package's declared licence, as npm 7 and later copy it from its package.json (an SPDX expression as a rule). */
  readonly license: string | undefined;
  readonly inBundle: boolean;
  readonly dev: boolean;
  readonly optional: boolean;
  readonly devOptional: boolean;
  readonly peer: boolean;
  /** `dependencies`, `optionalDependencies` and `peerDependencies`, in that order. */
  readonly dependencies: readonly DeclaredSpecifier[];
  readonly devDependencies: readonly DeclaredSpecifier[];
}

const runtimeSections = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** The entry of a JSON.parse value. */
function entryFromValue(value: unknown): PackageLockEntry | undefined {
  if (!isJsonObject(value)) return undefined;
  const dependencies: DeclaredSpecifier[] = [];
  addStringMembers(dependencies, value['dependencies']);
  addStringMembers(dependencies, value['optionalDependencies']);
  addStringMembers(dependencies, value['peerDependencies']);
  const devDependencies: DeclaredSpecifier[] = [];
  addStringMembers(devDependencies, value['devDependencies']);
  return {
    link: value['link'] === true,
    resolved: stringOrUndefined(value['resolved']),
    name: stringOrUndefined(value['name']),
    version: stringOrUndefined(value['version']),
    integrity: stringOrUndefined(value['integrity']),
    license: stringOrUndefined(value['license']),
    inBundle: value['inBundle'] === true,
    dev: value['dev'] === true,
    optional: value['optional'] === true,
    devOptional: value['devOptional'] === true,
    peer: value['peer'] === true,
    dependencies,
    devDependencies,
  };
}

/** The entry of a tree node: for each key the first member that has it, as json-tree.ts reads. */
function entryFromNode(node: Node | undefined): PackageLockEntry | undefined {
  if (node?.type !== 'object') return undefined;
  return {
    link: isTrue(property(node, 'link')),
    resolved: stringValue(property(node, 'resolved')),
    name: stringValue(property(node, 'name')),
    version: stringValue(property(node, 'version')),
    integrity: stringValue(property(node, 'integrity')),
    license: stringValue(property(node, 'license')),
    inBundle: isTrue(property(node, 'inBundle')),
    dev: isTrue(property(node, 'dev')),
    optional: isTrue(property(node, 'optional')),
    devOptional: isTrue(property(node, 'devOptional')),
    peer: isTrue(property(node, 'peer')),
    dependencies: runtimeSections.flatMap((section) => declared(property(node, section))),
    devDependencies: declared(property(node, 'devDependencies')),
  };
}

/** The members of a JSON.parse document's section (json-value.ts), in file order. */
export function membersFromValue(document: JsonValueDocument): PackagesMember[] {
  return document.members.map(({ key, line }) => ({ key, line, entry: entryFromValue(document.section[key]) }));
}

/** The members of a tree's `packages` node, each with the line of its key. */
export function membersFromTree(packages: Node, line: (offset: number) => number): PackagesMember[] {
  return objectEntries(packages).map(({ key, value, offset }) => ({ key, line: line(offset), entry: entryFromNode(value) }));
}

function declared(node: Node | undefined): DeclaredSpecifier[] {
  return stringMap(node).map(({ name, spec }) => ({ name, spec }));
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Adds the members of a dependency map whose values are strings, in order. An indexed loop: this
 * runs for every dependency of every package, and before the engine optimizes it a for...of
 * allocates a result per step.
 */
function addStringMembers(members: DeclaredSpecifier[], value: unknown): void {
  if (!isJsonObject(value)) return;
  const names = Object.keys(value);
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index] ?? '';
    const spec = value[name];
    if (typeof spec === 'string') members.push({ name, spec });
  }
}
