/**
 * pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/), read
 * the way OSV-SCALIBR's requirements extractor reads them (the corpus pins its behaviour):
 *
 * - `#` comments (at the start or after whitespace) go, a trailing `\` joins the next line, and a
 *   line that uses a `${VAR}` is skipped, since its value is not known here;
 * - per-requirement options (`--hash`, `--global-option`, `--config-settings`, `-C`) end the
 *   requirement; the `--hash` values are kept in `meta.hashes`;
 * - `-r`/`--requirement` files are read in place, `-c`/`--constraint` files pin the requirements
 *   they name (pip installs what the constraint allows); a file already read is not read again,
 *   which ends include loops;
 * - other option lines, URL and path requirements (`name @ url`, `./pkg.whl`, `git+https://...`)
 *   and lines that are not PEP 508 yield nothing, silently, as in the corpus;
 * - `==`/`===` pin the version. One `>=`, `<=` or `~=` clause gives its version as the bound
 *   (`meta.versionComparator` says which); `!=`, `<`, `>`, wildcards and several clauses give
 *   version "". Unpinned requirements carry `unpinned` and `versionRange`.
 *
 * Names stay as written (`PyCrypto`, `under_score`): the corpus expects them so, and the purl
 * normalizes them.
 */
import type { Component, Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { pipRequirementsFormat } from '../formats.js';
import { pypiComponent } from './locked-package.js';
import { normalizePypiName } from './index.js';
import { parsePep508 } from './pep508.js';

export const pipRequirementsExtractor: Extractor = { ...pipRequirementsFormat, extract: extractRequirements };

interface LogicalLine {
  readonly text: string;
  /** The first physical line, 1-based. */
  readonly line: number;
}

interface Requirement {
  readonly name: string;
  readonly version: string;
  /** The operator the version comes from; undefined when no single version was taken. */
  readonly comparator: string | undefined;
  readonly specifier: string;
  readonly requirement: string;
  readonly hashes: readonly string[];
}

interface Constraint {
  readonly version: string;
  readonly file: string;
  readonly line: number;
  readonly requirement: string;
}

interface Reading {
  readonly components: Component[];
  readonly problems: InventoryProblem[];
  readonly constraints: Map<string, Constraint>;
  /** `r path` or `c path`: a file may be read once as requirements and once as constraints. */
  readonly read: Set<string>;
}

function extractRequirements(file: SourceFile): Extraction {
  const reading: Reading = { components: [], problems: [], constraints: new Map(), read: new Set([`r ${file.path}`]) };
  readFile(file, false, reading);
  return { components: reading.components.map((component) => constrained(component, reading.constraints)), edges: [], problems: reading.problems };
}

function readFile(file: SourceFile, asConstraints: boolean, reading: Reading): void {
  for (const { text, line } of logicalLines(file.text)) {
    const include = includeOf(text);
    if (include !== undefined) {
      readInclude(file, line, include, asConstraints, reading);
      continue;
    }
    const requirement = requirementOf(text);
    if (requirement === undefined) continue;
    if (asConstraints) {
      if (requirement.comparator === '==' || requirement.comparator === '===') {
        const name = normalizePypiName(requirement.name);
        if (!reading.constraints.has(name)) reading.constraints.set(name, { version: requirement.version, file: file.path, line, requirement: requirement.requirement });
      }
      continue;
    }
    const component = componentOf(requirement, file.path, line);
    if (typeof component === 'string') reading.problems.push({ file: file.path, line, message: component });
    else reading.components.push(component);
  }
}

function readInclude(file: SourceFile, line: number, include: Include, asConstraints: boolean, reading: Reading): void {
  const label = `${include.constraint ? '-c' : '-r'} ${include.target}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(include.target)) {
    reading.problems.push({ file: file.path, line, message: `${label}: a remote file is not fetched` });
    return;
  }
  const included = file.readRelated(include.target);
  if (included === undefined) {
    reading.problems.push({ file: file.path, line, message: `${label}: the included file cannot be read (missing, too large, or outside the scanned tree)` });
    return;
  }
  // A file already read adds nothing: this ends loops (a.txt includes b.txt includes a.txt) and diamonds.
  const constraints = asConstraints || include.constraint;
  const key = `${constraints ? 'c' : 'r'} ${included.path}`;
  if (reading.read.has(key)) return;
  reading.read.add(key);
  readFile(included, constraints, reading);
}

/** Comments removed per physical line, then lines ending in `\` joined to the next (as pip does). */
function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r?\n/);
  const lines: LogicalLine[] = [];
  for (let index = 0; index < physical.length; index += 1) {
    const first = index;
    let joined = withoutComment(physical[index] ?? '');
    while (joined.endsWith('\\')) {
      joined = joined.slice(0, -1);
      index += 1;
      if (index >= physical.length) break;
      joined += withoutComment(physical[index] ?? '');
    }
    // pip expands ${VAR} from the environment; the value is unknown here, so the line is skipped.
    if (/\$\{[A-Z0-9_]+\}/.test(joined)) continue;
    lines.push({ text: joined, line: first + 1 });
  }
  return lines;
}

/** pip's `(^|\s+)#.*$`, found without backtracking over long runs of spaces. */
function withoutComment(line: string): string {
  const comment = /(?:^|\s)#/.exec(line);
  return comment === null ? line : line.slice(0, comment.index).trimEnd();
}

interface Include {
  readonly target: string;
  readonly constraint: boolean;
}

function includeOf(text: string): Include | undefined {
  const match = /^\s*(?:(-r|-c)\s*|(--requirement|--constraint)(?:\s*=\s*|\s+))(\S.*)$/.exec(text);
  const flag = match?.[1] ?? match?.[2];
  const target = match?.[3]?.trim();
  if (flag === undefined || target === undefined) return undefined;
  return { target, constraint: flag === '-c' || flag === '--constraint' };
}

/** Options that end a requirement line; they must follow whitespace, so `foo17--hash==1.0` stays a name. */
const perRequirementOption = /(^|\s)(--hash|--global-option|--install-option|--config-settings|-C)(?=[\s=]|$)/;
const hashOption = /(?:^|\s)--hash(?:=|\s+)(\S+)/g;
const singleClause = /^(===|==|>=|<=|~=|!=|<|>)\s*(.*)$/s;

function requirementOf(text: string): Requirement | undefined {
  const hashes = [...text.matchAll(hashOption)].map((match) => match[1] ?? '');
  const option = perRequirementOption.exec(text);
  const requirement = (option === null ? text : text.slice(0, option.index)).trim();
  // Global options (-e, -i, --index-url, ...) and anything not PEP 508 (paths, URLs) yield nothing.
  if (requirement === '' || requirement.startsWith('-')) return undefined;
  const parsed = parsePep508(requirement);
  if (parsed === undefined || parsed.url !== undefined) return undefined;
  const bound = boundOf(parsed.specifier);
  if (bound === undefined) return undefined;
  return { name: parsed.name, ...bound, specifier: parsed.specifier, requirement, hashes };
}

/**
 * The version a specifier names, with its operator; version "" when it names no single one;
 * undefined when it is broken (`asdf==`). The text after the operator is kept whole, as the corpus
 * expects (`foo7==1.0 unexpected_text` gives `1.0 unexpected_text`).
 */
function boundOf(specifier: string): { version: string; comparator: string | undefined } | undefined {
  if (specifier === '' || specifier.includes(',')) return { version: '', comparator: undefined };
  const match = singleClause.exec(specifier);
  const operator = match?.[1];
  const value = match?.[2]?.trim() ?? '';
  if (operator === undefined || value === '') return undefined;
  if (operator === '!=' || operator === '<' || operator === '>' || value.includes('*')) return { version: '', comparator: undefined };
  return { version: value, comparator: operator };
}

function componentOf(requirement: Requirement, path: string, line: number): Component | string {
  const { name, version, comparator, specifier, hashes } = requirement;
  const pinned = comparator === '==' || comparator === '===';
  return pypiComponent({
    name,
    version,
    groups: [],
    location: { file: path, line },
    ...(pinned ? {} : { unpinned: true, versionRange: specifier }),
    meta: {
      requirement: requirement.requirement,
      ...(comparator === undefined ? {} : { versionComparator: comparator }),
      ...(hashes.length > 0 ? { hashes } : {}),
    },
  });
}

/** An unpinned requirement that a constraints file pins takes the constraint's version, as pip would install it. */
function constrained(component: Component, constraints: ReadonlyMap<string, Constraint>): Component {
  const constraint = component.unpinned === true ? constraints.get(normalizePypiName(component.name)) : undefined;
  if (constraint === undefined) return component;
  const { unpinned: _unpinned, versionRange: _versionRange, ...pinned } = component;
  const updated = pypiComponent({
    ...pinned,
    version: constraint.version,
    meta: { ...component.meta, constraint: { file: constraint.file, line: constraint.line, requirement: constraint.requirement } },
  });
  return typeof updated === 'string' ? component : updated;
}
