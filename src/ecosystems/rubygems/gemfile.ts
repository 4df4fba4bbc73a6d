/**
 * Gemfile and gems.rb, Bundler's manifest (https://bundler.io/guides/gemfile.html), without a
 * lock file: each `gem 'name', 'requirement', ..., options` is a direct dependency.
 *
 * The file is Ruby and is never evaluated: gemfile-statements.ts reads it statement by statement
 * and understands literal arguments only. Not understood, by design: a gem whose name is not a
 * literal string (a problem names its line), versions built at run time (the gem is reported
 * without one), `gemspec` (the gemspec's dependencies), `eval_gemfile`, and conditions (`if`,
 * `install_if`, `platforms`): every gem counts, whatever the condition.
 *
 * - Groups come from `group :test, :development do ... end` blocks and `group:`/`groups:`
 *   options (`default` is the normal group: `[]`); scope `dev` when every group is development
 *   or test.
 * - Requirements (https://guides.rubygems.org/patterns/#declaring-dependencies): one `= 1.2.3`
 *   or bare `1.2.3` is pinned; otherwise `unpinned`, the requirements joined as the range
 *   (`>= 0`, RubyGems' default, when none) and the highest `~>`/`>=`/`=` bound as version.
 * - `git:`, `github:` and `path:` options and blocks: not from rubygems.org, version `""`;
 *   `resolved` is the git URL, `commit` a full-hash `ref:`.
 */
