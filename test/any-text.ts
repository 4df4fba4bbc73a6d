/**
 * The property every extractor keeps (extractor.ts: it never throws on bad input), checked the
 * same way for each: any text over the characters and tokens its format gives meaning to yields
 * an extraction, with its problems, never an exception.
 */
import fc from 'fast-check';
import type { Extractor } from '../src/ecosystems/extractor.js';

export interface TextAlphabet {
  /** Single characters the format treats specially (quotes, brackets, separators, newlines). */
  readonly characters: string;
  /** Longer pieces worth combining (`<dependency>`, `[[package]]`), to reach deeper paths. */
  readonly tokens?: readonly string[];
}

export interface AnyTextOptions {
  /** The file's name (some extractors tell variants apart by it); `x` by default. */
  readonly path?: string;
  /** Written before each generated text, to get past a format's opening check (`{"bomFormat":"CycloneDX",`). */
  readonly prefix?: string;
  readonly maxLength?: number;
}

export function assertExtractsAnyText(extractor: Pick<Extractor, 'extract'>, alphabet: TextAlphabet, options: AnyTextOptions = {}): void {
  const unit = fc.constantFrom(...alphabet.characters.split(''), ...(alphabet.tokens ?? []));
  fc.assert(
    fc.property(fc.string({ unit, maxLength: options.maxLength ?? 300 }), (text) => {
      const result = extractor.extract({ path: options.path ?? 'x', text: `${options.prefix ?? ''}${text}`, readRelated: () => undefined });
      return Array.isArray(result.components) && Array.isArray(result.edges) && Array.isArray(result.problems);
    }),
  );
}
