/**
 * Maven: Java packages from Maven Central and other Maven repositories. Names are
 * `groupId:artifactId`; versions use the order of Maven's `ComparableVersion`.
 */
import type { Ecosystem } from '../ecosystem.js';
import { mavenScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'Maven',
  purlType: 'maven',
  scheme: mavenScheme,
  // Group and artifact ids are case-sensitive in repositories (OSV names are `group:artifact`
  // as written), so the name is kept as it is.
  normalizeName: (name) => name,
  definition: {
    short: 'Maven, the Java package repositories; names are groupId:artifactId, versions use the order of Maven ComparableVersion.',
    reference:
      'https://maven.apache.org/pom.html#version-order-specification; https://github.com/apache/maven/blob/maven-3.8.6/maven-artifact/src/main/java/org/apache/maven/artifact/versioning/ComparableVersion.java',
  },
};