import type { Component, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { gemfileFormat } from '../formats.js';
import { literalStrings, readCall, statements } from './gemfile-statements.js';
import type { Call, RubyValue } from './gemfile-statements.js';
import { compareRubyGems, parseRubyGems } from './versions.js';

/** As the format's definition names it. */
const { ecosystem } = gemfileFormat;
const devGroups = new Set(['development', 'test']);
/** Keywords that open a block closed by `end` when they start a statement. */
const blockKeywords = /^(if|unless|case|begin|while|until|def|class|module)\b/;

/** What an enclosing block adds to the gems inside it. */
interface Block {
  readonly groups: readonly string[];
  readonly options: ReadonlyMap<string, RubyValue>;
}

export const gemfileExtractor: Extractor = { ...gemfileFormat, extract: extractGemfile };

function extractGemfile(file: SourceFile): Extraction {
  const problems: InventoryProblem[] = [];
  const byPurl = new Map<string, Component>();
  const blocks: Block[] = [];
  for (const { line, text } of statements(file.text)) {
    if (/^end\b/.test(text)) {
      blocks.pop();
      continue;
    }
    const call = readCall(text);
    if (call?.method === 'gem') {
      const component = toComponent(call, blocks, { file: file.path, line });
      if (typeof component === 'string') problems.push({ file: file.path, line, message: component });
      else if (!byPurl.has(component.purl)) byPurl.set(component.purl, component);
    }
    if (call?.opensBlock === true) blocks.push(blockOf(call));
    else if (call === undefined && (/\bdo(\s*\|[^|]*\|)?$/.test(text) || (blockKeywords.test(text) && !/\bend$/.test(text)))) {
      blocks.push({ groups: [], options: new Map() });
    }
  }
  return { components: [...byPurl.values()], edges: [], problems };
}

function blockOf(call: Call): Block {
  const [first] = call.positional;
  switch (call.method) {
    case 'group':
      return { groups: call.positional.flatMap(literalStrings), options: new Map() };
    case 'platforms':
    case 'platform':
      return { groups: [], options: new Map([['platforms', { kind: 'list', values: call.positional }]]) };
    case 'git':
    case 'github':
    case 'path':
    case 'source':
      return { groups: [], options: new Map([...call.options, ...(first === undefined ? [] : [[call.method, first] as const])]) };
    default:
      return { groups: [], options: new Map() };
  }
}

function toComponent(call: Call, blocks: readonly Block[], location: { file: string; line: number }): Component | string {
  const [nameValue, ...requirementValues] = call.positional;
  if (nameValue?.kind !== 'string' || nameValue.value === '') return 'the gem name is not a literal string (dynamic Ruby is not evaluated)';
  const name = nameValue.value;
  const options = new Map([...blocks.flatMap((block) => [...block.options]), ...call.options]);
  const option = (key: string): string | undefined => literalStrings(options.get(key))[0];
  const groups = [...new Set([...blocks.flatMap((block) => block.groups), ...literalStrings(call.options.get('group')), ...literalStrings(call.options.get('groups'))])].filter(
    (group) => group !== 'default',
  );
  const git = gitUrl(option('git'), option('github'));
  const path = option('path');
  const local = git !== undefined || path !== undefined;
  const dynamic = requirementValues.some((value) => value.kind !== 'string');
  const requirements = requirementValues.flatMap(literalStrings).map((requirement) => requirement.trim());
  const requirement = dynamic ? undefined : readRequirements(requirements);
  const version = local ? '' : (requirement?.version ?? '');
  let purl: string;
  try {
    purl = componentPurl('gem', name, version);
  } catch {
    return `${name} ${version} cannot be written as a Package URL`;
  }
  // A git or path gem is unpinned only by a written requirement (its version is the checkout's).
  const unpinned = requirement === undefined || (local ? requirements.length > 0 : !requirement.pinned);
  const ref = option('ref');
  const meta = {
    ...(git === undefined ? {} : { git }),
    ...(path === undefined ? {} : { path }),
    ...Object.fromEntries(['branch', 'tag', 'ref', 'source'].flatMap((key) => (option(key) === undefined ? [] : [[key, option(key)]]))),
    ...(options.has('platforms') || options.has('platform') ? { platforms: [...literalStrings(options.get('platforms')), ...literalStrings(options.get('platform'))] } : {}),
  };
  return {
    name,
    version,
    ecosystem,
    purl,
    groups,
    scope: groups.length > 0 && groups.every((group) => devGroups.has(group)) ? 'dev' : 'prod',
    direct: true,
    ...(unpinned ? { unpinned: true, ...(requirement === undefined ? {} : { versionRange: requirement.range }) } : {}),
    location,
    ...(git === undefined ? {} : { resolved: git }),
    ...(ref !== undefined && /^[0-9a-f]{40}$/i.test(ref) ? { commit: ref } : {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}

/** Bundler's `github: 'user/repo'` (or `'repo'`, for `repo/repo`) shorthand. */
function gitUrl(git: string | undefined, github: string | undefined): string | undefined {
  if (git !== undefined) return git;
  if (github === undefined) return undefined;
  const repository = github.includes('/') ? github : `${github}/${github}`;
  return `https://github.com/${repository}.git`;
}

/** See the module comment; a requirement that does not parse gives no bound. */
export function readRequirements(requirements: readonly string[]): { version: string; range: string; pinned: boolean } {
  if (requirements.length === 0) return { version: '', range: '>= 0', pinned: false };
  const range = requirements.join(', ');
  const [only] = requirements;
  const exact = requirements.length === 1 && only !== undefined ? /^(?:=\s*)?([0-9][0-9A-Za-z.-]*)$/.exec(only) : null;
  if (exact !== null) return { version: exact[1] ?? '', range, pinned: true };
  let bound: string | undefined;
  for (const requirement of requirements) {
    const candidate = /^(?:~>|>=|=)?\s*([0-9][0-9A-Za-z.-]*)$/.exec(requirement)?.[1];
    if (candidate !== undefined && (bound === undefined || higher(candidate, bound))) bound = candidate;
  }
  return { version: bound ?? '', range, pinned: false };
}

function higher(a: string, b: string): boolean {
  try {
    return compareRubyGems(parseRubyGems(a), parseRubyGems(b)) > 0;
  } catch {
    return false;
  }
}
