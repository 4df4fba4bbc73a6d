/**
 * The Python input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'PyPI';

export const pdmLockFormat: InputFormat = {
  format: 'pdm-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'pdm.lock',
  definition: {
    short: 'pdm.lock: every locked package with its groups (dev, optional), git commits and the dependency graph',
    fileNames: ['pdm.lock'],
  },
};

export const pipfileLockFormat: InputFormat = {
  format: 'pipfile-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'Pipfile.lock',
  definition: {
    short: 'Pipfile.lock (pipenv): default packages, develop packages (group dev) and other package categories',
    fileNames: ['Pipfile.lock'],
  },
};

export const poetryLockFormat: InputFormat = {
  format: 'poetry-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'poetry.lock',
  definition: {
    short: 'poetry.lock (Poetry 1 and 2): every locked package with its groups, git commits and the dependency graph',
    fileNames: ['poetry.lock'],
  },
};

export const pylockFormat: InputFormat = {
  format: 'pylock',
  ecosystem,
  // PEP 751 "File Name": pylock.toml, or pylock.<name>.toml where the name has no dot.
  matches: (path) => /^pylock\.(?:[^.]+\.)?toml$/.test(path.slice(path.lastIndexOf('/') + 1)),
  definition: {
    short: 'pylock.toml and pylock.<name>.toml (PEP 751): every locked package, with VCS commits and the dependency graph',
    fileNames: ['pylock.toml', 'pylock.<name>.toml'],
  },
};

export const pyprojectTomlFormat: InputFormat = {
  format: 'pyproject-toml',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'pyproject.toml',
  definition: {
    short: 'pyproject.toml (manifest): PEP 621 dependencies and extras, PEP 735 dependency groups and Poetry dependency groups, as declared ranges',
    fileNames: ['pyproject.toml'],
  },
};

export const pipRequirementsFormat: InputFormat = {
  format: 'pip-requirements',
  ecosystem,
  matches: (path) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return base.endsWith('.txt') && base.includes('requirements');
  },
  definition: {
    short: 'pip requirements files (any *requirements*.txt): pinned and ranged requirements, with -r includes, -c constraints and --hash values',
    fileNames: ['requirements.txt', 'requirements-dev.txt', 'dev-requirements.txt', '*requirements*.txt'],
  },
};

export const uvLockFormat: InputFormat = {
  format: 'uv-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'uv.lock',
  definition: {
    short: 'uv.lock: every locked package except the project, with extras and dependency groups, git commits and the dependency graph',
    fileNames: ['uv.lock'],
  },
};
