import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { casePlatform } from '../../test/scorecard-file-platform.js';
import { describeShared } from '../../test/shared.js';
import { collectFuzzing, fuzzing } from './fuzzing.js';
import { prominentLanguages } from './fuzzing-detection.js';
import { memoryRepository } from './repository.js';

const compat = { scorecardCompat: true };
const run = (files: Record<string, string>, scorecardCompat = true) => fuzzing.run({ files: memoryRepository(files), scorecardCompat, now: new Date(0) });
const goFuzz = 'package x\n\nimport "testing"\n\nfunc FuzzParse(f *testing.F) {\n\tf.Fuzz(func(t *testing.T, s string) {})\n}\n';

describe('prominent languages', () => {
  it('keeps languages with a quarter of the average size, as Scorecard', () => {
    // Average 100, threshold 25.
    expect(prominentLanguages([{ name: 'Go', lines: 270 }, { name: 'Shell', lines: 25 }, { name: 'Makefile', lines: 5 }])).toEqual(['go', 'shell']);
    expect(prominentLanguages([])).toEqual([]);
  });
});

describe('Fuzzing', () => {
  it('finds Go native fuzz functions, with the line', async () => {
    const result = await run({ 'parse_test.go': goFuzz, 'parse.go': 'package x\n' });
    expect(result.score).toBe(10);
    expect(result.findings[0]).toMatchObject({ outcome: 'pass', file: 'parse_test.go', line: 5, snippet: 'func FuzzParse(f *testing.F)' });
  });

  it('finds ClusterFuzzLite only with commands in its Dockerfile', async () => {
    expect((await run({ '.clusterfuzzlite/Dockerfile': '# nothing yet\n' })).score).toBe(0);
    expect((await run({ '.clusterfuzzlite/Dockerfile': 'FROM gcr.io/oss-fuzz-base/base-builder\n' })).score).toBe(10);
  });

  it('ignores a fuzzer in a language that is not prominent', async () => {
    const result = await run({ 'main.go': 'x'.repeat(10_000), 'tools/prop.test.js': "const fc = require('fast-check');" });
    expect(result.score).toBe(0);
    expect(result.findings[0]?.message).toContain('languages judged: go, inferred from file extensions');
    expect(result.findings[0]?.remediation).toContain('func FuzzXxx(f *testing.F)');
  });

  it('recognises Hypothesis and cargo-fuzz projects only without scorecardCompat', async () => {
    const files = { 'tests/test_props.py': 'from hypothesis import given\n', 'fuzz/Cargo.toml': '[package.metadata]\ncargo-fuzz = true\n' };
    expect((await run(files)).score).toBe(0);
    const result = await run(files, false);
    expect(result.score).toBe(10);
    expect(result.findings.map((finding) => [finding.file, finding.line])).toEqual([
      ['tests/test_props.py', 1],
      ['fuzz/Cargo.toml', 2],
    ]);
    expect(result.findings.every((finding) => finding.deviation !== undefined)).toBe(true);
  });

  it('uses the platform\'s languages and OSS-Fuzz when it has them', async () => {
    const data = await collectFuzzing(memoryRepository({ 'a_test.go': goFuzz }), { languages: () => Promise.resolve([{ name: 'Python', lines: 100 }]), isOssFuzzProject: () => Promise.resolve(true) }, compat);
    expect(data.fuzzers.map((fuzzer) => fuzzer.name)).toEqual(['OSSFuzz']);
    expect(data.languagesInferred).toBe(false);
  });
});

describeShared('Fuzzing: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'Fuzzing', 'fuzz-function-detection')) {
    it(`${testCase.id}: expected`, async () => {
      const data = await collectFuzzing(caseRepository(corpus, testCase), casePlatform(testCase.api), compat);
      expect({ fuzzerDetected: data.fuzzers.length > 0 }).toEqual(testCase.expected);
    });
  }
});
