/**
 * GHC, the Glasgow Haskell Compiler and its components; versions use the loose SemVer order of OSV-Scanner.
 *
 * The purl spec has no type for GHC components (Hackage packages are `pkg:hackage/...`, but the
 * compiler's components are not Hackage packages), so the purl type is `generic`, the spec's
 * type for software no other type covers.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'GHC',
  purlType: 'generic',
  scheme: semverLikeScheme,
  // Component names (compiler, ghci, rts) are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'GHC, the Glasgow Haskell Compiler and its components; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://gitlab.haskell.org/ghc/ghc/-/wikis/working-conventions/releases; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
