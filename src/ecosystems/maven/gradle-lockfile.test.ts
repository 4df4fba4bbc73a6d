import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { gradleLockfileExtractor } from './gradle-lockfile.js';

const extract = (text: string) => gradleLockfileExtractor.extract({ path: 'gradle.lockfile', text, readRelated: () => undefined });

const lockfile = `# This is a Gradle generated file for dependency locking.
# Manual edits can break the build and are not advised.
# This file is expected to be part of source control.
com.google.guava:guava:31.1-jre=compileClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath
junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath
org.hamcrest:hamcrest-core:1.3=debugUnitTestRuntimeClasspath,androidTestCompileClasspath
empty=annotationProcessor,testAnnotationProcessor
`;

describe('gradleLockfileExtractor', () => {
  it('matches gradle.lockfile and buildscript-gradle.lockfile only', () => {
    expect(gradleLockfileExtractor.matches('app/gradle.lockfile')).toBe(true);
    expect(gradleLockfileExtractor.matches('buildscript-gradle.lockfile')).toBe(true);
    expect(gradleLockfileExtractor.matches('gradle.lockfile.bak')).toBe(false);
    expect(gradleLockfileExtractor.matches('settings-gradle.lockfile')).toBe(false);
  });

  it('reads group:artifact:version=configurations lines at their line, with configurations in meta', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.edges).toEqual([]);
    expect(result.components[0]).toEqual({
      name: 'com.google.guava:guava',
      version: '31.1-jre',
      ecosystem: 'Maven',
      purl: 'pkg:maven/com.google.guava/guava@31.1-jre',
      groups: [],
      scope: 'prod',
      location: { file: 'gradle.lockfile', line: 4 },
      meta: { configurations: ['compileClasspath', 'runtimeClasspath', 'testCompileClasspath', 'testRuntimeClasspath'] },
    });
  });

  it('gives scope dev to modules locked only for test configurations', () => {
    expect(extract(lockfile).components.map((c) => [c.name, c.scope])).toEqual([
      ['com.google.guava:guava', 'prod'],
      ['junit:junit', 'dev'],
      ['org.hamcrest:hamcrest-core', 'dev'],
    ]);
  });

  it('skips comments, empty= and lines of other shapes without a problem (as the corpus expects)', () => {
    const result = extract('# c\n>>>\nempty=======\n  a\nno-version:x=compileClasspath\nx:y:1.0\n\r\nok:ok:1.0=compileClasspath\r\n');
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.location.line])).toEqual([['ok:ok', 8]]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(gradleLockfileExtractor, { characters: ':=,#\n ab1.-', tokens: ['empty='] }, { path: 'gradle.lockfile', maxLength: 200 });
  });
});

describeShared('gradle-lockfile corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'gradle-lockfile')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, gradleLockfileExtractor)).toEqual([]);
    });
  }
});
