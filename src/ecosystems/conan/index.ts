/**
 * ConanCenter, the C and C++ package index of Conan; versions use the loose SemVer order of OSV-Scanner.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'ConanCenter',
  purlType: 'conan',
  scheme: semverLikeScheme,
  // Conan reference names are lower case by convention; they are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'ConanCenter, the C and C++ package index of Conan; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://docs.conan.io/2/tutorial/versioning/versions.html; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
