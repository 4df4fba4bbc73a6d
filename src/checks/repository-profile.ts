/**
 * What a repository is made of, read from file names only (cheap, no content): the package
 * ecosystems Dependabot would update, and the programming languages with their size in bytes
 * (what GitHub's languages API reports; Scorecard calls them lines). Remediations use them to
 * write a dependabot.yml or a CodeQL workflow that fits the repository; Fuzzing uses the
 * languages when the platform cannot list them.
 */
import { isTestDataPath, type RepositoryFiles } from './repository.js';

/** Folders of other people's code, which GitHub's language statistics also leave out. */
const vendored = /(^|\/)(node_modules|vendor|bower_components|third_party|\.yarn)\//;

const ecosystemByName: Readonly<Record<string, string>> = {
  'package.json': 'npm',
  'requirements.txt': 'pip',
  Pipfile: 'pip',
  'pyproject.toml': 'pip',
  'setup.py': 'pip',
  'go.mod': 'gomod',
  'Cargo.toml': 'cargo',
  'pom.xml': 'maven',
  'build.gradle': 'gradle',
  'build.gradle.kts': 'gradle',
  Gemfile: 'bundler',
  'composer.json': 'composer',
  'mix.exs': 'mix',
  'pubspec.yaml': 'pub',
  'Package.swift': 'swift',
  Dockerfile: 'docker',
  'packages.config': 'nuget',
  'elm.json': 'elm',
};

function ecosystemOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const direct = ecosystemByName[name];
  if (direct !== undefined) return direct;
  if (name.endsWith('proj') && /\.(cs|fs|vb)proj$/.test(name)) return 'nuget';
  if (name.endsWith('.tf')) return 'terraform';
  if (path.startsWith('.github/workflows/') && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github-actions';
  return undefined;
}

export interface Ecosystem {
  /** Dependabot's `package-ecosystem`. */
  readonly name: string;
  /** Folders with a manifest, `/`-rooted as Dependabot wants them, sorted. */
  readonly directories: readonly string[];
}

/** Directories listed per ecosystem; more are summarised by their parents being listed first. */
const maxDirectories = 20;

/** The Dependabot ecosystems of the repository, by manifest file name. */
export function repositoryEcosystems(files: RepositoryFiles): Ecosystem[] {
  const found = new Map<string, Set<string>>();
  for (const path of files.paths) {
    const ecosystem = ecosystemOf(path);
    if (ecosystem === undefined || vendored.test(path) || isTestDataPath(path)) continue;
    const directory = ecosystem === 'github-actions' ? '/' : `/${path.slice(0, Math.max(0, path.lastIndexOf('/')))}`;
    const directories = found.get(ecosystem) ?? new Set<string>();
    directories.add(directory);
    found.set(ecosystem, directories);
  }
  return [...found].map(([name, directories]) => ({ name, directories: [...directories].sort().slice(0, maxDirectories) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A dependabot.yml updating every ecosystem weekly. */
export function dependabotConfig(ecosystems: readonly Ecosystem[]): string {
  const chosen = ecosystems.length > 0 ? ecosystems : [{ name: 'github-actions', directories: ['/'] }];
  const lines = ['version: 2', 'updates:'];
  for (const ecosystem of chosen) {
    lines.push(`  - package-ecosystem: "${ecosystem.name}"`);
    if (ecosystem.directories.length === 1) lines.push(`    directory: "${ecosystem.directories[0] ?? '/'}"`);
    else lines.push('    directories:', ...ecosystem.directories.map((directory) => `      - "${directory}"`));
    lines.push('    schedule:', '      interval: "weekly"');
  }
  return `${lines.join('\n')}\n`;
}

/** Languages by file extension, named as GitHub names them (lower-cased, as Scorecard compares). */
const languageByExtension: Readonly<Record<string, string>> = {
  go: 'go', py: 'python', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript', c: 'c', h: 'c',
  cc: 'c++', cpp: 'c++', cxx: 'c++', hpp: 'c++', hh: 'c++', hxx: 'c++', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin',
  swift: 'swift', hs: 'haskell', lhs: 'haskell', ex: 'elixir', exs: 'elixir', erl: 'erlang', hrl: 'erlang', gleam: 'gleam',
  cs: 'c#', fs: 'f#', fsi: 'f#', fsx: 'f#', rb: 'ruby', php: 'php', scala: 'scala',
};

export function languageOfPath(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  return languageByExtension[path.slice(dot + 1).toLowerCase()];
}

/** Files whose size is read per language; a language with more is estimated from an even sample. */
const sizeSample = 256;

/**
 * The languages of the repository with their size in bytes, largest first. Sizes cost a stat per
 * file, so a language with many files is estimated: its file count times the mean size of an
 * evenly spaced sample.
 */
export function repositoryLanguages(files: RepositoryFiles): { readonly name: string; readonly lines: number }[] {
  const byLanguage = new Map<string, string[]>();
  for (const path of files.paths) {
    const language = languageOfPath(path);
    if (language === undefined || vendored.test(path) || path.endsWith('.min.js')) continue;
    const paths = byLanguage.get(language) ?? [];
    paths.push(path);
    byLanguage.set(language, paths);
  }
  const languages = [...byLanguage].map(([name, paths]) => {
    const step = Math.max(1, paths.length / sizeSample);
    let sampled = 0;
    let bytes = 0;
    for (let index = 0; index < paths.length; index += step) {
      bytes += files.size(paths[Math.floor(index)] ?? '') ?? 0;
      sampled += 1;
    }
    return { name, lines: sampled === paths.length ? bytes : Math.round((bytes / sampled) * paths.length) };
  });
  return languages.sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
}
