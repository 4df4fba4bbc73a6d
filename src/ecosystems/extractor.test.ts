import { describe, expect, it } from 'vitest';
import type { Extractor, InputFormat } from './extractor.js';
import { lazyExtractor } from './extractor.js';

const format: InputFormat = { format: 'demo-lock', ecosystem: 'npm', matches: (path) => path === 'demo.lock', definition: { short: 'demo.lock', fileNames: ['demo.lock'] } };
const extractor: Extractor = { ...format, extract: () => ({ components: [], edges: [], problems: [] }) };

describe('lazyExtractor', () => {
  it('knows the format without importing its parser, and imports it once however often and concurrently it is loaded', async () => {
    let imports = 0;
    const lazy = lazyExtractor(format, () => {
      imports += 1;
      return Promise.resolve(extractor);
    });
    expect([lazy.format, lazy.ecosystem, lazy.matches('demo.lock'), lazy.definition]).toEqual(['demo-lock', 'npm', true, format.definition]);
    expect(imports).toBe(0);
    const loaded = await Promise.all([lazy.load(), lazy.load()]);
    expect(await lazy.load()).toBe(extractor);
    expect(loaded).toEqual([extractor, extractor]);
    expect(imports).toBe(1);
  });
});
