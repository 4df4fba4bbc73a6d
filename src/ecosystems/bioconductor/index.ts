/**
 * Bioconductor, the R bioinformatics package repository; versions use the loose SemVer order of OSV-Scanner.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'Bioconductor',
  purlType: 'bioconductor',
  scheme: semverLikeScheme,
  // R package names are case-sensitive, so they are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Bioconductor, the R bioinformatics package repository; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://contributions.bioconductor.org/versionnum.html; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
