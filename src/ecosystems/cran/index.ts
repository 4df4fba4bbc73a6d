/**
 * CRAN: the Comprehensive R Archive Network. Package names are case-sensitive; versions use R's
 * `package_version` order.
 */
import type { Ecosystem } from '../ecosystem.js';
import { cranScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'CRAN',
  purlType: 'cran',
  scheme: cranScheme,
  // R package names are case-sensitive (`DHARMa`, `Matrix`), and the purl spec keeps their case.
  normalizeName: (name) => name,
  definition: {
    short: 'CRAN, the R package archive; versions use the R package_version order of numbers separated by "." or "-".',
    reference: 'https://stat.ethz.ch/R-manual/R-devel/library/base/html/numeric_version.html; https://cran.r-project.org/doc/manuals/r-release/R-exts.html#The-DESCRIPTION-file',
  },
};
