/**
 * Maven model interpolation of `${...}` expressions, offline
 * (https://maven.apache.org/ref/3.9.9/maven-model-builder/#model-interpolation): `project.*`
 * (and the older `pom.*` and bare forms) name the project's own coordinates and its parent's,
 * the rest are `<properties>` of the POM and its parents, child first. Values may refer to other
 * values; cycles, unknown names (`env.*`, system and settings properties, which only exist
 * in a build) and over-long expansions leave the text unresolved (see property-expansion.ts).
 */
import { propertyExpander } from '../property-expansion.js';
import type { Expand, ReferenceSyntax } from '../property-expansion.js';

export interface InterpolationContext {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly parentGroupId: string;
  readonly parentArtifactId: string;
  readonly parentVersion: string;
  /** Merged properties: the POM's own win over its parents'. */
  readonly properties: ReadonlyMap<string, string>;
}

const expressions: ReferenceSyntax = { reference: /\$\{([^${}]+)\}/g, opening: '${', key: (written) => written.trim() };

/** The interpolated text, or undefined when an expression in it cannot be resolved offline. */
export function pomInterpolator(context: InterpolationContext): Expand {
  const coordinates = new Map<string, string>();
  for (const [key, value] of [
    ['groupId', context.groupId],
    ['artifactId', context.artifactId],
    ['version', context.version],
    ['parent.groupId', context.parentGroupId],
    ['parent.artifactId', context.parentArtifactId],
    ['parent.version', context.parentVersion],
  ] as const) {
    if (value === '') continue;
    coordinates.set(`project.${key}`, value);
    coordinates.set(`pom.${key}`, value);
  }
  // Maven looks `project.*` up before the properties, and the bare forms (`${version}`,
  // `${parent.version}`, deprecated since Maven 3) after them.
  const lookup = (name: string): string | undefined =>
    coordinates.get(name) ?? context.properties.get(name) ?? coordinates.get(`project.${name}`);

  return propertyExpander(expressions, lookup);
}
