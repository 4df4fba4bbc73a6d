/**
 * Binary-Artifacts (risk High): executables, libraries, bytecode and packages of code committed
 * to the repository, which reviewers cannot read. Scorecard's rules (checks/raw/binary_artifact.go):
 * every file outside test data is judged by its first bytes (the magic numbers of
 * ./binary-content.ts) and, failing that, by an extension of its binary list when the file is not
 * text. Score: 10 minus one point per unverified binary.
 *
 * Gradle wrappers (`gradle-wrapper.jar`) still count as binaries but not against the score once
 * verified: Scorecard wants a workflow running gradle/actions/wrapper-validation (or the older
 * gradle/wrapper-validation-action) AND a successful run of it on the latest commit, which only
 * the platform can tell. Offline there is neither that run nor Gradle's list of wrapper
 * checksums, so with `scorecardCompat` the wrapper counts as unverified, exactly as Scorecard's
 * local mode does; without it, a validating workflow is taken as verification (a deviation: any
 * change to the jar then fails CI).
 */
import { basename } from 'node:path';
import type { CheckFinding } from '../model/index.js';
import { type Check, maxScore, minScore } from './check.js';
import { type BinaryContentType, binaryContentDescriptions, binaryContentType, isoHeadBytes, looksLikeText } from './binary-content.js';
import { fileCheckPlatform, type FileCheckPlatform } from './platform-data.js';
import { isTestDataPath, type RepositoryFiles } from './repository.js';
import { type Evaluation, logged, type LoggedFinding, resultOf } from './scorecard-evaluation.js';
import { workflowsOf } from './workflows.js';

/** The extensions Scorecard counts when the file is not text (case-sensitive, as Scorecard). */
const binaryExtensions = new Set(['crx', 'deb', 'dex', 'dey', 'elf', 'o', 'a', 'so', 'macho', 'iso', 'class', 'jar', 'bundle', 'dylib', 'lib', 'msi', 'dll', 'drv', 'efi', 'exe', 'ocx', 'pyc', 'pyo', 'par', 'rpm', 'wasm', 'whl']);
/** Scorecard's text test reads this much of a file. */
const textHeadBytes = 1024;

export interface BinaryArtifact {
  readonly path: string;
  /** The content type, or the extension that made it a binary. */
  readonly content?: BinaryContentType;
  readonly extension?: string;
  /** Only for gradle-wrapper.jar: whether a verification counts for it. */
  readonly gradleWrapper?: GradleWrapperVerification;
  /** Set when only Trustline's reading (not Scorecard's) made it a binary. */
  readonly deviation?: string;
}

export interface GradleWrapperVerification {
  readonly verified: boolean;
  /** The workflow running the validation action, and the line of its step. */
  readonly workflow?: { readonly path: string; readonly line: number };
  readonly reason: string;
  readonly deviation?: string;
}

export interface BinaryArtifactsOptions {
  readonly scorecardCompat: boolean;
}

/** Every binary of the repository (Scorecard's raw data: verified Gradle wrappers included). */
export async function collectBinaryArtifacts(files: RepositoryFiles, platform: FileCheckPlatform, options: BinaryArtifactsOptions): Promise<BinaryArtifact[]> {
  const found: BinaryArtifact[] = [];
  for (const path of files.paths) {
    if (isTestDataPath(path)) continue;
    const artifact = judgeFile(files, path, options);
    if (artifact !== undefined) found.push(artifact);
  }
  if (!found.some((artifact) => isGradleWrapper(artifact.path))) return found;
  const verification = await verifyGradleWrappers(files, platform, options);
  return found.map((artifact) => (isGradleWrapper(artifact.path) ? { ...artifact, gradleWrapper: verification } : artifact));
}

function judgeFile(files: RepositoryFiles, path: string, options: BinaryArtifactsOptions): BinaryArtifact | undefined {
  const head = files.readHead(path, textHeadBytes);
  if (head === undefined || head.length === 0) return undefined;
  let content = binaryContentType(head);
  // An ISO image shows its signature only 32 KiB in, after a system area of zeros: read that far
  // only for large files whose head has a NUL byte (never text), so text files cost one read.
  if (content === undefined && head.length === textHeadBytes && head.includes(0) && (files.size(path) ?? 0) >= isoHeadBytes) {
    const longHead = files.readHead(path, isoHeadBytes);
    if (longHead !== undefined) content = binaryContentType(longHead);
  }
  if (content !== undefined) return { path, content };
  const extension = goExtension(path);
  if (binaryExtensions.has(extension) && !looksLikeText(head)) return { path, extension };
  if (!options.scorecardCompat && binaryExtensions.has(extension.toLowerCase()) && !looksLikeText(head)) {
    return { path, extension, deviation: 'Scorecard compares extensions case-sensitively and misses this one' };
  }
  return undefined;
}

