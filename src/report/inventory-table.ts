import type { Inventory } from '../model/index.js';
import type { TextStyle } from './text-style.js';
import { plainStyle } from './text-style.js';
import { table } from './table.js';

/** A table per project: name, version, ecosystem, scope, direct, and where it was declared. */
export function inventoryTable(inventory: Inventory, style: TextStyle = plainStyle): string {
  const sections: string[] = [];
  for (const project of inventory.projects) {
    const files = new Set(project.files);
    const rows = inventory.components
      .filter((component) => files.has(component.location.file))
      .map((component) => [
        component.name,
        component.unpinned === true ? style.dim(component.versionRange ?? '') : component.version,
        component.ecosystem,
        component.scope ?? (component.groups.length > 0 ? component.groups.join(',') : ''),
        component.direct === undefined ? '' : component.direct ? 'direct' : 'transitive',
        `${component.location.file}${component.location.line === undefined ? '' : `:${component.location.line}`}`,
      ]);
    sections.push(`${style.bold(project.path === '.' ? inventory.root : project.path)} ${style.dim(`(${rows.length} packages)`)}`);
    sections.push(rows.length === 0 ? style.dim('  no packages') : table(['NAME', 'VERSION', 'ECOSYSTEM', 'SCOPE', 'DEPENDENCY', 'LOCATION'], rows, style));
  }
  if (inventory.projects.length === 0) sections.push(style.dim('no lockfiles, manifests or SBOMs found'));
  return sections.join('\n');
}

/** One line per dependency path: `a@1 > b@2 > c@3`. */
export function pathsText(paths: readonly (readonly string[])[], style: TextStyle = plainStyle): string {
  if (paths.length === 0) return style.dim('no dependency path leads to that package');
  return paths.map((path) => path.join(style.dim(' > '))).join('\n');
}
