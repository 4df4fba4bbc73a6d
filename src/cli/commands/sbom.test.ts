import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.js';
import { cycloneDxJsonValidator, cycloneDxXmlValidator, spdxJsonValidator } from '../../../test/sbom-schemas.js';
import { trustlineVersion } from '../version.js';

const scratch = mkdtempSync(join(tmpdir(), 'trustline-sbom-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const cargoLock = `version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = ["serde"]

[[package]]
name = "serde"
version = "1.0.210"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "c8e3592472072e6e22e0a54d5904d9febf8508f65fb8552499a1abc7d1078c3a"
`;

const goMod = `module example.com/tool

go 1.22

require github.com/spf13/cobra v1.8.1
`;

/** A project folder named `name` with a Cargo.lock and a Go module in a subfolder; `broken` adds an unreadable lockfile. */
function project(name: string, broken = false): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'tool'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.lock'), cargoLock);
  writeFileSync(join(dir, 'tool', 'go.mod'), goMod);
  if (broken) {
    mkdirSync(join(dir, 'broken'), { recursive: true });
    writeFileSync(join(dir, 'broken', 'Cargo.lock'), '[[package]\nname = ');
  }
  return dir;
}

interface CdxBom {
  readonly serialNumber: string;
  readonly metadata: { timestamp?: string; component: { name: string }; tools: { components: { name: string; version: string }[] } };
  readonly components: readonly { 'bom-ref': string }[];
  readonly dependencies: readonly { ref: string; dependsOn?: readonly string[] }[];
}

describe('trustline sbom', () => {
  it('writes CycloneDX JSON by default, with the folder as root and every component of every project', async () => {
    const dir = project('default-format');
    const run = await runCli(['sbom', dir]);
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(await cycloneDxJsonValidator(run.stdout)).toEqual([]);
    const bom = JSON.parse(run.stdout) as CdxBom;
    expect(bom.metadata.component.name).toBe('default-format');
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'trustline', version: trustlineVersion() }]);
    expect(bom.metadata.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    const cargo = ['pkg:cargo/app@0.1.0', 'pkg:cargo/serde@1.0.210'];
    const go = ['pkg:golang/github.com/spf13/cobra@v1.8.1', 'pkg:golang/stdlib@v1.22'];
    expect(bom.components.map((component) => component['bom-ref'])).toEqual([...cargo, ...go]);
    // The Cargo project's own crate and Go's toolchain are what the root depends on besides direct requirements.
    expect(bom.dependencies.find((dependency) => dependency.ref === 'root:default-format')?.dependsOn).toEqual(['pkg:cargo/app@0.1.0', ...go]);
  });

  it('gives byte-identical output with --deterministic, in every format, each valid against its schema', async () => {
    const dir = project('deterministic');
    for (const [format, validate] of [['cyclonedx-json', cycloneDxJsonValidator], ['cyclonedx-xml', cycloneDxXmlValidator], ['spdx-json', spdxJsonValidator]] as const) {
      const first = await runCli(['sbom', '--deterministic', '--format', format, dir]);
      const second = await runCli(['sbom', dir, '-f', format, '--deterministic']);
      expect(first.exitCode, format).toBe(0);
      expect(second.stdout, format).toBe(first.stdout);
      if (validate !== undefined) expect(await validate(first.stdout), format).toEqual([]);
    }
  });

  it('records SOURCE_DATE_EPOCH as the creation time, and refuses a malformed one', async () => {
    const dir = project('source-date');
    const cdx = await runCli(['sbom', '--deterministic', dir], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect((JSON.parse(cdx.stdout) as CdxBom).metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
    const spdx = await runCli(['sbom', '-f', 'spdx-json', dir], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect((JSON.parse(spdx.stdout) as { creationInfo: { created: string } }).creationInfo.created).toBe('2023-11-14T22:13:20Z');
    const bad = await runCli(['sbom', dir], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(bad).toMatchObject({ exitCode: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^trustline: SOURCE_DATE_EPOCH must be a whole number of seconds/);
  });

  it('names the root after the folder of a single lockfile', async () => {
    const dir = project('single-file');
    const run = await runCli(['sbom', '--deterministic', 'Cargo.lock'], { cwd: dir });
    const bom = JSON.parse(run.stdout) as CdxBom;
    expect(bom.metadata.component.name).toBe('single-file');
    expect(bom.components).toHaveLength(2);
  });

  it('takes the input options as inventory does', async () => {
    const dir = project('input-options');
    const noRecursive = JSON.parse((await runCli(['sbom', '--no-recursive', dir])).stdout) as CdxBom;
    expect(noRecursive.components).toHaveLength(2);
    const excluded = JSON.parse((await runCli(['sbom', '--exclude', 'tool', dir])).stdout) as CdxBom;
    expect(excluded.components.map((component) => component['bom-ref'])).toEqual(['pkg:cargo/app@0.1.0', 'pkg:cargo/serde@1.0.210']);
    writeFileSync(join(dir, 'locked.txt'), cargoLock);
    const parsed = JSON.parse((await runCli(['sbom', '--parse-as', 'cargo-lock', join(dir, 'locked.txt')])).stdout) as CdxBom;
    expect(parsed.components).toHaveLength(2);
    const tooBig = await runCli(['sbom', '--max-file-size', '10', dir]);
    expect(tooBig.exitCode).toBe(2);
    expect((JSON.parse(tooBig.stdout) as CdxBom).components).toEqual([]);
  });

  it('reports a bad file on stderr, exits 2, and still writes the rest to --output', async () => {
    const dir = project('broken', true);
    const run = await runCli(['sbom', '.', '--output', 'bom.xml', '--format', 'cyclonedx-xml'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^trustline: broken\/Cargo\.lock(:\d+)?: could not parse Cargo\.lock as TOML/);
    const xml = readFileSync(join(dir, 'bom.xml'), 'utf8');
    expect(await cycloneDxXmlValidator(xml)).toEqual([]);
    expect(xml).toContain('bom-ref="pkg:cargo/serde@1.0.210"');
  });

  it('exits 2 for a missing path or an unknown format', async () => {
    const missing = await runCli(['sbom', join(scratch, 'nope')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
    const format = await runCli(['sbom', '--format', 'spdx-tag-value', scratch]);
    expect(format.exitCode).toBe(2);
    expect(format.stderr).toMatch(/argument 'spdx-tag-value' is invalid/);
  });
});
