import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { casePlatform } from '../../test/scorecard-file-platform.js';
import { describeShared } from '../../test/shared.js';
import { collectLicenses, evaluateLicense, license } from './license.js';
import { licenseFileName } from './license-file-name.js';
import { approvedLicense, licenseOfText } from './license-spdx.js';
import { memoryRepository } from './repository.js';
import { logCounts } from './scorecard-evaluation.js';

const compat = { scorecardCompat: true };
const run = (files: Record<string, string>, scorecardCompat = true) => license.run({ files: memoryRepository(files), scorecardCompat, now: new Date(0) });
const mitText = 'MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n';

describe('license file names (Scorecard TestLicenseFileCheck)', () => {
  it('finds top-level license files, folders and prefixed or suffixed identifiers', () => {
    for (const name of ['LICENSE', 'LICENCE.md', 'COPYING-MIT', 'MIT-LICENSE-MIT', 'GPL-2.0-LICENSE', 'LICENSES/Apache-2.0.txt', 'Licenses/GPL-3.0.md', 'UNLICENSE.md', 'PATENTS.txt', 'APACHE_LICENSETEXT.md', 'LPPL-1.3clicences', 'mit.2.0.0.LICENSE', 'LICENSE-binary', 'license-CC-BY-4.0.md']) {
      expect(licenseFileName(name), name).toBeDefined();
    }
  });

  it('rejects nested files, other names and unknown extensions', () => {
    for (const name of ['OFL', 'GPL-3.0', 'examples-trunk/LICENSE', '.licenserc.yaml', 'license.yaml', 'licenserc.yaml', 'LICENSE,', 'Artistic-1.0-Perl LICENSE', '.github/workflows/license.yml']) {
      expect(licenseFileName(name), name).toBeUndefined();
    }
  });

  it('reads the identifier from the name', () => {
    expect(licenseFileName('LICENSE-MIT')).toEqual({ path: 'LICENSE-MIT', spdxId: 'MIT' });
    expect(licenseFileName('LICENSES/Apache-2.0.txt')).toEqual({ path: 'LICENSES/Apache-2.0.txt', spdxId: 'Apache-2.0' });
    expect(licenseFileName('UNLICENSE')?.spdxId).toBe('UN');
    expect(approvedLicense('un')).toBe('Unlicense');
    expect(approvedLicense('mit')).toBe('MIT');
    expect(approvedLicense('binary')).toBeUndefined();
  });

  it('names the license of a text', () => {
    expect(licenseOfText(mitText)).toBe('MIT');
    expect(licenseOfText('// SPDX-License-Identifier: GPL-3.0-or-later\n')).toBe('GPL-3.0');
    expect(licenseOfText('                                 Apache License\n                           Version 2.0, January 2004\n')).toBe('Apache-2.0');
    expect(licenseOfText('Redistribution and use in source and binary forms, with or without\nmodification, are permitted ... Neither the name of')).toBe('BSD-3-Clause');
    expect(licenseOfText('All rights reserved.')).toBeUndefined();
  });
});

describe('License', () => {
  it('scores 10 for an approved identifier in the name', async () => {
    const result = await run({ 'LICENSE-MIT': 'x', 'README.md': '' });
    expect(result.score).toBe(10);
    expect(result.findings.map((finding) => finding.outcome)).toEqual(['pass', 'pass']);
  });

  it('scores 9 for a plain LICENSE in compat mode and says which name to use', async () => {
    const result = await run({ LICENSE: mitText });
    expect(result.score).toBe(9);
    expect(result.findings[1]?.remediation).toContain('rename the file to LICENSE-MIT');
  });

  it('reads the text without scorecardCompat, with a deviation', async () => {
    const result = await run({ LICENSE: mitText }, false);
    expect(result.score).toBe(10);
    expect(result.findings[1]?.deviation).toContain('from the file\'s text');
  });

  it('scores 0 with a remediation when there is no license file', async () => {
    const result = await run({ 'docs/LICENSE': mitText });
    expect(result.score).toBe(0);
    expect(result.findings[0]?.remediation).toContain('LICENSES/<SPDX-ID>.txt');
  });

  it('takes the platform\'s licenses when it has them', async () => {
    const licenses = await collectLicenses(memoryRepository({ LICENSE: '' }), { licenses: () => Promise.resolve([{ path: 'COPYING', spdxId: 'GPL-3.0' }]) }, compat);
    expect(licenses).toEqual([{ path: 'COPYING', spdxId: 'GPL-3.0', approved: 'GPL-3.0' }]);
    expect(evaluateLicense(await collectLicenses(memoryRepository({ LICENSE: '' }), { licenses: () => Promise.resolve([]) }, compat)).score).toBe(0);
  });
});

describeShared('License: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'License', 'filename-detection')) {
    it(`${testCase.id}: expected`, () => {
      const paths = Object.keys(testCase.layout);
      // Each path alone, as the only file of a repository.
      const detected = paths.filter((path) => licenseFileName(path) !== undefined);
      const expected = testCase.expected;
      if (expected['detected'] !== undefined) expect(detected).toEqual(expected['detected']);
      if (expected['notDetected'] !== undefined) expect(paths.filter((path) => !detected.includes(path))).toEqual(expected['notDetected']);
    });
  }
  for (const testCase of scorecardCases(corpus, 'License', 'check')) {
    it(`${testCase.id}: expected`, async () => {
      const evaluation = evaluateLicense(await collectLicenses(caseRepository(corpus, testCase), casePlatform(testCase.api), compat));
      expect({ score: evaluation.score, logCounts: logCounts(evaluation.entries) }).toEqual(testCase.expected);
    });
  }
});
