import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { cycloneDxJsonExtractor } from './cyclonedx-json.js';

const extract = (text: string, path = 'bom.json') => cycloneDxJsonExtractor.extract({ path, text, readRelated: () => undefined });

/** A BOM in the shape cdxgen and the CycloneDX npm plugin write: a subject, nested components, a graph. */
const bom = `{
  "bomFormat": "CycloneDX",
  "specVersion": "1.5",
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "version": 1,
  "metadata": {
    "component": { "type": "application", "bom-ref": "app", "name": "shop", "version": "1.0.0" }
  },
  "components": [
    {
      "type": "library",
      "bom-ref": "pkg:npm/lodash@4.17.21",
      "name": "lodash",
      "version": "4.17.21",
      "purl": "pkg:npm/lodash@4.17.21",
      "scope": "required",
      "hashes": [
        { "alg": "SHA-1", "content": "901466a5bb52ee6de63e3e385285e690d5cba424" },
        { "alg": "SHA-512", "content": "596046b727c346b3c8cf1172d0768f71c46b8faefc8bde736b1d8c8b15c9413e514e48c72495ac77f6215b0ab2e04686f4f3950c02bf463c625a2d236a80079c" }
      ],
      "licenses": [{ "license": { "id": "MIT" } }],
      "externalReferences": [{ "type": "distribution", "url": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz" }]
    },
    {
      "type": "library",
      "bom-ref": "babel",
      "group": "@babel",
      "name": "core",
      "version": "7.24.0",
      "purl": "pkg:npm/%40babel/core@7.24.0",
      "scope": "excluded",
      "licenses": [{ "expression": "MIT OR Apache-2.0" }]
    },
    {
      "type": "library",
      "bom-ref": "shaded",
      "group": "org.example",
      "name": "fat",
      "version": "2.0",
      "purl": "pkg:maven/org.example/fat@2.0?type=jar",
      "scope": "optional",
      "hashes": [{ "alg": "SHA-256", "content": "0d45f5fd462b8c70bffb10021ac1bcff3f58f29b1faf7568595095427d42812c" }],
      "components": [
        {
          "type": "library",
          "bom-ref": "inner",
          "group": "com.google.guava",
          "name": "guava",
          "purl": "pkg:maven/com.google.guava/guava",
          "version": "31.1-jre",
          "licenses": [{ "license": { "name": "The Apache Software License, Version 2.0" } }]
        }
      ]
    },
    { "type": "library", "bom-ref": "vendored", "name": "zlib", "version": "1.3.1" },
    { "type": "library", "bom-ref": "conda", "name": "numpy", "version": "1.26.4", "purl": "pkg:conda/numpy@1.26.4" }
  ],
  "dependencies": [
    { "ref": "app", "dependsOn": ["pkg:npm/lodash@4.17.21", "babel", "shaded", "vendored"] },
    { "ref": "babel", "dependsOn": ["pkg:npm/lodash@4.17.21", "missing-ref"] },
    { "ref": "shaded", "dependsOn": ["inner"] },
    { "ref": "inner", "dependsOn": [] },
    { "ref": "vendored", "dependsOn": ["vendored"] }
  ]
}
`;

