/**
 * The Scorecard conformance corpus (shared/corpus/scorecard, see its README): its cases, and the
 * repository each case describes, built in memory from `layout` and `inlineFiles` (the corpus
 * folder itself must never be checked: Scorecard skips `testdata/` paths).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryRepository } from '../src/checks/repository.js';
import type { RepositoryFiles } from '../src/checks/repository.js';

export interface ScorecardCase {
  readonly id: string;
  readonly check: string;
  readonly scope: string;
  readonly files: readonly string[];
  readonly layout: Readonly<Record<string, string | null>>;
  readonly inlineFiles?: Readonly<Record<string, string>>;
  readonly api?: unknown;
  readonly input?: unknown;
  readonly expected: Readonly<Record<string, unknown>>;
  readonly derived?: Readonly<Record<string, unknown>>;
  readonly networkDependent?: Readonly<Record<string, unknown>>;
  readonly note?: string;
  readonly source: readonly { readonly file: string; readonly test: string }[];
}

export function readScorecardCases(corpusDir: string): ScorecardCase[] {
  return JSON.parse(readFileSync(join(corpusDir, 'cases.json'), 'utf8')) as ScorecardCase[];
}

/** The cases of one check, optionally of one scope. */
export function scorecardCases(corpusDir: string, check: string, scope?: string): ScorecardCase[] {
  return readScorecardCases(corpusDir).filter((testCase) => testCase.check === check && (scope === undefined || testCase.scope === scope));
}

/** The repository a case describes: file bytes as stored in the corpus; `null` is an empty file. */
export function caseRepository(corpusDir: string, testCase: ScorecardCase): RepositoryFiles {
  const files: Record<string, Uint8Array | string | null> = {};
  for (const [path, source] of Object.entries(testCase.layout)) files[path] = source === null ? null : new Uint8Array(readFileSync(join(corpusDir, source)));
  for (const [path, text] of Object.entries(testCase.inlineFiles ?? {})) files[path] = text;
  return memoryRepository(files);
}

/** A corpus file's text (e.g. an expected patched workflow). */
export function corpusText(corpusDir: string, path: string): string {
  return readFileSync(join(corpusDir, path), 'utf8');
}
