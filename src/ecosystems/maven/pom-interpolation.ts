/**
 * Maven model interpolation of `${...}` expressions, offline
 * (https://maven.apache.org/ref/3.9.9/maven-model-builder/#model-interpolation): `project.*`
 * (and the older `pom.*` and bare forms) name the project's own coordinates and its parent's,
 * the rest are `<properties>` of the POM and its parents, child first. Values may refer to other
 * values; cycles, unknown names (`env.*`, system and settings properties, which only exist
 * in a build) and over-long expansions leave the text unresolved.
 */

/** The interpolated text, or undefined when an expression in it cannot be resolved offline. */
export type Interpolate = (text: string) => string | undefined;

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

/** Expansions past this length are refused: `a=${b}${b}`, `b=${c}${c}`, ... doubles at every level. */
const maxLength = 4096;
const expression = /\$\{([^${}]+)\}/g;

export function pomInterpolator(context: InterpolationContext): Interpolate {
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

  const resolved = new Map<string, string | undefined>();
  const resolving = new Set<string>();
  const resolveName = (name: string): string | undefined => {
    if (resolved.has(name)) return resolved.get(name);
    const raw = lookup(name);
    if (raw === undefined || resolving.has(name)) return undefined;
    resolving.add(name);
    const value = expand(raw);
    resolving.delete(name);
    resolved.set(name, value);
    return value;
  };
  const expand = (text: string): string | undefined => {
    if (!text.includes('${')) return text;
    const state = { complete: true, length: text.length };
    const result = text.replace(expression, (_whole, name: string) => {
      const value = state.complete ? resolveName(name.trim()) : undefined;
      state.length += value?.length ?? 0;
      if (value === undefined || state.length > maxLength) {
        state.complete = false;
        return '';
      }
      return value;
    });
    // An expression left over (`${${x}}`, an unclosed `${`) is not something Maven resolves either.
    return state.complete && !result.includes('${') ? result : undefined;
  };
  return expand;
}
