import { describe, expect, it } from 'vitest';
import type { Inventory } from '../model/index.js';
import { mergeInventories } from './merge.js';

const one = (root: string): Inventory => ({
  root,
  projects: [{ path: '.', files: ['Cargo.lock'] }],
  components: [{ name: 'serde', version: '1.0.0', ecosystem: 'crates.io', purl: 'pkg:cargo/serde@1.0.0', groups: [], location: { file: 'Cargo.lock', line: 3 } }],
  edges: [],
  errors: [{ file: 'Cargo.lock', line: 9, message: 'bad' }],
});

describe('mergeInventories', () => {
  it('returns a single inventory unchanged', () => {
    const single = one('a');
    expect(mergeInventories([single])).toBe(single);
  });

  it('puts each scanned path in front of its file names', () => {
    const merged = mergeInventories([one('a'), one('b/')]);
    expect(merged.root).toBe('a b/');
    expect(merged.projects).toEqual([
      { path: 'a', files: ['a/Cargo.lock'] },
      { path: 'b', files: ['b/Cargo.lock'] },
    ]);
    expect(merged.components.map((component) => component.location)).toEqual([
      { file: 'a/Cargo.lock', line: 3 },
      { file: 'b/Cargo.lock', line: 3 },
    ]);
    expect(merged.errors.map((error) => error.file)).toEqual(['a/Cargo.lock', 'b/Cargo.lock']);
  });
});
