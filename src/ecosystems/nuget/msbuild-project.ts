/**
 * The static parts of an MSBuild project file (https://learn.microsoft.com/visualstudio/msbuild/msbuild-project-file-schema-reference)
 * that name packages: properties (`<PropertyGroup>`) and package items (`PackageReference`,
 * `PackageVersion`, `GlobalPackageReference`) with their `Version` and `VersionOverride`
 * metadata, given as attributes or child elements.
 *
 * MSBuild is a language; this reads it without evaluating it. Conditions are not evaluated (every
 * item counts), items inside `<Target>` (created while a build runs) are left out, imports other
 * than Directory.Packages.props are not followed, and property functions (`$([System.IO...])`)
 * stay unresolved. Item types, metadata and property names are matched ignoring case, as MSBuild does.
 */
import type { XmlElement } from '../xml-tree.js';

export interface PackageItem {
  /** One package id; an `Include="A;B"` gives one item per id. */
  readonly name: string;
  /** `Include` adds the package; `Update` changes the metadata of one added earlier. */
  readonly operation: 'include' | 'update';
  /** `VersionOverride` when present (central package management), else `Version`; undefined when neither is given. */
  readonly version: string | undefined;
  readonly line: number;
}

/** MSBuild nests a few levels (Project → Choose → When → ItemGroup → item → metadata). */
export const maxXmlDepth = 64;
/** Expansions past this length are refused (properties referring to each other twice per level). */
const maxLength = 4096;

export function isProjectRoot(root: XmlElement): boolean {
  return root.name.toLowerCase() === 'project';
}

/** Items of one type anywhere in the project outside targets, in document order. */
export function packageItems(root: XmlElement, itemType: string): PackageItem[] {
  const wanted = itemType.toLowerCase();
  const items: PackageItem[] = [];
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      const name = child.name.toLowerCase();
      if (name === 'target') continue;
      if (name !== wanted) {
        visit(child);
        continue;
      }
      const include = metadata(child, 'Include');
      const update = metadata(child, 'Update');
      const version = metadata(child, 'VersionOverride') ?? metadata(child, 'Version');
      const names = (include ?? update ?? '').split(';').map((part) => part.trim()).filter((part) => part !== '');
      for (const itemName of names) items.push({ name: itemName, operation: include === undefined ? 'update' : 'include', version, line: child.line });
    }
  };
  visit(root);
  return items;
}

/** `<PropertyGroup>` values by lower-case name, outside targets; a later definition wins. */
export function projectProperties(root: XmlElement): Map<string, string> {
  const properties = new Map<string, string>();
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      const name = child.name.toLowerCase();
      if (name === 'target') continue;
      if (name === 'propertygroup') for (const property of child.children) properties.set(property.name.toLowerCase(), property.text);
      else visit(child);
    }
  };
  visit(root);
  return properties;
}

/** `$(Name)` references replaced; undefined when one names no known property or the text uses a property function. */
export function expandProperties(text: string, properties: ReadonlyMap<string, string>): string | undefined {
  const resolving = new Set<string>();
  // Each property is expanded once: `a=$(b)$(b)`, `b=$(c)$(c)`, ... would otherwise take exponential time.
  const expanded = new Map<string, string | undefined>();
  const resolve = (key: string): string | undefined => {
    if (expanded.has(key)) return expanded.get(key);
    const raw = properties.get(key);
    if (raw === undefined || resolving.has(key)) return undefined;
    resolving.add(key);
    const value = expand(raw);
    resolving.delete(key);
    expanded.set(key, value);
    return value;
  };
  const expand = (value: string): string | undefined => {
    if (!value.includes('$(')) return value;
    const state = { complete: true, length: value.length };
    const result = value.replace(/\$\(\s*([A-Za-z_][\w.-]*)\s*\)/g, (_whole, name: string) => {
      const resolved = state.complete ? resolve(name.toLowerCase()) : undefined;
      state.length += resolved?.length ?? 0;
      if (resolved === undefined || state.length > maxLength) {
        state.complete = false;
        return '';
      }
      return resolved;
    });
    return state.complete && !result.includes('$(') ? result : undefined;
  };
  return expand(text);
}

/** An item's metadata, as an attribute or a child element, ignoring case. */
function metadata(item: XmlElement, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const attribute = Object.entries(item.attributes).find(([key]) => key.toLowerCase() === wanted);
  if (attribute !== undefined) return attribute[1].trim();
  return item.children.find((child) => child.name.toLowerCase() === wanted)?.text;
}
