/**
 * Swift packages named by their Git URL; versions (Git tags) use the loose SemVer order of OSV-Scanner.
 *
 * The purl type is `swift`, whose namespace is the source host and owner and whose name is the
 * repository (`pkg:swift/github.com/apple/swift-nio`); the OSV name is the whole Git URL.
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'SwiftURL',
  purlType: 'swift',
  scheme: semverLikeScheme,
  // The name is a Git URL, kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Swift packages named by their Git URL; versions (Git tags) use the loose SemVer order of OSV-Scanner.',
    reference: 'https://docs.swift.org/package-manager/PackageDescription/PackageDescription.html#version; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
