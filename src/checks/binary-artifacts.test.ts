import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { casePlatform } from '../../test/scorecard-file-platform.js';
import { describeShared } from '../../test/shared.js';
import { binaryArtifacts, collectBinaryArtifacts, evaluateBinaryArtifacts } from './binary-artifacts.js';
import { binaryContentType, looksLikeText } from './binary-content.js';
import { memoryRepository } from './repository.js';
import { logCounts } from './scorecard-evaluation.js';

const elf = new Uint8Array(64);
elf.set([0x7f, 0x45, 0x4c, 0x46]);
const compat = { scorecardCompat: true };
const context = (files: ReturnType<typeof memoryRepository>, scorecardCompat = true) => ({ files, scorecardCompat, now: new Date(0) });

const validationWorkflow = ['name: wrapper', 'on: [push]', 'jobs:', '  validate:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - uses: gradle/actions/wrapper-validation@v4', ''].join('\n');

describe('binary content', () => {
  it('recognises magic numbers with their length conditions', () => {
    expect(binaryContentType(elf)).toBe('elf');
    expect(binaryContentType(elf.subarray(0, 52))).toBeUndefined();
    expect(binaryContentType(new Uint8Array([0x4d, 0x5a]))).toBe('exe');
    expect(binaryContentType(new Uint8Array([0xca, 0xfe, 0xba, 0xbe]))).toBe('macho');
    expect(binaryContentType(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))).toBe('wasm');
    expect(binaryContentType(new TextEncoder().encode('#!/bin/sh\necho hi\n'))).toBeUndefined();
  });

  it('finds an ISO image by the signature 32 KiB in', () => {
    const iso = new Uint8Array(40000);
    iso.set([0x43, 0x44, 0x30, 0x30, 0x31], 32769);
    expect(binaryContentType(iso)).toBe('iso');
  });

  it('treats printable text, tabs and line breaks as text, control bytes not', () => {
    expect(looksLikeText(new TextEncoder().encode('a\tb\r\nc é ✓'))).toBe(true);
    expect(looksLikeText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
    // Invalid UTF-8 reads as U+FFFD, which Go counts as printable.
    expect(looksLikeText(new Uint8Array([0x61, 0xff]))).toBe(true);
  });
});

describe('Binary-Artifacts', () => {
  it('scores 10 minus one per binary, with the file and a remediation', async () => {
    const files = memoryRepository({ 'bin/tool': elf, 'lib/x.so': new Uint8Array([0x01, 0x02, 0x00]), 'notes.so': 'plain text', 'testdata/fixture.exe': 'MZ', 'src/test/x.dll': 'MZ' });
    const result = await binaryArtifacts.run(context(files));
    expect(result.score).toBe(8);
    expect(result.findings.map((finding) => [finding.file, finding.outcome])).toEqual([
      ['bin/tool', 'fail'],
      ['lib/x.so', 'fail'],
    ]);
    expect(result.findings[0]?.message).toContain('ELF');
    expect(result.findings[0]?.remediation).toContain('build it from source');
  });

  it('never goes below 0', async () => {
    const files = memoryRepository(Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`b${index}.exe`, 'MZ'])));
    expect((await binaryArtifacts.run(context(files))).score).toBe(0);
  });

  it('reads upper-case extensions only without scorecardCompat, saying so', async () => {
    const files = memoryRepository({ 'X.DLL': new Uint8Array([0x01, 0x00]) });
    expect((await binaryArtifacts.run(context(files))).score).toBe(10);
    const result = await binaryArtifacts.run(context(files, false));
    expect(result.score).toBe(9);
    expect(result.findings[0]?.deviation).toContain('case-sensitively');
  });

  it('counts a Gradle wrapper as unverified locally in compat mode, and verified by its workflow otherwise', async () => {
    const files = memoryRepository({ 'gradle/wrapper/gradle-wrapper.jar': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]), '.github/workflows/wrapper.yml': validationWorkflow });
    const strict = await binaryArtifacts.run(context(files));
    expect(strict.score).toBe(9);
    expect(strict.findings[0]?.message).toContain('cannot be listed without the GitHub API');
    const improved = await binaryArtifacts.run(context(files, false));
    expect(improved.score).toBe(10);
    expect(improved.findings[0]).toMatchObject({ outcome: 'pass', snippet: '.github/workflows/wrapper.yml:8' });
    expect(improved.findings[0]?.deviation).toContain('successful run');
  });

  it('verifies a Gradle wrapper with a successful run on the latest commit', async () => {
    const files = memoryRepository({ 'gradle-wrapper.jar': new Uint8Array([0x50, 0x4b, 0x00]), '.github/workflows/wrapper.yml': validationWorkflow });
    const verified = await collectBinaryArtifacts(files, { successfulWorkflowRuns: () => Promise.resolve(['head']), recentCommits: () => Promise.resolve(['head', 'old']) }, compat);
    expect(verified[0]?.gradleWrapper?.verified).toBe(true);
    const stale = await collectBinaryArtifacts(files, { successfulWorkflowRuns: () => Promise.resolve(['old']), recentCommits: () => Promise.resolve(['head', 'old']) }, compat);
    expect(evaluateBinaryArtifacts(stale).score).toBe(9);
  });

  it('ignores validation actions older than v1', async () => {
    const files = memoryRepository({ 'gradle-wrapper.jar': new Uint8Array([0x50, 0x4b, 0x00]), '.github/workflows/wrapper.yml': validationWorkflow.replace('gradle/actions/wrapper-validation@v4', 'gradle/wrapper-validation-action@v0.9') });
    const artifacts = await collectBinaryArtifacts(files, {}, { scorecardCompat: false });
    expect(artifacts[0]?.gradleWrapper?.verified).toBe(false);
  });
});

describeShared('Binary-Artifacts: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'Binary-Artifacts', 'raw')) {
    it(`${testCase.id}: expected`, async () => {
      const artifacts = await collectBinaryArtifacts(caseRepository(corpus, testCase), casePlatform(testCase.api), compat);
      expect(artifacts.length).toBe(testCase.expected['binaryFiles']);
    });
    if (testCase.derived !== undefined) {
      it(`${testCase.id}: derived`, async () => {
        const artifacts = await collectBinaryArtifacts(caseRepository(corpus, testCase), casePlatform(testCase.api), compat);
        const unverified = artifacts.filter((artifact) => artifact.gradleWrapper?.verified !== true).length;
        expect({ gradleWrapperVerified: artifacts.some((artifact) => artifact.gradleWrapper?.verified === true), unverifiedBinaryFiles: unverified }).toEqual(testCase.derived);
      });
    }
  }
  for (const testCase of scorecardCases(corpus, 'Binary-Artifacts', 'check')) {
    it(`${testCase.id}: expected`, async () => {
      const evaluation = evaluateBinaryArtifacts(await collectBinaryArtifacts(caseRepository(corpus, testCase), casePlatform(testCase.api), compat));
      expect({ score: evaluation.score, logCounts: logCounts(evaluation.entries) }).toEqual(testCase.expected);
    });
  }
});
