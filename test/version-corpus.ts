/**
 * Reads the version-ordering corpus (shared/corpus/versions, see its README for the line
 * format): `A OP B` lines, where OP is `<`, `=` or `>`.
 */
import { readFileSync } from 'node:fs';
import type { Ordering } from '../src/model/index.js';

export interface VersionCase {
  readonly a: string;
  readonly b: string;
  readonly expected: Ordering;
  /** 1-based line number in the file. */
  readonly line: number;
}

const operators: Record<string, Ordering> = { '<': -1, '=': 0, '>': 1 };

export function readVersionCases(file: string): VersionCase[] {
  const cases: VersionCase[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, index) => {
    if (text === '' || text.startsWith('# ') || text.startsWith('// ')) return;
    const parts = text.split(' ');
    const [a, op, b] = parts;
    const expected = op === undefined ? undefined : operators[op];
    if (parts.length !== 3 || a === undefined || b === undefined || expected === undefined) {
      throw new Error(`${file}:${index + 1}: not an "A OP B" line: ${text}`);
    }
    cases.push({ a, b, expected, line: index + 1 });
  });
  return cases;
}
