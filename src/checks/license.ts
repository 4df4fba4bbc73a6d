/**
 * License (risk Low): whether the project says under which terms it may be used. Scorecard's
 * rules (checks/raw/license.go, probes hasLicenseFile and hasFSFOrOSIApprovedLicense): with the
 * platform's license API its answer is used as is; without it (a local folder) the first path
 * that names a top-level license file (./license-file-name.ts) is taken. A license file gives 9
 * points, an FSF- or OSI-approved SPDX identifier the 10th.
 *
 * Offline, Scorecard can only find the identifier in the file name (LICENSE-MIT,
 * LICENSES/Apache-2.0.txt), so a plain LICENSE scores 9 where GitHub's API (which reads the text)
 * gives 10. Without `scorecardCompat` Trustline reads the text too (an SPDX-License-Identifier
 * line or a common license's wording) and says so in `deviation`.
 */
import type { CheckFinding } from '../model/index.js';
import type { Check } from './check.js';
import { licenseFileName } from './license-file-name.js';
import { approvedLicense, licenseOfText } from './license-spdx.js';
import { fileCheckPlatform, type FileCheckPlatform } from './platform-data.js';
import type { RepositoryFiles } from './repository.js';
import { type Evaluation, logged, type LoggedFinding, resultOf } from './scorecard-evaluation.js';

export interface LicenseFile {
  /** As Scorecard records it (the matched name, or the API's path). */
  readonly path: string;
  /** The file as listed in the repository, when found by name. */
  readonly file?: string;
  /** The identifier the name (or the API) gives; '' when none. */
  readonly spdxId: string;
  /** The identifier the text gives, when read. */
  readonly textSpdxId?: string;
  /** The approved SPDX identifier that counts for the last point. */
  readonly approved?: string;
  readonly deviation?: string;
}

export interface LicenseOptions {
  readonly scorecardCompat: boolean;
}

/** Scorecard's raw License data: the platform's licenses, or the first license file by name. */
export async function collectLicenses(files: RepositoryFiles, platform: FileCheckPlatform, options: LicenseOptions): Promise<LicenseFile[]> {
  if (platform.licenses !== undefined) {
    return (await platform.licenses()).map((license) => withApproval({ path: license.path, spdxId: license.spdxId }));
  }
  for (const path of files.paths) {
    const name = licenseFileName(path);
    if (name === undefined) continue;
    const text = files.readText(path);
    const textSpdxId = text === undefined ? undefined : licenseOfText(text);
    const found = withApproval({ path: name.path, file: path, spdxId: name.spdxId, ...(textSpdxId === undefined ? {} : { textSpdxId }) });
    const fromText = textSpdxId === undefined ? undefined : approvedLicense(textSpdxId);
    if (found.approved !== undefined || fromText === undefined || options.scorecardCompat) return [found];
    return [{ ...found, approved: fromText, deviation: `the identifier ${fromText} comes from the file's text; Scorecard reads only the file name locally (GitHub's license API, which reads the text, would agree)` }];
  }
  return [];
}

function withApproval(file: LicenseFile): LicenseFile {
  const approved = approvedLicense(file.spdxId);
  return approved === undefined ? file : { ...file, approved };
}

/** Scorecard's evaluation: 9 points for a license file, 1 for an approved identifier. */
export function evaluateLicense(licenses: readonly LicenseFile[]): Evaluation {
  if (licenses.length === 0) {
    return {
      score: 0,
      reason: 'license file not detected',
      entries: [
        logged({ outcome: 'fail', message: 'project does not have a license file', remediation: missingRemediation }, 'warn'),
        logged({ outcome: 'not-applicable', message: 'no license file to judge for an FSF or OSI approved license' }, 'debug'),
      ],
    };
  }
  const entries: LoggedFinding[] = licenses.map((license) => logged({ outcome: 'pass', message: `license file found: ${license.path}`, file: license.file ?? license.path }, 'info'));
  const approved = licenses.filter((license) => license.approved !== undefined);
  for (const license of approved) {
    const finding: CheckFinding = { outcome: 'pass', message: `FSF or OSI recognized license: ${license.approved ?? ''}`, file: license.file ?? license.path, ...(license.deviation === undefined ? {} : { deviation: license.deviation }) };
    entries.push(logged(finding, 'info'));
  }
  if (approved.length === 0) {
    const [first] = licenses;
    entries.push(logged({ outcome: 'fail', message: 'project license file does not name an FSF or OSI approved license', file: first?.file ?? first?.path ?? '', remediation: unrecognisedRemediation(first) }, 'warn'));
  }
  return { score: approved.length > 0 ? 10 : 9, reason: 'license file detected', entries };
}

const missingRemediation = [
  'Add a LICENSE file at the repository root with the full text of the project\'s license (https://spdx.org/licenses/ has every text).',
  'Name it after the SPDX identifier (LICENSE-MIT, LICENSE-Apache-2.0) or use LICENSES/<SPDX-ID>.txt (REUSE) so the identifier is recognised without the GitHub API.',
].join(' ');

function unrecognisedRemediation(license: LicenseFile | undefined): string {
  const fromText = license?.textSpdxId === undefined ? undefined : approvedLicense(license.textSpdxId);
  if (license?.file !== undefined && fromText !== undefined) {
    return `The text of ${license.file} is the ${fromText} license: rename the file to LICENSE-${fromText} (or move it to LICENSES/${fromText}.txt) so the identifier is recognised from its name.`;
  }
  return 'Use an FSF- or OSI-approved license (https://spdx.org/licenses/) and name the file after its SPDX identifier (LICENSE-MIT, LICENSES/Apache-2.0.txt).';
}

export const license: Check = {
  name: 'License',
  risk: 'Low',
  short: 'a license file at the repository root, and whether it names an FSF- or OSI-approved license',
  source: 'files',
  async run(context) {
    const licenses = await collectLicenses(context.files, fileCheckPlatform(context), { scorecardCompat: context.scorecardCompat });
    return resultOf(license, evaluateLicense(licenses));
  },
};
