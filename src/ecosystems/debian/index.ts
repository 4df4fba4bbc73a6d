/**
 * Debian and Ubuntu source packages; versions use dpkg's order (deb-version(7)).
 */
import type { Ecosystem } from '../ecosystem.js';
import { dpkgScheme } from '../schemes/dpkg.js';

/** purl `deb` namespaces by OSV name (the distribution's os-release ID, as the purl spec's examples use). */
const namespaces: Readonly<Record<string, string>> = { Debian: 'debian', Ubuntu: 'ubuntu' };

export const ecosystem: Ecosystem = {
  name: 'Debian',
  aliases: ['Ubuntu'],
  purlType: 'deb',
  // A suffix such as `Debian:12` or `Ubuntu:Pro:24.04:LTS` names a release, not another distribution.
  purlNamespace: (osvName) => namespaces[osvName.split(':', 1)[0] ?? ''],
  scheme: dpkgScheme,
  // Debian Policy §5.6.1: source package names are lower case already; lowering is harmless and
  // makes a name typed with capitals (in an SBOM) still match.
  normalizeName: (name) => name.toLowerCase(),
  definition: {
    short: 'Debian and Ubuntu packages; versions use the dpkg order of epoch, upstream version and Debian revision.',
    reference: 'https://manpages.debian.org/deb-version.7; https://www.debian.org/doc/debian-policy/ch-controlfields.html#version',
  },
};
