import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { packagesLockExtractor } from './packages-lock.js';

const extract = (text: string) => packagesLockExtractor.extract({ path: 'packages.lock.json', text, readRelated: () => undefined });

const hash = (letter: string) => `${letter.repeat(86)}==`;

const lockfile = `{
  "version": 2,
  "dependencies": {
    "net6.0": {
      "Serilog": {
        "type": "Direct",
        "requested": "[3.0.1, )",
        "resolved": "3.0.1",
        "contentHash": "${hash('A')}",
        "dependencies": {
          "System.Memory": "4.5.0"
        }
      },
      "System.Memory": {
        "type": "Transitive",
        "resolved": "4.5.5",
        "contentHash": "${hash('B')}"
      },
      "MyCompany.Shared": {
        "type": "Project",
        "dependencies": { "Serilog": "[3.0.1, )" }
      }
    },
    "net8.0": {
      "serilog": {
        "type": "Direct",
        "requested": "[3.0.1, )",
        "resolved": "3.0.1",
        "contentHash": "${hash('A')}"
      },
      "System.Memory": {
        "type": "CentralTransitive",
        "requested": "[4.5.4, )",
        "resolved": "4.5.4"
      }
    }
  }
}`;

describe('packagesLockExtractor', () => {
  it('matches packages.lock.json only', () => {
    expect(packagesLockExtractor.matches('src/App/packages.lock.json')).toBe(true);
    expect(packagesLockExtractor.matches('package-lock.json')).toBe(false);
  });

  it('reads every target framework, once per name@version ignoring case, with direct, integrity and line', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'Serilog',
        version: '3.0.1',
        ecosystem: 'NuGet',
        purl: 'pkg:nuget/Serilog@3.0.1',
        groups: [],
        direct: true,
        location: { file: 'packages.lock.json', line: 5 },
        integrity: `sha512-${hash('A')}`,
        meta: { targetFrameworks: ['net6.0', 'net8.0'] },
      },
      {
        name: 'System.Memory',
        version: '4.5.5',
        ecosystem: 'NuGet',
        purl: 'pkg:nuget/System.Memory@4.5.5',
        groups: [],
        direct: false,
        location: { file: 'packages.lock.json', line: 14 },
        integrity: `sha512-${hash('B')}`,
        meta: { targetFrameworks: ['net6.0'] },
      },
      {
        name: 'System.Memory',
        version: '4.5.4',
        ecosystem: 'NuGet',
        purl: 'pkg:nuget/System.Memory@4.5.4',
        groups: [],
        direct: false,
        location: { file: 'packages.lock.json', line: 31 },
        meta: { targetFrameworks: ['net8.0'] },
      },
    ]);
  });

  it('links dependencies to the version restored in the same framework; project references are no packages', () => {
    expect(extract(lockfile).edges).toEqual([{ from: 'pkg:nuget/Serilog@3.0.1', to: 'pkg:nuget/System.Memory@4.5.5' }]);
  });

  it('reports an entry without a resolved version and keeps the others', () => {
    const result = extract('{"version":1,"dependencies":{"net6.0":{\n"A":{"type":"Direct"},\n"B":{"type":"Direct","resolved":"1.0.0"}}}}');
    expect(result.problems).toEqual([{ file: 'packages.lock.json', line: 2, message: 'A has no resolved version' }]);
    expect(result.components.map((c) => c.name)).toEqual(['B']);
  });

  it('reports malformed JSON with its line and no components', () => {
    const result = extract('{\n  "version": 1,\n  "dependencies": {\n}');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(4);
    expect(extract('[]').problems).toEqual([{ file: 'packages.lock.json', message: 'could not extract: packages.lock.json is not a JSON object (decoded array)' }]);
  });

  it('refuses deeply nested JSON', () => {
    const result = extract(`{"dependencies":${'['.repeat(100)}${']'.repeat(100)}}`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(packagesLockExtractor, { characters: '{}[]:,"\n 1a', tokens: ['"dependencies"', '"resolved"', '"type"', '"Direct"'] }, { path: 'packages.lock.json', maxLength: 200 });
  });
});

describeShared('nuget-packages-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'nuget-packages-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, packagesLockExtractor)).toEqual([]);
    });
  }
});
