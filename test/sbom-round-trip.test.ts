/**
 * SBOM round trip: an inventory written by src/report (CycloneDX JSON and XML, SPDX JSON) and read
 * back by src/inventory/sbom gives the same packages, versions, graph and direct dependencies. It
 * lives in test/ because src/inventory may not import src/report (DESIGN.md layering).
 */
import { describe, expect, it } from 'vitest';
import { cycloneDxJsonExtractor } from '../src/inventory/sbom/cyclonedx-json.js';
import { cycloneDxXmlExtractor } from '../src/inventory/sbom/cyclonedx-xml.js';
import { spdxJsonExtractor } from '../src/inventory/sbom/spdx-json.js';
import type { Component, Extraction, Inventory } from '../src/model/index.js';
import { cycloneDxXml } from '../src/report/cyclonedx.js';
import { cycloneDxJson } from '../src/report/cyclonedx-json.js';
import { spdxJson } from '../src/report/spdx.js';

function component(ecosystem: string, name: string, version: string, purl: string, extra: Partial<Component> = {}): Component {
  return { ecosystem, name, version, purl, groups: [], location: { file: 'lockfile', line: 1 }, ...extra };
}

const sha512 = 'sha512-WWBGtyfDRrPIzxFy0HaPccRrj678i95zax2MixXJQT5RTkjHJJWsd/YhWwqy4EaG9POVDAK/RjxiWi0jaoAHnA==';

const inventory: Inventory = {
  root: '.',
  projects: [{ path: '.', files: ['lockfile'] }],
  components: [
    component('npm', 'express', '4.19.2', 'pkg:npm/express@4.19.2', { direct: true, scope: 'prod', integrity: sha512, licenses: ['MIT'] }),
    component('npm', 'qs', '6.11.0', 'pkg:npm/qs@6.11.0', { direct: false, scope: 'prod' }),
    component('npm', '@babel/core', '7.24.0', 'pkg:npm/%40babel/core@7.24.0', { direct: true, scope: 'dev', licenses: ['MIT OR Apache-2.0'] }),
    component('npm', 'fsevents', '2.3.3', 'pkg:npm/fsevents@2.3.3', { direct: true, scope: 'optional' }),
    component('Maven', 'com.google.guava:guava', '31.1-jre', 'pkg:maven/com.google.guava/guava@31.1-jre', { direct: false }),
    component('Go', 'github.com/gin-gonic/gin', 'v1.9.1', 'pkg:golang/github.com/gin-gonic/gin@v1.9.1', { direct: false }),
    component('PyPI', 'requests', '2.31.0', 'pkg:pypi/requests@2.31.0', { direct: false }),
  ],
  edges: [
    { from: 'pkg:npm/express@4.19.2', to: 'pkg:npm/qs@6.11.0' },
    { from: 'pkg:npm/%40babel/core@7.24.0', to: 'pkg:maven/com.google.guava/guava@31.1-jre' },
    { from: 'pkg:npm/fsevents@2.3.3', to: 'pkg:golang/github.com/gin-gonic/gin@v1.9.1' },
    { from: 'pkg:npm/fsevents@2.3.3', to: 'pkg:pypi/requests@2.31.0' },
  ],
  errors: [],
};

const options = { rootName: 'shop', toolVersion: '0.0.0', deterministic: true };

const byPurl = (a: { purl: string }, b: { purl: string }): number => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0);
const byEdge = (a: { from: string; to: string }, b: { from: string; to: string }): number => (`${a.from} ${a.to}` < `${b.from} ${b.to}` ? -1 : 1);

function identities(components: readonly Component[]): unknown[] {
  return [...components].sort(byPurl).map(({ ecosystem, name, version, purl, direct }) => ({ ecosystem, name, version, purl, direct }));
}

function read(extraction: Extraction): Extraction {
  expect(extraction.problems).toEqual([]);
  return extraction;
}

const source = (path: string, text: string) => ({ path, text, readRelated: () => undefined });

describe('SBOM round trip (src/report → src/inventory/sbom)', () => {
  const written = [
    ['CycloneDX JSON', async () => read(cycloneDxJsonExtractor.extract(source('bom.json', await cycloneDxJson(inventory, options))))],
    ['CycloneDX XML', () => Promise.resolve(read(cycloneDxXmlExtractor.extract(source('bom.xml', cycloneDxXml(inventory, options)))))],
    ['SPDX JSON', () => Promise.resolve(read(spdxJsonExtractor.extract(source('app.spdx.json', spdxJson(inventory, options)))))],
  ] as const;

  for (const [format, readBack] of written) {
    it(`${format} keeps purls, names, versions, direct dependencies and edges`, async () => {
      const extraction = await readBack();
      expect(identities(extraction.components)).toEqual(identities(inventory.components));
      expect([...extraction.edges].sort(byEdge)).toEqual([...inventory.edges].sort(byEdge));
    });
  }

  for (const [format, readBack] of written.slice(0, 2)) {
    it(`${format} keeps scope, integrity and licences`, async () => {
      const back = new Map((await readBack()).components.map((c) => [c.purl, c]));
      for (const original of inventory.components) {
        const copy = back.get(original.purl);
        expect(copy?.integrity).toBe(original.integrity);
        expect(copy?.licenses).toEqual(original.licenses);
        // CycloneDX has no peer scope (`required` reads back as prod); an unknown scope stays unknown.
        expect(copy?.scope).toBe(original.scope);
      }
    });
  }

  it('SPDX JSON keeps the scopes its relationships can say (dev and optional direct dependencies), integrity and licences', () => {
    const back = new Map(read(spdxJsonExtractor.extract(source('app.spdx.json', spdxJson(inventory, options)))).components.map((c) => [c.purl, c]));
    expect(back.get('pkg:npm/%40babel/core@7.24.0')?.scope).toBe('dev');
    expect(back.get('pkg:npm/fsevents@2.3.3')?.scope).toBe('optional');
    // DEPENDS_ON does not say whether a dependency is needed at run time.
    expect(back.get('pkg:npm/express@4.19.2')).toMatchObject({ integrity: sha512, licenses: ['MIT'] });
    expect(back.get('pkg:npm/express@4.19.2')?.scope).toBeUndefined();
  });
});
