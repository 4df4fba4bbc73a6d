/**
 * Hackage: the Haskell package archive. Package names are case-sensitive; versions follow the
 * Package Versioning Policy and the `Data.Version` order.
 */
import type { Ecosystem } from '../ecosystem.js';
import { hackageScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'Hackage',
  purlType: 'hackage',
  scheme: hackageScheme,
  // Hackage package names are case-sensitive (`HTTP` and `http` are different packages).
  normalizeName: (name) => name,
  definition: {
    short: 'Hackage, the Haskell package archive; versions follow the Package Versioning Policy, numbers separated by "." compared in order.',
    reference: 'https://pvp.haskell.org/; https://hackage.haskell.org/package/base/docs/Data-Version.html',
  },
};
