/**
 * SPDX identifiers for the License check: the FSF- or OSI-approved ones (Scorecard's list, from
 * spdx.org/licenses with `-only` and `-or-later` folded in; checks/raw/license.go), and a small
 * reader that names the license a file's text carries, for the cases Scorecard can only see
 * through GitHub's license API.
 */

const approved = [
  '0BSD', 'AAL', 'AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0', 'AGPL-3.0', 'APL-1.0', 'APSL-1.0', 'APSL-1.1', 'APSL-1.2', 'APSL-2.0',
  'Apache-1.0', 'Apache-1.1', 'Apache-2.0', 'Artistic-1.0', 'Artistic-1.0-Perl', 'Artistic-1.0-cl8', 'Artistic-2.0', 'BSD-1-Clause', 'BSD-2-Clause',
  'BSD-2-Clause-Patent', 'BSD-3-Clause', 'BSD-3-Clause-Clear', 'BSD-3-Clause-LBNL', 'BSD-4-Clause', 'BSL-1.0', 'BitTorrent-1.1', 'CAL-1.0',
  'CAL-1.0-Combined-Work-Exception', 'CATOSL-1.1', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0', 'CECILL-2.0', 'CECILL-2.1', 'CECILL-B',
  'CECILL-C', 'CERN-OHL-P-2.0', 'CERN-OHL-S-2.0', 'CERN-OHL-W-2.0', 'CNRI-Python', 'CPAL-1.0', 'CPL-1.0', 'CUA-OPL-1.0', 'ClArtistic', 'Condor-1.1',
  'ECL-1.0', 'ECL-2.0', 'EFL-1.0', 'EFL-2.0', 'EPL-1.0', 'EPL-2.0', 'EUDatagrid', 'EUPL-1.1', 'EUPL-1.2', 'Entessa', 'FSFAP', 'FTL', 'Fair',
  'Frameworx-1.0', 'GFDL-1.1', 'GFDL-1.2', 'GFDL-1.3', 'GPL-2.0', 'GPL-3.0', 'HPND', 'IJG', 'IPA', 'IPL-1.0', 'ISC', 'Imlib2', 'Intel', 'Jam',
  'LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0', 'LPL-1.0', 'LPL-1.02', 'LPPL-1.2', 'LPPL-1.3a', 'LPPL-1.3c', 'LiLiQ-P-1.1', 'LiLiQ-R-1.1', 'LiLiQ-Rplus-1.1',
  'MIT', 'MIT-0', 'MIT-Modern-Variant', 'MPL-1.0', 'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MS-PL', 'MS-RL', 'MirOS', 'Motosoto',
  'MulanPSL-2.0', 'Multics', 'NASA-1.3', 'NCSA', 'NGPL', 'NOSL', 'NPL-1.0', 'NPL-1.1', 'NPOSL-3.0', 'NTP', 'Naumen', 'Nokia', 'OCLC-2.0', 'ODbL-1.0',
  'OFL-1.0', 'OFL-1.1', 'OFL-1.1-RFN', 'OFL-1.1-no-RFN', 'OGTSL', 'OLDAP-2.3', 'OLDAP-2.7', 'OLDAP-2.8', 'OSET-PL-2.1', 'OSL-1.0', 'OSL-1.1',
  'OSL-2.0', 'OSL-2.1', 'OSL-3.0', 'OpenSSL', 'PHP-3.0', 'PHP-3.01', 'PostgreSQL', 'Python-2.0', 'QPL-1.0', 'RPL-1.1', 'RPL-1.5', 'RPSL-1.0',
  'RSCPL', 'Ruby', 'SGI-B-2.0', 'SISSL', 'SMLNJ', 'SPL-1.0', 'SimPL-2.0', 'Sleepycat', 'UCL-1.0', 'UPL-1.0', 'Unicode-DFS-2016', 'Unlicense',
  'VSL-1.0', 'Vim', 'W3C', 'WTFPL', 'Watcom-1.0', 'X11', 'XFree86-1.1', 'Xnet', 'YPL-1.1', 'ZPL-2.0', 'ZPL-2.1', 'Zend-2.0', 'Zimbra-1.3', 'Zlib',
  'gnuplot', 'iMatix', 'xinetd',
];

/** Upper-cased identifier → its SPDX spelling. `UN` stands for the Unlicense, as in Scorecard. */
const approvedByKey = new Map<string, string>([...approved.map((id): [string, string] => [id.toUpperCase(), id]), ['UN', 'Unlicense']]);

/** The approved SPDX identifier an identifier names (any case), or undefined. */
export function approvedLicense(spdxId: string): string | undefined {
  return approvedByKey.get(spdxId.toUpperCase());
}

/** Texts that name a license unmistakably, most specific first. */
const signatures: readonly (readonly [RegExp, string])[] = [
  [/GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i, 'AGPL-3.0'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i, 'LGPL-3.0'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i, 'LGPL-2.1'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 3/i, 'GPL-3.0'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 2/i, 'GPL-2.0'],
  [/Apache License\s+Version 2\.0/i, 'Apache-2.0'],
  [/Mozilla Public License,? (?:Version|v\.?) 2\.0/i, 'MPL-2.0'],
  [/Eclipse Public License - v(?:ersion)? 2\.0/i, 'EPL-2.0'],
  [/Boost Software License - Version 1\.0/i, 'BSL-1.0'],
  [/CC0 1\.0 Universal/i, 'CC0-1.0'],
  [/This is free and unencumbered software released into the public domain/i, 'Unlicense'],
  [/Permission to use, copy, modify, and\/or distribute this software for any\s+purpose with or without fee is hereby granted/i, 'ISC'],
  [/Permission is hereby granted, free of charge, to any person obtaining a copy/i, 'MIT'],
];

const bsd = /Redistribution and use in source and binary forms, with or without\s+modification, are permitted/i;

/**
 * The license a text carries: an `SPDX-License-Identifier:` line, or the wording of a common
 * license. Only the first 16 KiB are read.
 */
export function licenseOfText(text: string): string | undefined {
  const head = text.slice(0, 16 * 1024);
  const declared = /SPDX-License-Identifier:\s*([A-Za-z0-9.+-]+)/.exec(head)?.[1];
  if (declared !== undefined) return declared.replace(/-(?:only|or-later)$|\+$/, '');
  for (const [pattern, id] of signatures) if (pattern.test(head)) return id;
  if (bsd.test(head)) return /Neither the name/i.test(head) ? 'BSD-3-Clause' : 'BSD-2-Clause';
  return undefined;
}
