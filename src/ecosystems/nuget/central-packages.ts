/**
 * Central package management (https://learn.microsoft.com/nuget/consume-packages/central-package-management):
 * the nearest Directory.Packages.props in the project's folder or above gives the versions
 * (`<PackageVersion Include Version>`) of the `PackageReference` items that name none, and
 * `<GlobalPackageReference>` items that every project references.
 */
import type { InventoryProblem } from '../../model/index.js';
import type { SourceFile } from '../extractor.js';
import { isProjectRoot, maxXmlDepth, packageItems, projectProperties } from './msbuild-project.js';
import type { PackageItem } from './msbuild-project.js';
import { readXml } from '../xml-tree.js';

export interface CentralPackages {
  readonly path: string;
  /** `PackageVersion` items by lower-case package id. */
  readonly versions: ReadonlyMap<string, PackageItem>;
  readonly globalReferences: readonly PackageItem[];
  readonly properties: ReadonlyMap<string, string>;
}

const fileName = 'Directory.Packages.props';

/** The nearest Directory.Packages.props, or undefined; a malformed one is a problem. */
export function centralPackages(project: SourceFile, problems: InventoryProblem[]): CentralPackages | undefined {
  // The project's folder, then each folder above it up to the scanned root.
  const levels = project.path.split('/').length;
  for (let up = 0; up < levels; up += 1) {
    const file = project.readRelated(`${'../'.repeat(up)}${fileName}`);
    if (file === undefined) continue;
    const xml = readXml(file.text, maxXmlDepth);
    if ('error' in xml) {
      problems.push({ file: file.path, ...(xml.line === undefined ? {} : { line: xml.line }), message: `could not parse ${fileName} as XML: ${xml.error}` });
      return undefined;
    }
    if (!isProjectRoot(xml.root)) {
      problems.push({ file: file.path, line: xml.root.line, message: `${fileName} has no <Project> root element` });
      return undefined;
    }
    const versions = new Map<string, PackageItem>();
    for (const item of packageItems(xml.root, 'PackageVersion')) versions.set(item.name.toLowerCase(), item);
    return {
      path: file.path,
      versions,
      globalReferences: packageItems(xml.root, 'GlobalPackageReference').filter((item) => item.operation === 'include'),
      properties: projectProperties(xml.root),
    };
  }
  return undefined;
}
