import { describe, expect, it } from 'vitest';
import type { TextAlphabet, AnyTextOptions } from './any-text.js';
import { assertExtractsAnyText } from './any-text.js';

const empty = { components: [], edges: [], problems: [] };

/** An extractor that throws on texts holding `needle`. */
function throwsOn(needle: string) {
  return {
    extract: ({ text }: { text: string }) => {
      if (text.includes(needle)) throw new Error(`cannot read ${needle}`);
      return empty;
    },
  };
}

/** The extractor's error behind the assertion's failure (fast-check reports it as the cause), or `passed`. */
function failure(needle: string, alphabet: TextAlphabet, options?: AnyTextOptions): string {
  try {
    assertExtractsAnyText(throwsOn(needle), alphabet, options);
  } catch (error) {
    return String((error as Error).cause);
  }
  return 'passed';
}

describe('assertExtractsAnyText', () => {
  it('passes an extractor that reads any text', () => {
    expect(failure('never there', { characters: '{}' })).toBe('passed');
  });

  it('fails an extractor that throws on some text, with the characters, the tokens or the prefix', () => {
    expect(failure('}', { characters: '{}' })).toBe('Error: cannot read }');
    expect(failure('<project>', { characters: 'a', tokens: ['<project>'] })).toBe('Error: cannot read <project>');
    expect(failure('BOM', { characters: 'a' }, { prefix: 'BOM' })).toBe('Error: cannot read BOM');
  });
});
