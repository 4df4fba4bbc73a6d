import type { Inventory, SourceLocation } from '../model/index.js';

/**
 * Several scanned paths as one inventory (`trustline scan a b`): every file name gets its scanned
 * path in front (`a/package-lock.json`), so locations stay unambiguous; one path is returned as is.
 */
export function mergeInventories(inventories: readonly Inventory[]): Inventory {
  if (inventories.length === 1 && inventories[0] !== undefined) return inventories[0];
  const prefixed = (root: string, file: string): string => {
    const base = root.replace(/\/+$/, '');
    return file === '.' ? base : `${base}/${file}`;
  };
  const relocate = (root: string, location: SourceLocation): SourceLocation => ({ ...location, file: prefixed(root, location.file) });
  return {
    root: inventories.map((inventory) => inventory.root).join(' '),
    projects: inventories.flatMap((inventory) => inventory.projects.map((project) => ({ path: prefixed(inventory.root, project.path), files: project.files.map((file) => prefixed(inventory.root, file)) }))),
    components: inventories.flatMap((inventory) => inventory.components.map((component) => ({ ...component, location: relocate(inventory.root, component.location) }))),
    edges: inventories.flatMap((inventory) => inventory.edges),
    errors: inventories.flatMap((inventory) => inventory.errors.map((error) => ({ ...error, file: prefixed(inventory.root, error.file) }))),
  };
}
