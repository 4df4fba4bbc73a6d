import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared.js';
import { extractInventory } from './extract.js';
import { formatNames } from './formats.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'sbom');

describe('extractInventory with SBOMs', () => {
  it('registers the four SBOM formats for --parse-as', () => {
    expect(formatNames()).toEqual(expect.arrayContaining(['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value']));
  });

  it('reads bom.json and *.spdx.json found in a folder, by their names', () => {
    const inventory = extractInventory(join(fixtures, 'project'));
    expect(inventory.errors).toEqual([]);
    expect(inventory.projects).toEqual([{ path: '.', files: ['bom.json', 'image.spdx.json'] }]);
    expect(inventory.components.map((c) => [c.location.file, c.ecosystem, c.name, c.version, c.direct])).toEqual([
      ['bom.json', 'npm', 'express', '4.19.2', true],
      ['bom.json', 'npm', 'qs', '6.11.0', false],
      ['image.spdx.json', 'Debian', 'openssl', '3.0.13-1~deb12u1', true],
    ]);
    expect(inventory.edges).toEqual([{ from: 'pkg:npm/express@4.19.2', to: 'pkg:npm/qs@6.11.0' }]);
  });

  it('recognises a single SBOM of another name by its content', () => {
    const read = (file: string) => extractInventory(join(fixtures, 'unnamed', file));
    expect(read('inventory-export.json').components.map((c) => [c.location.file, c.purl])).toEqual([['inventory-export.json', 'pkg:pypi/requests@2.31.0']]);
    expect(read('image-sbom.xml').components.map((c) => [c.location.file, c.location.line, c.purl])).toEqual([['image-sbom.xml', 4, 'pkg:cargo/serde@1.0.197']]);
    expect(read('sbom.txt').components.map((c) => [c.location.file, c.location.line, c.purl])).toEqual([['sbom.txt', 9, 'pkg:gem/rake@13.1.0']]);
  });

  it('reports a single file that is no SBOM and has no known name', () => {
    const inventory = extractInventory(join(fixtures, 'unnamed', 'notes.txt'));
    expect(inventory.components).toEqual([]);
    expect(inventory.errors).toEqual([{ file: 'notes.txt', message: 'not a supported lockfile, manifest or SBOM (use --parse-as FORMAT to name its format)' }]);
  });

  it('reads a file as the SBOM format --parse-as names, whatever its name', () => {
    const inventory = extractInventory(join(fixtures, 'unnamed', 'inventory-export.json'), { parseAs: 'cyclonedx-json' });
    expect(inventory.components.map((c) => c.purl)).toEqual(['pkg:pypi/requests@2.31.0']);
    const wrong = extractInventory(join(fixtures, 'unnamed', 'inventory-export.json'), { parseAs: 'spdx-json' });
    expect(wrong.components).toEqual([]);
    expect(wrong.errors).toEqual([{ file: 'inventory-export.json', message: 'not an SPDX 2.2 or 2.3 JSON document ("spdxVersion" is missing)' }]);
  });

  it('does not pick up SBOMs of other names while walking a folder', () => {
    expect(extractInventory(join(fixtures, 'unnamed')).components).toEqual([]);
  });
});
