/**
 * Fuzzing (risk Medium): whether the project is fuzzed. Scorecard's rules
 * (checks/raw/fuzzing.go): ClusterFuzzLite (a `.clusterfuzzlite/Dockerfile` with commands),
 * OSS-Fuzz (a project.yaml naming the repository in google/oss-fuzz, which needs the platform),
 * or fuzzers in the code of a prominent language (./fuzzing-detection.ts). Score: 10 when fuzzed,
 * 0 otherwise.
 *
 * Local mode: Scorecard asks the platform for the repository's languages and their sizes; a
 * folder cannot answer, so Trustline infers them from file extensions and sizes (what GitHub's
 * linguist does, roughly: vendored folders are left out) in both modes. Without
 * `scorecardCompat` it also recognises Hypothesis, Jazzer.js, proptest, jqwik, StreamData, PropEr
 * and cargo-fuzz projects, each with a deviation.
 */
import type { CheckFinding } from '../model/index.js';
import type { Check } from './check.js';
import { additionalFuzzers, fuzzerEvidence, type FuzzerEvidence, type LanguageFuzzer, prominentLanguages, scorecardFuzzers } from './fuzzing-detection.js';
import { fileCheckPlatform, type FileCheckPlatform } from './platform-data.js';
import type { RepositoryFiles } from './repository.js';
import { repositoryLanguages } from './repository-profile.js';
import { type Evaluation, logged, resultOf } from './scorecard-evaluation.js';

export interface Fuzzer {
  readonly name: string;
  readonly evidence: readonly FuzzerEvidence[];
  readonly deviation?: string;
}

export interface FuzzingData {
  readonly fuzzers: readonly Fuzzer[];
  /** The prominent languages judged. */
  readonly languages: readonly string[];
  /** Whether the languages came from file extensions rather than the platform. */
  readonly languagesInferred: boolean;
}

