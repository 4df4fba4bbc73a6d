import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../../test/shared.js';
import { extractInventory } from './extract.js';
import { extractorForFormat, formatNames } from './formats.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'sbom');

describe('extractInventory with SBOMs', () => {
  it('registers the four SBOM formats for --parse-as', () => {
    expect(formatNames()).toEqual(expect.arrayContaining(['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value']));
  });

  it('reads bom.json and *.spdx.json found in a folder, by their names', async () => {
    const inventory = await extractInventory(join(fixtures, 'project'));
    expect(inventory.errors).toEqual([]);
    expect(inventory.projects).toEqual([{ path: '.', files: ['bom.json', 'image.spdx.json'] }]);
    expect(inventory.components.map((c) => [c.location.file, c.ecosystem, c.name, c.version, c.direct])).toEqual([
      ['bom.json', 'npm', 'express', '4.19.2', true],
      ['bom.json', 'npm', 'qs', '6.11.0', false],
      ['image.spdx.json', 'Debian', 'openssl', '3.0.13-1~deb12u1', true],
    ]);
    expect(inventory.edges).toEqual([{ from: 'pkg:npm/express@4.19.2', to: 'pkg:npm/qs@6.11.0' }]);
  });

  it('recognises a single SBOM of another name by its content', async () => {
    const read = (file: string) => extractInventory(join(fixtures, 'unnamed', file));
    expect((await read('inventory-export.json')).components.map((c) => [c.location.file, c.purl])).toEqual([['inventory-export.json', 'pkg:pypi/requests@2.31.0']]);
    expect((await read('image-sbom.xml')).components.map((c) => [c.location.file, c.location.line, c.purl])).toEqual([['image-sbom.xml', 4, 'pkg:cargo/serde@1.0.197']]);
    expect((await read('sbom.txt')).components.map((c) => [c.location.file, c.location.line, c.purl])).toEqual([['sbom.txt', 9, 'pkg:gem/rake@13.1.0']]);
  });

  it('reports a single file that is no SBOM and has no known name', async () => {
    const inventory = await extractInventory(join(fixtures, 'unnamed', 'notes.txt'));
    expect(inventory.components).toEqual([]);
    expect(inventory.errors).toEqual([{ file: 'notes.txt', message: 'not a supported lockfile, manifest or SBOM (use --parse-as FORMAT to name its format)' }]);
  });

  it('reads a file as the SBOM format --parse-as names, whatever its name', async () => {
    const inventory = await extractInventory(join(fixtures, 'unnamed', 'inventory-export.json'), { parseAs: 'cyclonedx-json' });
    expect(inventory.components.map((c) => c.purl)).toEqual(['pkg:pypi/requests@2.31.0']);
    const wrong = await extractInventory(join(fixtures, 'unnamed', 'inventory-export.json'), { parseAs: 'spdx-json' });
    expect(wrong.components).toEqual([]);
    expect(wrong.errors).toEqual([{ file: 'inventory-export.json', message: 'not an SPDX 2.2 or 2.3 JSON document ("spdxVersion" is missing)' }]);
  });

  it('does not pick up SBOMs of other names while walking a folder', async () => {
    expect((await extractInventory(join(fixtures, 'unnamed'))).components).toEqual([]);
  });
});

describe('extractInventory with manifests beside lockfiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'trustline-shadow-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  // Files larger than this limit cannot be read: a shadowed manifest made larger proves it is never read.
  const maxFileBytes = 400;
  const padding = 'x'.repeat(maxFileBytes);
  const lockfile = (name: string, dependency: string, description = '') =>
    JSON.stringify({ name, description, lockfileVersion: 3, packages: { '': { name, dependencies: { [dependency]: '^1.0.0' } }, [`node_modules/${dependency}`]: { version: '1.0.0' } } });
  const manifest = (name: string, dependency: string, description = '') => JSON.stringify({ name, description, dependencies: { [dependency]: '^2.0.0' } });
  const files: Record<string, string> = {
    // A manifest alone: read. Walked first, read after the lockfiles: still listed first.
    'app/package.json': manifest('app', 'app-dep'),
    'lib/package-lock.json': lockfile('lib', 'lib-dep'),
    // Shadowed by the lockfile beside it, and too large: an error would show that it was read.
    'lib/package.json': manifest('lib', 'lib-manifest-dep', padding),
    // A lockfile that cannot be read shadows nothing: the manifest beside it is read.
    'tool/package-lock.json': lockfile('tool', 'tool-lock-dep', padding),
    'tool/package.json': manifest('tool', 'tool-dep'),
    // Shadowed and readable: only the shadowing keeps its parser from being loaded.
    'web/package-lock.json': lockfile('web', 'web-dep'),
    'web/package.json': manifest('web', 'web-manifest-dep'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  it('neither reads nor reports a manifest a lockfile shadows, and reads one beside an unreadable lockfile, in walk order', async () => {
    const inventory = await extractInventory(root, { maxFileBytes });
    expect(inventory.components.map((c) => [c.location.file, c.name, c.version])).toEqual([
      ['app/package.json', 'app-dep', '2.0.0'],
      ['lib/package-lock.json', 'lib-dep', '1.0.0'],
      ['tool/package.json', 'tool-dep', '2.0.0'],
      ['web/package-lock.json', 'web-dep', '1.0.0'],
    ]);
    expect(inventory.projects).toEqual([
      { path: 'app', files: ['app/package.json'] },
      { path: 'lib', files: ['lib/package-lock.json'] },
      { path: 'tool', files: ['tool/package.json'] },
      { path: 'web', files: ['web/package-lock.json'] },
    ]);
    expect(inventory.errors).toEqual([{ file: 'tool/package-lock.json', message: `larger than the ${maxFileBytes}-byte limit (raise it with --max-file-size)` }]);
  });

  it('does not load the parser of a shadowed manifest', async () => {
    const packageJson = extractorForFormat('package-json')!;
    const load = vi.spyOn(packageJson, 'load');
    try {
      const inventory = await extractInventory(join(root, 'web'));
      expect(inventory.components.map((c) => c.name)).toEqual(['web-dep']);
      expect(load).not.toHaveBeenCalled();
      await extractInventory(join(root, 'tool'), { maxFileBytes });
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      load.mockRestore();
    }
  });
});
