/**
 * The dependencies of a POM's effective model, built offline from the files on disk
 * (https://maven.apache.org/guides/introduction/introduction-to-the-pom.html#project-inheritance,
 * https://maven.apache.org/guides/introduction/introduction-to-dependency-mechanism.html):
 *
 * 1. parents are read through `<relativePath>` (default `../pom.xml`) while the file found is
 *    the declared parent; a parent elsewhere (a repository) is not looked up;
 * 2. properties, dependencies and dependency management are inherited, the child's winning;
 * 3. everything is interpolated with the merged properties and the child's coordinates;
 * 4. duplicates (same groupId:artifactId:type:classifier) keep the first declaration;
 * 5. BOMs (`<scope>import</scope>` in dependency management) are imported when found on disk
 *    as a module beside the importing POM (`../<artifactId>/pom.xml` or `<artifactId>/pom.xml`);
 * 6. dependencies without a version or scope take them from dependency management.
 */
import type { InventoryProblem } from '../../model/index.js';
import type { SourceFile } from '../extractor.js';
import { pomInterpolator } from './pom-interpolation.js';
import { readPomModel } from './pom-model.js';
import type { PomDependency, PomModel } from './pom-model.js';
import { readXml } from '../xml-tree.js';

/** A dependency after interpolation; a field is undefined when an expression in it cannot be resolved offline. */
export interface EffectiveDependency {
  readonly groupId: string | undefined;
  readonly artifactId: string | undefined;
  /** `""` when neither the POM, its parents on disk nor dependency management give one. */
  readonly version: string | undefined;
  readonly type: string;
  readonly classifier: string;
  readonly scope: string;
  /** The line in the extracted file: the dependency's own, or the `<parent>` element's for an inherited one. */
  readonly line: number;
}

export interface LoadedPom {
  readonly file: SourceFile;
  readonly model: PomModel;
}

/** POMs nest a dozen levels; far deeper is hostile. */
export const maxXmlDepth = 64;
/** Parent chains in real builds are a few levels long. */
const maxParents = 16;
/** All POM files one extraction may read (parents and BOMs of BOMs included). */
const maxFiles = 64;

interface Budget {
  filesRead: number;
  /** The BOMs being imported, to stop import cycles. */
  readonly importing: Set<string>;
  readonly problems: InventoryProblem[];
}

export function loadPom(file: SourceFile): LoadedPom | InventoryProblem {
  const xml = readXml(file.text, maxXmlDepth);
  if ('error' in xml) return { file: file.path, ...(xml.line === undefined ? {} : { line: xml.line }), message: `could not parse the POM as XML: ${xml.error}` };
  const model = readPomModel(xml.root);
  return typeof model === 'string' ? { file: file.path, line: xml.root.line, message: `not a POM: ${model}` } : { file, model };
}

export function effectiveDependencies(pom: LoadedPom, problems: InventoryProblem[]): EffectiveDependency[] {
  const budget: Budget = { filesRead: 1, importing: new Set([pom.file.path]), problems };
  const { dependencies, managed } = effectiveModel(pom, budget);
  const byKey = new Map<string, EffectiveDependency>();
  for (const entry of managed) if (!byKey.has(managementKey(entry))) byKey.set(managementKey(entry), entry);
  return dependencies.map((dependency) => {
    const rule = byKey.get(managementKey(dependency));
    if (rule === undefined) return dependency;
    return {
      ...dependency,
      version: dependency.version === '' ? rule.version : dependency.version,
      scope: dependency.scope === '' ? rule.scope : dependency.scope,
    };
  });
}

