/**
 * Gemfile.lock and gems.locked, Bundler's lockfile
 * (https://github.com/rubygems/rubygems/blob/master/bundler/lib/bundler/lockfile_parser.rb):
 * sections start at column 0; in the source sections (`GEM`, `GIT`, `PATH`, `PLUGIN SOURCE`) a
 * spec is `    name (version[-platform])` and its dependencies follow at six spaces. `DEPENDENCIES`
 * lists what the Gemfile asks for, which tells direct from transitive.
 */
import type { Component, DependencyEdge, Extraction } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { gemfileLockFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = gemfileLockFormat;
const sourceSections = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);

/** A gem version holds no `-`: what follows the first one is the platform (`1.13.3-x86_64-linux`). */
const specPattern = /^ {4}([^\s(]+) \(([^)-]+)(?:-([^)]+))?\)\s*$/;
const dependencyPattern = /^ {6}([^\s(!]+)/;
const requirementPattern = /^ {2}([^\s(!]+)/;

interface Spec {
  readonly name: string;
  readonly version: string;
  readonly platform: string | undefined;
  readonly line: number;
  readonly dependencies: string[];
  commit: string | undefined;
}

export const gemfileLockExtractor: Extractor = { ...gemfileLockFormat, extract: extractGemfileLock };

function extractGemfileLock(file: SourceFile): Extraction {
  const specs: Spec[] = [];
  const requested = new Set<string>();
  let sawDependencies = false;
  let section = '';
  let sectionSpecs: Spec[] = [];
  let revision: string | undefined;
  let current: Spec | undefined;

  const closeSection = (): void => {
    for (const spec of sectionSpecs) spec.commit = revision;
    sectionSpecs = [];
    revision = undefined;
    current = undefined;
  };

  for (const [index, text] of file.text.split(/\r?\n/).entries()) {
    if (text.trim() === '') continue;
    if (!/^\s/.test(text)) {
      closeSection();
      section = text.trim();
      if (section === 'DEPENDENCIES') sawDependencies = true;
      continue;
    }
    if (section === 'DEPENDENCIES') {
      const requirement = requirementPattern.exec(text);
      if (requirement?.[1] !== undefined) requested.add(requirement[1]);
      continue;
    }
    if (!sourceSections.has(section)) continue;
    if (section === 'GIT') {
      const revisionMatch = /^ {2}revision: (\S+)/.exec(text);
      if (revisionMatch?.[1] !== undefined) revision = revisionMatch[1];
    }
    const spec = specPattern.exec(text);
    if (spec !== null) {
      const [, name = '', version = '', platform] = spec;
      current = { name, version, platform, line: index + 1, dependencies: [], commit: undefined };
      specs.push(current);
      sectionSpecs.push(current);
      continue;
    }
    // A spec line without a version names no installable gem (Bundler's own tests have these).
    if (/^ {4}\S/.test(text)) {
      current = undefined;
      continue;
    }
    const dependency = dependencyPattern.exec(text);
    if (dependency?.[1] !== undefined && current !== undefined) current.dependencies.push(dependency[1]);
  }
  closeSection();

  const components: Component[] = [];
  const byName = new Map<string, Component>();
  const byKey = new Map<string, Component>();
  for (const spec of specs) {
    const key = specKey(spec);
    if (byKey.has(key)) continue;
    const component: Component = {
      name: spec.name,
      version: spec.version,
      ecosystem,
      purl: componentPurl('gem', spec.name, spec.version),
      groups: [],
      ...(sawDependencies ? { direct: requested.has(spec.name) } : {}),
      location: { file: file.path, line: spec.line },
      ...(spec.commit === undefined ? {} : { commit: spec.commit }),
      ...(spec.platform === undefined ? {} : { meta: { platform: spec.platform } }),
    };
    components.push(component);
    byKey.set(key, component);
    if (!byName.has(spec.name)) byName.set(spec.name, component);
  }
  return { components, edges: specEdges(specs, byKey, byName), problems: [] };
}

/** One gem locked for several platforms is one component. */
function specKey(spec: Spec): string {
  return `${spec.name}@${spec.version}#${spec.commit ?? ''}`;
}

/** A dependency names a gem only; Bundler resolves each name to one locked version. */
function specEdges(specs: readonly Spec[], byKey: ReadonlyMap<string, Component>, byName: ReadonlyMap<string, Component>): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const from = byKey.get(specKey(spec));
    if (from === undefined) continue;
    for (const dependency of spec.dependencies) {
      const to = byName.get(dependency);
      const key = `${from.purl} ${to?.purl ?? ''}`;
      if (to === undefined || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: from.purl, to: to.purl });
    }
  }
  return edges;
}
