import { describe, expect, it } from 'vitest';
import type { Component, Inventory } from '../model/index.js';
import { dependencyPaths, parsePackageQuery } from './why.js';

function component(name: string, version: string, direct?: boolean): Component {
  return {
    name,
    version,
    ecosystem: 'npm',
    purl: `pkg:npm/${name}@${version}`,
    groups: [],
    location: { file: 'package-lock.json' },
    ...(direct === undefined ? {} : { direct }),
  };
}

const p = (name: string, version: string): string => `pkg:npm/${name}@${version}`;

const inventory: Inventory = {
  root: '.',
  projects: [{ path: '.', files: ['package-lock.json'] }],
  components: [component('app-a', '1.0.0', true), component('app-b', '2.0.0', true), component('mid', '1.0.0', false), component('leaf', '3.0.0', false), component('leaf', '4.0.0', false)],
  edges: [
    { from: p('app-a', '1.0.0'), to: p('mid', '1.0.0') },
    { from: p('app-b', '2.0.0'), to: p('mid', '1.0.0') },
    { from: p('mid', '1.0.0'), to: p('leaf', '3.0.0') },
    { from: p('app-b', '2.0.0'), to: p('leaf', '4.0.0') },
    // A cycle must not loop.
    { from: p('leaf', '3.0.0'), to: p('mid', '1.0.0') },
  ],
  errors: [],
};

describe('dependency paths (--why)', () => {
  it('reads NAME, NAME@VERSION and scoped npm names', () => {
    expect(parsePackageQuery('leaf')).toEqual({ name: 'leaf' });
    expect(parsePackageQuery('leaf@3.0.0')).toEqual({ name: 'leaf', version: '3.0.0' });
    expect(parsePackageQuery('@babel/core')).toEqual({ name: '@babel/core' });
    expect(parsePackageQuery('@babel/core@7.0.0')).toEqual({ name: '@babel/core', version: '7.0.0' });
  });

  it('lists every path from a direct dependency, shortest first, cutting cycles', () => {
    expect(dependencyPaths(inventory, { name: 'leaf' })).toEqual([
      [p('app-b', '2.0.0'), p('leaf', '4.0.0')],
      [p('app-a', '1.0.0'), p('mid', '1.0.0'), p('leaf', '3.0.0')],
      [p('app-b', '2.0.0'), p('mid', '1.0.0'), p('leaf', '3.0.0')],
    ]);
  });

  it('narrows to one version', () => {
    expect(dependencyPaths(inventory, { name: 'leaf', version: '4.0.0' })).toEqual([[p('app-b', '2.0.0'), p('leaf', '4.0.0')]]);
  });

  it('returns a direct dependency as its own path, and nothing for an unknown package', () => {
    expect(dependencyPaths(inventory, { name: 'app-a' })).toEqual([[p('app-a', '1.0.0')]]);
    expect(dependencyPaths(inventory, { name: 'nope' })).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(dependencyPaths(inventory, { name: 'leaf' }, 1)).toHaveLength(1);
  });
});
