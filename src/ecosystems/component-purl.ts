import { formatPurl, splitName } from './purl.js';
import type { PurlParts } from './purl.js';
import type { Mutable } from '../model/mutable.js';

/**
 * The Package URL of a component, from the name as OSV spells it (see {@link splitName}). A
 * distribution ecosystem passes its namespace (`debian`, `alpine`). An empty version is left out.
 * Throws an InputError `invalid-purl` for a name the purl type refuses (an empty name, say);
 * extractors turn that into a problem on the entry's line.
 */
export function componentPurl(type: string, name: string, version: string, distributionNamespace?: string): string {
  // Built field by field: this runs once per package of every input (see model/mutable.ts).
  const { namespace, name: purlName } = splitName(type, name, distributionNamespace);
  const parts: Mutable<PurlParts> = { type, name: purlName };
  if (namespace !== undefined) parts.namespace = namespace;
  if (version !== '') parts.version = version;
  return formatPurl(parts);
}
