/**
 * Julia packages of the General registry; versions use the loose SemVer order of OSV-Scanner.
 *
 * The purl type is `julia` (the purl type list registers it for packages of the General registry).
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'Julia',
  purlType: 'julia',
  scheme: semverLikeScheme,
  // Julia package names are case-sensitive, so they are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Julia packages of the General registry; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://pkgdocs.julialang.org/v1/compatibility/; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
