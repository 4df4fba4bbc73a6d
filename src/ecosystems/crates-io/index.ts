/**
 * crates.io, the Rust package registry; versions use the loose SemVer order of OSV-Scanner.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'crates.io',
  purlType: 'cargo',
  scheme: semverLikeScheme,
  // Crate names are kept as written: the purl spec keeps cargo names as published, and advisories spell them that way.
  normalizeName: (name) => name,
  definition: {
    short: 'crates.io, the Rust package registry; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://semver.org/spec/v2.0.0.html; https://doc.rust-lang.org/cargo/reference/semver.html; OSV-SCALIBR semantic/version-semver.go',
  },
};
