/**
 * The Maven input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Maven';

const gradleLockfileNames = ['gradle.lockfile', 'buildscript-gradle.lockfile'];

export const gradleLockfileFormat: InputFormat = {
  format: 'gradle-lockfile',
  ecosystem,
  matches: (path) => gradleLockfileNames.includes(path.slice(path.lastIndexOf('/') + 1)),
  definition: {
    short: 'gradle.lockfile and buildscript-gradle.lockfile (Gradle dependency locking): every locked module with its configurations',
    fileNames: gradleLockfileNames,
  },
};

export const pomXmlFormat: InputFormat = {
  format: 'maven-pom',
  ecosystem,
  matches: (path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return name === 'pom.xml' || (name.endsWith('.pom') && name.length > '.pom'.length);
  },
  definition: {
    short: 'pom.xml and *.pom (offline): dependencies with properties, local parents, dependency management and local BOMs applied',
    fileNames: ['pom.xml', '*.pom'],
  },
};
