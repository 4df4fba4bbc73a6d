import type { Component, Inventory } from '../model/index.js';

/**
 * The stable JSON form of an inventory (docs/commands/inventory.md). Every component carries the
 * same keys; `scope` and `direct` are `null` where the format does not tell.
 */
export function inventoryJson(inventory: Inventory): object {
  return {
    root: inventory.root,
    projects: inventory.projects,
    components: inventory.components.map(componentJson),
    edges: inventory.edges,
    errors: inventory.errors.map((problem) => ({ file: problem.file, line: problem.line ?? null, message: problem.message })),
  };
}

export function componentJson(component: Component): object {
  return {
    name: component.name,
    version: component.version,
    ecosystem: component.ecosystem,
    purl: component.purl,
    groups: component.groups,
    scope: component.scope ?? null,
    direct: component.direct ?? null,
    unpinned: component.unpinned ?? false,
    ...(component.unpinned === true ? { versionRange: component.versionRange ?? '' } : {}),
    location: { file: component.location.file, line: component.location.line ?? null },
    ...(component.commit === undefined ? {} : { commit: component.commit }),
    ...(component.integrity === undefined ? {} : { integrity: component.integrity }),
    ...(component.resolved === undefined ? {} : { resolved: component.resolved }),
    ...(component.licenses === undefined ? {} : { licenses: component.licenses }),
  };
}
