/**
 * .NET project files that make NuGet commands pinned (Scorecard's postProcessNugetDependencies):
 * central package management with exact versions (`Directory.*.props`), or lock files enforced
 * in every project (`<RestoreLockedMode>true</RestoreLockedMode>` in each `.csproj`). Read like
 * Go's encoding/xml reads them into Scorecard's structs: the root must be `<Project>`, a boolean
 * is `true`/`1`/`t`/... and any other text makes the whole file malformed.
 */
import { readXml } from '../ecosystems/xml-tree.js';
import type { XmlElement } from '../ecosystems/xml-tree.js';
import { basePath } from './go-path.js';
import type { PinnedDependency } from './pinned-dependency.js';
import type { RepositoryFiles } from './repository.js';
import { isTestDataPath } from './repository.js';

const maxDepth = 64;

/** Whether a project restores in locked mode; undefined when the file is malformed. */
export function restoreLockedMode(text: string): boolean | undefined {
  const project = projectOf(text);
  if (project === undefined) return undefined;
  return anyGroupSets(project, 'RestoreLockedMode');
}

export interface CentralPackageManagement {
  readonly enabled: boolean;
  /** The `<PackageVersion>` items, read only when CPM is enabled. */
  readonly packages: readonly { readonly name: string; readonly version: string; readonly fixed: boolean }[];
}

/** A `Directory.*.props` file's central package management; undefined when malformed. */
export function centralPackageManagement(text: string): CentralPackageManagement | undefined {
  const project = projectOf(text);
  if (project === undefined) return undefined;
  const enabled = anyGroupSets(project, 'ManagePackageVersionsCentrally');
  if (enabled === undefined) return undefined;
  if (!enabled) return { enabled, packages: [] };
  const packages = project.children
    .filter((group) => group.name === 'ItemGroup')
    .flatMap((group) => group.children.filter((item) => item.name === 'PackageVersion'))
    .map((item) => ({ name: item.attributes['Include'] ?? '', version: item.attributes['Version'] ?? '', fixed: isFixedVersion(item.attributes['Version'] ?? '') }));
  return { enabled, packages };
}

/** An exact version: `1.2.3`, `1.2.3-beta.1`, `[1.2]`, `[1.2.3]`, or an MSBuild property `$(Name)`. */
export function isFixedVersion(version: string): boolean {
  return /^(\d+)\.(\d+)\.(\d+)(-[a-zA-Z]+(\.\d+)?|-[a-zA-Z]+\d*)?$|^\[\d+\.\d+\]$|^\[\d+\.\d+\.\d+\]$|^\$\(.+\)$/.test(version);
}

/** Scorecard's `*.csproj` and `Directory.*.props` patterns, ignoring case. */
export function isProjectFile(path: string): boolean {
  return basePath(path).toLowerCase().endsWith('.csproj');
}

export function isDirectoryProps(path: string): boolean {
  const name = basePath(path).toLowerCase();
  return name.startsWith('directory.') && name.endsWith('.props') && name.length >= 'directory..props'.length;
}

/**
 * Re-judges unpinned nuget/dotnet commands with the repository's project files: all pinned when
 * central package management fixes every version, or when every readable project is locked;
 * otherwise a note for the remediation when only some are. Scorecard reads the first
 * `Directory.*.props` it can parse, in listing order, and no other.
 */
export function postProcessNuget(files: RepositoryFiles, dependencies: readonly PinnedDependency[]): void {
  const unpinned = dependencies.filter((dependency) => dependency.type === 'nugetCommand' && !dependency.pinned);
  if (unpinned.length === 0) return;
  let central: CentralPackageManagement | undefined;
  for (const path of files.paths) {
    if (!isDirectoryProps(path) || isTestDataPath(path)) continue;
    central = centralPackageManagement(files.readText(path) ?? '');
    if (central !== undefined) break;
  }
  const pinAll = (): void => {
    for (const dependency of unpinned) dependency.pinned = true;
  };
  if (central?.enabled === true) {
    const unfixed = central.packages.filter((item) => !item.fixed);
    if (unfixed.length === 0) pinAll();
    else for (const dependency of unpinned) dependency.remediationNote = `some of dependency versions are not fixes to specific versions: ${unfixed.map((item) => item.version).join(', ')}`;
    return;
  }
  const projects = lockedModes(files);
  const unlocked = projects.filter((project) => !project.locked);
  if (unlocked.length === projects.length) return;
  if (unlocked.length === 0) {
    pinAll();
    return;
  }
  for (const dependency of unpinned) dependency.remediationNote = `some of your csproj files set the RestoreLockedMode property to true, while other do not set it: ${unlocked.map((project) => project.path).join(', ')}`;
}

/** Every readable `.csproj` and whether it restores in locked mode (malformed ones left out, as Scorecard does). */
export function lockedModes(files: RepositoryFiles): { readonly path: string; readonly locked: boolean }[] {
  const projects: { path: string; locked: boolean }[] = [];
  for (const path of files.paths) {
    if (!isProjectFile(path) || isTestDataPath(path)) continue;
    const locked = restoreLockedMode(files.readText(path) ?? '');
    if (locked !== undefined) projects.push({ path, locked });
  }
  return projects;
}

function projectOf(text: string): XmlElement | undefined {
  const read = readXml(text, { maxDepth, localNames: true });
  return 'root' in read && read.root.name === 'Project' ? read.root : undefined;
}

/** Whether any `<PropertyGroup>` sets the boolean property (the last value of a group wins); undefined when one is not a boolean. */
function anyGroupSets(project: XmlElement, property: string): boolean | undefined {
  let set = false;
  for (const group of project.children) {
    if (group.name !== 'PropertyGroup') continue;
    let value = false;
    for (const element of group.children) {
      if (element.name !== property) continue;
      const parsed = goBool(element.text);
      if (parsed === undefined) return undefined;
      value = parsed;
    }
    set ||= value;
  }
  return set;
}

/** strconv.ParseBool after TrimSpace, with encoding/xml's empty text as false. */
function goBool(text: string): boolean | undefined {
  if (text === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
