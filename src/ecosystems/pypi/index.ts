/**
 * PyPI: the Python Package Index. Versions follow PEP 440 (with `packaging`'s legacy order for
 * the strings it rejects); names are normalized as PEP 503 says; manifest ranges are PEP 440
 * specifiers.
 */
import type { Ecosystem } from '../ecosystem.js';
import { satisfiesPep440 } from './specifiers.js';
import { pypiScheme } from './versions.js';

/** PEP 503 "Normalized names": lower case, every run of `-`, `_` and `.` becomes one `-`. */
export function normalizePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

export const ecosystem: Ecosystem = {
  name: 'PyPI',
  purlType: 'pypi',
  scheme: pypiScheme,
  normalizeName: normalizePypiName,
  satisfies: satisfiesPep440,
  definition: {
    short: 'PyPI, the Python Package Index; versions use the PEP 440 order of Python packaging (legacy versions sort first), ranges are PEP 440 specifiers.',
    reference: 'https://peps.python.org/pep-0440/; https://peps.python.org/pep-0503/; https://github.com/pypa/packaging (version.py, specifiers.py)',
  },
};
