import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spdxJsonExtractor } from './spdx-json.js';

const extract = (text: string) => spdxJsonExtractor.extract({ path: 'app.spdx.json', text, readRelated: () => undefined });

/** A document in the shape GitHub's dependency graph export and Syft write: one described root, its dependencies. */
const document = `{
  "spdxVersion": "SPDX-2.3",
  "dataLicense": "CC0-1.0",
  "SPDXID": "SPDXRef-DOCUMENT",
  "name": "shop",
  "documentNamespace": "https://spdx.org/spdxdocs/shop-0b1f2c3d",
  "creationInfo": { "created": "2024-05-01T10:00:00Z", "creators": ["Tool: example-1.0"] },
  "packages": [
    {
      "SPDXID": "SPDXRef-Root",
      "name": "shop",
      "versionInfo": "1.0.0",
      "downloadLocation": "NOASSERTION",
      "externalRefs": [{ "referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:github/acme/shop@main" }]
    },
    {
      "SPDXID": "SPDXRef-npm-express",
      "name": "express",
      "versionInfo": "4.19.2",
      "downloadLocation": "https://registry.npmjs.org/express/-/express-4.19.2.tgz",
      "licenseConcluded": "NOASSERTION",
      "licenseDeclared": "MIT",
      "checksums": [
        { "algorithm": "SHA1", "checksumValue": "901466a5bb52ee6de63e3e385285e690d5cba424" },
        { "algorithm": "SHA512", "checksumValue": "596046b727c346b3c8cf1172d0768f71c46b8faefc8bde736b1d8c8b15c9413e514e48c72495ac77f6215b0ab2e04686f4f3950c02bf463c625a2d236a80079c" }
      ],
      "externalRefs": [
        { "referenceCategory": "SECURITY", "referenceType": "cpe23Type", "referenceLocator": "cpe:2.3:a:express:express:4.19.2:*:*:*:*:*:*:*" },
        { "referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/express@4.19.2" }
      ]
    },
    {
      "SPDXID": "SPDXRef-npm-qs",
      "name": "qs",
      "versionInfo": "6.11.0",
      "downloadLocation": "NONE",
      "licenseConcluded": "BSD-3-Clause",
      "licenseDeclared": "BSD-3-Clause",
      "externalRefs": [{ "referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/qs@6.11.0" }]
    },
    {
      "SPDXID": "SPDXRef-pypi-pytest",
      "name": "pytest",
      "versionInfo": "8.2.0",
      "downloadLocation": "NOASSERTION",
      "externalRefs": [{ "referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:pypi/PyTest@8.2.0" }]
    },
    {
      "SPDXID": "SPDXRef-fsevents",
      "name": "fsevents",
      "versionInfo": "2.3.3",
      "downloadLocation": "NOASSERTION",
      "externalRefs": [{ "referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/fsevents@2.3.3" }]
    },
    {
      "SPDXID": "SPDXRef-openssl",
      "name": "openssl",
      "versionInfo": "3.0.13",
      "downloadLocation": "https://www.openssl.org/source/openssl-3.0.13.tar.gz"
    }
  ],
  "relationships": [
    { "spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-Root" },
    { "spdxElementId": "SPDXRef-Root", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-npm-express" },
    { "spdxElementId": "SPDXRef-npm-express", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-npm-qs" },
    { "spdxElementId": "SPDXRef-pypi-pytest", "relationshipType": "DEV_DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-Root" },
    { "spdxElementId": "SPDXRef-fsevents", "relationshipType": "OPTIONAL_DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-npm-express" },
    { "spdxElementId": "SPDXRef-Root", "relationshipType": "CONTAINS", "relatedSpdxElement": "SPDXRef-openssl" },
    { "spdxElementId": "SPDXRef-npm-qs", "relationshipType": "DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-fsevents" },
    { "spdxElementId": "SPDXRef-npm-qs", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "DocumentRef-other:SPDXRef-x" }
  ]
}
`;

