/**
 * Runs the lockfile corpus (shared/corpus/lockfiles, see its README) through an extractor and
 * lists every difference from the expected packages, one line each.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import type { Extractor, SourceFile } from '../src/ecosystems/extractor.js';
import type { Component } from '../src/model/index.js';
import { isDeepStrictEqual } from 'node:util';

export interface ExpectedPackage {
  readonly name: string;
  readonly version: string;
  readonly ecosystem: string;
  readonly groups?: readonly string[];
  readonly commit?: string;
  readonly line?: number;
  readonly locationFile?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface ExpectedError {
  readonly error: true;
  readonly errorContains: readonly string[];
  readonly packages?: readonly ExpectedPackage[];
}

export interface LockfileCase {
  readonly id: string;
  readonly format: string;
  readonly formatVersion?: string;
  readonly file: string;
  readonly related?: readonly string[];
  readonly expected: readonly ExpectedPackage[] | ExpectedError;
  readonly ordered?: boolean;
  readonly note?: string;
}

export function readLockfileCases(corpusDir: string): LockfileCase[] {
  return JSON.parse(readFileSync(join(corpusDir, 'cases.json'), 'utf8')) as LockfileCase[];
}

/** A SourceFile read from the corpus folder; related files resolve beside it and never leave the folder. */
export function corpusSourceFile(corpusDir: string, path: string): SourceFile {
  const full = join(corpusDir, path);
  return {
    path,
    text: readFileSync(full, 'utf8'),
    readRelated(relativePath) {
      const target = normalize(join(dirname(path), relativePath));
      if (target.startsWith('..') || target.startsWith(sep)) return undefined;
      const absolute = join(corpusDir, target);
      if (!existsSync(absolute) || !statSync(absolute).isFile()) return undefined;
      return corpusSourceFile(corpusDir, relative(corpusDir, absolute).split(sep).join('/'));
    },
  };
}

const key = (item: { name: string; version: string; ecosystem: string; commit?: string | undefined }): string =>
  `${item.ecosystem}|${item.name}|${item.version}|${item.commit ?? ''}`;

/** Every difference between what the extractor returned for a case and what the case expects. */
export function lockfileCaseFailures(corpusDir: string, testCase: LockfileCase, extractor: Extractor): string[] {
  const extraction = extractor.extract(corpusSourceFile(corpusDir, testCase.file));
  const failures: string[] = [];
  const expectedError = !Array.isArray(testCase.expected) ? (testCase.expected as ExpectedError) : undefined;
  const expectedPackages: readonly ExpectedPackage[] = expectedError === undefined ? (testCase.expected as readonly ExpectedPackage[]) : (expectedError.packages ?? []);

  if (expectedError !== undefined && extraction.problems.length === 0) failures.push('expected a problem (the parse must fail), got none');
  if (expectedError === undefined && extraction.problems.length > 0) {
    failures.push(`unexpected problems: ${extraction.problems.map((problem) => `${problem.line ?? '-'}: ${problem.message}`).join('; ')}`);
  }
  for (const problem of extraction.problems) {
    if (problem.file !== testCase.file && !(testCase.related ?? []).includes(problem.file)) failures.push(`problem names file ${problem.file}, not ${testCase.file}`);
  }
  if (expectedError !== undefined && expectedError.packages === undefined) return failures;

  const actualKeys = extraction.components.map(key);
  const expectedKeys = expectedPackages.map(key);
  if (testCase.ordered === true) {
    if (!isDeepStrictEqual(actualKeys, expectedKeys)) failures.push(`order: expected ${expectedKeys.join(', ')}; got ${actualKeys.join(', ')}`);
  }
  const remaining = [...extraction.components];
  for (const expected of expectedPackages) {
    const index = remaining.findIndex((component) => key(component) === key(expected));
    if (index === -1) {
      failures.push(`missing ${key(expected)}`);
      continue;
    }
    const [actual] = remaining.splice(index, 1) as [Component];
    failures.push(...detailFailures(expected, actual));
  }
  for (const extra of remaining) failures.push(`unexpected ${key(extra)}`);
  return failures;
}

function detailFailures(expected: ExpectedPackage, actual: Component): string[] {
  const failures: string[] = [];
  const label = key(expected);
  if (expected.groups !== undefined) {
    const want = [...expected.groups].sort();
    const got = [...actual.groups].sort();
    if (!isDeepStrictEqual(want, got)) failures.push(`${label}: groups ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  if (expected.line !== undefined && actual.location.line !== expected.line) {
    failures.push(`${label}: line ${expected.line}, got ${actual.location.line ?? 'none'}`);
  }
  if (expected.locationFile !== undefined && actual.location.file !== expected.locationFile) {
    failures.push(`${label}: location file ${expected.locationFile}, got ${actual.location.file}`);
  }
  for (const [name, value] of Object.entries(expected.meta ?? {})) {
    if (!isDeepStrictEqual(actual.meta?.[name], value)) failures.push(`${label}: meta.${name} ${JSON.stringify(value)}, got ${JSON.stringify(actual.meta?.[name])}`);
  }
  return failures;
}
