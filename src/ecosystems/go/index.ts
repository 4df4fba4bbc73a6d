/**
 * Go modules; versions keep their leading v and use the loose SemVer order of OSV-Scanner.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'Go',
  purlType: 'golang',
  scheme: semverLikeScheme,
  // Module paths are case-sensitive (the module proxy escapes capitals), so they are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Go modules; versions keep their leading v and use the loose SemVer order of OSV-Scanner.',
    reference: 'https://go.dev/ref/mod#versions; https://semver.org/spec/v2.0.0.html; OSV-SCALIBR semantic/version-semver.go',
  },
};
