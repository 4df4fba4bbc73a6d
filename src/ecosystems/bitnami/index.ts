/**
 * Bitnami application components; versions use the loose SemVer order of OSV-Scanner.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'Bitnami',
  purlType: 'bitnami',
  scheme: semverLikeScheme,
  // Component names are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Bitnami application components; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://github.com/bitnami/vulndb; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
