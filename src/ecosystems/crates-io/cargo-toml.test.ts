import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { cargoTomlExtractor, readRequirement } from './cargo-toml.js';
import { treeFile } from '../../../test/source-file.js';

const extract = (text: string) => cargoTomlExtractor.extract({ path: 'Cargo.toml', text, readRelated: () => undefined });

const manifest = `[package]
name = "app"
version = "0.1.0"

[dependencies]
serde = "1.0.188"
tokio = { version = "~1.32", features = ["full"] }
json = { package = "serde_json", version = ">=1.0, <2" }
extras = { version = "0.3", optional = true }

[dependencies.regex]
version = "=1.9.5"

[dev-dependencies]
proptest = "1"

[build-dependencies]
cc = "*"

[target.'cfg(windows)'.dependencies]
winapi = "0.3.9"
`;

describe('cargoTomlExtractor', () => {
  it('matches Cargo.toml only', () => {
    expect(cargoTomlExtractor.matches('crates/x/Cargo.toml')).toBe(true);
    expect(cargoTomlExtractor.matches('Cargo.lock')).toBe(false);
  });

  it('reports each direct dependency with its requirement, lower bound, group, scope and line', () => {
    const result = extract(manifest);
    expect(result.problems).toEqual([]);
    expect(result.components[0]).toEqual({
      name: 'serde',
      version: '1.0.188',
      ecosystem: 'crates.io',
      purl: 'pkg:cargo/serde@1.0.188',
      groups: [],
      scope: 'prod',
      direct: true,
      unpinned: true,
      versionRange: '1.0.188',
      location: { file: 'Cargo.toml', line: 6 },
    });
    expect(result.components.map((c) => [c.name, c.version, c.versionRange, c.groups, c.scope, c.location.line, c.meta])).toEqual([
      ['serde', '1.0.188', '1.0.188', [], 'prod', 6, undefined],
      ['tokio', '1.32', '~1.32', [], 'prod', 7, undefined],
      ['serde_json', '1.0', '>=1.0, <2', [], 'prod', 8, { alias: 'json' }],
      ['extras', '0.3', '0.3', ['optional'], 'optional', 9, undefined],
      ['regex', '1.9.5', undefined, [], 'prod', 11, undefined],
      ['proptest', '1', '1', ['dev'], 'dev', 15, undefined],
      ['cc', '', '*', ['build'], 'prod', 18, undefined],
      ['winapi', '0.3.9', '0.3.9', [], 'prod', 21, { target: 'cfg(windows)' }],
    ]);
    expect(result.components.find((c) => c.name === 'regex')?.unpinned).toBeUndefined();
  });

  it('reads the lower bound of Cargo requirements', () => {
    expect(readRequirement('^1.2')).toEqual({ version: '1.2', pinned: false });
    expect(readRequirement('>= 1.2.3, < 1.5')).toEqual({ version: '1.2.3', pinned: false });
    expect(readRequirement('< 2, >=1.1')).toEqual({ version: '1.1', pinned: false });
    expect(readRequirement('1.*')).toEqual({ version: '', pinned: false });
    expect(readRequirement('>1.0')).toEqual({ version: '', pinned: false });
    expect(readRequirement('=1.2.3-beta.1')).toEqual({ version: '1.2.3-beta.1', pinned: true });
    expect(readRequirement('=1.2')).toEqual({ version: '1.2', pinned: false });
  });

  it('gives path and git dependencies no version, with their source in meta', () => {
    const result = extract(`[dependencies]
local = { path = "../local" }
pinned-git = { git = "https://github.com/o/pinned", rev = "061a9ab4cfabf2a403dbeab4bbcb8ff97d344dff" }
branch-git = { git = "https://github.com/o/branch", branch = "main", version = "0.2" }
`);
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.versionRange, c.resolved, c.commit, c.meta])).toEqual([
      ['local', '', undefined, undefined, undefined, undefined, { path: '../local' }],
      [
        'pinned-git',
        '',
        undefined,
        undefined,
        'https://github.com/o/pinned',
        '061a9ab4cfabf2a403dbeab4bbcb8ff97d344dff',
        { git: 'https://github.com/o/pinned', rev: '061a9ab4cfabf2a403dbeab4bbcb8ff97d344dff' },
      ],
      ['branch-git', '', true, '0.2', 'https://github.com/o/branch', undefined, { git: 'https://github.com/o/branch', branch: 'main' }],
    ]);
  });

  it('takes workspace = true dependencies from the workspace root above', () => {
    const files = {
      'Cargo.toml': `[workspace]
members = ["crates/*"]
[workspace.dependencies]
anyhow = "1.0.75"
log = { version = "0.4", package = "log" }
`,
      'crates/core/Cargo.toml': `[package]
name = "core"
[dependencies]
anyhow.workspace = true
log = { workspace = true, optional = true }
missing = { workspace = true }
`,
    };
    const result = cargoTomlExtractor.extract(treeFile(files, 'crates/core/Cargo.toml'));
    expect(result.components.map((c) => [c.name, c.version, c.scope, c.location.line, c.meta])).toEqual([
      ['anyhow', '1.0.75', 'prod', 4, { workspace: true }],
      ['log', '0.4', 'optional', 5, { workspace: true }],
    ]);
    expect(result.problems).toEqual([{ file: 'crates/core/Cargo.toml', line: 6, message: 'missing uses workspace = true, but no workspace root on disk declares it' }]);
  });

  it('does not report the workspace root declarations themselves', () => {
    expect(extract('[workspace]\n[workspace.dependencies]\nanyhow = "1"\n').components).toEqual([]);
  });

  it('reports a declaration of the wrong type and keeps the others', () => {
    const result = extract('[dependencies]\nbad = 3\ngood = "1"\n');
    expect(result.components.map((c) => c.name)).toEqual(['good']);
    expect(result.problems).toEqual([{ file: 'Cargo.toml', line: 2, message: 'the declaration of bad is neither a version nor a table' }]);
  });

  it('reports malformed TOML with the parser line and no components', () => {
    const result = extract('[dependencies]\nserde = "1\n');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(2);
  });

  it('refuses deeply nested inline values', () => {
    const result = extract(`x = ${'['.repeat(100)}${']'.repeat(100)}\n`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(cargoTomlExtractor, { characters: '[]{}="\'#,. \nab1', tokens: ['[dependencies]', 'workspace = true', 'version', 'target'] }, { path: 'Cargo.toml', maxLength: 200 });
  });
});
