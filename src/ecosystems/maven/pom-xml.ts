/**
 * pom.xml and `*.pom` (https://maven.apache.org/pom.html), offline: the project's dependencies
 * from its effective model as far as the files on disk tell (see pom-effective.ts), with no
 * registry look-up. A version that is neither in the POM, its parents on disk nor a BOM on disk
 * stays `""`.
 *
 * - Names are `groupId:artifactId`; `<type>` (other than jar) and `<classifier>` go to `meta`.
 * - A scope other than compile is the group (`test`, `provided`, `runtime`, `system`); `test`
 *   gives scope `dev`, the others `prod` (provided and system classes run in production too).
 * - A plain version (`1.2.3`) is Maven's soft requirement, which Maven uses unless a conflict
 *   elsewhere overrides it: taken as pinned. A range (`[1.2,2.0)`) is `unpinned`, its lower bound
 *   the version (as OSV-SCALIBR reads it: `(,2.0]` gives `""`).
 * - An inherited dependency is located at the `<parent>` element of this file.
 */
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { pomXmlFormat } from '../formats.js';
import { effectiveDependencies, loadPom } from './pom-effective.js';
import type { EffectiveDependency } from './pom-effective.js';

/** As the format's definition names it. */
const { ecosystem } = pomXmlFormat;

export const pomXmlExtractor: Extractor = { ...pomXmlFormat, extract: extractPomXml };

function extractPomXml(file: SourceFile): Extraction {
  const pom = loadPom(file);
  if (!('model' in pom)) return { components: [], edges: [], problems: [pom] };
  const problems: InventoryProblem[] = [];
  const byPurl = new Map<string, Component>();
  for (const dependency of effectiveDependencies(pom, problems)) {
    const component = toComponent(dependency, file.path);
    if (typeof component === 'string') {
      problems.push({ file: file.path, ...(dependency.line > 0 ? { line: dependency.line } : {}), message: component });
      continue;
    }
    const earlier = byPurl.get(component.purl);
    byPurl.set(component.purl, earlier === undefined ? component : merged(earlier, component));
  }
  return { components: [...byPurl.values()], edges: [], problems };
}

function toComponent(dependency: EffectiveDependency, path: string): Component | string {
  const { groupId, artifactId, type, classifier, scope, line } = dependency;
  if (groupId === undefined || artifactId === undefined) return 'the groupId or artifactId of a dependency uses a property that is not defined in this POM or its parents on disk';
  if (groupId === '' || artifactId === '') return `the dependency ${groupId}:${artifactId} has no ${groupId === '' ? 'groupId' : 'artifactId'}`;
  const name = `${groupId}:${artifactId}`;
  const requirement = readRequirement(dependency.version ?? '');
  let purl: string;
  try {
    purl = componentPurl('maven', name, requirement.version);
  } catch {
    return `${name} ${requirement.version} cannot be written as a Package URL`;
  }
  const meta = { ...(type !== '' && type !== 'jar' ? { type } : {}), ...(classifier === '' ? {} : { classifier }) };
  return {
    name,
    version: requirement.version,
    ecosystem,
    purl,
    groups: scope === '' || scope === 'compile' ? [] : [scope],
    scope: scopeOf(scope),
    direct: true,
    ...(requirement.range === undefined ? {} : { unpinned: true, versionRange: requirement.range }),
    location: { file: path, ...(line > 0 ? { line } : {}) },
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}

/**
 * A version range (https://maven.apache.org/pom.html#dependency-version-requirement-specification)
 * gives its first bound, as OSV-SCALIBR's `[[(]?(.*?)(?:,|[)\]]|$)` does; `[1.0]` is one version.
 */
function readRequirement(text: string): { version: string; range?: string } {
  if (!/^[[(]/.test(text)) return { version: text };
  const exact = /^\[\s*([^,\])]+?)\s*\]$/.exec(text);
  if (exact !== null) return { version: exact[1] ?? '' };
  return { version: /^[[(]\s*([^,)\]]*)/.exec(text)?.[1]?.trim() ?? '', range: text };
}

function scopeOf(mavenScope: string): DependencyScope {
  return mavenScope === 'test' ? 'dev' : 'prod';
}

/**
 * One name@version declared twice (other classifier or type): one component, located at the
 * main artifact (jar, no classifier) when there is one, else at the first; a production
 * declaration makes it production.
 */
function merged(earlier: Component, later: Component): Component {
  const isMain = (component: Component): boolean => component.meta === undefined;
  const base = !isMain(earlier) && isMain(later) ? later : earlier;
  const production = earlier.groups.length === 0 || later.groups.length === 0;
  const groups = production ? [] : [...new Set([...earlier.groups, ...later.groups])];
  return { ...base, groups, scope: earlier.scope === 'prod' || later.scope === 'prod' ? 'prod' : 'dev' };
}
