import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { spdxJsonExtractor } from './spdx-json.js';
import { spdxTagValueExtractor } from './spdx-tag-value.js';

const extract = (text: string) => spdxTagValueExtractor.extract({ path: 'app.spdx', text, readRelated: () => undefined });

const document = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: shop
DocumentNamespace: https://spdx.org/spdxdocs/shop-0b1f2c3d
Creator: Tool: example-1.0
Created: 2024-05-01T10:00:00Z
DocumentComment: <text>Generated for the
release build.</text>

##### Package: shop

PackageName: shop
SPDXID: SPDXRef-Root
PackageVersion: 1.0.0
PackageDownloadLocation: NOASSERTION

PackageName: express
SPDXID: SPDXRef-npm-express
PackageVersion: 4.19.2
PackageDownloadLocation: https://registry.npmjs.org/express/-/express-4.19.2.tgz
PackageChecksum: SHA1: 901466a5bb52ee6de63e3e385285e690d5cba424
PackageChecksum: SHA512: 596046b727c346b3c8cf1172d0768f71c46b8faefc8bde736b1d8c8b15c9413e514e48c72495ac77f6215b0ab2e04686f4f3950c02bf463c625a2d236a80079c
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: MIT
ExternalRef: SECURITY cpe23Type cpe:2.3:a:express:express:4.19.2:*:*:*:*:*:*:*
ExternalRef: PACKAGE-MANAGER purl pkg:npm/express@4.19.2
PackageComment: <text>
A line that looks like a tag:
PackageName: not-a-package
</text>

FileName: ./index.js
SPDXID: SPDXRef-File-index
FileChecksum: SHA1: 901466a5bb52ee6de63e3e385285e690d5cba424

PackageName: qs
SPDXID: SPDXRef-npm-qs
PackageVersion: 6.11.0
PackageDownloadLocation: NONE
PackageLicenseConcluded: BSD-3-Clause
PackageLicenseDeclared: BSD-3-Clause
ExternalRef: PACKAGE-MANAGER purl pkg:npm/qs@6.11.0

PackageName: pytest
SPDXID: SPDXRef-pypi-pytest
PackageVersion: 8.2.0
PackageDownloadLocation: NOASSERTION
ExternalRef: PACKAGE-MANAGER purl pkg:pypi/PyTest@8.2.0

PackageName: fsevents
SPDXID: SPDXRef-fsevents
PackageVersion: 2.3.3
PackageDownloadLocation: NOASSERTION
ExternalRef: PACKAGE-MANAGER purl pkg:npm/fsevents@2.3.3