describe('spdxJsonExtractor', () => {
  it('matches *.spdx.json only', () => {
    expect(['app.spdx.json', 'sbom/X.SPDX.JSON'].map((path) => spdxJsonExtractor.matches(path))).toEqual([true, true]);
    expect(['spdx.json', 'app.spdx', 'bom.json'].map((path) => spdxJsonExtractor.matches(path))).toEqual([false, false, false]);
  });

  it('reports every package but the described root, at the line of its object', () => {
    const result = extract(document);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.ecosystem, c.name, c.version, c.purl, c.location.line])).toEqual([
      ['npm', 'express', '4.19.2', 'pkg:npm/express@4.19.2', 16],
      ['npm', 'qs', '6.11.0', 'pkg:npm/qs@6.11.0', 32],
      ['PyPI', 'pytest', '8.2.0', 'pkg:pypi/pytest@8.2.0', 41],
      ['npm', 'fsevents', '2.3.3', 'pkg:npm/fsevents@2.3.3', 48],
      // No purl: ecosystem '' and a generic purl, so a scan lists it as unmatched.
      ['', 'openssl', '3.0.13', 'pkg:generic/openssl@3.0.13', 55],
    ]);
  });

  it('marks what the root depends on direct, and takes scope from the dependency relationships', () => {
    expect(extract(document).components.map((c) => [c.name, c.direct, c.scope])).toEqual([
      ['express', true, undefined],
      ['qs', false, undefined],
      ['pytest', true, 'dev'],
      ['fsevents', false, 'optional'],
      // CONTAINS is not a dependency.
      ['openssl', false, undefined],
    ]);
  });

  it('maps checksums, licences without NOASSERTION, and the download location', () => {
    const [express, qs, pytest, , openssl] = extract(document).components;
    expect(express).toMatchObject({
      integrity: 'sha512-WWBGtyfDRrPIzxFy0HaPccRrj678i95zax2MixXJQT5RTkjHJJWsd/YhWwqy4EaG9POVDAK/RjxiWi0jaoAHnA==',
      licenses: ['MIT'],
      resolved: 'https://registry.npmjs.org/express/-/express-4.19.2.tgz',
      meta: { spdxId: 'SPDXRef-npm-express' },
    });
    expect(qs?.licenses).toEqual(['BSD-3-Clause']);
    expect(qs?.resolved).toBeUndefined();
    expect(pytest?.licenses).toBeUndefined();
    expect(openssl?.resolved).toBe('https://www.openssl.org/source/openssl-3.0.13.tar.gz');
  });

  it('turns dependency relationships into edges from dependent to dependency, in either direction', () => {
    expect(extract(document).edges).toEqual([
      { from: 'pkg:npm/express@4.19.2', to: 'pkg:npm/qs@6.11.0' },
      { from: 'pkg:npm/express@4.19.2', to: 'pkg:npm/fsevents@2.3.3' },
      { from: 'pkg:npm/fsevents@2.3.3', to: 'pkg:npm/qs@6.11.0' },
    ]);
  });

  it('reads SPDX 2.2: documentDescribes and the PACKAGE_MANAGER category', () => {
    const text = JSON.stringify({
      spdxVersion: 'SPDX-2.2',
      SPDXID: 'SPDXRef-DOCUMENT',
      documentDescribes: ['SPDXRef-app'],
      packages: [
        { SPDXID: 'SPDXRef-app', name: 'app' },
        { SPDXID: 'SPDXRef-gin', name: 'gin', versionInfo: 'v1.9.1', externalRefs: [{ referenceCategory: 'PACKAGE_MANAGER', referenceType: 'purl', referenceLocator: 'pkg:golang/github.com/gin-gonic/gin@v1.9.1' }] },
      ],
      relationships: [{ spdxElementId: 'SPDXRef-app', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-gin' }],
    });
    expect(extract(text).components.map((c) => [c.ecosystem, c.name, c.version, c.direct])).toEqual([['Go', 'github.com/gin-gonic/gin', 'v1.9.1', true]]);
  });

  it('keeps every package of a document that describes them all, and leaves direct unknown without a root', () => {
    const text = JSON.stringify({
      spdxVersion: 'SPDX-2.3',
      SPDXID: 'SPDXRef-DOCUMENT',
      packages: [{ SPDXID: 'SPDXRef-a', name: 'requests', versionInfo: '2.31.0', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:pypi/requests@2.31.0' }] }],
      relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-a' }],
    });
    const [component] = extract(text).components;
    expect(component).toMatchObject({ ecosystem: 'PyPI', name: 'requests', version: '2.31.0' });
    expect(component?.direct).toBeUndefined();
  });

  it('skips a package whose purl is invalid, with a problem on its line', () => {
    const text = '{\n"spdxVersion": "SPDX-2.3",\n"packages": [\n{"SPDXID": "SPDXRef-x", "name": "x", "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/"}]},\n{"SPDXID": "SPDXRef-y", "name": "y", "versionInfo": "1"}\n]}';
    const result = extract(text);
    expect(result.components.map((c) => c.name)).toEqual(['y']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'app.spdx.json', line: 4 });
    expect(result.problems[0]?.message).toMatch(/^package skipped: invalid purl/);
  });

  it('refuses a document that is not SPDX 2, and reports malformed JSON with its line', () => {
    expect(extract('{"@context": "https://spdx.org/rdf/3.0.0/spdx-context.jsonld"}').problems).toEqual([
      { file: 'app.spdx.json', message: 'not an SPDX 2.2 or 2.3 JSON document ("spdxVersion" is missing)' },
    ]);
    const malformed = extract('{\n"spdxVersion": "SPDX-2.3",\n"packages": [\n}');
    expect(malformed.components).toEqual([]);
    expect(malformed.problems).toHaveLength(1);
    expect(malformed.problems[0]?.line).toBe(4);
  });

  it('never throws, whatever the packages and relationships', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 2 }), (packages, relationships, documentDescribes) => {
        const result = extract(JSON.stringify({ spdxVersion: 'SPDX-2.3', packages, relationships, documentDescribes }));
        return Array.isArray(result.components) && Array.isArray(result.edges);
      }),
    );
  });
});
