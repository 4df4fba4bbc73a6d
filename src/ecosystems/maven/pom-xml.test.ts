import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { pomXmlExtractor } from './pom-xml.js';
import { treeFile } from '../../../test/source-file.js';

const extract = (text: string) => pomXmlExtractor.extract({ path: 'pom.xml', text, readRelated: () => undefined });
const summary = (text: string) => extract(text).components.map((c) => [c.name, c.version, c.location.line]);

const dependency = (groupId: string, artifactId: string, extra = '') =>
  `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId>${extra}</dependency>`;

describe('pomXmlExtractor', () => {
  it('matches pom.xml and *.pom by the last path segment', () => {
    expect(pomXmlExtractor.matches('app/pom.xml')).toBe(true);
    expect(pomXmlExtractor.matches('repo/junit-4.12.pom')).toBe(true);
    expect(pomXmlExtractor.matches('pom.xml.bak')).toBe(false);
    expect(pomXmlExtractor.matches('pom.xml/x')).toBe(false);
    expect(pomXmlExtractor.matches('.pom')).toBe(false);
  });

  it('reports each dependency at the line of its <dependency> element, with group, scope and meta', () => {
    const result = extract(`<project>
  <dependencies>
    <dependency>
      <groupId>org.example</groupId>
      <artifactId>lib</artifactId>
      <version>1.0.0</version>
    </dependency>
    <dependency>
      <groupId>junit</groupId><artifactId>junit</artifactId><version>4.12</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.example</groupId><artifactId>natives</artifactId><version>2.0</version>
      <type>zip</type><classifier>linux</classifier><scope>provided</scope>
    </dependency>
  </dependencies>
</project>`);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'org.example:lib',
        version: '1.0.0',
        ecosystem: 'Maven',
        purl: 'pkg:maven/org.example/lib@1.0.0',
        groups: [],
        scope: 'prod',
        direct: true,
        location: { file: 'pom.xml', line: 3 },
      },
      {
        name: 'junit:junit',
        version: '4.12',
        ecosystem: 'Maven',
        purl: 'pkg:maven/junit/junit@4.12',
        groups: ['test'],
        scope: 'dev',
        direct: true,
        location: { file: 'pom.xml', line: 8 },
      },
      {
        name: 'org.example:natives',
        version: '2.0',
        ecosystem: 'Maven',
        purl: 'pkg:maven/org.example/natives@2.0',
        groups: ['provided'],
        scope: 'prod',
        direct: true,
        location: { file: 'pom.xml', line: 12 },
        meta: { type: 'zip', classifier: 'linux' },
      },
    ]);
  });

  it('counts lines the same with CRLF line ends, a byte order mark and multi-line comments', () => {
    const text = `\uFEFF<project>\r\n<!-- a\r\ncomment -->\r\n<dependencies>\r\n${dependency('g', 'a', '<version>1</version>')}\r\n\r\n  ${dependency('g', 'b', '<version>1</version>')}</dependencies></project>`;
    expect(summary(text)).toEqual([
      ['g:a', '1', 5],
      ['g:b', '1', 7],
    ]);
  });

  it('interpolates properties, nested properties and the project coordinates', () => {
    const text = `<project>
  <groupId>org.app</groupId><artifactId>app</artifactId><version>3.1</version>
  <properties>
    <base>1.2</base>
    <lib.version>\${base}.3</lib.version>
    <g>org.example</g>
  </properties>
  <dependencies>
    ${dependency('${g}', 'lib', '<version>${lib.version}</version>')}
    ${dependency('${project.groupId}', 'sibling', '<version>${project.version}</version>')}
    ${dependency('org.app', 'legacy', '<version>${version}</version>')}
  </dependencies>
</project>`;
    expect(summary(text)).toEqual([
      ['org.example:lib', '1.2.3', 9],
      ['org.app:sibling', '3.1', 10],
      ['org.app:legacy', '3.1', 11],
    ]);
  });

  it('leaves the version empty when a property is unknown or refers to itself', () => {
    const text = `<project><properties><a>\${b}</a><b>\${a}</b></properties><dependencies>
${dependency('x', 'unknown', '<version>${nowhere}</version>')}
${dependency('x', 'cycle', '<version>${a}</version>')}
${dependency('x', 'none')}
</dependencies></project>`;
    expect(summary(text)).toEqual([
      ['x:unknown', '', 2],
      ['x:cycle', '', 3],
      ['x:none', '', 4],
    ]);
  });

  it('refuses property expansions that grow without bound', () => {
    const levels = Array.from({ length: 40 }, (_, index) => `<p${index}>\${p${index + 1}}\${p${index + 1}}</p${index}>`).join('');
    const text = `<project><properties>${levels}<p40>xxxxxxxx</p40></properties><dependencies>${dependency('x', 'y', '<version>${p0}</version>')}</dependencies></project>`;
    expect(summary(text)).toEqual([['x:y', '', 1]]);
  });

  it('takes missing versions and scopes from dependency management, explicit versions first', () => {
    const text = `<project>
  <dependencyManagement><dependencies>
    ${dependency('x', 'managed', '<version>1.0</version><scope>test</scope>')}
    ${dependency('x', 'explicit', '<version>9.9</version>')}
    ${dependency('x', 'other-type', '<version>5.0</version><type>pom</type>')}
  </dependencies></dependencyManagement>
  <dependencies>
    ${dependency('x', 'managed')}
    ${dependency('x', 'explicit', '<version>2.0</version>')}
    ${dependency('x', 'other-type')}
  </dependencies>
</project>`;
    const components = extract(text).components;
    expect(components.map((c) => [c.name, c.version, c.groups])).toEqual([
      ['x:managed', '1.0', ['test']],
      ['x:explicit', '2.0', []],
      ['x:other-type', '', []],
    ]);
  });

  it('reads a version range as unpinned with its first bound, and [v] as one version', () => {
    const text = `<project><dependencies>
${dependency('x', 'range', '<version>[1.2,2.0)</version>')}
${dependency('x', 'upper', '<version>(,2.0]</version>')}
${dependency('x', 'exact', '<version>[1.5]</version>')}
</dependencies></project>`;
    const components = extract(text).components;
    expect(components.map((c) => [c.name, c.version, c.unpinned, c.versionRange])).toEqual([
      ['x:range', '1.2', true, '[1.2,2.0)'],
      ['x:upper', '', true, '(,2.0]'],
      ['x:exact', '1.5', undefined, undefined],
    ]);
  });

  it('keeps the first of duplicate declarations and merges one name@version declared with two classifiers', () => {
    const text = `<project><dependencies>
${dependency('x', 'twice', '<version>1.0</version>')}
${dependency('x', 'twice', '<version>1.1</version>')}
${dependency('x', 'lib', '<version>1.0</version><classifier>sources</classifier>')}
${dependency('x', 'lib', '<version>1.0</version>')}
</dependencies></project>`;
    expect(summary(text)).toEqual([
      ['x:twice', '1.0', 2],
      ['x:lib', '1.0', 5],
    ]);
  });

  it('reads profiles active by default and leaves build plugin dependencies out', () => {
    const text = `<project>
  <build><plugins><plugin><dependencies>${dependency('x', 'plugin-only', '<version>1</version>')}</dependencies></plugin></plugins></build>
  <profiles>
    <profile><activation><activeByDefault>true</activeByDefault></activation>
      <properties><v>2.0</v></properties>
      <dependencies>${dependency('x', 'default-profile', '<version>${v}</version>')}</dependencies>
    </profile>
    <profile><id>other</id><dependencies>${dependency('x', 'inactive', '<version>1</version>')}</dependencies></profile>
  </profiles>
</project>`;
    expect(summary(text)).toEqual([['x:default-profile', '2.0', 6]]);
  });

  it('inherits properties, dependencies and management from parents on disk, child first', () => {
    const files = {
      'parent/pom.xml': `<project>
  <parent><groupId>org.root</groupId><artifactId>root</artifactId><version>1</version></parent>
  <artifactId>parent</artifactId><version>7.0</version>
  <properties><shared>1.1</shared><overridden>parent</overridden></properties>
  <dependencies>${dependency('p', 'inherited', '<version>${shared}</version>')}${dependency('c', 'declared-twice', '<version>0.1</version>')}</dependencies>
  <dependencyManagement><dependencies>${dependency('m', 'managed', '<version>${overridden}</version>')}</dependencies></dependencyManagement>
</project>`,
      'pom.xml': `<project><groupId>org.root</groupId><artifactId>root</artifactId><version>1</version>
  <dependencies>${dependency('r', 'grandparent', '<version>9</version>')}</dependencies></project>`,
      'parent/child/pom.xml': `<project>
  <parent>
    <groupId>org.root</groupId><artifactId>parent</artifactId><version>7.0</version>
  </parent>
  <artifactId>child</artifactId>
  <properties><overridden>child</overridden></properties>
  <dependencies>
    ${dependency('c', 'declared-twice', '<version>${project.parent.version}</version>')}
    ${dependency('m', 'managed')}
  </dependencies>
</project>`,
    };
    const result = pomXmlExtractor.extract(treeFile(files, 'parent/child/pom.xml'));
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.location.file, c.location.line])).toEqual([
      ['c:declared-twice', '7.0', 'parent/child/pom.xml', 8],
      ['m:managed', 'child', 'parent/child/pom.xml', 9],
      ['p:inherited', '1.1', 'parent/child/pom.xml', 2],
      ['r:grandparent', '9', 'parent/child/pom.xml', 2],
    ]);
  });

  it('ignores a file at the parent path that is another project, an empty relativePath, and parent cycles', () => {
    const unrelated = {
      'pom.xml': `<project><groupId>org.other</groupId><artifactId>aggregator</artifactId><dependencies>${dependency('no', 'no', '<version>1</version>')}</dependencies></project>`,
      'app/pom.xml': `<project><parent><groupId>org.x</groupId><artifactId>parent</artifactId><version>1</version></parent><artifactId>app</artifactId></project>`,
    };
    expect(pomXmlExtractor.extract(treeFile(unrelated, 'app/pom.xml')).components).toEqual([]);

    const emptyPath = {
      ...unrelated,
      'app/pom.xml': `<project><parent><groupId>org.other</groupId><artifactId>aggregator</artifactId><relativePath/></parent></project>`,
    };
    expect(pomXmlExtractor.extract(treeFile(emptyPath, 'app/pom.xml')).components).toEqual([]);

    const cycle = {
      'a/pom.xml': `<project><parent><groupId>g</groupId><artifactId>b</artifactId><relativePath>../b</relativePath></parent><groupId>g</groupId><artifactId>a</artifactId>
<dependencies>${dependency('x', 'from-a', '<version>1</version>')}</dependencies></project>`,
      'b/pom.xml': `<project><parent><groupId>g</groupId><artifactId>a</artifactId><relativePath>../a/pom.xml</relativePath></parent><groupId>g</groupId><artifactId>b</artifactId>
<dependencies>${dependency('x', 'from-b', '<version>2</version>')}</dependencies></project>`,
    };
    const result = pomXmlExtractor.extract(treeFile(cycle, 'a/pom.xml'));
    expect(result.components.map((c) => c.name)).toEqual(['x:from-a', 'x:from-b']);
  });

  it('imports a BOM found on disk as a module beside the importing POM', () => {
    const files = {
      'bom/pom.xml': `<project><groupId>org.acme</groupId><artifactId>bom</artifactId><version>1</version>
  <properties><lib.version>4.2</lib.version></properties>
  <dependencyManagement><dependencies>${dependency('org.acme', 'lib', '<version>${lib.version}</version>')}</dependencies></dependencyManagement></project>`,
      'app/pom.xml': `<project><groupId>org.acme</groupId><artifactId>app</artifactId><version>1</version>
  <dependencyManagement><dependencies>${dependency('org.acme', 'bom', '<version>1</version><type>pom</type><scope>import</scope>')}${dependency('org.elsewhere', 'bom', '<version>1</version><type>pom</type><scope>import</scope>')}</dependencies></dependencyManagement>
  <dependencies>${dependency('org.acme', 'lib')}</dependencies></project>`,
    };
    const result = pomXmlExtractor.extract(treeFile(files, 'app/pom.xml'));
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version])).toEqual([['org.acme:lib', '4.2']]);
  });

  it('reports a malformed parent against the parent file and keeps the child dependencies', () => {
    const files = {
      'pom.xml': '<project><oops></project>',
      'app/pom.xml': `<project><parent><groupId>g</groupId><artifactId>p</artifactId></parent><dependencies>${dependency('x', 'y', '<version>1</version>')}</dependencies></project>`,
    };
    const result = pomXmlExtractor.extract(treeFile(files, 'app/pom.xml'));
    expect(result.components.map((c) => c.name)).toEqual(['x:y']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.file).toBe('pom.xml');
  });

  it('reports a dependency without groupId or with an unresolvable artifactId and keeps the others', () => {
    const text = `<project><dependencies>
<dependency><artifactId>no-group</artifactId></dependency>
${dependency('x', '${missing}', '<version>1</version>')}
${dependency('x', 'fine', '<version>1</version>')}
</dependencies></project>`;
    const result = extract(text);
    expect(result.components.map((c) => c.name)).toEqual(['x:fine']);
    expect(result.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('reports malformed XML and other root elements with their line and no components', () => {
    const broken = extract('<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>');
    expect(broken.components).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]?.line).toBe(4);
    expect(extract('<settings/>').problems).toEqual([{ file: 'pom.xml', line: 1, message: 'not a POM: the root element is <settings>, not <project>' }]);
  });

  it('never expands entities: external ones are refused, internal ones stay as written', () => {
    const external = extract(`<?xml version="1.0"?>
<!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<project><dependencies>${dependency('x', 'y', '<version>&xxe;</version>')}</dependencies></project>`);
    expect(external.components).toEqual([]);
    expect(external.problems).toHaveLength(1);
    const internal = extract(`<!DOCTYPE project [<!ENTITY v "1.0">]>
<project><dependencies>${dependency('x', 'y', '<version>&v;</version>')}${dependency('a&amp;b', 'c', '<version>&#49;.0</version>')}</dependencies></project>`);
    expect(internal.components.map((c) => [c.name, c.version])).toEqual([
      ['x:y', '&v;'],
      ['a&b:c', '1.0'],
    ]);
  });

  it('refuses deeply nested XML', () => {
    const result = extract(`<project>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</project>`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(pomXmlExtractor, { characters: '<>/!-[]${}&;#"=x1. \n', tokens: ['<project>', '<dependency>', '<groupId>', '</groupId>', '<![CDATA[', '<!DOCTYPE'] }, { path: 'pom.xml', maxLength: 200 });
  });
});

describeShared('maven-pom corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'maven-pom')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, pomXmlExtractor)).toEqual([]);
    });
  }
});
