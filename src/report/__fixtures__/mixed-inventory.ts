/**
 * An inventory with what SBOM renderers must get right: a scoped npm package, a Maven
 * group:artifact with qualifiers in its purl, one purl found in two files (dev in one, prod in
 * the other), hashes from npm and Cargo, a URL with a token, git and registry sources, licences
 * valid and not, an unpinned requirement, a name with XML's special characters, and edges that
 * must be dropped (to an unknown purl, to itself).
 */
import type { Component, Inventory } from '../../model/index.js';

/** SHA-512 of the empty string. */
export const emptySha512Hex =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
/** SHA-256 of the empty string, as Cargo.lock writes a checksum. */
export const emptySha256Hex = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const purls = {
  babel: 'pkg:npm/%40babel/core@7.25.8',
  semver: 'pkg:npm/semver@6.3.1',
  commons: 'pkg:maven/org.apache.commons/commons-lang3@3.14.0?classifier=sources&type=jar',
  serde: 'pkg:cargo/serde@1.0.210',
  app: 'pkg:cargo/my-app@0.1.0',
  forked: 'pkg:cargo/forked@0.2.0',
  odd: 'pkg:pypi/odd-name@1.0',
  unpinned: 'pkg:pypi/requests',
} as const;

function component(fields: Partial<Component> & Pick<Component, 'name' | 'version' | 'ecosystem' | 'purl'>): Component {
  return { groups: [], location: { file: 'lockfile', line: 1 }, ...fields };
}

export const mixedInventory: Inventory = {
  root: '.',
  projects: [{ path: '.', files: ['package-lock.json', 'Cargo.lock', 'pom.xml', 'requirements.txt'] }],
  components: [
    component({
      name: '@babel/core',
      version: '7.25.8',
      ecosystem: 'npm',
      purl: purls.babel,
      scope: 'dev',
      groups: ['dev'],
      direct: true,
      integrity: `sha512-${Buffer.from(emptySha512Hex, 'hex').toString('base64')}`,
      resolved: 'https://user:s3cret@registry.example.com/@babel/core/-/core-7.25.8.tgz',
      licenses: ['mit'],
    }),
    component({ name: 'semver', version: '6.3.1', ecosystem: 'npm', purl: purls.semver, scope: 'dev', direct: false, licenses: ['ISC', 'Apache-2.0 OR MIT'] }),
    component({ name: 'semver', version: '6.3.1', ecosystem: 'npm', purl: purls.semver, scope: 'prod', direct: false, location: { file: 'sub/package-lock.json' } }),
    component({ name: 'org.apache.commons:commons-lang3', version: '3.14.0', ecosystem: 'Maven', purl: purls.commons, scope: 'prod', direct: true, licenses: ['Apache License, Version 2.0'] }),
    component({ name: 'my-app', version: '0.1.0', ecosystem: 'crates.io', purl: purls.app }),
    component({
      name: 'serde',
      version: '1.0.210',
      ecosystem: 'crates.io',
      purl: purls.serde,
      resolved: 'registry+https://github.com/rust-lang/crates.io-index',
      integrity: `sha256-${Buffer.from(emptySha256Hex, 'hex').toString('base64')}`,
      licenses: ['MIT OR Apache-2.0'],
    }),
    component({ name: 'forked', version: '0.2.0', ecosystem: 'crates.io', purl: purls.forked, resolved: 'git+https://github.com/example/forked?branch=main#0123456789abcdef' }),
    component({ name: 'odd<&>"name\u0001', version: '1.0', ecosystem: 'PyPI', purl: purls.odd, scope: 'optional', direct: true, licenses: ['LicenseRef-Custom'] }),
    component({ name: 'requests', version: '2.31', ecosystem: 'PyPI', purl: purls.unpinned, direct: true, unpinned: true, versionRange: '>=2.31' }),
  ],
  edges: [
    { from: purls.babel, to: purls.semver },
    { from: purls.app, to: purls.serde },
    { from: purls.app, to: purls.forked },
    { from: purls.app, to: 'pkg:cargo/not-a-component@1.0.0' },
    { from: purls.serde, to: purls.serde },
  ],
  errors: [],
};

export const emptyInventory: Inventory = { root: '.', projects: [], components: [], edges: [], errors: [] };
