/**
 * Scorecard's rules for one shell command, given as its words (checks/raw/shell_download_validate.go):
 * which commands download (and to which file, from which URL), and which run an interpreter or a
 * downloaded file. Words are as Scorecard extracts them: literals as written, quoted words with
 * their quotes, `sudo` dropped. Pure functions of the words; the syntax tree lives in
 * shell-dependencies.ts, package installs in package-installs.ts.
 */
import { basePath, cleanPath, dirPath, joinPath, urlPath } from './go-path.js';

/** The shells mvdan/sh parses. */
export const supportedShells = ['sh', 'bash', 'mksh'] as const;
const otherShells = ['dash', 'ksh'];
const shellNames = [...supportedShells, ...otherShells];
export const pythonInterpreters = ['python', 'python3', 'python2.7'];
/** Everything that runs a shell script: `exec`, `su` and the shells. */
export const shellInterpreters = ['exec', 'su', ...shellNames];
const otherInterpreters = ['perl', 'ruby', 'php', 'node', 'nodejs', 'java'];
const dotnetInterpreters = ['dotnet', 'nuget'];
const interpreters = [...dotnetInterpreters, ...otherInterpreters, ...shellInterpreters, ...shellNames, ...pythonInterpreters];
const downloadUtilities = ['curl', 'wget', 'gsutil'];

/** Go's strings.EqualFold for the ASCII names these rules compare. */
export function equalFold(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

const programNames = new Map<string, string>();

/** A word's program name: its base name, lower-cased (cached: every rule asks it of every word). */
function programName(word: string): string {
  let name = programNames.get(word);
  if (name === undefined) {
    name = basePath(word).toLowerCase();
    if (programNames.size > 10_000) programNames.clear();
    programNames.set(word, name);
  }
  return name;
}

/** Whether `name` (a path or a bare name) is the program `expected` (lower case). */
export function isBinaryName(expected: string, name: string): boolean {
  return programName(name) === expected;
}

/** Whether a workflow step's shell is one the parser reads (`bash`, `/bin/sh`, but not `bash -e {0}`). */
export function isSupportedShell(shell: string): boolean {
  return supportedShells.some((name) => isBinaryName(name, shell));
}

/** curl, wget, gsutil, or `aws s3api get-object`. */
export function isDownloadUtility(command: readonly string[]): boolean {
  const [program] = command;
  if (program === undefined) return false;
  if (downloadUtilities.some((name) => isBinaryName(name, program))) return true;
  return isAwsGetObject(command);
}

function isAwsGetObject(command: readonly string[]): boolean {
  return command.length >= 3 && isBinaryName('aws', command[0] ?? '') && equalFold(command[1] ?? '', 's3api') && equalFold(command[2] ?? '', 'get-object');
}

/**
 * Whether a download fetches anything but immutable GitHub content (hasUnpinnedURLs): true unless
 * every URL among its words is `https://raw.githubusercontent.com/OWNER/REPO/<40-hex commit>/PATH`.
 * A download without a URL Scorecard can read (`curl $URL`) counts as unpinned.
 */
export function hasUnpinnedUrls(command: readonly string[]): boolean {
  const urls = command.map((word) => word.replace(/^['"]+|['"]+$/g, '')).filter((word) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(word) || word.startsWith('/'));
  if (urls.length === 0) return true;
  return !urls.every((url) => {
    const found = /^https:\/\/raw\.githubusercontent\.com(\/[^?#]*)/i.exec(url);
    if (found === null || !url.toLowerCase().startsWith('https://raw.githubusercontent.com/')) return false;
    const segments = (found[1] ?? '').split('/');
    return segments.length >= 5 && /^[a-fA-F0-9]{40}$/.test(segments[3] ?? '');
  });
}

export type OutputFile = { readonly ok: true; readonly file?: string } | { readonly ok: false; readonly message: string };

/** The file a wget, gsutil or aws download writes (Scorecard does not follow curl's `-o`). */
export function downloadOutputFile(command: readonly string[]): OutputFile {
  const [program] = command;
  if (program === undefined) return { ok: true };
  if (isBinaryName('wget', program)) {
    // EqualFold: Scorecard takes wget's `-o` (its log file) for `-O` too.
    for (let index = 1; index < command.length - 1; index += 1) if (equalFold(command[index] ?? '', '-O')) return { ok: true, file: command[index + 1] ?? '' };
    const url = command.slice(1).find((word) => word.startsWith('http'));
    if (url === undefined) return { ok: true };
    const parsed = urlPath(url);
    return parsed.ok ? { ok: true, file: basePath(parsed.path) } : parsed;
  }
  if (isBinaryName('gsutil', program)) {
    for (let index = 1; index < command.length - 1; index += 1) {
      const source = command[index] ?? '';
      if (!source.startsWith('gs://')) continue;
      return intoFolderOrFile(source, command[index + 1] ?? '');
    }
    return { ok: true };
  }
  if (isBinaryName('aws', program) && isAwsGetObject(command)) {
    return intoFolderOrFile(command[command.length - 2] ?? '', command[command.length - 1] ?? '');
  }
  return { ok: true };
}

/** A destination that is a folder (`.`, `/path/to/`) receives the source's base name. */
function intoFolderOrFile(source: string, destination: string): OutputFile {
  if (cleanPath(dirPath(destination)) !== cleanPath(destination)) return { ok: true, file: destination };
  const parsed = urlPath(source);
  return parsed.ok ? { ok: true, file: joinPath(dirPath(destination), basePath(parsed.path)) } : parsed;
}

/** A command that starts an interpreter (a shell, python, node, dotnet, ...). */
export function isInterpreter(command: readonly string[]): boolean {
  const [program] = command;
  return program !== undefined && interpreters.some((name) => isBinaryName(name, program));
}

/** `interpreter -c ...`: the interpreter's name, the first one of Scorecard's list that matches. */
export function interpreterWithCommand(command: readonly string[]): string | undefined {
  return interpreters.find((name) => {
    let seen = false;
    for (const word of command) {
      if (isBinaryName(name, word)) seen = true;
      else if (seen && word.startsWith('-') && word.includes('c')) return true;
    }
    return false;
  });
}

/** Whether an interpreter's `-c` text is shell (not python, perl, node, ...). */
export function isShellInterpreterOrCommand(name: string): boolean {
  if (pythonInterpreters.some((python) => isBinaryName(python, name))) return false;
  return !otherInterpreters.some((other) => isBinaryName(other, name));
}

/** `bash file`, `python3 -u file`: an interpreter given `file` as an argument. */
export function isInterpreterWithFile(command: readonly string[], file: string): boolean {
  const [program] = command;
  if (program === undefined || !interpreters.some((name) => isBinaryName(name, program))) return false;
  return command.slice(1).some((word) => equalFold(cleanPath(word), cleanPath(file)));
}

/** `./file`, `/tmp/file`: `file` run directly. */
export function isExecuteFile(command: readonly string[], file: string): boolean {
  const [program] = command;
  return program !== undefined && equalFold(cleanPath(program), cleanPath(file));
}
