/**
 * The parts of one POM (https://maven.apache.org/pom.html) that say which packages a project
 * uses: its coordinates, `<parent>`, `<properties>`, `<dependencies>` and
 * `<dependencyManagement>`, with those of the profiles active by default merged in. Values are
 * as written (not interpolated). Plugin dependencies (`<build><plugins>`) are left out: they run
 * the build and are not dependencies of the project.
 */
import { childElement, childElements } from '../xml-tree.js';
import type { XmlElement } from '../xml-tree.js';

export interface PomDependency {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly type: string;
  readonly classifier: string;
  readonly scope: string;
  /** The line of the `<dependency>` start tag. */
  readonly line: number;
}

export interface PomParent {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** As written; undefined when the element is absent (Maven then looks in `../pom.xml`). */
  readonly relativePath: string | undefined;
  readonly line: number;
}

export interface PomModel {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly packaging: string;
  readonly parent: PomParent | undefined;
  readonly properties: ReadonlyMap<string, string>;
  readonly dependencies: readonly PomDependency[];
  readonly managed: readonly PomDependency[];
}

/** Reads a `<project>` element; any other root element is not a POM. */
export function readPomModel(project: XmlElement): PomModel | string {
  if (project.name !== 'project') return `the root element is <${project.name}>, not <project>`;
  const properties = new Map<string, string>();
  const dependencies: PomDependency[] = [];
  const managed: PomDependency[] = [];
  // Profiles active by default take part in every build that activates no other profile, which
  // is the build a scan describes; their properties override the project's.
  const activeProfiles = childElements(childElement(project, 'profiles'), 'profile').filter(
    (profile) => text(childElement(childElement(profile, 'activation'), 'activeByDefault')) === 'true',
  );
  for (const section of [project, ...activeProfiles]) {
    for (const property of childElement(section, 'properties')?.children ?? []) properties.set(property.name, property.text);
    dependencies.push(...childElements(childElement(section, 'dependencies'), 'dependency').map(readDependency));
    managed.push(...childElements(childElement(childElement(section, 'dependencyManagement'), 'dependencies'), 'dependency').map(readDependency));
  }
  return {
    groupId: text(childElement(project, 'groupId')),
    artifactId: text(childElement(project, 'artifactId')),
    version: text(childElement(project, 'version')),
    packaging: text(childElement(project, 'packaging')),
    parent: readParent(childElement(project, 'parent')),
    properties,
    dependencies,
    managed,
  };
}

function readDependency(element: XmlElement): PomDependency {
  return {
    groupId: text(childElement(element, 'groupId')),
    artifactId: text(childElement(element, 'artifactId')),
    version: text(childElement(element, 'version')),
    type: text(childElement(element, 'type')),
    classifier: text(childElement(element, 'classifier')),
    scope: text(childElement(element, 'scope')),
    line: element.line,
  };
}

function readParent(element: XmlElement | undefined): PomParent | undefined {
  if (element === undefined) return undefined;
  const relativePath = childElement(element, 'relativePath');
  return {
    groupId: text(childElement(element, 'groupId')),
    artifactId: text(childElement(element, 'artifactId')),
    version: text(childElement(element, 'version')),
    relativePath: relativePath === undefined ? undefined : relativePath.text,
    line: element.line,
  };
}

function text(element: XmlElement | undefined): string {
  return element?.text ?? '';
}