PackageName: openssl
SPDXID: SPDXRef-openssl
PackageVersion: 3.0.13
PackageDownloadLocation: https://www.openssl.org/source/openssl-3.0.13.tar.gz

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Root
Relationship: SPDXRef-Root DEPENDS_ON SPDXRef-npm-express
Relationship: SPDXRef-npm-express DEPENDS_ON SPDXRef-npm-qs
Relationship: SPDXRef-pypi-pytest DEV_DEPENDENCY_OF SPDXRef-Root
Relationship: SPDXRef-fsevents OPTIONAL_DEPENDENCY_OF SPDXRef-npm-express
Relationship: SPDXRef-Root CONTAINS SPDXRef-openssl
Relationship: SPDXRef-npm-qs DEPENDENCY_OF SPDXRef-fsevents
`;

/** The same document in JSON: both readers must map it the same way. */
const sameDocumentAsJson = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  SPDXID: 'SPDXRef-DOCUMENT',
  packages: [
    { SPDXID: 'SPDXRef-Root', name: 'shop', versionInfo: '1.0.0', downloadLocation: 'NOASSERTION' },
    {
      SPDXID: 'SPDXRef-npm-express',
      name: 'express',
      versionInfo: '4.19.2',
      downloadLocation: 'https://registry.npmjs.org/express/-/express-4.19.2.tgz',
      checksums: [
        { algorithm: 'SHA1', checksumValue: '901466a5bb52ee6de63e3e385285e690d5cba424' },
        { algorithm: 'SHA512', checksumValue: '596046b727c346b3c8cf1172d0768f71c46b8faefc8bde736b1d8c8b15c9413e514e48c72495ac77f6215b0ab2e04686f4f3950c02bf463c625a2d236a80079c' },
      ],
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'MIT',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/express@4.19.2' }],
    },
    { SPDXID: 'SPDXRef-npm-qs', name: 'qs', versionInfo: '6.11.0', downloadLocation: 'NONE', licenseConcluded: 'BSD-3-Clause', licenseDeclared: 'BSD-3-Clause', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/qs@6.11.0' }] },
    { SPDXID: 'SPDXRef-pypi-pytest', name: 'pytest', versionInfo: '8.2.0', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:pypi/PyTest@8.2.0' }] },
    { SPDXID: 'SPDXRef-fsevents', name: 'fsevents', versionInfo: '2.3.3', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/fsevents@2.3.3' }] },
    { SPDXID: 'SPDXRef-openssl', name: 'openssl', versionInfo: '3.0.13', downloadLocation: 'https://www.openssl.org/source/openssl-3.0.13.tar.gz' },
  ],
  relationships: [
    ['SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-Root'],
    ['SPDXRef-Root', 'DEPENDS_ON', 'SPDXRef-npm-express'],
    ['SPDXRef-npm-express', 'DEPENDS_ON', 'SPDXRef-npm-qs'],
    ['SPDXRef-pypi-pytest', 'DEV_DEPENDENCY_OF', 'SPDXRef-Root'],
    ['SPDXRef-fsevents', 'OPTIONAL_DEPENDENCY_OF', 'SPDXRef-npm-express'],
    ['SPDXRef-Root', 'CONTAINS', 'SPDXRef-openssl'],
    ['SPDXRef-npm-qs', 'DEPENDENCY_OF', 'SPDXRef-fsevents'],
  ].map(([spdxElementId, relationshipType, relatedSpdxElement]) => ({ spdxElementId, relationshipType, relatedSpdxElement })),
});

const withoutLocations = <T extends { location: object }>(components: readonly T[]) => components.map((component) => ({ ...component, location: {} }));

describe('spdxTagValueExtractor', () => {
  it('matches *.spdx only', () => {
    expect(['app.spdx', 'sbom/APP.SPDX'].map((path) => spdxTagValueExtractor.matches(path))).toEqual([true, true]);
    expect(['app.spdx.json', 'spdx.txt'].map((path) => spdxTagValueExtractor.matches(path))).toEqual([false, false]);
  });

  it('maps a document exactly as the JSON reader maps the same document', () => {
    const fromTags = extract(document);
    const fromJson = spdxJsonExtractor.extract({ path: 'app.spdx.json', text: sameDocumentAsJson, readRelated: () => undefined });
    expect(fromTags.problems).toEqual([]);
    expect(withoutLocations(fromTags.components)).toEqual(withoutLocations(fromJson.components));
    expect(fromTags.edges).toEqual(fromJson.edges);
    expect(fromTags.edges).toHaveLength(3);
  });

  it('reports each package but the described root at the line of its PackageName, ignoring tags inside <text>', () => {
    expect(extract(document).components.map((c) => [c.name, c.version, c.location.line, c.direct, c.scope])).toEqual([
      ['express', '4.19.2', 18, true, undefined],
      ['qs', '6.11.0', 37, false, undefined],
      ['pytest', '8.2.0', 45, true, 'dev'],
      ['fsevents', '2.3.3', 51, false, 'optional'],
      ['openssl', '3.0.13', 57, false, undefined],
    ]);
  });

  it('takes the SPDXID after FileName as the file\'s, not the package\'s', () => {
    const [express] = extract(document).components;
    expect(express?.meta).toEqual({ spdxId: 'SPDXRef-npm-express' });
  });

  it('reports malformed lines and keeps reading', () => {
    const text = 'SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\nPackageName: a\nSPDXID: SPDXRef-a\nExternalRef: PACKAGE-MANAGER purl pkg:npm/a@1.0.0\nthis is no tag\nRelationship: SPDXRef-a DEPENDS_ON\nPackageChecksum: SHA256\n';
    const result = extract(text);
    expect(result.components.map((c) => c.purl)).toEqual(['pkg:npm/a@1.0.0']);
    expect(result.problems).toEqual([
      { file: 'app.spdx', line: 6, message: 'not a "Tag: value" line' },
      { file: 'app.spdx', line: 7, message: 'a Relationship is not "element TYPE element": "SPDXRef-a DEPENDS_ON"' },
      { file: 'app.spdx', line: 8, message: 'a PackageChecksum is not "ALGORITHM: value": "SHA256"' },
    ]);
  });

  it('skips a package whose purl is invalid, with a problem at its PackageName', () => {
    const result = extract('SPDXVersion: SPDX-2.2\nPackageName: x\nExternalRef: PACKAGE_MANAGER purl npm/x@1\nPackageName: y\nPackageVersion: 2\n');
    expect(result.components.map((c) => [c.ecosystem, c.name, c.version])).toEqual([['', 'y', '2']]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'app.spdx', line: 2 });
  });

  it('reports a <text> value that is never closed, keeping what came before', () => {
    const result = extract('SPDXVersion: SPDX-2.3\nPackageName: a\nPackageVersion: 1\nPackageComment: <text>open\nand never closed\n');
    expect(result.components.map((c) => c.name)).toEqual(['a']);
    expect(result.problems).toEqual([{ file: 'app.spdx', line: 4, message: 'the <text> value of PackageComment is never closed by </text>' }]);
  });

  it('refuses a text that does not start with SPDXVersion, or is not SPDX 2', () => {
    expect(extract('# comment\nhello world\nPackageName: a\n').problems).toEqual([{ file: 'app.spdx', line: 2, message: 'not an SPDX tag-value document: it does not start with "SPDXVersion:"' }]);
    expect(extract('SPDXVersion: SPDX-1.2\n').problems).toEqual([{ file: 'app.spdx', line: 1, message: 'not an SPDX 2.2 or 2.3 document (SPDXVersion is "SPDX-1.2")' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(spdxTagValueExtractor, { characters: 'PackageName:SPDXIDRelationshipExternalRef <text></text>\n#-_ pkg:npm/a@1' }, { path: 'app.spdx', prefix: 'SPDXVersion: SPDX-2.3\n', maxLength: 400 });
  });
});
