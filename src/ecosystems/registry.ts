/**
 * The one static registry of ecosystems: every folder under src/ecosystems/ registered by a
 * static import (no folder scanning at run time); a test asserts that the folders and this list
 * agree. Adding an ecosystem is one folder and one line here.
 */
import { InputError } from '../errors.js';
import { ecosystem as alpine } from './alpine/index.js';
import { ecosystem as bioconductor } from './bioconductor/index.js';
import { ecosystem as bitnami } from './bitnami/index.js';
import { ecosystem as conan } from './conan/index.js';
import { ecosystem as cratesIo } from './crates-io/index.js';
import { ecosystem as debian } from './debian/index.js';
import { ecosystem as dockerHardenedImages } from './docker-hardened-images/index.js';
import type { Ecosystem, EcosystemErrorCode } from './ecosystem.js';
import { joinName } from './purl.js';
import type { Purl } from '../model/index.js';
import { ecosystem as ghc } from './ghc/index.js';
import { ecosystem as go } from './go/index.js';
import { ecosystem as hex } from './hex/index.js';
import { ecosystem as julia } from './julia/index.js';
import { ecosystem as npm } from './npm/index.js';
import { ecosystem as redhat } from './redhat/index.js';
import { ecosystem as swift } from './swift/index.js';
import { ecosystem as rubygems } from './rubygems/index.js';
import { ecosystem as pypi } from './pypi/index.js';
import { ecosystem as pub } from './pub/index.js';
import { ecosystem as packagist } from './packagist/index.js';
import { ecosystem as nuget } from './nuget/index.js';
import { ecosystem as maven } from './maven/index.js';
import { ecosystem as hackage } from './hackage/index.js';
import { ecosystem as cran } from './cran/index.js';

/** Every ecosystem, keyed in the registry by its OSV name and each alias. */
export const ecosystems: readonly Ecosystem[] = [
  alpine,
  bioconductor,
  bitnami,
  conan,
  cran,
  cratesIo,
  debian,
  dockerHardenedImages,
  ghc,
  go,
  hackage,
  hex,
  julia,
  maven,
  npm,
  nuget,
  packagist,
  pub,
  pypi,
  redhat,
  rubygems,
  swift,
];

const byName = new Map<string, Ecosystem>();
const byLowerName = new Map<string, Ecosystem>();
for (const ecosystem of ecosystems) {
  for (const name of [ecosystem.name, ...(ecosystem.aliases ?? [])]) {
    byName.set(name, ecosystem);
    byLowerName.set(name.toLowerCase(), ecosystem);
  }
}

/**
 * The base of an OSV ecosystem name: everything before the first `:` (`Debian:12` → `Debian`,
 * `Ubuntu:Pro:24.04:LTS` → `Ubuntu`), as the OSV schema defines the suffix.
 */
export function baseEcosystemName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(0, colon);
}

/**
 * The ecosystem for an OSV ecosystem name, with or without a `:suffix`; undefined when Trustline
 * does not know it. The exact spelling is looked up first, then the name ignoring case.
 */
export function findEcosystem(name: string): Ecosystem | undefined {
  const base = baseEcosystemName(name);
  return byName.get(base) ?? byLowerName.get(base.toLowerCase());
}

/** Like {@link findEcosystem}, but throws an InputError `unsupported-ecosystem` for an unknown name. */
export function ecosystemFor(name: string): Ecosystem {
  const found = findEcosystem(name);
  if (found === undefined) {
    throw new InputError('unsupported-ecosystem' satisfies EcosystemErrorCode, `unsupported ecosystem "${name}"`);
  }
  return found;
}

/**
 * Purl types that an ecosystem borrows but does not own: `pkg:generic/...` and `pkg:docker/...`
 * name far more than GHC or Docker Hardened Images, so they never map back to those ecosystems.
 */
const sharedPurlTypes = new Set(['generic', 'docker']);

/**
 * The OSV ecosystem name for a purl type and namespace: `pkg:deb/ubuntu/...` is `Ubuntu`,
 * `pkg:npm/...` is `npm`. Undefined for a purl type no ecosystem owns.
 */
export function osvNameForPurl(type: string, namespace: string | undefined): string | undefined {
  const lowerType = type.toLowerCase();
  if (sharedPurlTypes.has(lowerType)) return undefined;
  for (const ecosystem of ecosystems) {
    if (ecosystem.purlType !== lowerType) continue;
    if (ecosystem.purlNamespace === undefined) return ecosystem.name;
    for (const name of [ecosystem.name, ...(ecosystem.aliases ?? [])]) {
      if (namespace !== undefined && ecosystem.purlNamespace(name) === namespace.toLowerCase()) return name;
    }
  }
  return undefined;
}

/**
 * The package a purl names, as OSV spells it: the ecosystem (`pkg:deb/ubuntu/...` is `Ubuntu`)
 * and the name joined the way OSV writes it (npm `@scope/name`, Maven `group:artifact`, Go and
 * Composer paths with `/`). Undefined for a purl type no ecosystem owns.
 */
export function osvPackageOf(purl: Purl): { readonly ecosystem: string; readonly name: string } | undefined {
  const ecosystem = osvNameForPurl(purl.type, purl.namespace);
  if (ecosystem === undefined) return undefined;
  return { ecosystem, name: joinName(purl.type, purl.namespace, purl.name) };
}
