import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../test/shared.js';
import { ecosystemFor, ecosystems, findEcosystem, osvNameForPurl } from './registry.js';
import { compareVersions, normalizePackageName } from './versions.js';

interface ParseCases {
  readonly supportedEcosystems: readonly string[];
  readonly alsoSupportedNotInEmptyStringCheck: readonly string[];
  readonly ecosystemsWithSuffix: readonly string[];
  readonly unsupportedEcosystem: readonly string[];
  readonly invalidVersions: Readonly<Record<string, readonly string[]>>;
  readonly invalidComparisons: readonly { readonly ecosystem: string; readonly a: string; readonly b: string }[];
}

describe('ecosystem registry', () => {
  it('registers exactly the ecosystem folders', () => {
    const folders = readdirSync(join(repoRoot, 'src', 'ecosystems'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'schemes' && !entry.name.startsWith('__'))
      .map((entry) => entry.name)
      .sort();
    expect(ecosystems).toHaveLength(folders.length);
    expect(new Set(ecosystems).size).toBe(folders.length);
  });

  it('gives every ecosystem a definition, a purl type and a unique set of names', () => {
    const names = ecosystems.flatMap((ecosystem) => [ecosystem.name, ...(ecosystem.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const ecosystem of ecosystems) {
      expect(ecosystem.definition.short, ecosystem.name).not.toBe('');
      expect(ecosystem.definition.reference, ecosystem.name).not.toBe('');
      expect(ecosystem.purlType, ecosystem.name).toMatch(/^[a-z][a-z0-9.+-]*$/);
    }
  });

  it('looks names up exactly, then ignoring case, and ignores a :suffix', () => {
    expect(findEcosystem('npm')?.name).toBe('npm');
    expect(findEcosystem('Debian:12')?.name).toBe('Debian');
    expect(findEcosystem('debian')?.name).toBe('Debian');
    expect(findEcosystem('Wolfi')?.name).toBe('Alpine');
    expect(findEcosystem('Nope')).toBeUndefined();
    expect(() => ecosystemFor('Nope')).toThrow(expect.objectContaining({ code: 'unsupported-ecosystem' }));
  });

  it('maps purl types and distribution namespaces back to OSV names', () => {
    expect(osvNameForPurl('npm', undefined)).toBe('npm');
    expect(osvNameForPurl('cargo', undefined)).toBe('crates.io');
    expect(osvNameForPurl('deb', 'ubuntu')).toBe('Ubuntu');
    expect(osvNameForPurl('deb', 'debian')).toBe('Debian');
    expect(osvNameForPurl('apk', 'wolfi')).toBe('Wolfi');
    expect(osvNameForPurl('generic', undefined)).toBeUndefined();
    expect(osvNameForPurl('docker', undefined)).toBeUndefined();
    expect(osvNameForPurl('unknown', undefined)).toBeUndefined();
  });

  it('compares and normalizes through the public functions', () => {
    expect(compareVersions('npm', '1.2.3', 'v1.2.4')).toBe(-1);
    expect(compareVersions('Debian:12', '1:1.0', '2.0')).toBe(1);
    expect(normalizePackageName('Debian', 'OpenSSL')).toBe('openssl');
  });
});

describeShared('parse-cases.json (OSV-SCALIBR semantic/parse_test.go)', ['corpus', 'versions'], (dir) => {
  const cases = JSON.parse(readFileSync(join(dir, 'parse-cases.json'), 'utf8')) as ParseCases;

  it('accepts every supported ecosystem, and the empty version in each, sorting it lowest', () => {
    for (const name of cases.supportedEcosystems) {
      expect(findEcosystem(name), name).toBeDefined();
      expect(compareVersions(name, '', ''), name).toBe(0);
      expect(compareVersions(name, '', '1'), name).toBe(-1);
    }
    for (const name of cases.alsoSupportedNotInEmptyStringCheck) expect(findEcosystem(name), name).toBeDefined();
  });

  it('resolves names with a :suffix to their base ecosystem', () => {
    for (const name of cases.ecosystemsWithSuffix) {
      expect(findEcosystem(name)?.name, name).toBe(findEcosystem(name.split(':')[0] ?? '')?.name);
      expect(findEcosystem(name), name).toBeDefined();
    }
  });

  it('rejects unsupported ecosystems', () => {
    for (const name of cases.unsupportedEcosystem) {
      expect(() => compareVersions(name, '1', '2'), name).toThrow(expect.objectContaining({ code: 'unsupported-ecosystem' }));
    }
  });

  it('rejects the invalid versions with invalid-version', () => {
    for (const [name, versions] of Object.entries(cases.invalidVersions)) {
      for (const version of versions) {
        expect(() => compareVersions(name, version, version), `${name} ${version}`).toThrow(expect.objectContaining({ code: 'invalid-version' }));
      }
    }
  });

  it('fails a comparison with an invalid side instead of returning an order', () => {
    for (const { ecosystem, a, b } of cases.invalidComparisons) {
      expect(() => compareVersions(ecosystem, a, b)).toThrow(expect.objectContaining({ code: 'invalid-version' }));
      expect(() => compareVersions(ecosystem, b, a)).toThrow(expect.objectContaining({ code: 'invalid-version' }));
    }
  });
});
