/**
 * The npm input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

export const bunLockFormat: InputFormat = {
  format: 'bun-lock',
  ecosystem: 'npm',
  matches: (path) => {
    const segments = path.split('/');
    return segments[segments.length - 1] === 'bun.lock' && !segments.slice(0, -1).includes('node_modules');
  },
  definition: {
    short: 'bun.lock (Bun text lockfile): every package with its commit (git), direct dependencies, scope and the dependency graph',
    fileNames: ['bun.lock'],
  },
};

export const packageJsonFormat: InputFormat = {
  format: 'package-json',
  ecosystem: 'npm',
  matches: (path) => {
    const segments = path.split('/');
    return segments[segments.length - 1] === 'package.json' && !segments.slice(0, -1).includes('node_modules');
  },
  definition: {
    short: 'package.json (manifest): dependencies, devDependencies, optionalDependencies and peerDependencies as unpinned ranges',
    fileNames: ['package.json'],
  },
};

const packageLockFileNames = ['package-lock.json', 'npm-shrinkwrap.json'] as const;

export const packageLockFormat: InputFormat = {
  format: 'npm-package-lock',
  ecosystem: 'npm',
  matches: (path) => {
    const segments = path.split('/');
    // A lockfile inside node_modules came with an installed package; the project's own lockfile already lists what it installs.
    return (packageLockFileNames as readonly string[]).includes(segments[segments.length - 1] ?? '') && !segments.slice(0, -1).includes('node_modules');
  },
  definition: {
    short: 'package-lock.json and npm-shrinkwrap.json (lockfileVersion 1, 2 and 3): every installed package with its groups, direct dependencies, integrity, licence (versions 2 and 3) and the dependency graph',
    fileNames: packageLockFileNames,
  },
};

export const pnpmLockFormat: InputFormat = {
  format: 'pnpm-lock',
  ecosystem: 'npm',
  matches: (path) => {
    const segments = path.split('/');
    // A pnpm-lock.yaml inside node_modules came with a package; it says nothing about what is installed.
    return segments[segments.length - 1] === 'pnpm-lock.yaml' && !segments.slice(0, -1).includes('node_modules');
  },
  definition: {
    short: 'pnpm-lock.yaml (lockfileVersion 5.x, 6.0 and 9.0): every package with its commit (git), integrity, dev group, scope, direct dependencies and the dependency graph',
    fileNames: ['pnpm-lock.yaml'],
  },
};

export const yarnLockFormat: InputFormat = {
  format: 'yarn-lock',
  ecosystem: 'npm',
  matches: (path) => {
    const segments = path.split('/');
    // A yarn.lock inside node_modules came with a package; it says nothing about what is installed.
    return segments[segments.length - 1] === 'yarn.lock' && !segments.slice(0, -1).includes('node_modules');
  },
  definition: {
    short: 'yarn.lock (yarn 1 and yarn 2+ berry): every resolved package with its commit (git), integrity and the dependency graph; direct dependencies for berry',
    fileNames: ['yarn.lock'],
  },
};
