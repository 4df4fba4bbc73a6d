/**
 * Hex, the Erlang and Elixir package registry; versions use the loose SemVer order of OSV-Scanner.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'Hex',
  purlType: 'hex',
  scheme: semverLikeScheme,
  // Hex package names are lower case (the purl spec lowercases the hex type).
  normalizeName: (name) => name.toLowerCase(),
  definition: {
    short: 'Hex, the Erlang and Elixir package registry; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://hexdocs.pm/elixir/Version.html; https://semver.org/spec/v2.0.0.html; OSV-SCALIBR semantic/version-semver.go',
  },
};
