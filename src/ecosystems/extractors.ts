/**
 * The one static registry of extractors: every format of every ecosystem folder, known by its
 * light definition (its folder's formats.ts, gathered in ./formats.ts) and registered with the import of its parser, which
 * runs only when a file of that format is read. A run over one package-lock.json so never loads
 * the YAML, XML or TOML parsers, nor the version schemes of registry.ts. A test asserts that the
 * folders and this list agree, and that each entry loads the extractor of its own format.
 */
import { lazyExtractor } from './extractor.js';
import type { LazyExtractor } from './extractor.js';
import {
  apkInstalledFormat,
  bunLockFormat,
  cargoLockFormat,
  cargoTomlFormat,
  composerLockFormat,
  conanLockFormat,
  csprojFormat,
  dpkgStatusFormat,
  gemfileFormat,
  gemfileLockFormat,
  goModFormat,
  gradleLockfileFormat,
  mixLockFormat,
  packageJsonFormat,
  packageLockFormat,
  packagesLockFormat,
  pdmLockFormat,
  pipRequirementsFormat,
  pipfileLockFormat,
  pnpmLockFormat,
  poetryLockFormat,
  pomXmlFormat,
  pubspecLockFormat,
  pylockFormat,
  pyprojectTomlFormat,
  renvLockFormat,
  uvLockFormat,
  yarnLockFormat,
} from './formats.js';

/** Every lockfile, manifest and package-database extractor, each owned by its ecosystem's folder. */
export const extractors: readonly LazyExtractor[] = [
  lazyExtractor(apkInstalledFormat, () => import('./alpine/apk-installed.js').then((module) => module.apkInstalledExtractor)),
  lazyExtractor(conanLockFormat, () => import('./conan/conan-lock.js').then((module) => module.conanLockExtractor)),
  lazyExtractor(renvLockFormat, () => import('./cran/renv-lock.js').then((module) => module.renvLockExtractor)),
  lazyExtractor(cargoLockFormat, () => import('./crates-io/cargo-lock.js').then((module) => module.cargoLockExtractor)),
  lazyExtractor(cargoTomlFormat, () => import('./crates-io/cargo-toml.js').then((module) => module.cargoTomlExtractor)),
  lazyExtractor(dpkgStatusFormat, () => import('./debian/dpkg-status.js').then((module) => module.dpkgStatusExtractor)),
  lazyExtractor(goModFormat, () => import('./go/go-mod.js').then((module) => module.goModExtractor)),
  lazyExtractor(mixLockFormat, () => import('./hex/mix-lock.js').then((module) => module.mixLockExtractor)),
  lazyExtractor(gradleLockfileFormat, () => import('./maven/gradle-lockfile.js').then((module) => module.gradleLockfileExtractor)),
  lazyExtractor(pomXmlFormat, () => import('./maven/pom-xml.js').then((module) => module.pomXmlExtractor)),
  lazyExtractor(bunLockFormat, () => import('./npm/bun-lock.js').then((module) => module.bunLockExtractor)),
  lazyExtractor(packageJsonFormat, () => import('./npm/package-json.js').then((module) => module.packageJsonExtractor)),
  lazyExtractor(packageLockFormat, () => import('./npm/package-lock.js').then((module) => module.packageLockExtractor)),
  lazyExtractor(pnpmLockFormat, () => import('./npm/pnpm-lock.js').then((module) => module.pnpmLockExtractor)),
  lazyExtractor(yarnLockFormat, () => import('./npm/yarn-lock.js').then((module) => module.yarnLockExtractor)),
  lazyExtractor(csprojFormat, () => import('./nuget/csproj.js').then((module) => module.csprojExtractor)),
  lazyExtractor(packagesLockFormat, () => import('./nuget/packages-lock.js').then((module) => module.packagesLockExtractor)),
  lazyExtractor(composerLockFormat, () => import('./packagist/composer-lock.js').then((module) => module.composerLockExtractor)),
  lazyExtractor(pubspecLockFormat, () => import('./pub/pubspec-lock.js').then((module) => module.pubspecLockExtractor)),
  lazyExtractor(pdmLockFormat, () => import('./pypi/pdm-lock.js').then((module) => module.pdmLockExtractor)),
  lazyExtractor(pipfileLockFormat, () => import('./pypi/pipfile-lock.js').then((module) => module.pipfileLockExtractor)),
  lazyExtractor(poetryLockFormat, () => import('./pypi/poetry-lock.js').then((module) => module.poetryLockExtractor)),
  lazyExtractor(pylockFormat, () => import('./pypi/pylock.js').then((module) => module.pylockExtractor)),
  lazyExtractor(pyprojectTomlFormat, () => import('./pypi/pyproject-toml.js').then((module) => module.pyprojectTomlExtractor)),
  lazyExtractor(pipRequirementsFormat, () => import('./pypi/requirements.js').then((module) => module.pipRequirementsExtractor)),
  lazyExtractor(uvLockFormat, () => import('./pypi/uv-lock.js').then((module) => module.uvLockExtractor)),
  lazyExtractor(gemfileLockFormat, () => import('./rubygems/gemfile-lock.js').then((module) => module.gemfileLockExtractor)),
  lazyExtractor(gemfileFormat, () => import('./rubygems/gemfile.js').then((module) => module.gemfileExtractor)),
];
