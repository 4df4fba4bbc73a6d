import { describe, expect, it } from 'vitest';
import { pep440LowerBound } from './specifiers.js';

// satisfiesPep440 is tested through the ecosystem in index.test.ts.
describe('pep440LowerBound', () => {
  it('gives the highest >=, ~=, == or === version as written', () => {
    expect(pep440LowerBound('>=1.2,<2')).toBe('1.2');
    expect(pep440LowerBound('~= 1.4.2')).toBe('1.4.2');
    expect(pep440LowerBound('==2.0.0')).toBe('2.0.0');
    expect(pep440LowerBound('>=1.0, >=1.10, !=1.11')).toBe('1.10');
    expect(pep440LowerBound('===foo')).toBe('foo');
  });

  it('gives "" when the set has no lower bound', () => {
    for (const range of ['', '<2', '!=1.3', '>1', '==1.*', '<=3']) expect(pep440LowerBound(range), range).toBe('');
  });

  it('throws invalid-range for a specifier PEP 440 does not allow', () => {
    expect(() => pep440LowerBound('>=1.0.*')).toThrow(expect.objectContaining({ code: 'invalid-range' }));
    expect(() => pep440LowerBound('^1.2')).toThrow(expect.objectContaining({ code: 'invalid-range' }));
  });
});
