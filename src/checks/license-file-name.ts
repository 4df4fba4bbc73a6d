/**
 * Whether a path names a license file, as Scorecard decides without the platform
 * (checks/raw/license.go, checkLicense): a top-level file or folder called LICENSE, LICENCE,
 * COPYING, COPYRIGHT or PATENTS (singular or plural, any case), optionally preceded or followed
 * by an SPDX-like identifier (`GPL-2.0-LICENSE`, `LICENSE-MIT`, `LICENSES/Apache-2.0.txt`) and an
 * extension from a short list. The identifier, when there is one, is what gives the last point.
 */

/**
 * Scorecard's pattern: Go's RE2 and JavaScript pick the same (leftmost-first) submatches. An
 * identifier is alphanumerics, up to five `-1.2`-like version parts, then any tail of
 * alphanumerics and dots. One change: a suffixed identifier needs a separator before it
 * (`LICENSE-MIT`, not `licenserc.yaml`), which Scorecard's own tests at the corpus commit require
 * (`licenserc.yaml` is not a license file) and the version of the pattern available here missed.
 */
const licenseFilePattern = new RegExp(
  '^(?<lp>' +
    '(?<preSpdx>([0-9A-Za-z]+)((([-_.])[0-9]{1,2}[A-Za-z]{0,1}){0,5})(?<preSpdxExt>(([_-])?[0-9A-Za-z.])*))?' +
    '(?<pre>([-_]))?' +
    '(?<detectedFile>(patent(s)?|copy(ing|right)|LICEN[SC]E(S)?))' +
    '(?:(?<suf>([-_./]))' +
    '(?<sufSpdx>([0-9A-Za-z]+)((([-_.])[0-9]{1,2}[A-Za-z]{0,1}){0,5})(?<sufSpdxExt>(([_-])?[0-9A-Za-z.])*))?)?' +
    '(?<ext>([.]?[A-Za-z]+))?' +
    ')',
  'i',
);

/** The extensions a license file may have (an unanchored search, as Scorecard's). */
const licenseExtension = /(\.adoc|\.asc|\.doc(x)?|\.ext|\.html|\.markdown|\.md|\.rst|\.txt|\.xml)/i;

/** Every detected name contains one of these: a cheap filter before the pattern. */
const candidate = /licen[sc]e|copy(ing|right)|patent/i;

export interface LicenseFileName {
  /** What Scorecard records as the license file's path. */
  readonly path: string;
  /** The SPDX-like identifier in the name ('' when none; `UN` for an UNLICENSE). */
  readonly spdxId: string;
}

type Groups = Readonly<Record<string, string | undefined>>;

/** The license file a path names, or undefined. */
export function licenseFileName(name: string): LicenseFileName | undefined {
  if (!candidate.test(name)) return undefined;
  const groups = licenseFilePattern.exec(name)?.groups as Groups | undefined;
  if (groups === undefined) return undefined;
  const detectedFile = groups['detectedFile'] ?? '';
  if (name === detectedFile) return { path: detectedFile, spdxId: '' };
  // preSpdx wins when both sides name one (0BSD-LICENSE-GPL-2.0.txt).
  const found = groups['preSpdx'] ?? groups['sufSpdx'] ?? '';
  const [spdxId, extension] = reconcile(groups, found, extensionOf(name, detectedFile));
  const path = licensePath(groups, name, spdxId, extension);
  return path === undefined ? undefined : { path, spdxId };
}

/** Go's filepath.Ext, dropped when it is part of the detected name itself. */
function extensionOf(name: string, detectedFile: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  const extension = dot > slash ? name.slice(dot) : '';
  return extension !== '' && extension.includes(detectedFile) ? '' : extension;
}

function extensionAllowed(extension: string): boolean {
  return extension === '' || licenseExtension.test(extension);
}

/** Scorecard's validateSpdxIDAndExt: untangles an identifier that swallowed the extension. */
function reconcile(groups: Groups, spdxId: string, extension: string): [string, string] {
  if (spdxId === '') return [spdxId, extension];
  let id = spdxId;
  let ext = extension;
  if (ext !== '' && ext.includes(id)) id = '';
  if (ext !== '' && id !== '' && id.includes(ext)) {
    if (!extensionAllowed(ext)) ext = '';
    else id = id.replaceAll(ext, '');
  } else if (ext !== '' && id !== '' && ext !== id) {
    const matched = groups['ext'] ?? '';
    if (ext !== matched) id += matched;
  }
  return [id, ext];
}

/** Scorecard's getLicensePath: the whole name must be accounted for. */
function licensePath(groups: Groups, name: string, spdxId: string, extension: string): string | undefined {
  const matched = groups['lp'] ?? '';
  if (matched !== name) {
    const isFolder = groups['suf'] === '/';
    if (!isFolder && spdxId === '') return undefined;
    if (matched + extension === name) return matched + extension;
    return undefined;
  }
  return extensionAllowed(extension) ? matched : undefined;
}
