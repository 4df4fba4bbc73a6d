import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { property, readJsonObject } from '../json-tree.js';
import { readJsonSection } from '../json-value.js';
import { membersFromTree, membersFromValue } from './package-lock-entry.js';

/** A JSON value whose objects are lists of members, so that a key may repeat as it can in a file. */
type Written = null | boolean | number | string | readonly Written[] | { readonly members: readonly (readonly [string, Written])[] };

const keyChars = ['a', 'b', '1', '0', '@', '/', '"', '\\', 'é', ' '];
const names = fc.oneof(fc.constantFrom('a', 'b', '@s/c', 'node_modules', '1', '0', '01', '4294967295', '__proto__', 'constructor', 'a"b', 'a\\b'), fc.string({ unit: fc.constantFrom(...keyChars), maxLength: 4 }));
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constantFrom('1.0.0', 'file:x', 'packages/lib', 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', 'sha512-aa', ''));
const dependencyMap = fc.array(fc.tuple(names, fc.oneof(fc.constantFrom('^1.0.0', 'file:packages/lib', '*'), scalar)), { maxLength: 4 }).map((members) => ({ members }));
const field = fc.oneof(
  fc.tuple(fc.constantFrom('version', 'resolved', 'integrity', 'name'), scalar),
  fc.tuple(fc.constantFrom('link', 'dev', 'optional', 'devOptional', 'peer', 'inBundle'), fc.oneof(fc.boolean(), scalar)),
  fc.tuple(fc.constantFrom('dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'), fc.oneof(dependencyMap, scalar)),
  fc.tuple(fc.constantFrom('engines', 'funding', 'bin'), fc.oneof(dependencyMap, fc.array(dependencyMap, { maxLength: 2 }))),
);
const entry: fc.Arbitrary<Written> = fc.oneof({ weight: 5, arbitrary: fc.array(field, { maxLength: 6 }).map((members) => ({ members })) }, { weight: 1, arbitrary: fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })) });
const installPath = fc.oneof(fc.constantFrom('', 'node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/@s/c', 'packages/lib', '1', '__proto__'), names.map((name) => `node_modules/${name}`));
const packages = fc.array(fc.tuple(installPath, entry), { maxLength: 6 }).map((members) => ({ members }));
const lockfile = fc
  .tuple(packages, fc.array(fc.tuple(fc.constantFrom('name', 'lockfileVersion', 'requires', 'dependencies', 'packages', '2'), fc.oneof(scalar, dependencyMap)), { maxLength: 2 }), fc.nat(3))
  .map(([section, others, at]): Written => {
    const members: (readonly [string, Written])[] = [...others];
    members.splice(Math.min(at, members.length), 0, ['packages', section]);
    return { members };
  });

/** Writes a value with the given layout: one member per line or all on one line, and keys with escapes or not. */
function write(value: Written, layout: { readonly newlines: boolean; readonly escapeKeys: boolean }, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const indent = layout.newlines ? `\n${'  '.repeat(depth + 1)}` : ' ';
  const close = layout.newlines ? `\n${'  '.repeat(depth)}` : '';
  if (Array.isArray(value)) return `[${(value as readonly Written[]).map((item) => indent + write(item, layout, depth + 1)).join(',')}${close}]`;
  const { members } = value as { readonly members: readonly (readonly [string, Written])[] };
  const key = (text: string): string => (layout.escapeKeys ? `"${text.replace(/[\s\S]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"` : JSON.stringify(text));
  return `{${members.map(([name, member]) => `${indent}${key(name)}: ${write(member, layout, depth + 1)}`).join(',')}${close}}`;
}

/** Whether the value repeats a key in some object or has an integer-like key: the cases left to the tree. */
function needsTree(value: Written): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return (value as readonly Written[]).some(needsTree);
  const { members } = value as { readonly members: readonly (readonly [string, Written])[] };
  const keys = members.map(([name]) => name);
  return new Set(keys).size !== keys.length || keys.some((name) => /^(?:0|[1-9]\d*)$/.test(name) && Number(name) < 2 ** 32 - 1) || members.some(([, member]) => needsTree(member));
}

describe('package-lock.json members', () => {
  it('read through JSON.parse are exactly those of the tree, and JSON.parse is used unless a key repeats or is integer-like', () => {
    fc.assert(
      fc.property(lockfile, fc.boolean(), fc.boolean(), (value, newlines, escapeKeys) => {
        const text = write(value, { newlines, escapeKeys });
        const native = readJsonSection(text, { section: 'packages', maxDepth: 512 });
        const tree = readJsonObject(text, { label: 'package-lock.json', jsonc: false, maxDepth: 512 });
        if ('problem' in tree) throw new Error(`generated text does not parse: ${text}`);
        const packages = property(tree.root, 'packages');
        expect(native === undefined).toBe(needsTree(value) || packages?.type !== 'object');
        if (native !== undefined && packages !== undefined) expect(membersFromValue(native)).toEqual(membersFromTree(packages, tree.line));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves invalid JSON and nesting beyond the bound to the tree, which reports them', () => {
    expect(readJsonSection('{"packages": {"a": 1,}}', { section: 'packages', maxDepth: 512 })).toBeUndefined();
    expect(readJsonSection('{"packages": {"a": [[[]]]}}', { section: 'packages', maxDepth: 4 })).toBeUndefined();
    expect(readJsonSection('{"packages": {"a": [[]]}}', { section: 'packages', maxDepth: 4 })?.members).toEqual([{ key: 'a', line: 1 }]);
    expect(readJsonSection('\uFEFF{"packages": {}}', { section: 'packages', maxDepth: 4 })?.members).toEqual([]);
  });
});
