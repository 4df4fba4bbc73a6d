/**
 * Container images and RUN commands of Dockerfiles (Scorecard's collectDockerfilePinning and
 * collectDockerfileInsecureDownloads). An image is pinned by an `@sha256:` digest, or by being
 * an earlier stage built from a pinned image (or from `scratch`). ARG defaults are substituted
 * into `${NAME}` before judging.
 *
 * Trustline's improvements (off with `--scorecard-compat`, each marked on the finding):
 * - FROM lines resolve ARGs as Docker does: `$NAME`, `${NAME:-default}`, quoted defaults, and
 *   only ARGs declared before the first FROM (Scorecard substitutes `${NAME}` from any ARG above);
 * - instructions are read in any case (`from`, `Run`), as Docker reads them; Scorecard reads only
 *   upper-case ones.
 */
import { dockerfilesOf, isTemplateFile } from './dockerfiles.js';
import type { DockerInstruction } from './dockerfile-instructions.js';
import { emptyPinningData } from './pinned-dependency.js';
import type { PinnedDependency, PinningData, PinningOptions } from './pinned-dependency.js';
import type { RepositoryFiles } from './repository.js';
import { imageRemediation } from './pinned-remediation.js';
import { scanShell } from './shell-dependencies.js';

/** Pinned by digest: `image@sha256:<64 hex>`, or a digest given by an ARG (`@sha256:${DIGEST}`). */
const digestPinned = /.*@sha256:([a-f\d]{64}|\$\{.*\})/;

const caseDeviation = 'Docker reads instructions in any case; Scorecard reads only upper-case ones and skips this line';

/** Every FROM image of the repository's Dockerfiles (templates excepted). */
export function collectDockerImages(files: RepositoryFiles, options: PinningOptions): PinningData {
  const data = emptyPinningData();
  for (const { path, reading } of dockerfilesOf(files)) {
    if (isTemplateFile(path)) continue;
    if (!reading.ok) {
      data.fatalErrors.push({ file: path, line: reading.line, message: `invalid Dockerfile: ${reading.message}` });
      continue;
    }
    const compat = judgeImages(path, reading.instructions, 'scorecard');
    if (options.scorecardCompat) {
      data.fatalErrors.push(...compat.errors);
      data.dependencies.push(...compat.images.map((image) => image.dependency));
      continue;
    }
    const improved = judgeImages(path, reading.instructions, 'docker');
    data.fatalErrors.push(...improved.errors);
    const scorecard = new Map(compat.images.map((image) => [image.instruction, image]));
    for (const { instruction, dependency, resolved } of improved.images) {
      const before = scorecard.get(instruction);
      const deviation = before === undefined ? caseDeviation
        : before.dependency.pinned !== dependency.pinned ? `judged as ${resolved} with Docker's ARG rules; Scorecard judges ${before.resolved} and finds it ${before.dependency.pinned ? 'pinned' : 'unpinned'}`
        : undefined;
      data.dependencies.push(deviation === undefined ? dependency : { ...dependency, deviation });
    }
  }
  return data;
}

interface JudgedImage {
  readonly instruction: DockerInstruction;
  readonly dependency: PinnedDependency;
  /** The image reference after ARG substitution. */
  readonly resolved: string;
}

type Rules = 'scorecard' | 'docker';

