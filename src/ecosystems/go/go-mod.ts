/**
 * go.mod (https://go.dev/ref/mod#go-mod-file), read the way OSV-SCALIBR's gomod extractor reads
 * it: `require` gives the modules, `replace` rewrites them, `exclude` drops versions, and the
 * `toolchain` (else `go`) directive becomes the module `stdlib`. Below `go 1.17` go.mod lists only
 * the direct requirements, so the modules of the sibling go.sum are added as indirect ones.
 */
import type { Component, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { goModFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = goModFormat;

/** The directives of https://go.dev/ref/mod#go-mod-file-grammar; anything else is an error, as in `modfile.Parse`. */
const knownVerbs = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

interface Directive {
  readonly verb: string;
  readonly args: readonly string[];
  readonly comment: string;
  readonly line: number;
}

interface Requirement {
  name: string;
  version: string;
  line: number;
  file: string;
  direct: boolean;
}

export const goModExtractor: Extractor = { ...goModFormat, extract: extractGoMod };

function extractGoMod(file: SourceFile): Extraction {
  const problems: InventoryProblem[] = [];
  const directives = parseDirectives(file.text, (line, message) => problems.push({ file: file.path, line, message }));

  const requirements: Requirement[] = [];
  const excluded = new Set<string>();
  let goDirective: Directive | undefined;
  let toolchainDirective: Directive | undefined;
  const replaces: Directive[] = [];

  for (const directive of directives) {
    const report = (message: string): void => {
      problems.push({ file: file.path, line: directive.line, message: `${directive.verb}: ${message}` });
    };
    switch (directive.verb) {
      case 'require': {
        const [name, version] = directive.args;
        if (directive.args.length !== 2 || name === undefined || version === undefined) {
          report('expected a module path and a version');
          break;
        }
        requirements.push({ name, version: stripV(version), line: directive.line, file: file.path, direct: !isIndirect(directive.comment) });
        break;
      }
      case 'exclude': {
        const [name, version] = directive.args;
        if (directive.args.length !== 2 || name === undefined || version === undefined) report('expected a module path and a version');
        else excluded.add(moduleKey(name, stripV(version)));
        break;
      }
      case 'replace':
        replaces.push(directive);
        break;
      case 'go':
        goDirective = directive;
        break;
      case 'toolchain':
        toolchainDirective = directive;
        break;
      default:
        break;
    }
  }

  // Later requirements of the same module version win, as in the upstream map.
  const modules = new Map<string, Requirement>();
  for (const requirement of requirements) {
    const key = moduleKey(requirement.name, requirement.version);
    if (!excluded.has(key)) modules.set(key, requirement);
  }
  for (const directive of replaces) applyReplace(directive, modules, file.path, problems);

  const goVersion = goDirective?.args[0];
  if (goVersion !== undefined && isBelowGo117(goVersion)) addGoSumModules(file, modules, excluded, problems);

  const components: Component[] = [];
  const seen = new Set<string>();
  for (const module of modules.values()) {
    const key = moduleKey(module.name, module.version);
    if (seen.has(key)) continue;
    seen.add(key);
    const purl = goPurl(module.name, module.version);
    if (purl === undefined) {
      problems.push({ file: module.file, line: module.line, message: `${module.name} is not a module path` });
      continue;
    }
    components.push({
      name: module.name,
      version: module.version,
      ecosystem,
      purl,
      groups: [],
      direct: module.direct,
      location: { file: module.file, line: module.line },
    });
  }
  const stdlib = stdlibComponent(toolchainDirective, goDirective, file.path);
  if (stdlib !== undefined) components.push(stdlib);
  return { components, edges: [], problems };
}

/**
 * https://go.dev/ref/mod#go-mod-file-replace: without an old version every required version of
 * the module is replaced; with one, only that version, and the directive has no effect when the
 * version is not required. A replacement without a version is a local directory (version "").
 */
function applyReplace(directive: Directive, modules: Map<string, Requirement>, path: string, problems: InventoryProblem[]): void {
  const arrow = directive.args.indexOf('=>');
  const left = directive.args.slice(0, arrow);
  const right = directive.args.slice(arrow + 1);
  const [oldPath, oldVersion] = left;
  const [newPath, newVersion] = right;
  if (arrow === -1 || oldPath === undefined || newPath === undefined || left.length > 2 || right.length > 2) {
    problems.push({ file: path, line: directive.line, message: 'replace: expected "module [version] => replacement [version]"' });
    return;
  }
  const targets =
    oldVersion === undefined
      ? [...modules.entries()].filter(([, module]) => module.name === oldPath).map(([key]) => key)
      : [moduleKey(oldPath, stripV(oldVersion))].filter((key) => modules.has(key));
  for (const key of targets) {
    const replaced = modules.get(key);
    if (replaced === undefined) continue;
    modules.set(key, { name: newPath, version: newVersion === undefined ? '' : stripV(newVersion), line: directive.line, file: path, direct: replaced.direct });
  }
}

/** go.sum lines are `module version hash`; `version/go.mod` lines only hash a go.mod file and name no download. */
function addGoSumModules(file: SourceFile, modules: Map<string, Requirement>, excluded: ReadonlySet<string>, problems: InventoryProblem[]): void {
  const sum = file.readRelated('go.sum') ?? file.readRelated(`${stem(baseName(file.path))}.sum`);
  if (sum === undefined) return;
  const present = new Set([...modules.values()].map((module) => moduleKey(module.name, module.version)));
  sum.text.split(/\r?\n/).forEach((text, index) => {
    if (text.trim() === '') return;
    const fields = text.trim().split(/\s+/);
    const [name, version] = fields;
    if (fields.length !== 3 || name === undefined || version === undefined) {
      problems.push({ file: sum.path, line: index + 1, message: 'go.sum: expected "module version hash"' });
      return;
    }
    if (version.endsWith('/go.mod')) return;
    const key = moduleKey(name, stripV(version));
    if (present.has(key) || excluded.has(key)) return;
    present.add(key);
    modules.set(`sum|${key}`, { name, version: stripV(version), line: index + 1, file: sum.path, direct: false });
  });
}

/** The toolchain directive names the Go release that builds the module (`go1.23.6-xyz` → 1.23.6); else the go directive. */
function stdlibComponent(toolchain: Directive | undefined, go: Directive | undefined, path: string): Component | undefined {
  const toolchainName = toolchain?.args[0];
  let version: string | undefined;
  let line: number | undefined;
  if (toolchain !== undefined && toolchainName?.startsWith('go') === true && toolchainName.length > 2) {
    version = toolchainName.slice(2).split('-')[0];
    line = toolchain.line;
  } else if (go?.args[0] !== undefined) {
    version = go.args[0];
    line = go.line;
  }
  if (version === undefined || version === '') return undefined;
  return { name: 'stdlib', version, ecosystem, purl: goPurl('stdlib', version) ?? 'pkg:golang/stdlib', groups: [], location: { file: path, ...(line === undefined ? {} : { line }) } };
}

/**
 * Go purls keep the leading `v` of module versions, which the corpus (and OSV) remove from
 * `version`; the toolchain (`stdlib`) gets one too, so every Go purl reads alike.
 */
function goPurl(name: string, version: string): string | undefined {
  try {
    return componentPurl('golang', name, version === '' ? '' : `v${version}`);
  } catch {
    // A path such as `a/` leaves no name: the caller reports the entry.
    return undefined;
  }
}

/** `go 1.16`, `go 1.16.3`, `go 1.21rc1`: compared on major and minor only. */
function isBelowGo117(version: string): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (match === null) return false;
  const major = Number(match[1]);
  return major < 1 || (major === 1 && Number(match[2]) < 17);
}

/** modfile marks a requirement indirect when its line comment is `indirect` or starts with `indirect;`. */
function isIndirect(comment: string): boolean {
  return comment === 'indirect' || comment.startsWith('indirect;');
}

function stripV(version: string): string {
  return version.startsWith('v') ? version.slice(1) : version;
}

function moduleKey(name: string, version: string): string {
  return `${name}@${version}`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/**
 * Splits go.mod into directives, one per line, with block forms (`require (` ... `)`) expanded so
 * that each line inside a block becomes a directive of the block's verb. Tokens follow the
 * modfile lexer: `//` comments, "interpreted" and `raw` strings, `(`, `)`, `=>` and words.
 */
function parseDirectives(text: string, report: (line: number, message: string) => void): Directive[] {
  const directives: Directive[] = [];
  let block: { verb: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((lineText, index) => {
    const line = index + 1;
    const lexed = lexLine(lineText);
    if (lexed === undefined) {
      report(line, 'unterminated string');
      return;
    }
    const { tokens, comment } = lexed;
    const [first] = tokens;
    if (first === undefined) return;
    if (block !== undefined) {
      if (first === ')' && tokens.length === 1) block = undefined;
      else directives.push({ verb: block.verb, args: tokens, comment, line });
      return;
    }
    if (!knownVerbs.has(first)) {
      report(line, `unknown directive: ${first}`);
      return;
    }
    if (tokens.length === 2 && tokens[1] === '(') {
      block = { verb: first, line };
      return;
    }
    directives.push({ verb: first, args: tokens.slice(1), comment, line });
  });
  if (block !== undefined) report(block.line, `${block.verb} block is not closed`);
  return directives;
}

function lexLine(text: string): { tokens: string[]; comment: string } | undefined {
  const tokens: string[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text.charAt(position);
    if (char === ' ' || char === '\t') {
      position += 1;
    } else if (text.startsWith('//', position)) {
      return { tokens, comment: text.slice(position + 2).trim() };
    } else if (char === '(' || char === ')') {
      tokens.push(char);
      position += 1;
    } else if (text.startsWith('=>', position)) {
      tokens.push('=>');
      position += 2;
    } else if (char === '"' || char === '`') {
      const end = closingQuote(text, position);
      if (end === -1) return undefined;
      const raw = text.slice(position, end + 1);
      tokens.push(char === '`' ? raw.slice(1, -1) : unquote(raw));
      position = end + 1;
    } else {
      let end = position;
      while (end < text.length && !/[\s()"`]/.test(text.charAt(end)) && !text.startsWith('//', end) && !text.startsWith('=>', end)) end += 1;
      tokens.push(text.slice(position, end));
      position = end;
    }
  }
  return { tokens, comment: '' };
}

function closingQuote(text: string, start: number): number {
  const quote = text.charAt(start);
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quote === '"' && char === '\\') index += 1;
    else if (char === quote) return index;
  }
  return -1;
}

function unquote(quoted: string): string {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : quoted.slice(1, -1);
  } catch {
    return quoted.slice(1, -1);
  }
}
