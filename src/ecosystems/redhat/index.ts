/**
 * Red Hat and the other RPM-based distributions OSV covers (AlmaLinux, Mageia, openEuler,
 * openSUSE, Rocky Linux, SUSE); versions use rpm's order.
 */
import type { Ecosystem } from '../ecosystem.js';
import { rpmScheme } from '../schemes/rpm.js';

/**
 * The purl `rpm` namespace is the vendor. The values are the distributions' os-release IDs,
 * which is what SBOM generators (Syft, OSV-SCALIBR) write, except for the SUSE family, where the
 * purl spec's own example and the SUSE advisories use `opensuse` and `suse` rather than
 * `opensuse-leap` or `sles`. Rocky Linux is `rocky` (its os-release ID), not `rocky-linux`.
 */
const namespaces: Readonly<Record<string, string>> = {
  'Red Hat': 'redhat',
  AlmaLinux: 'almalinux',
  Mageia: 'mageia',
  openEuler: 'openeuler',
  openSUSE: 'opensuse',
  'Rocky Linux': 'rocky',
  SUSE: 'suse',
};

export const ecosystem: Ecosystem = {
  name: 'Red Hat',
  aliases: ['AlmaLinux', 'Mageia', 'openEuler', 'openSUSE', 'Rocky Linux', 'SUSE'],
  purlType: 'rpm',
  // `Red Hat:rhel_aus:8.4::appstream` and `SUSE:Linux Enterprise Server 15` carry a product suffix.
  purlNamespace: (osvName) => namespaces[osvName.split(':', 1)[0] ?? ''],
  scheme: rpmScheme,
  // RPM package names are case-sensitive (`SDL2` and `sdl2` can both exist), so they are kept.
  normalizeName: (name) => name,
  definition: {
    short: 'Red Hat, SUSE and other RPM-based distributions; versions use the rpmvercmp order of epoch, version and release.',
    reference: 'https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmvercmp.c; https://docs.fedoraproject.org/en-US/packaging-guidelines/Versioning/',
  },
};
