/**
 * The npm input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

/**
 * Whether `path` is a file of one of `names` outside any node_modules folder: a lockfile or
 * manifest inside node_modules came with an installed package and says nothing of the project,
 * whose own lockfile already lists what it installs. The name is compared first, without splitting
 * the path: this runs for every file of every folder walked.
 */
function isProjectFile(path: string, names: readonly string[]): boolean {
  const slash = path.lastIndexOf('/');
  if (!names.includes(path.slice(slash + 1))) return false;
  return slash === -1 || !`/${path.slice(0, slash)}/`.includes('/node_modules/');
}

export const bunLockFormat: InputFormat = {
  format: 'bun-lock',
  ecosystem: 'npm',
  matches: (path) => isProjectFile(path, ['bun.lock']),
  definition: {
    short: 'bun.lock (Bun text lockfile): every package with its commit (git), direct dependencies, scope and the dependency graph',
    fileNames: ['bun.lock'],
  },
};

export const packageJsonFormat: InputFormat = {
  format: 'package-json',
  ecosystem: 'npm',
  matches: (path) => isProjectFile(path, ['package.json']),
  definition: {
    short: 'package.json (manifest): dependencies, devDependencies, optionalDependencies and peerDependencies as unpinned ranges',
    fileNames: ['package.json'],
  },
};

const packageLockFileNames = ['package-lock.json', 'npm-shrinkwrap.json'] as const;

export const packageLockFormat: InputFormat = {
  format: 'npm-package-lock',
  ecosystem: 'npm',
  matches: (path) => isProjectFile(path, packageLockFileNames),
  definition: {
    short: 'package-lock.json and npm-shrinkwrap.json (lockfileVersion 1, 2 and 3): every installed package with its groups, direct dependencies, integrity, licence (versions 2 and 3) and the dependency graph',
    fileNames: packageLockFileNames,
  },
};

export const pnpmLockFormat: InputFormat = {
  format: 'pnpm-lock',
  ecosystem: 'npm',
  matches: (path) => isProjectFile(path, ['pnpm-lock.yaml']),
  definition: {
    short: 'pnpm-lock.yaml (lockfileVersion 5.x, 6.0 and 9.0): every package with its commit (git), integrity, dev group, scope, direct dependencies and the dependency graph',
    fileNames: ['pnpm-lock.yaml'],
  },
};

export const yarnLockFormat: InputFormat = {
  format: 'yarn-lock',
  ecosystem: 'npm',
  matches: (path) => isProjectFile(path, ['yarn.lock']),
  definition: {
    short: 'yarn.lock (yarn 1 and yarn 2+ berry): every resolved package with its commit (git), integrity and the dependency graph; direct dependencies for berry',
    fileNames: ['yarn.lock'],
  },
};
