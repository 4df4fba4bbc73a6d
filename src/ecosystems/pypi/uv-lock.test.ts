import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { uvLockExtractor } from './uv-lock.js';

const extract = (text: string) => uvLockExtractor.extract({ path: 'uv.lock', text, readRelated: () => undefined });

const lockfile = `version = 1
requires-python = ">=3.10"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "requests" },
]

[package.optional-dependencies]
cli = [
    { name = "click" },
]

[package.dev-dependencies]
dev = [
    { name = "pytest" },
    { name = "requests" },
]

[[package]]
name = "requests"
version = "2.31.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "idna" },
]

[[package]]
name = "idna"
version = "3.6"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "click"
version = "8.1.7"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "colorama", marker = "platform_system == 'Windows'" },
]

[[package]]
name = "colorama"
version = "0.4.6"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pytest"
version = "8.0.0"
source = { git = "https://github.com/pytest-dev/pytest?rev=main#84748be16341b76e073d117329f7f5f4ee2941ad" }
dependencies = [
    { name = "idna" },
    { name = "pluggy", version = "1.4.0", source = { registry = "https://pypi.org/simple" } },
]

[[package]]
name = "pluggy"
version = "1.3.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pluggy"
version = "1.4.0"
source = { registry = "https://pypi.org/simple" }
`;

describe('uvLockExtractor', () => {
  it('matches uv.lock only', () => {
    expect(uvLockExtractor.matches('app/uv.lock')).toBe(true);
    expect(uvLockExtractor.matches('uv.toml')).toBe(false);
  });

  it('skips the project, and gives groups to its direct extras and dependency groups only', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.groups, c.direct, c.scope, c.location.line])).toEqual([
      ['requests', '2.31.0', [], true, 'prod', 24],
      ['idna', '3.6', [], false, 'prod', 32],
      ['click', '8.1.7', ['cli'], true, 'optional', 37],
      ['colorama', '0.4.6', [], false, 'optional', 45],
      ['pytest', '8.0.0', ['dev'], true, 'dev', 50],
      ['pluggy', '1.3.0', [], false, undefined, 59],
      ['pluggy', '1.4.0', [], false, 'dev', 64],
    ]);
  });

  it('takes the commit from a git source and keeps the source as resolved', () => {
    const pytest = extract(lockfile).components.find((c) => c.name === 'pytest');
    expect(pytest?.commit).toBe('84748be16341b76e073d117329f7f5f4ee2941ad');
    expect(pytest?.resolved).toBe('https://github.com/pytest-dev/pytest?rev=main#84748be16341b76e073d117329f7f5f4ee2941ad');
  });

  it('builds edges, a recorded version choosing among locked versions', () => {
    expect(extract(lockfile).edges).toEqual([
      { from: 'pkg:pypi/requests@2.31.0', to: 'pkg:pypi/idna@3.6' },
      { from: 'pkg:pypi/click@8.1.7', to: 'pkg:pypi/colorama@0.4.6' },
      { from: 'pkg:pypi/pytest@8.0.0', to: 'pkg:pypi/idna@3.6' },
      { from: 'pkg:pypi/pytest@8.0.0', to: 'pkg:pypi/pluggy@1.4.0' },
    ]);
  });

  it('tells neither direct nor scope without a project entry', () => {
    const result = extract('version = 1\n\n[[package]]\nname = "six"\nversion = "1.16.0"\nsource = { registry = "https://pypi.org/simple" }\n');
    expect(result.components.map((c) => [c.name, c.groups, c.direct, c.scope])).toEqual([['six', [], undefined, undefined]]);
  });

  it('reports a malformed file with the parser line and no components', () => {
    const result = extract('version = 1\n[[package]]\nname = \n');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(3);
  });

  it('reports an entry without a version at its line and keeps the others', () => {
    const result = extract('[[package]]\nname = "a"\n\n[[package]]\nname = "b"\nversion = "1.0.0"\n');
    expect(result.problems).toEqual([{ file: 'uv.lock', line: 2, message: 'a [[package]] entry has no name or version' }]);
    expect(result.components.map((c) => c.name)).toEqual(['b']);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(uvLockExtractor, { characters: '[]{}="\'#,. \nab1-packagesourcevirtual' }, { path: 'uv.lock' });
  });
});

describeShared('uv-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'uv-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, uvLockExtractor)).toEqual([]);
    });
  }
});
