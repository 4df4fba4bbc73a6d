import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { dpkgStatusExtractor } from './dpkg-status.js';

const extract = (text: string) => dpkgStatusExtractor.extract({ path: 'var/lib/dpkg/status', text, readRelated: () => undefined });

const status = `Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12985
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u4
Depends: libgcc-s1
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.

Package: libgcc-s1
Status: hold ok installed
Architecture: amd64
Source: gcc-12 (12.2.0-14)
Version: 12.2.0-14+b1
Pre-Depends: libc6 (>= 2.35) | libc6-udeb:any, gcc-12-base (= 12.2.0-14)

Package: removed-pkg
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1

Package: base-files
Status: install ok installed
Architecture: amd64
Version: 12.4+deb12u5
`;

describe('dpkgStatusExtractor', () => {
  it('matches a status file inside a dpkg folder only', () => {
    expect(dpkgStatusExtractor.matches('var/lib/dpkg/status')).toBe(true);
    expect(dpkgStatusExtractor.matches('rootfs/var/lib/dpkg/status')).toBe(true);
    expect(dpkgStatusExtractor.matches('dpkg/status')).toBe(true);
    expect(dpkgStatusExtractor.matches('var/lib/dpkg/status-old')).toBe(false);
    expect(dpkgStatusExtractor.matches('status')).toBe(false);
    expect(dpkgStatusExtractor.matches('notdpkg/status')).toBe(false);
  });

  it('reports installed packages under their source name and version, keeping the binary in meta and the purl', () => {
    const result = extract(status);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'glibc',
        version: '2.36-9+deb12u4',
        ecosystem: 'Debian',
        purl: 'pkg:deb/debian/libc6@2.36-9+deb12u4',
        groups: [],
        location: { file: 'var/lib/dpkg/status', line: 1 },
        meta: { binary: 'libc6', architecture: 'amd64' },
      },
      {
        name: 'gcc-12',
        version: '12.2.0-14',
        ecosystem: 'Debian',
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14+b1',
        groups: [],
        location: { file: 'var/lib/dpkg/status', line: 16 },
        meta: { binary: 'libgcc-s1', binaryVersion: '12.2.0-14+b1', architecture: 'amd64' },
      },
      {
        name: 'base-files',
        version: '12.4+deb12u5',
        ecosystem: 'Debian',
        purl: 'pkg:deb/debian/base-files@12.4+deb12u5',
        groups: [],
        location: { file: 'var/lib/dpkg/status', line: 28 },
        meta: { binary: 'base-files', architecture: 'amd64' },
      },
    ]);
  });

  it('builds edges from Depends and Pre-Depends to installed binaries, alternatives and arch qualifiers included', () => {
    expect(extract(status).edges).toEqual([
      { from: 'pkg:deb/debian/libc6@2.36-9+deb12u4', to: 'pkg:deb/debian/libgcc-s1@12.2.0-14+b1' },
      { from: 'pkg:deb/debian/libgcc-s1@12.2.0-14+b1', to: 'pkg:deb/debian/libc6@2.36-9+deb12u4' },
    ]);
  });

  it('keeps epochs in versions and reads Windows line endings and case-insensitive field names', () => {
    const result = extract('package: openssl\r\nstatus: install ok installed\r\nversion: 1:3.0.11-1~deb12u2\r\n');
    expect(result.components.map((c) => [c.name, c.version, c.purl, c.location.line])).toEqual([['openssl', '1:3.0.11-1~deb12u2', 'pkg:deb/debian/openssl@1:3.0.11-1~deb12u2', 1]]);
  });

  it('reports an installed stanza without a version and malformed lines with their lines, keeping the others', () => {
    const result = extract('Package: a\nStatus: install ok installed\n\n continuation without field\nnot a field\nPackage: b\nStatus: install ok installed\nVersion: 1\n');
    expect(result.problems).toEqual([
      { file: 'var/lib/dpkg/status', line: 4, message: 'a continuation line outside a field' },
      { file: 'var/lib/dpkg/status', line: 5, message: 'expected "Field: value"' },
      { file: 'var/lib/dpkg/status', line: 1, message: 'an installed package has no Package or Version field' },
    ]);
    expect(result.components.map((c) => [c.name, c.location.line])).toEqual([['b', 6]]);
  });

  it('reads an empty database', () => {
    expect(extract('')).toEqual({ components: [], edges: [], problems: [] });
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(dpkgStatusExtractor, { characters: 'PackageStatusVersionSourceDepends:()|,installed \t\nab1' });
  });
});
