import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poetryLowerBound } from './poetry-constraint.js';

describe('poetryLowerBound', () => {
  it('reads caret, tilde, bare, and PEP 440 lower bounds as written', () => {
    expect(poetryLowerBound('^1.2.3')).toBe('1.2.3');
    expect(poetryLowerBound('~1.2')).toBe('1.2');
    expect(poetryLowerBound('~=1.4.2')).toBe('1.4.2');
    expect(poetryLowerBound('2.0.0')).toBe('2.0.0');
    expect(poetryLowerBound('==2.0.0')).toBe('2.0.0');
    expect(poetryLowerBound('>= 1.2, < 2.0')).toBe('1.2');
    expect(poetryLowerBound('>=1.2 <2.0 >=1.5')).toBe('1.5');
  });

  it('takes the lowest bound of alternatives, and none when one alternative has none', () => {
    expect(poetryLowerBound('^1.2 || ^2.0')).toBe('1.2');
    expect(poetryLowerBound('>=3.0 | >=2.5,<2.9')).toBe('2.5');
    expect(poetryLowerBound('^2.0 || <1.0')).toBe('');
  });

  it('gives "" when there is no lower bound', () => {
    for (const constraint of ['', '*', '<2.0', '!=1.5', '>1.0', '1.*', '==1.2.*']) expect(poetryLowerBound(constraint), constraint).toBe('');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'^~=<>!|*., 0123abv'.split('')), maxLength: 40 }), (text) => typeof poetryLowerBound(text) === 'string'));
  });
});
