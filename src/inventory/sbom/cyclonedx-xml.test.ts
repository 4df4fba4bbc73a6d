import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { cycloneDxJsonExtractor } from './cyclonedx-json.js';
import { cycloneDxXmlExtractor } from './cyclonedx-xml.js';

const extract = (text: string) => cycloneDxXmlExtractor.extract({ path: 'bom.xml', text, readRelated: () => undefined });

const bom = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata>
    <component type="application" bom-ref="app">
      <name>shop</name>
      <version>1.0.0</version>
    </component>
  </metadata>
  <components>
    <component type="library" bom-ref="pkg:npm/lodash@4.17.21">
      <name>lodash</name>
      <version>4.17.21</version>
      <scope>required</scope>
      <hashes>
        <hash alg="SHA-1">901466a5bb52ee6de63e3e385285e690d5cba424</hash>
        <hash alg="SHA-512">596046b727c346b3c8cf1172d0768f71c46b8faefc8bde736b1d8c8b15c9413e514e48c72495ac77f6215b0ab2e04686f4f3950c02bf463c625a2d236a80079c</hash>
      </hashes>
      <licenses><license><id>MIT</id></license></licenses>
      <purl>pkg:npm/lodash@4.17.21</purl>
      <externalReferences>
        <reference type="distribution"><url>https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz</url></reference>
      </externalReferences>
    </component>
    <component type="library" bom-ref="babel">
      <group>@babel</group>
      <name>core</name>
      <version>7.24.0</version>
      <scope>excluded</scope>
      <licenses><expression>MIT OR Apache-2.0</expression></licenses>
      <purl>pkg:npm/%40babel/core@7.24.0</purl>
    </component>
    <component type="library" bom-ref="shaded">
      <group>org.example</group>
      <name>fat</name>
      <version>2.0</version>
      <scope>optional</scope>
      <hashes><hash alg="SHA-256">0d45f5fd462b8c70bffb10021ac1bcff3f58f29b1faf7568595095427d42812c</hash></hashes>
      <purl>pkg:maven/org.example/fat@2.0?type=jar</purl>
      <components>
        <component type="library" bom-ref="inner">
          <group>com.google.guava</group>
          <name>guava</name>
          <version>31.1-jre</version>
          <licenses><license><name>The Apache Software License, Version 2.0</name></license></licenses>
          <purl>pkg:maven/com.google.guava/guava</purl>
        </component>
      </components>
    </component>
    <component type="library" bom-ref="vendored"><name>zlib</name><version>1.3.1</version></component>
    <component type="library" bom-ref="conda"><name>numpy</name><version>1.26.4</version><purl>pkg:conda/numpy@1.26.4</purl></component>
  </components>
  <dependencies>
    <dependency ref="app">
      <dependency ref="pkg:npm/lodash@4.17.21"/>
      <dependency ref="babel"/>
      <dependency ref="shaded"/>
      <dependency ref="vendored"/>
    </dependency>
    <dependency ref="babel"><dependency ref="pkg:npm/lodash@4.17.21"/><dependency ref="missing-ref"/></dependency>
    <dependency ref="shaded"><dependency ref="inner"/></dependency>
    <dependency ref="inner"/>
  </dependencies>