function effectiveModel(pom: LoadedPom, budget: Budget): { dependencies: EffectiveDependency[]; managed: EffectiveDependency[] } {
  const chain = [pom, ...parents(pom, budget)];
  const properties = new Map<string, string>();
  for (const member of [...chain].reverse()) for (const [name, value] of member.model.properties) properties.set(name, value);
  const { model } = pom;
  const interpolate = pomInterpolator({
    groupId: model.groupId === '' ? (model.parent?.groupId ?? '') : model.groupId,
    artifactId: model.artifactId,
    version: model.version === '' ? (model.parent?.version ?? '') : model.version,
    parentGroupId: model.parent?.groupId ?? '',
    parentArtifactId: model.parent?.artifactId ?? '',
    parentVersion: model.parent?.version ?? '',
    properties,
  });
  const resolve = (dependency: PomDependency, line: number): EffectiveDependency => ({
    groupId: interpolate(dependency.groupId),
    artifactId: interpolate(dependency.artifactId),
    version: interpolate(dependency.version),
    type: interpolate(dependency.type) ?? dependency.type,
    classifier: interpolate(dependency.classifier) ?? dependency.classifier,
    scope: interpolate(dependency.scope) ?? dependency.scope,
    line,
  });
  // An inherited dependency has no line in this file; it comes in through the <parent> element.
  const inheritedLine = model.parent?.line ?? 0;
  const dependencies = unique(
    chain.flatMap((member, index) => member.model.dependencies.map((d) => resolve(d, index === 0 ? d.line : inheritedLine))),
    managementKey,
  );
  // Each management entry keeps the POM that declares it: a BOM is looked for beside that POM.
  const declared = unique(
    chain.flatMap((member) => member.model.managed.map((d) => ({ entry: resolve(d, d.line), from: member }))),
    ({ entry }) => managementKey(entry),
  );
  const managed = declared.filter(({ entry }) => !isImport(entry)).map(({ entry }) => entry);
  for (const { entry, from } of declared) if (isImport(entry)) managed.push(...importedManagement(from, entry, budget));
  return { dependencies, managed };
}

function parents(child: LoadedPom, budget: Budget): LoadedPom[] {
  const chain: LoadedPom[] = [];
  const seen = new Set([child.file.path]);
  let current = child;
  while (chain.length < maxParents && budget.filesRead < maxFiles) {
    const declared = current.model.parent;
    const path = declared === undefined ? undefined : parentPath(declared.relativePath);
    const file = path === undefined ? undefined : current.file.readRelated(path);
    if (declared === undefined || file === undefined || seen.has(file.path)) break;
    seen.add(file.path);
    budget.filesRead += 1;
    const loaded = loadPom(file);
    if (!('model' in loaded)) {
      budget.problems.push(loaded);
      break;
    }
    // Maven takes the file only when it is the declared parent (an aggregator above a module often is not).
    const groupId = loaded.model.groupId === '' ? (loaded.model.parent?.groupId ?? '') : loaded.model.groupId;
    if (groupId !== declared.groupId || loaded.model.artifactId !== declared.artifactId) break;
    chain.push(loaded);
    current = loaded;
  }
  return chain;
}

/** `<relativePath/>` (empty) turns the lookup off; a directory means its pom.xml. */
function parentPath(relativePath: string | undefined): string | undefined {
  if (relativePath === undefined) return '../pom.xml';
  const path = relativePath.replaceAll('\\', '/').trim();
  if (path === '') return undefined;
  return /\.(xml|pom)$/i.test(path) ? path : `${path.replace(/\/+$/, '')}/pom.xml`;
}

function importedManagement(importer: LoadedPom, entry: EffectiveDependency, budget: Budget): EffectiveDependency[] {
  const { groupId, artifactId } = entry;
  if (groupId === undefined || artifactId === undefined || !/^[\w.-]+$/.test(artifactId)) return [];
  for (const path of [`../${artifactId}/pom.xml`, `${artifactId}/pom.xml`]) {
    if (budget.filesRead >= maxFiles) return [];
    const file = importer.file.readRelated(path);
    if (file === undefined || budget.importing.has(file.path)) continue;
    budget.filesRead += 1;
    const loaded = loadPom(file);
    if (!('model' in loaded)) continue;
    const bomGroupId = loaded.model.groupId === '' ? (loaded.model.parent?.groupId ?? '') : loaded.model.groupId;
    if (bomGroupId !== groupId || loaded.model.artifactId !== artifactId) continue;
    budget.importing.add(file.path);
    const { managed } = effectiveModel(loaded, budget);
    budget.importing.delete(file.path);
    return managed;
  }
  return [];
}

function isImport(entry: EffectiveDependency): boolean {
  return entry.scope === 'import' && entry.type === 'pom';
}

/** Maven's management key: groupId:artifactId:type:classifier, the type defaulting to jar. */
function managementKey(entry: EffectiveDependency): string {
  return `${entry.groupId ?? ''}:${entry.artifactId ?? ''}:${entry.type === '' ? 'jar' : entry.type}:${entry.classifier}`;
}

/** The first declaration of each key wins (Maven warns about duplicates; OSV-SCALIBR's corpus keeps the first). */
function unique<T>(entries: readonly T[], key: (entry: T) => string): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const value = key(entry);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
