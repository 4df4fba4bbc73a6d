import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { apkInstalledExtractor } from './apk-installed.js';

const extract = (text: string) => apkInstalledExtractor.extract({ path: 'lib/apk/db/installed', text, readRelated: () => undefined });

const installed = `C:Q1Q8lsO8t0N3x2hRj4mW4W3pXX0Xk=
P:musl
V:1.2.4-r2
A:x86_64
S:383152
I:622592
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Timo Teräs <timo.teras@iki.fi>
t:1698766210
c:0ec3c5bb6ee2ea9d5b0d8bde15f9d2ef4bab5c16
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
R:libc.musl-x86_64.so.1

C:Q1abc=
P:libcrypto3
V:3.1.4-r1
A:x86_64
L:Apache-2.0
o:openssl
D:so:libc.musl-x86_64.so.1 !libcrypto1.1
p:so:libcrypto.so.3=3

P:busybox-binsh
V:1.36.1-r15
D:busybox=1.36.1-r15 musl>=1.2
`;

describe('apkInstalledExtractor', () => {
  it('matches installed inside an apk/db folder only', () => {
    expect(apkInstalledExtractor.matches('lib/apk/db/installed')).toBe(true);
    expect(apkInstalledExtractor.matches('rootfs/lib/apk/db/installed')).toBe(true);
    expect(apkInstalledExtractor.matches('installed')).toBe(false);
    expect(apkInstalledExtractor.matches('lib/apk/db/installed.bak')).toBe(false);
    expect(apkInstalledExtractor.matches('lib/db/installed')).toBe(false);
  });

  it('reports each package under its origin, keeping the binary in meta and the purl, at its first line', () => {
    const result = extract(installed);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'musl',
        version: '1.2.4-r2',
        ecosystem: 'Alpine',
        purl: 'pkg:apk/alpine/musl@1.2.4-r2',
        groups: [],
        location: { file: 'lib/apk/db/installed', line: 1 },
        meta: { binary: 'musl', architecture: 'x86_64', checksum: 'Q1Q8lsO8t0N3x2hRj4mW4W3pXX0Xk=' },
        licenses: ['MIT'],
      },
      {
        name: 'openssl',
        version: '3.1.4-r1',
        ecosystem: 'Alpine',
        purl: 'pkg:apk/alpine/libcrypto3@3.1.4-r1',
        groups: [],
        location: { file: 'lib/apk/db/installed', line: 19 },
        meta: { binary: 'libcrypto3', architecture: 'x86_64', checksum: 'Q1abc=' },
        licenses: ['Apache-2.0'],
      },
      {
        name: 'busybox-binsh',
        version: '1.36.1-r15',
        ecosystem: 'Alpine',
        purl: 'pkg:apk/alpine/busybox-binsh@1.36.1-r15',
        groups: [],
        location: { file: 'lib/apk/db/installed', line: 28 },
        meta: { binary: 'busybox-binsh' },
      },
    ]);
  });

  it('builds edges through package names and provided so: names, skipping conflicts and absent packages', () => {
    expect(extract(installed).edges).toEqual([
      { from: 'pkg:apk/alpine/libcrypto3@3.1.4-r1', to: 'pkg:apk/alpine/musl@1.2.4-r2' },
      { from: 'pkg:apk/alpine/busybox-binsh@1.36.1-r15', to: 'pkg:apk/alpine/musl@1.2.4-r2' },
    ]);
  });

  it('reports a stanza without a version and malformed lines with their lines, keeping the others', () => {
    const result = extract('P:a\n\nnot a field\nP:b\nV:1.0-r0\n');
    expect(result.problems).toEqual([
      { file: 'lib/apk/db/installed', line: 3, message: 'expected "K:value"' },
      { file: 'lib/apk/db/installed', line: 1, message: 'a package has no P (name) or V (version) field' },
    ]);
    expect(result.components.map((c) => [c.name, c.location.line])).toEqual([['b', 4]]);
  });

  it('reads an empty database and Windows line endings', () => {
    expect(extract('')).toEqual({ components: [], edges: [], problems: [] });
    expect(extract('P:zlib\r\nV:1.3-r2\r\n').components.map((c) => [c.name, c.version])).toEqual([['zlib', '1.3-r2']]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(apkInstalledExtractor, { characters: 'PVoDp:=<>!so \nab1' });
  });
});
