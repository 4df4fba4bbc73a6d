/**
 * Pub: the package repository of Dart and Flutter (pub.dev). Package names are lower case;
 * versions use the `pub_semver` order, where build metadata counts.
 */
import type { Ecosystem } from '../ecosystem.js';
import { pubScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'Pub',
  purlType: 'pub',
  scheme: pubScheme,
  // pub.dev package names are lower-case identifiers (`[a-z0-9_]`, pubspec "name"); lowering
  // makes a name typed with capitals still match.
  normalizeName: (name) => name.toLowerCase(),
  definition: {
    short: 'Pub, the Dart and Flutter package repository; versions use the pub_semver order, SemVer with ordered build metadata.',
    reference: 'https://dart.dev/tools/pub/versioning; https://github.com/dart-lang/pub_semver/blob/master/lib/src/version.dart',
  },
};