</bom>
`;

/** The same BOM in JSON, without line-sensitive layout: both readers must map it the same way. */
const sameBomAsJson = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.4',
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'shop', version: '1.0.0' } },
  components: [
    {
      type: 'library',
      'bom-ref': 'pkg:npm/lodash@4.17.21',
      name: 'lodash',
      version: '4.17.21',
      scope: 'required',
      hashes: [
        { alg: 'SHA-1', content: '901466a5bb52ee6de63e3e385285e690d5cba424' },
        { alg: 'SHA-512', content: '596046b727c346b3c8cf1172d0768f71c46b8faefc8bde736b1d8c8b15c9413e514e48c72495ac77f6215b0ab2e04686f4f3950c02bf463c625a2d236a80079c' },
      ],
      licenses: [{ license: { id: 'MIT' } }],
      purl: 'pkg:npm/lodash@4.17.21',
      externalReferences: [{ type: 'distribution', url: 'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz' }],
    },
    { type: 'library', 'bom-ref': 'babel', group: '@babel', name: 'core', version: '7.24.0', scope: 'excluded', licenses: [{ expression: 'MIT OR Apache-2.0' }], purl: 'pkg:npm/%40babel/core@7.24.0' },
    {
      type: 'library',
      'bom-ref': 'shaded',
      group: 'org.example',
      name: 'fat',
      version: '2.0',
      scope: 'optional',
      hashes: [{ alg: 'SHA-256', content: '0d45f5fd462b8c70bffb10021ac1bcff3f58f29b1faf7568595095427d42812c' }],
      purl: 'pkg:maven/org.example/fat@2.0?type=jar',
      components: [
        { type: 'library', 'bom-ref': 'inner', group: 'com.google.guava', name: 'guava', version: '31.1-jre', licenses: [{ license: { name: 'The Apache Software License, Version 2.0' } }], purl: 'pkg:maven/com.google.guava/guava' },
      ],
    },
    { type: 'library', 'bom-ref': 'vendored', name: 'zlib', version: '1.3.1' },
    { type: 'library', 'bom-ref': 'conda', name: 'numpy', version: '1.26.4', purl: 'pkg:conda/numpy@1.26.4' },
  ],
  dependencies: [
    { ref: 'app', dependsOn: ['pkg:npm/lodash@4.17.21', 'babel', 'shaded', 'vendored'] },
    { ref: 'babel', dependsOn: ['pkg:npm/lodash@4.17.21', 'missing-ref'] },
    { ref: 'shaded', dependsOn: ['inner'] },
    { ref: 'inner', dependsOn: [] },
  ],
});

const withoutLines = <T extends { location: { line?: number } }>(components: readonly T[]) => components.map((component) => ({ ...component, location: { ...component.location, line: 0, file: '' } }));

describe('cycloneDxXmlExtractor', () => {
  it('matches bom.xml and *.cdx.xml only', () => {
    expect(['bom.xml', 'sbom/app.cdx.xml', 'BOM.XML'].map((path) => cycloneDxXmlExtractor.matches(path))).toEqual([true, true, true]);
    expect(['pom.xml', 'bom.json', 'x.xml'].map((path) => cycloneDxXmlExtractor.matches(path))).toEqual([false, false, false]);
  });

  it('maps a BOM exactly as the JSON reader maps the same BOM', () => {
    const fromXml = extract(bom);
    const fromJson = cycloneDxJsonExtractor.extract({ path: 'bom.json', text: sameBomAsJson, readRelated: () => undefined });
    expect(fromXml.problems).toEqual([]);
    expect(fromJson.problems).toEqual([]);
    expect(withoutLines(fromXml.components)).toEqual(withoutLines(fromJson.components));
    expect(fromXml.edges).toEqual(fromJson.edges);
    expect(fromXml.edges).toHaveLength(2);
  });

  it('reports each component at the line of its start tag', () => {
    expect(extract(bom).components.map((c) => [c.purl, c.location.line, c.direct])).toEqual([
      ['pkg:npm/lodash@4.17.21', 10, true],
      ['pkg:npm/%40babel/core@7.24.0', 24, true],
      ['pkg:maven/org.example/fat@2.0?type=jar', 32, true],
      ['pkg:maven/com.google.guava/guava@31.1-jre', 40, false],
      ['pkg:generic/zlib@1.3.1', 49, true],
      ['pkg:conda/numpy@1.26.4', 50, false],
    ]);
  });

  it('reads namespace-prefixed elements and decodes the predefined entities only', () => {
    const text = `<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.6"><cdx:components>
      <cdx:component type="library"><cdx:name>a&amp;b</cdx:name><cdx:purl>pkg:npm/a%26b@1.0.0</cdx:purl>
      <cdx:licenses><cdx:license><cdx:name>&custom; &#x41;</cdx:name></cdx:license></cdx:licenses></cdx:component>
    </cdx:components></cdx:bom>`;
    const result = extract(text);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.purl, c.licenses])).toEqual([['a&b', 'pkg:npm/a%26b@1.0.0', ['&custom; A']]]);
  });

  it('refuses a document with an external DTD or entity declarations, at the line of the declaration', () => {
    const external = '<?xml version="1.0"?>\n<!DOCTYPE bom SYSTEM "file:///etc/passwd">\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>';
    const entities = '<?xml version="1.0"?>\n<!DOCTYPE bom [\n<!ENTITY lol "lol">\n]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5">&lol;</bom>';
    const publicId = '<!DOCTYPE bom PUBLIC "-//X//DTD//EN" "http://example.com/x.dtd"><bom/>';
    for (const [text, line] of [[external, 2], [entities, 3], [publicId, 1]] as const) {
      const result = extract(text);
      expect(result.components).toEqual([]);
      expect(result.problems).toEqual([{ file: 'bom.xml', line, message: 'CycloneDX BOM declares a DTD or entities, which are refused (external entities)' }]);
    }
  });

  it('skips a component whose purl is invalid, with a problem on its line', () => {
    const text = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n<components>\n<component><name>x</name><purl>npm/x</purl></component>\n<component><name>y</name><purl>pkg:gem/y@2.0</purl></component>\n</components>\n</bom>';
    const result = extract(text);
    expect(result.components.map((c) => [c.ecosystem, c.name, c.version])).toEqual([['RubyGems', 'y', '2.0']]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'bom.xml', line: 3 });
  });

  it('reports malformed XML once, with its line', () => {
    const result = extract('<bom>\n<components>\n<component><name>x</name></components>\n</bom>');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(3);
  });

  it('names unclosed tags briefly, however many there are', () => {
    expect(extract(`<bom>${'<a>'.repeat(1000)}`).problems).toEqual([{ file: 'bom.xml', line: 1, message: 'could not read CycloneDX BOM: not well-formed XML (tags are never closed)' }]);
  });

  it('refuses a document whose root is not <bom>', () => {
    expect(extract('<project><name>x</name></project>').problems).toEqual([{ file: 'bom.xml', line: 1, message: 'not a CycloneDX BOM: the root element is <project>, not <bom>' }]);
  });

  it('refuses hostile nesting', () => {
    const result = extract(`<bom>${'<components><component>'.repeat(100)}${'</component></components>'.repeat(100)}</bom>`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(cycloneDxXmlExtractor, { characters: '<>/="& \n!abcomponentspurlbom-ref:;#x' }, { path: 'bom.xml', prefix: '<bom><components>' });
  });
});
