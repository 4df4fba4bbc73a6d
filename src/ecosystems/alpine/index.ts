/**
 * Alpine Linux and the distributions built on apk (Alpaquita, BellSoft Hardened Containers,
 * Chainguard, MinimOS, Wolfi); versions use apk-tools' order.
 */
import type { Ecosystem } from '../ecosystem.js';
import { apkScheme } from '../schemes/apk.js';

const names = ['Alpine', 'Alpaquita', 'BellSoft Hardened Containers', 'Chainguard', 'MinimOS', 'Wolfi'] as const;

/**
 * The purl `apk` namespace is the distribution: the OSV name in lower case with spaces turned
 * into hyphens (`alpine`, `wolfi`, `chainguard`, `bellsoft-hardened-containers`), which for the
 * single-word names is also the os-release ID that SBOM tools put there.
 */
function purlNamespace(osvName: string): string | undefined {
  const base = osvName.split(':', 1)[0] ?? '';
  return (names as readonly string[]).includes(base) ? base.toLowerCase().replace(/ /g, '-') : undefined;
}

export const ecosystem: Ecosystem = {
  name: 'Alpine',
  aliases: names.slice(1),
  purlType: 'apk',
  purlNamespace,
  scheme: apkScheme,
  // apk package names are lower case by convention (abuild), but the tools treat them as
  // case-sensitive; they are kept as written.
  normalizeName: (name) => name,
  definition: {
    short: 'Alpine Linux and apk-based distributions (Wolfi, Chainguard, ...); versions use the apk-tools order.',
    reference: 'https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c; https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/doc/apk-package.5.scd',
  },
};
