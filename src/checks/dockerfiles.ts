/**
 * The Dockerfiles of a repository as Scorecard finds them: any file whose name contains
 * `dockerfile` (any case), outside `vendor/` and `third_party/`, that is not source code of
 * another language or a shell script, and has at least one line that is not a comment. Each is
 * read once per repository listing and shared by the FROM and RUN collectors.
 */
import { basePath, cleanPath } from './go-path.js';
import { containsCommands } from './pinned-dependency.js';
import { firstLineOf, isShellScript } from './pinned-shell-scripts.js';
import { readDockerfile } from './dockerfile-instructions.js';
import type { DockerfileReading } from './dockerfile-instructions.js';
import type { RepositoryFiles } from './repository.js';
import { isTestDataPath } from './repository.js';

export interface DockerfileEntry {
  readonly path: string;
  readonly reading: DockerfileReading;
}

/** Scorecard matches `*Dockerfile*` against the name, ignoring case. */
export function isDockerfileName(path: string): boolean {
  return basePath(path).toLowerCase().includes('dockerfile');
}

/** Files under a `vendor` or `third_party` folder (fileIsInVendorDir). */
export function isVendored(path: string): boolean {
  return cleanPath(path).split('/').some((part) => part.toLowerCase() === 'vendor' || part.toLowerCase() === 'third_party');
}

const sourceExtensions = ['.go', '.c', '.cpp', '.rs', '.js', '.py', '.pyc', '.java'];

/** A Dockerfile-named file that is neither source code nor a shell script (isDockerfile). */
export function isDockerfile(path: string, text: string): boolean {
  if (sourceExtensions.some((extension) => path.endsWith(extension))) return false;
  return !isShellScript(path, firstLineOf(text));
}

/** `Dockerfile.template`, `Dockerfile-tmpl`, `x_tpl.Dockerfile`: templates, whose FROM lines are placeholders. */
export function isTemplateFile(path: string): boolean {
  return basePath(path).split(/[.\-_]/).some((part) => ['template', 'tmpl', 'tpl'].includes(part.toLowerCase()));
}

const cache = new WeakMap<RepositoryFiles, readonly DockerfileEntry[]>();

/** Every Dockerfile of the repository, read once. */
export function dockerfilesOf(files: RepositoryFiles): readonly DockerfileEntry[] {
  const cached = cache.get(files);
  if (cached !== undefined) return cached;
  const entries: DockerfileEntry[] = [];
  for (const path of files.paths) {
    if (!isDockerfileName(path) || isTestDataPath(path) || isVendored(path)) continue;
    const text = files.readText(path);
    if (text === undefined || !isDockerfile(path, text) || !containsCommands(text)) continue;
    entries.push({ path, reading: readDockerfile(text) });
  }
  cache.set(files, entries);
  return entries;
}
