/**
 * SDK-style .NET project files (`*.csproj`, `*.fsproj`, `*.vbproj`) without a lock file: each
 * `<PackageReference Include Version>` is a direct dependency
 * (https://learn.microsoft.com/nuget/consume-packages/package-references-in-project-files).
 * A reference without a version takes it from central package management (Directory.Packages.props,
 * see central-packages.ts), whose `GlobalPackageReference` items are reported too, located there.
 *
 * Versions (https://learn.microsoft.com/nuget/concepts/package-versioning#version-ranges):
 * - a plain version `1.2.3` means `>= 1.2.3`, but NuGet restores the lowest applicable version,
 *   which is 1.2.3 itself whenever it exists: it is taken as pinned, version as written;
 * - an exact range `[1.2.3]` is pinned too;
 * - other ranges (`[1.0,2.0)`, `(,2.0]`) and floating versions (`1.*`) are `unpinned`, with the
 *   range as written and the inclusive lower bound as version (`""` when there is none: an
 *   exclusive bound, no bound, or a floating version, which restores the highest match).
 * A version using a property that cannot be read statically stays `""`.
 */
import type { Component, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { csprojFormat } from '../formats.js';
import { centralPackages } from './central-packages.js';
import { expandProperties, isProjectRoot, maxXmlDepth, packageItems, projectProperties } from './msbuild-project.js';
import type { PackageItem } from './msbuild-project.js';
import { readXml } from '../xml-tree.js';

/** As the format's definition names it. */
const { ecosystem } = csprojFormat;

export const csprojExtractor: Extractor = { ...csprojFormat, extract: extractCsproj };

interface Reference {
  readonly item: PackageItem;
  readonly file: string;
  version: string | undefined;
}

function extractCsproj(file: SourceFile): Extraction {
  const xml = readXml(file.text, maxXmlDepth);
  if ('error' in xml) {
    return { components: [], edges: [], problems: [{ file: file.path, ...(xml.line === undefined ? {} : { line: xml.line }), message: `could not parse the project file as XML: ${xml.error}` }] };
  }
  if (!isProjectRoot(xml.root)) {
    return { components: [], edges: [], problems: [{ file: file.path, line: xml.root.line, message: `not an MSBuild project: the root element is <${xml.root.name}>` }] };
  }
  const problems: InventoryProblem[] = [];
  const central = centralPackages(file, problems);
  // MSBuild reads Directory.Packages.props before the project body, so the project's properties win.
  const properties = new Map([...(central?.properties ?? []), ...projectProperties(xml.root)]);

  const references = new Map<string, Reference>();
  for (const item of packageItems(xml.root, 'PackageReference')) {
    const key = item.name.toLowerCase();
    const known = references.get(key);
    if (item.operation === 'update') {
      // Update changes an item added earlier; one naming an item of the SDK's is left alone.
      if (known !== undefined && item.version !== undefined) known.version = item.version;
      continue;
    }
    if (known === undefined) references.set(key, { item, file: file.path, version: item.version });
  }
  for (const reference of references.values()) {
    if (reference.version === undefined) reference.version = central?.versions.get(reference.item.name.toLowerCase())?.version;
  }
  for (const item of central?.globalReferences ?? []) {
    const key = item.name.toLowerCase();
    if (!references.has(key)) references.set(key, { item, file: central?.path ?? file.path, version: item.version ?? central?.versions.get(key)?.version });
  }

  const components: Component[] = [];
  for (const reference of references.values()) {
    const component = toComponent(reference, properties);
    if (typeof component === 'string') problems.push({ file: reference.file, line: reference.item.line, message: component });
    else components.push(component);
  }
  return { components, edges: [], problems };
}

function toComponent(reference: Reference, properties: ReadonlyMap<string, string>): Component | string {
  const { name, line } = reference.item;
  const written = reference.version === undefined ? '' : expandProperties(reference.version, properties);
  const requirement = readRequirement(written ?? '');
  let purl: string;
  try {
    purl = componentPurl('nuget', name, requirement.version);
  } catch {
    return `${name} ${requirement.version} cannot be written as a Package URL`;
  }
  return {
    name,
    version: requirement.version,
    ecosystem,
    purl,
    groups: [],
    direct: true,
    ...(requirement.range === undefined ? {} : { unpinned: true, versionRange: requirement.range }),
    location: { file: reference.file, line },
  };
}

/** See the module comment for what is pinned. */
export function readRequirement(text: string): { version: string; range?: string } {
  const trimmed = text.trim();
  if (trimmed.includes('*')) return { version: '', range: trimmed };
  if (!/^[[(]/.test(trimmed)) return { version: trimmed };
  const exact = /^\[\s*([^,\s\]]+)\s*\]$/.exec(trimmed);
  if (exact !== null) return { version: exact[1] ?? '' };
  const inclusiveLower = /^\[\s*([^,\s]+)\s*,/.exec(trimmed);
  return { version: inclusiveLower?.[1] ?? '', range: trimmed };
}
