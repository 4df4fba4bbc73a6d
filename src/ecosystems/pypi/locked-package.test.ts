import { describe, expect, it } from 'vitest';
import type { LockedPackage } from './locked-package.js';
import { commitOf, dependencyEdges, mergeLocked, pypiComponent } from './locked-package.js';

function locked(name: string, version: string, groups: readonly string[], dependencies: LockedPackage['dependencies'] = []): LockedPackage {
  const component = pypiComponent({ name, version, groups, scope: groups.length === 0 ? 'prod' : 'dev', location: { file: 'x.lock', line: 1 } });
  if (typeof component === 'string') throw new Error(component);
  return { component, dependencies };
}

describe('pypiComponent', () => {
  it('builds the normalized purl, or a message instead of throwing', () => {
    expect(pypiComponent({ name: 'Zope.Interface', version: '5.0', groups: [], location: { file: 'x' } })).toMatchObject({ ecosystem: 'PyPI', purl: 'pkg:pypi/zope.interface@5.0' });
    expect(typeof pypiComponent({ name: '', version: '1', groups: [], location: { file: 'x' } })).toBe('string');
  });
});

describe('mergeLocked', () => {
  it('merges by normalized name and version, production winning, else uniting groups', () => {
    const merged = mergeLocked([locked('Foo_Bar', '1.0', ['dev']), locked('foo-bar', '1.0', []), locked('baz', '2.0', ['dev']), locked('baz', '2.0', ['test'])]);
    expect(merged.map((entry) => [entry.component.name, entry.component.groups, entry.component.scope])).toEqual([
      ['Foo_Bar', [], 'prod'],
      ['baz', ['dev', 'test'], 'dev'],
    ]);
  });
});

describe('dependencyEdges', () => {
  it('picks among several locked versions by recorded version, else by specifier, else keeps them all', () => {
    const packages = [
      locked('app', '1.0', [], [{ name: 'lib', version: '2.0' }, { name: 'Other', specifier: '<2' }, { name: 'third', specifier: '*' }]),
      locked('lib', '1.0', []),
      locked('lib', '2.0', []),
      locked('other', '1.5', []),
      locked('other', '2.5', []),
      locked('third', '1', []),
      locked('third', '2', []),
    ];
    expect(dependencyEdges(packages).map((edge) => edge.to)).toEqual(['pkg:pypi/lib@2.0', 'pkg:pypi/other@1.5', 'pkg:pypi/third@1', 'pkg:pypi/third@2']);
  });
});

describe('commitOf', () => {
  it('keeps full object ids only', () => {
    expect(commitOf('cd66602cd29f61a2d2e7fb995fef1e61708c034d')).toBe('cd66602cd29f61a2d2e7fb995fef1e61708c034d');
    expect(commitOf('main')).toBeUndefined();
    expect(commitOf('cd66602')).toBeUndefined();
  });
});
