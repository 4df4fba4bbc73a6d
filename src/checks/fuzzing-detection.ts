/**
 * Fuzzers written in the code, per language (Scorecard's checks/raw/fuzzing.go,
 * languageFuzzSpecs): for each prominent language of the repository, the files its patterns
 * name whose lines match its fuzzer's pattern (Go native fuzz functions, libFuzzer entry points,
 * Atheris, cargo-fuzz, Jazzer, and property-based testing libraries).
 */
import { defaultMaxFileBytes, isTestDataPath, type RepositoryFiles } from './repository.js';

export interface LanguageFuzzer {
  /** Scorecard's fuzzer name (`GoBuiltInFuzzer`). */
  readonly name: string;
  /** File name suffixes (Scorecard's `*_test.go`-like patterns), compared ignoring case. */
  readonly suffixes: readonly string[];
  readonly pattern: RegExp;
  /** Set for fuzzers Scorecard does not recognise (used without `scorecardCompat`). */
  readonly deviation?: string;
}

const fastCheck = /(from\s+['"](fast-check|@fast-check\/(ava|jest|vitest))['"]|require\(\s*['"](fast-check|@fast-check\/(ava|jest|vitest))['"]\s*\))/;
const libFuzzer = /LLVMFuzzerTestOneInput/;

/** Scorecard's fuzzers by (lower-cased) language, as GitHub names languages. */
export const scorecardFuzzers: Readonly<Record<string, LanguageFuzzer>> = {
  go: { name: 'GoBuiltInFuzzer', suffixes: ['_test.go'], pattern: /func\s+Fuzz\w+\s*\(\w+\s+\*testing.F\)/ },
  haskell: { name: 'HaskellPropertyBasedTesting', suffixes: ['.hs', '.lhs'], pattern: /import\s+(qualified\s+)?Test\.((Hspec|Tasty)\.)?(QuickCheck|Hedgehog|Validity|SmallCheck)/ },
  javascript: { name: 'JavaScriptPropertyBasedTesting', suffixes: ['.js', '.jsx'], pattern: fastCheck },
  typescript: { name: 'TypeScriptPropertyBasedTesting', suffixes: ['.ts', '.tsx'], pattern: fastCheck },
  python: { name: 'PythonAtherisFuzzer', suffixes: ['.py'], pattern: /import atheris/ },
  c: { name: 'CLibFuzzer', suffixes: ['.c'], pattern: libFuzzer },
  'c++': { name: 'CppLibFuzzer', suffixes: ['.cc', '.cpp'], pattern: libFuzzer },
  rust: { name: 'RustCargoFuzzer', suffixes: ['.rs'], pattern: /libfuzzer_sys/ },
  java: { name: 'JavaJazzerFuzzer', suffixes: ['.java'], pattern: /com.code_intelligence.jazzer.api.FuzzedDataProvider;/ },
  swift: { name: 'SwiftLibFuzzer', suffixes: ['.swift'], pattern: libFuzzer },
  // Property-based testing in the languages the corpus (Scorecard's tests at its commit) covers.
  elixir: { name: 'ElixirPropertyBasedTesting', suffixes: ['.ex', '.exs'], pattern: /use\s+PropCheck\b/ },
  gleam: { name: 'GleamPropertyBasedTesting', suffixes: ['.gleam'], pattern: /import\s+qcheck\b/ },
  'c#': { name: 'CSharpPropertyBasedTesting', suffixes: ['.cs'], pattern: /using\s+FsCheck\b/ },
  'f#': { name: 'FSharpPropertyBasedTesting', suffixes: ['.fs'], pattern: /open\s+FsCheck\b/ },
};

const unseen = (what: string): string => `${what}, which Scorecard does not recognise`;

/** More fuzzers and property-based testing libraries, used without `scorecardCompat`. */
export const additionalFuzzers: Readonly<Record<string, LanguageFuzzer>> = {
  python: { name: 'PythonHypothesis', suffixes: ['.py'], pattern: /^\s*(from\s+hypothesis\s+import|import\s+hypothesis)\b/m, deviation: unseen('property-based testing with Hypothesis') },
  javascript: { name: 'JavaScriptJazzer', suffixes: ['.js', '.jsx', '.mjs', '.cjs'], pattern: /['"]@jazzer\.js\/(core|jest-runner)['"]/, deviation: unseen('fuzzing with Jazzer.js') },
  typescript: { name: 'TypeScriptJazzer', suffixes: ['.ts', '.tsx', '.mts', '.cts'], pattern: /['"]@jazzer\.js\/(core|jest-runner)['"]/, deviation: unseen('fuzzing with Jazzer.js') },
  rust: { name: 'RustPropertyBasedTesting', suffixes: ['.rs'], pattern: /\buse\s+(proptest|quickcheck|bolero)\b|\bproptest!\s*\{/, deviation: unseen('property-based testing with proptest, quickcheck or bolero') },
  java: { name: 'JavaPropertyBasedTesting', suffixes: ['.java'], pattern: /import\s+net\.jqwik\.api\.|com\.code_intelligence\.jazzer\.junit\.FuzzTest/, deviation: unseen('jqwik properties or Jazzer JUnit fuzz tests') },
  elixir: { name: 'ElixirStreamData', suffixes: ['.ex', '.exs'], pattern: /use\s+ExUnitProperties\b/, deviation: unseen('property-based testing with StreamData') },
  erlang: { name: 'ErlangPropEr', suffixes: ['.erl'], pattern: /-include_lib\("proper\/include\/proper\.hrl"\)/, deviation: unseen('property-based testing with PropEr') },
};

export interface FuzzerEvidence {
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
}

const decoder = new TextDecoder();

/** Evidence kept per fuzzer: enough to show, and the scan of a language stops there. */
const maxEvidence = 10;

/** The lines of the language's files that show the fuzzer (Scorecard splits on `\n` and matches each line). */
export function fuzzerEvidence(files: RepositoryFiles, fuzzer: LanguageFuzzer): FuzzerEvidence[] {
  const evidence: FuzzerEvidence[] = [];
  for (const path of files.paths) {
    const lower = path.toLowerCase();
    if (!fuzzer.suffixes.some((suffix) => lower.endsWith(suffix)) || isTestDataPath(path)) continue;
    // Source files are read once, by this check only: a bounded head, not the cached readText,
    // so a large repository's sources are not all kept in memory.
    const bytes = files.readHead(path, defaultMaxFileBytes);
    const text = bytes === undefined ? undefined : decoder.decode(bytes);
    // A line's match is a match in the whole text: test that first, split only files that match.
    if (text === undefined || !fuzzer.pattern.test(text)) continue;
    text.split('\n').forEach((line, index) => {
      const found = fuzzer.pattern.exec(line)?.[0];
      if (found !== undefined && evidence.length < maxEvidence) evidence.push({ path, line: index + 1, snippet: found });
    });
    if (evidence.length >= maxEvidence) break;
  }
  return evidence;
}

/**
 * Scorecard's prominent languages: those with at least a quarter of the average size (Go's
 * integer division), duplicates merged, names lower-cased.
 */
export function prominentLanguages(languages: readonly { readonly name: string; readonly lines: number }[]): string[] {
  if (languages.length === 0) return [];
  const sizes = new Map<string, number>();
  let total = 0;
  for (const language of languages) {
    total += language.lines;
    sizes.set(language.name, (sizes.get(language.name) ?? 0) + language.lines);
  }
  const threshold = Math.floor(Math.floor(total / languages.length) / 4);
  return [...sizes].filter(([, lines]) => lines >= threshold).map(([name]) => name.toLowerCase());
}