/** Go's filepath.Ext without its dot: from the last dot of the last path element ('' when none). */
function goExtension(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

function isGradleWrapper(path: string): boolean {
  return basename(path) === 'gradle-wrapper.jar';
}

/** The validation action, with a version Scorecard accepts (>= 1, or a ref that is not a version). */
const validationAction = /^gradle\/(?:wrapper-validation-action|actions\/wrapper-validation)@v?(.+)$/;

function acceptsVersion(ref: string): boolean {
  const version = /^(\d+)(?:\.\d+){0,2}$/.exec(ref);
  return version === null || Number(version[1]) >= 1;
}

/** The first workflow (in path order) with a step running the validation action. */
function validatingWorkflow(files: RepositoryFiles): { path: string; line: number } | undefined {
  for (const reading of workflowsOf(files)) {
    // Scorecard skips a workflow actionlint reports any error for; a missing `on:` is the common one.
    if (!reading.ok || reading.workflow.on === undefined) continue;
    for (const job of reading.workflow.jobs) {
      for (const step of job.steps) {
        const ref = step.uses === undefined ? null : validationAction.exec(step.uses.value);
        if (ref?.[1] !== undefined && acceptsVersion(ref[1])) return { path: reading.workflow.path, line: step.uses?.line ?? step.line };
      }
    }
  }
  return undefined;
}

async function verifyGradleWrappers(files: RepositoryFiles, platform: FileCheckPlatform, options: BinaryArtifactsOptions): Promise<GradleWrapperVerification> {
  const workflow = validatingWorkflow(files);
  if (workflow === undefined) return { verified: false, reason: 'no workflow runs gradle/actions/wrapper-validation' };
  if (platform.successfulWorkflowRuns === undefined || platform.recentCommits === undefined) {
    const reason = `${workflow.path} validates the wrapper, but its runs cannot be listed without the GitHub API`;
    if (options.scorecardCompat) return { verified: false, workflow, reason };
    return { verified: true, workflow, reason: `${workflow.path} validates the wrapper in CI`, deviation: 'Scorecard also requires a successful run of that workflow on the latest commit, which only the GitHub API can show; locally it counts the wrapper as unverified' };
  }
  const [runs, commits] = await Promise.all([platform.successfulWorkflowRuns(basename(workflow.path)), platform.recentCommits()]);
  const latest = commits[0];
  const verified = latest !== undefined && runs.includes(latest);
  return { verified, workflow, reason: verified ? `${workflow.path} validated the wrapper on the latest commit` : `${workflow.path} has no successful run on the latest commit` };
}

/** Scorecard's evaluation: 10 minus one point per unverified binary. */
export function evaluateBinaryArtifacts(artifacts: readonly BinaryArtifact[]): Evaluation {
  const entries: LoggedFinding[] = [];
  let unverified = 0;
  for (const artifact of artifacts) {
    if (artifact.gradleWrapper?.verified === true) {
      entries.push(logged(verifiedFinding(artifact, artifact.gradleWrapper)));
      continue;
    }
    unverified += 1;
    entries.push(logged(binaryFinding(artifact), 'warn'));
  }
  const score = Math.max(minScore, maxScore - unverified);
  return { score, reason: unverified === 0 ? 'no binaries found in the repo' : 'binaries present in source code', entries };
}

function binaryFinding(artifact: BinaryArtifact): CheckFinding {
  const kind = artifact.content === undefined ? `a non-text .${artifact.extension ?? ''} file` : `${binaryContentDescriptions[artifact.content]} (by its content)`;
  const wrapper = artifact.gradleWrapper;
  return {
    outcome: 'fail',
    message: `binary detected: ${kind}${wrapper === undefined ? '' : `; Gradle wrapper not verified: ${wrapper.reason}`}`,
    file: artifact.path,
    remediation: wrapper === undefined ? binaryRemediation : gradleRemediation(wrapper),
    ...(artifact.deviation === undefined ? {} : { deviation: artifact.deviation }),
  };
}

function verifiedFinding(artifact: BinaryArtifact, wrapper: GradleWrapperVerification): CheckFinding {
  return {
    outcome: 'pass',
    message: `Gradle wrapper verified: ${wrapper.reason}`,
    file: artifact.path,
    ...(wrapper.workflow === undefined ? {} : { snippet: `${wrapper.workflow.path}:${wrapper.workflow.line}` }),
    ...(wrapper.deviation === undefined ? {} : { deviation: wrapper.deviation }),
  };
}

const binaryRemediation = 'Remove the binary from the repository: build it from source in CI, or download it at build time from a trusted release and verify its checksum.';

function gradleRemediation(wrapper: GradleWrapperVerification): string {
  if (wrapper.workflow !== undefined) return `Make sure ${wrapper.workflow.path} runs (and passes) on every push to the default branch, so the latest commit has a successful wrapper validation.`;
  return ['Validate the wrapper in CI: add this step to a workflow that runs on push and pull_request (pin the action to a full commit SHA):', '', '      - uses: gradle/actions/wrapper-validation@v4'].join('\n');
}

export const binaryArtifacts: Check = {
  name: 'Binary-Artifacts',
  risk: 'High',
  short: 'binaries (executables, libraries, bytecode, packages) committed to the repository',
  source: 'files',
  async run(context) {
    const artifacts = await collectBinaryArtifacts(context.files, fileCheckPlatform(context), { scorecardCompat: context.scorecardCompat });
    return resultOf(binaryArtifacts, evaluateBinaryArtifacts(artifacts));
  },
};
