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
import { propertyExpander } from '../property-expansion.js';
import type { ReferenceSyntax } from '../property-expansion.js';
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
/** `$(Name)`; names ignore case. `$([System.IO...])` property functions do not match, so they stay unresolved. */
const references: ReferenceSyntax = { reference: /\$\(\s*([A-Za-z_][\w.-]*)\s*\)/g, opening: '$(', key: (written) => written.toLowerCase() };

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
  return propertyExpander(references, (key) => properties.get(key))(text);
}

/** An item's metadata, as an attribute or a child element, ignoring case. */
function metadata(item: XmlElement, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const attribute = Object.entries(item.attributes).find(([key]) => key.toLowerCase() === wanted);
  if (attribute !== undefined) return attribute[1].trim();
  return item.children.find((child) => child.name.toLowerCase() === wanted)?.text;
}
