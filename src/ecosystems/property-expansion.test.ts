import { describe, expect, it } from 'vitest';
import { propertyExpander } from './property-expansion.js';
import type { ReferenceSyntax } from './property-expansion.js';

const dollarBraces: ReferenceSyntax = { reference: /\$\{([^${}]+)\}/g, opening: '${', key: (written) => written.trim() };
const expanderOf = (properties: Record<string, string>) => propertyExpander(dollarBraces, (key) => properties[key]);

describe('propertyExpander', () => {
  it('expands references inside values, and returns text without references as it is', () => {
    const expand = expanderOf({ base: '1.2', full: '${base}.3' });
    expect(expand('v${ full }-${base}')).toBe('v1.2.3-1.2');
    expect(expand('plain')).toBe('plain');
  });

  it('leaves unknown names, cycles and references left over unresolved', () => {
    const expand = expanderOf({ a: '${b}', b: '${a}', x: '1' });
    expect(expand('${nowhere}')).toBeUndefined();
    expect(expand('${a}')).toBeUndefined();
    expect(expand('${${x}}')).toBeUndefined();
    expect(expand('${x')).toBeUndefined();
  });

  it('refuses an expansion past 4096 characters, and stays fast on a chain that doubles at every level', () => {
    const levels = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`p${index}`, `\${p${index + 1}}\${p${index + 1}}`]));
    const expand = expanderOf({ ...levels, p40: 'x' });
    expect(expand('${p0}')).toBeUndefined();
    expect(expand('${p30}')).toBe('x'.repeat(1024));
  });

  it('looks a written name up by its key', () => {
    const expand = propertyExpander({ reference: /\$\(\s*([A-Za-z_][\w.-]*)\s*\)/g, opening: '$(', key: (written) => written.toLowerCase() }, (key) => ({ version: '2.0' })[key]);
    expect(expand('$(Version)')).toBe('2.0');
    expect(expand('$([System.IO.Path]::Combine())')).toBeUndefined();
  });
});
