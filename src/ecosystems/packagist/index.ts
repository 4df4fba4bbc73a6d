/**
 * Packagist: the PHP package repository used by Composer. Names are `vendor/package`, case-
 * insensitive; versions use PHP's `version_compare` order.
 */
import type { Ecosystem } from '../ecosystem.js';
import { packagistScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'Packagist',
  purlType: 'composer',
  scheme: packagistScheme,
  // Composer treats package names case-insensitively and Packagist only accepts lower case
  // (composer.json schema: "name" is lower case `vendor/package`), so lower case is the key.
  normalizeName: (name) => name.toLowerCase(),
  definition: {
    short: 'Packagist, the PHP package repository of Composer; names are vendor/package, versions use the PHP version_compare order.',
    reference: 'https://www.php.net/manual/en/function.version-compare.php; https://getcomposer.org/doc/articles/versions.md; OSV-SCALIBR semantic/version-packagist.go',
  },
};
