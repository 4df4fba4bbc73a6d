/**
 * Gradle dependency lock files (https://docs.gradle.org/current/userguide/dependency_locking.html):
 * `gradle.lockfile` for the project's configurations and `buildscript-gradle.lockfile` for the
 * build script classpath. Each line is `group:artifact:version=configuration,...`; `#` starts a
 * comment and `empty=` lists the configurations that resolve nothing.
 *
 * Gradle writes these files itself, so a line of another shape is not a dependency. OSV-SCALIBR
 * skips such lines without an error, and the corpus (`with-bad-pkg`) expects no problem for them,
 * so they are skipped here too.
 */
import type { Component, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { gradleLockfileFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = gradleLockfileFormat;
/** Gradle's own coordinates carry no spaces, `:` or `=` inside a part. */
const linePattern = /^([^\s:=]+):([^\s:=]+):([^\s:=]+)=(\S*)$/;

export const gradleLockfileExtractor: Extractor = { ...gradleLockfileFormat, extract: extractGradleLockfile };

function extractGradleLockfile(file: SourceFile): Extraction {
  const components: Component[] = [];
  const problems: InventoryProblem[] = [];
  for (const [index, text] of file.text.split(/\r?\n/).entries()) {
    const match = linePattern.exec(text.trim());
    if (match === null) continue;
    const [, group = '', artifact = '', version = '', list = ''] = match;
    const name = `${group}:${artifact}`;
    const line = index + 1;
    let purl: string;
    try {
      purl = componentPurl('maven', name, version);
    } catch {
      problems.push({ file: file.path, line, message: `${name} ${version} cannot be written as a Package URL` });
      continue;
    }
    const configurations = list.split(',').filter((configuration) => configuration !== '');
    components.push({
      name,
      version,
      ecosystem,
      purl,
      groups: [],
      ...(configurations.length > 0 ? { scope: configurations.every(isTestConfiguration) ? 'dev' : 'prod' } : {}),
      location: { file: file.path, line },
      meta: { configurations },
    });
  }
  return { components, edges: [], problems };
}

/**
 * Test configurations by Gradle's and the Android plugin's naming (`testRuntimeClasspath`,
 * `testFixturesCompileClasspath`, `debugUnitTestRuntimeClasspath`, `androidTestCompileClasspath`).
 */
function isTestConfiguration(configuration: string): boolean {
  return /^test|Test[A-Z]/.test(configuration);
}
