/**
 * Docker Hardened Images packages; versions use the loose SemVer order of OSV-Scanner.
 *
 * The purl type is `docker`: the purl spec has no type of its own for Docker Hardened Images, and
 * its advisories describe what ships in Docker images. (The components are OS packages inside the
 * images; if DHI starts publishing `pkg:apk` or `pkg:deb` purls, the inventory maps them by the
 * purl's own type, and this type only names the OSV ecosystem.)
 */
import type { Ecosystem } from '../ecosystem.js';
import { semverLikeScheme } from '../schemes/semver-like.js';

export const ecosystem: Ecosystem = {
  name: 'Docker Hardened Images',
  purlType: 'docker',
  scheme: semverLikeScheme,
  // Package names are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Docker Hardened Images packages; versions use the loose SemVer order of OSV-Scanner.',
    reference: 'https://docs.docker.com/dhi/; OSV-SCALIBR semantic/parse.go (semver-like)',
  },
};