function judgeImages(path: string, instructions: readonly DockerInstruction[], rules: Rules): { images: JudgedImage[]; errors: PinningData['fatalErrors'] } {
  const stages = new Map<string, { readonly pinned: boolean; readonly line: number }>();
  const args = new Map<string, string | undefined>();
  let seenFrom = false;
  const images: JudgedImage[] = [];
  const errors: PinningData['fatalErrors'] = [];
  for (const instruction of instructions) {
    const keyword = rules === 'scorecard' ? instruction.keyword : instruction.keyword.toUpperCase();
    if (keyword === 'ARG') {
      if (rules === 'docker' && seenFrom) continue;
      for (const value of instruction.values) {
        const equals = value.indexOf('=');
        if (equals >= 0) args.set(value.slice(0, equals), rules === 'docker' ? unquote(value.slice(equals + 1)) : value.slice(equals + 1));
        else if (rules === 'docker') args.set(value, undefined);
      }
      continue;
    }
    if (keyword !== 'FROM') continue;
    seenFrom = true;
    const values = instruction.values.map((value) => (rules === 'scorecard' ? substituteBraced(value, args) : expandArgs(value, args)));
    const [name = '', as, alias] = values;
    if (name.toLowerCase() === 'scratch') {
      if (values.length === 3 && alias !== undefined && as?.toLowerCase() === 'as') stages.set(alias, { pinned: true, line: instruction.startLine });
      continue;
    }
    let pinned: boolean;
    if (values.length === 3 && alias !== undefined && as?.toLowerCase() === 'as') {
      pinned = stages.get(name)?.pinned === true || digestPinned.test(name);
      stages.set(alias, { pinned, line: instruction.startLine });
    } else if (values.length === 1) {
      pinned = stages.get(name)?.pinned === true || digestPinned.test(name);
    } else {
      errors.push({ file: path, line: instruction.startLine, message: `invalid Dockerfile: cannot read ${JSON.stringify(instruction.original)}` });
      continue;
    }
    const colon = name.indexOf(':');
    const stage = stages.get(name);
    const dependency: PinnedDependency = {
      type: 'containerImage',
      pinned,
      file: path,
      line: instruction.startLine,
      endLine: instruction.endLine,
      snippet: instruction.original,
      name: colon < 0 ? name : name.slice(0, colon),
      ...(colon < 0 ? {} : { ref: name.slice(colon + 1) }),
      ...(pinned ? {} : { remediation: imageRemediation(name, stage === undefined ? undefined : { stage: name, line: stage.line }) }),
    };
    images.push({ instruction, dependency, resolved: name });
  }
  return { images, errors };
}

/** Scorecard's substitution: each `${NAME}` of an ARG seen above, replaced by its default as written. */
function substituteBraced(value: string, args: ReadonlyMap<string, string | undefined>): string {
  let result = value;
  for (const [name, defaultValue] of args) result = result.split(`\${${name}}`).join(defaultValue ?? '');
  return result;
}

/** Docker's expansion of `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}`; unknown names stay as written. */
function expandArgs(value: string, args: ReadonlyMap<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const known = args.has(name);
    const current = args.get(name);
    const set = current !== undefined && (current !== '' || operator?.startsWith(':') !== true);
    if (operator?.endsWith('-') === true) return set ? current : word ?? '';
    if (operator?.endsWith('+') === true) return set ? word ?? '' : '';
    return known && current !== undefined ? current : whole;
  });
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

/** Every RUN command of the repository's Dockerfiles, judged as shell. */
export function collectDockerRuns(files: RepositoryFiles, options: PinningOptions): PinningData {
  const data = emptyPinningData();
  for (const { path, reading } of dockerfilesOf(files)) {
    if (!reading.ok) {
      data.fatalErrors.push({ file: path, line: reading.line, message: `invalid Dockerfile: ${reading.message}` });
      continue;
    }
    const scan = { file: path, scorecardCompat: options.scorecardCompat, downloads: new Map(), data };
    for (const instruction of reading.instructions) {
      const upper = instruction.keyword === 'RUN';
      if (!upper && (options.scorecardCompat || instruction.keyword.toUpperCase() !== 'RUN')) continue;
      const before = data.dependencies.length;
      let failure: string | undefined;
      if (instruction.heredocs.length > 0) {
        // Scorecard's line arithmetic for heredocs, kept as is (endLine may precede the start).
        let offset = 1;
        for (const heredoc of instruction.heredocs) {
          const lineCount = offset + heredoc.content.split('\n').length - 1;
          failure ??= scanShell(scan, heredoc.content, instruction.startLine + offset - 1, instruction.startLine + lineCount - 2);
          offset += lineCount;
        }
      } else if (instruction.values.length === 0) {
        failure = 'invalid Dockerfile: RUN without a command';
      } else {
        failure = scanShell(scan, instruction.values.join(' '), instruction.startLine - 1, instruction.endLine - 1);
      }
      if (failure !== undefined) {
        data.fatalErrors.push({ file: path, line: instruction.startLine, message: failure });
        // Scorecard stops at the first; Trustline reports each and reads on.
        if (options.scorecardCompat) break;
      }
      if (!upper) for (let index = before; index < data.dependencies.length; index += 1) data.dependencies[index] = { ...(data.dependencies[index] as PinnedDependency), deviation: caseDeviation };
    }
  }
  return data;
}