/** Scorecard's CheckFileContainsCommands: a line that is neither blank nor a `#` comment. */
function containsCommands(text: string): boolean {
  return text.split(/\r\n|\n|\r/).some((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

export async function collectFuzzing(files: RepositoryFiles, platform: FileCheckPlatform, options: { readonly scorecardCompat: boolean }): Promise<FuzzingData> {
  const fuzzers: Fuzzer[] = [];
  const dockerfile = '.clusterfuzzlite/Dockerfile';
  if (files.paths.includes(dockerfile) && containsCommands(files.readText(dockerfile) ?? '')) fuzzers.push({ name: 'ClusterFuzzLite', evidence: [{ path: dockerfile, line: 1, snippet: dockerfile }] });
  if (platform.isOssFuzzProject !== undefined && (await platform.isOssFuzzProject())) fuzzers.push({ name: 'OSSFuzz', evidence: [] });

  const languagesInferred = platform.languages === undefined;
  const languages = prominentLanguages(platform.languages === undefined ? repositoryLanguages(files) : await platform.languages());
  for (const language of languages) {
    const candidates: (LanguageFuzzer | undefined)[] = [scorecardFuzzers[language], options.scorecardCompat ? undefined : additionalFuzzers[language]];
    for (const fuzzer of candidates) {
      if (fuzzer === undefined) continue;
      const evidence = fuzzerEvidence(files, fuzzer);
      if (evidence.length > 0) fuzzers.push({ name: fuzzer.name, evidence, ...(fuzzer.deviation === undefined ? {} : { deviation: fuzzer.deviation }) });
    }
  }
  if (!options.scorecardCompat) fuzzers.push(...cargoFuzzProjects(files));
  return { fuzzers, languages, languagesInferred };
}

/** cargo-fuzz projects (`fuzz/Cargo.toml` with `cargo-fuzz = true`), whatever the language share. */
function cargoFuzzProjects(files: RepositoryFiles): Fuzzer[] {
  const evidence: FuzzerEvidence[] = [];
  for (const path of files.paths) {
    if (!/(^|\/)fuzz\/Cargo\.toml$/.test(path)) continue;
    const line = (files.readText(path) ?? '').split('\n').findIndex((text) => /^\s*cargo-fuzz\s*=\s*true/.test(text));
    if (line >= 0) evidence.push({ path, line: line + 1, snippet: 'cargo-fuzz = true' });
  }
  return evidence.length === 0 ? [] : [{ name: 'RustCargoFuzzProject', evidence, deviation: 'a cargo-fuzz project, which Scorecard only sees through libfuzzer_sys in Rust code of a prominent language' }];
}

/** Scorecard's evaluation: fuzzed or not. */
export function evaluateFuzzing(data: FuzzingData): Evaluation {
  if (data.fuzzers.length === 0) {
    const finding: CheckFinding = { outcome: 'fail', message: `project is not fuzzed${data.languages.length === 0 ? '' : ` (languages judged: ${data.languages.join(', ')}${data.languagesInferred ? ', inferred from file extensions' : ''})`}`, remediation: fuzzingRemediation(data.languages) };
    return { score: 0, reason: 'project is not fuzzed', entries: [logged(finding, 'warn')] };
  }
  const entries = data.fuzzers.map((fuzzer) => {
    const [first] = fuzzer.evidence;
    const more = fuzzer.evidence.length > 1 ? ` (and ${fuzzer.evidence.length - 1} more)` : '';
    const finding: CheckFinding = {
      outcome: 'pass',
      message: `project is fuzzed with ${fuzzer.name}${more}`,
      ...(first === undefined ? {} : { file: first.path, line: first.line, snippet: first.snippet }),
      ...(fuzzer.deviation === undefined ? {} : { deviation: fuzzer.deviation }),
    };
    return logged(finding, 'info');
  });
  return { score: 10, reason: 'project is fuzzed', entries };
}

const howTo: Readonly<Record<string, string>> = {
  go: 'Go: add `func FuzzXxx(f *testing.F)` fuzz tests in _test.go files (go test -fuzz).',
  python: 'Python: write Atheris fuzz targets (`import atheris`) and run them in CI.',
  javascript: 'JavaScript: add property-based tests with fast-check (`import fc from "fast-check"`).',
  typescript: 'TypeScript: add property-based tests with fast-check (`import fc from "fast-check"`).',
  rust: 'Rust: `cargo fuzz init` creates fuzz targets using libfuzzer_sys.',
  c: 'C: write libFuzzer targets (LLVMFuzzerTestOneInput).',
  'c++': 'C++: write libFuzzer targets (LLVMFuzzerTestOneInput).',
  java: 'Java: write Jazzer fuzz targets (com.code_intelligence.jazzer.api.FuzzedDataProvider).',
  swift: 'Swift: write libFuzzer targets (LLVMFuzzerTestOneInput).',
  haskell: 'Haskell: add QuickCheck, Hedgehog or SmallCheck properties.',
  elixir: 'Elixir: add PropCheck properties (`use PropCheck`).',
  'c#': 'C#: add FsCheck properties (`using FsCheck;`).',
  'f#': 'F#: add FsCheck properties (`open FsCheck`).',
  gleam: 'Gleam: add qcheck properties (`import qcheck`).',
};

function fuzzingRemediation(languages: readonly string[]): string {
  const steps = languages.flatMap((language) => howTo[language] ?? []);
  return [
    'Fuzz the code continuously:',
    ...steps.map((step) => `- ${step}`),
    '- Run the fuzzers on every pull request with ClusterFuzzLite (.clusterfuzzlite/Dockerfile, build.sh and a workflow using google/clusterfuzzlite/actions), or apply to OSS-Fuzz.',
  ].join('\n');
}

export const fuzzing: Check = {
  name: 'Fuzzing',
  risk: 'Medium',
  short: 'fuzzing: OSS-Fuzz, ClusterFuzzLite, or fuzz and property-based tests in the code',
  source: 'files',
  async run(context) {
    const data = await collectFuzzing(context.files, fileCheckPlatform(context), { scorecardCompat: context.scorecardCompat });
    return resultOf(fuzzing, evaluateFuzzing(data));
  },
};
