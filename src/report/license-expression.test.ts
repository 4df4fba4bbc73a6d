import { describe, expect, it } from 'vitest';
import { isListedLicenseId, normalizeLicenseExpression } from './license-expression.js';

const lenient = { allowLicenseRefs: true };
const strict = { allowLicenseRefs: false };

describe('normalizeLicenseExpression', () => {
  it.each([
    ['MIT', 'MIT'],
    ['mit', 'MIT'],
    ['apache-2.0 or mit', 'Apache-2.0 OR MIT'],
    ['  MIT   AND  ( ISC OR  0BSD )', 'MIT AND (ISC OR 0BSD)'],
    ['GPL-2.0-or-later WITH classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0'],
    ['LGPL-2.1+', 'LGPL-2.1+'],
    ['((MIT))', '((MIT))'],
    ['LicenseRef-Custom OR DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2', 'LicenseRef-Custom OR DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2'],
  ])('reads %j as %j', (text, expected) => {
    expect(normalizeLicenseExpression(text, lenient)).toBe(expected);
  });

  it.each([
    [''],
    ['Apache License, Version 2.0'],
    ['MIT AND'],
    ['(MIT'],
    ['MIT)'],
    ['MIT WITH'],
    ['(MIT) WITH Classpath-exception-2.0'],
    ['MIT OR OR ISC'],
    ['NOASSERTION'],
    ['Not-A-Licence+'],
  ])('rejects %j', (text) => {
    expect(normalizeLicenseExpression(text, lenient)).toBeUndefined();
  });

  it('rejects licence references when the document could not define them', () => {
    expect(normalizeLicenseExpression('MIT OR LicenseRef-Custom', strict)).toBeUndefined();
    expect(normalizeLicenseExpression('MIT OR ISC', strict)).toBe('MIT OR ISC');
  });

  it('rejects an expression longer than anyone writes', () => {
    expect(normalizeLicenseExpression(`${'MIT AND '.repeat(300)}MIT`, lenient)).toBeUndefined();
  });

  it('survives deep nesting', () => {
    expect(normalizeLicenseExpression(`${'('.repeat(200)}MIT${')'.repeat(200)}`, lenient)).toBe(`${'('.repeat(200)}MIT${')'.repeat(200)}`);
  });
});

describe('isListedLicenseId', () => {
  it('is true for one listed identifier only', () => {
    expect(isListedLicenseId('MIT')).toBe(true);
    expect(isListedLicenseId('MIT OR ISC')).toBe(false);
    expect(isListedLicenseId('MIT+')).toBe(false);
    // Deprecated identifiers such as LGPL-2.1+ are still on the list.
    expect(isListedLicenseId('LGPL-2.1+')).toBe(true);
    expect(isListedLicenseId('LicenseRef-X')).toBe(false);
  });
});