describe('cycloneDxJsonExtractor', () => {
  it('matches the CycloneDX file name patterns only', () => {
    expect(['bom.json', 'sub/app.cdx.json', 'app.bom.json', 'BOM.JSON'].map((path) => cycloneDxJsonExtractor.matches(path))).toEqual([true, true, true, true]);
    expect(['package.json', 'bom.json.bak', 'bom.xml', 'mybom.json'].map((path) => cycloneDxJsonExtractor.matches(path))).toEqual([false, false, false, false]);
  });

  it('reports every component, nested ones included, at the line of its object, and leaves the subject out', () => {
    const result = extract(bom);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.ecosystem, c.name, c.version, c.purl, c.location.line])).toEqual([
      ['npm', 'lodash', '4.17.21', 'pkg:npm/lodash@4.17.21', 10],
      ['npm', '@babel/core', '7.24.0', 'pkg:npm/%40babel/core@7.24.0', 24],
      ['Maven', 'org.example:fat', '2.0', 'pkg:maven/org.example/fat@2.0?type=jar', 34],
      // A purl without a version takes the component's, so the graph tells versions apart.
      ['Maven', 'com.google.guava:guava', '31.1-jre', 'pkg:maven/com.google.guava/guava@31.1-jre', 44],
      // No purl, and a purl type no ecosystem owns: reported with ecosystem '' so a scan lists them as unmatched.
      ['', 'zlib', '1.3.1', 'pkg:generic/zlib@1.3.1', 55],
      ['', 'numpy', '1.26.4', 'pkg:conda/numpy@1.26.4', 56],
    ]);
  });

  it('marks what the subject depends on direct, and the rest not', () => {
    expect(extract(bom).components.map((c) => [c.name, c.direct])).toEqual([
      ['lodash', true],
      ['@babel/core', true],
      ['org.example:fat', true],
      ['com.google.guava:guava', false],
      ['zlib', true],
      ['numpy', false],
    ]);
  });

  it('maps scope, SHA-2 hashes, licences and the distribution URL', () => {
    const [lodash, babel, fat, guava] = extract(bom).components;
    expect(lodash).toMatchObject({
      scope: 'prod',
      integrity: 'sha512-WWBGtyfDRrPIzxFy0HaPccRrj678i95zax2MixXJQT5RTkjHJJWsd/YhWwqy4EaG9POVDAK/RjxiWi0jaoAHnA==',
      licenses: ['MIT'],
      resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz',
      meta: { bomRef: 'pkg:npm/lodash@4.17.21' },
    });
    expect(babel).toMatchObject({ scope: 'dev', licenses: ['MIT OR Apache-2.0'] });
    expect(fat).toMatchObject({ scope: 'optional', integrity: 'sha256-DUX1/UYrjHC/+xACGsG8/z9Y8psfr3VoWVCVQn1CgSw=' });
    expect(guava?.scope).toBeUndefined();
    expect(guava?.licenses).toEqual(['The Apache Software License, Version 2.0']);
  });

  it('turns dependencies into edges between component purls, dropping unknown refs and self-edges', () => {
    expect(extract(bom).edges).toEqual([
      { from: 'pkg:npm/%40babel/core@7.24.0', to: 'pkg:npm/lodash@4.17.21' },
      { from: 'pkg:maven/org.example/fat@2.0?type=jar', to: 'pkg:maven/com.google.guava/guava@31.1-jre' },
    ]);
  });

  it('leaves direct unknown when the BOM records no dependencies of its subject, or an empty list', () => {
    const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2', components: [{ type: 'library', name: 'a', purl: 'pkg:pypi/a@1.0' }] });
    const [component] = extract(text).components;
    expect(component?.direct).toBeUndefined();
    expect(component?.ecosystem).toBe('PyPI');
    const emptyRoot = JSON.stringify({
      bomFormat: 'CycloneDX',
      metadata: { component: { 'bom-ref': 'root', name: 'app' } },
      components: [{ 'bom-ref': 'a', name: 'a', purl: 'pkg:pypi/a@1.0' }],
      dependencies: [{ ref: 'root', dependsOn: [] }],
    });
    expect(extract(emptyRoot).components[0]?.direct).toBeUndefined();
  });

  it('leaves out the subject when a tool also lists it among the components', () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      metadata: { component: { 'bom-ref': 'root', name: 'app' } },
      components: [{ 'bom-ref': 'root', name: 'app', purl: 'pkg:npm/app@1.0.0' }, { 'bom-ref': 'b', name: 'b', purl: 'pkg:npm/b@1.0.0' }],
    });
    expect(extract(text).components.map((c) => c.name)).toEqual(['b']);
  });

  it('takes no scope from an inherited property name', () => {
    const text = JSON.stringify({ bomFormat: 'CycloneDX', components: [{ name: 'a', purl: 'pkg:npm/a@1.0.0', scope: 'constructor' }] });
    expect(extract(text).components[0]?.scope).toBeUndefined();
  });

  it('reads the version range Trustline writes for an unpinned component', () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      components: [{ name: 'left-pad', purl: 'pkg:npm/left-pad', properties: [{ name: 'trustline:versionRange', value: '^1.3.0' }] }],
    });
    expect(extract(text).components[0]).toMatchObject({ version: '', purl: 'pkg:npm/left-pad', unpinned: true, versionRange: '^1.3.0' });
  });

  it('skips a component whose purl is invalid, with a problem on its line, and keeps the others', () => {
    const text = '{\n  "bomFormat": "CycloneDX",\n  "components": [\n    { "name": "bad", "purl": "pkg:/nothing" },\n    { "name": "good", "purl": "pkg:cargo/good@1.0.0" }\n  ]\n}\n';
    const result = extract(text);
    expect(result.components.map((c) => c.purl)).toEqual(['pkg:cargo/good@1.0.0']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'bom.json', line: 4 });
    expect(result.problems[0]?.message).toMatch(/^component skipped: invalid purl "pkg:\/nothing"/);
  });

  it('reports a component that is not an object, and one with neither purl nor name', () => {
    const result = extract('{"bomFormat": "CycloneDX",\n"components": [\n"x",\n{"version": "1"}]}');
    expect(result.components).toEqual([]);
    expect(result.problems).toEqual([
      { file: 'bom.json', line: 3, message: 'a component is not an object' },
      { file: 'bom.json', line: 4, message: 'component skipped: a package has neither a purl nor a name' },
    ]);
  });

  it('reports malformed JSON once, with its line', () => {
    const result = extract('{\n  "bomFormat": "CycloneDX",\n  "components": [\n    { "name": \n  ]\n}');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(5);
  });

  it('refuses a JSON document that is not a CycloneDX BOM', () => {
    expect(extract('{"spdxVersion": "SPDX-2.3"}').problems).toEqual([{ file: 'bom.json', message: 'not a CycloneDX BOM: "bomFormat" is not "CycloneDX"' }]);
  });

  it('refuses hostile nesting before parsing', () => {
    const deep = `{"bomFormat": "CycloneDX", "components": ${'[{"components":'.repeat(200)}[]${'}]'.repeat(200)}}`;
    const result = extract(deep);
    expect(result.components).toEqual([]);
    expect(result.problems).toEqual([{ file: 'bom.json', message: 'CycloneDX BOM nests deeper than 128 levels' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(cycloneDxJsonExtractor, { characters: '{}[]":,. \nabpkg:/@1bomFormatCycloneDXcomponentspurl' }, { path: 'bom.json', prefix: '{"bomFormat":"CycloneDX",' });
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), (components, dependencies) => {
        const result = extract(JSON.stringify({ bomFormat: 'CycloneDX', metadata: { component: { 'bom-ref': 'r' } }, components, dependencies }));
        return Array.isArray(result.components) && Array.isArray(result.edges);
      }),
    );
  });
});
