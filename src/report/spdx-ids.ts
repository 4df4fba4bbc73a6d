/**
 * The SPDX licence and exception identifiers a CycloneDX document may carry as `license.id`: the
 * enum of the spdx.schema.json that ships with the CycloneDX library, the schema its own models
 * are validated against. Read as data, on first use, rather than through the library's SPDX
 * module: that module is bundled with the schema as a JavaScript object, descriptions and all,
 * and building its tables took ~5 ms of every SBOM (measured); JSON.parse of the file and one map
 * take well under one. spdx-ids.test.ts holds this to the library's own lookup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InternalError } from '../errors.js';

let idsByLowerCase: ReadonlyMap<string, string> | undefined;

/** The identifier as the list spells it (`mit` gives `MIT`), or undefined when it is not listed. */
export function canonicalSpdxId(text: string): string | undefined {
  idsByLowerCase ??= readIds();
  return idsByLowerCase.get(text.toLowerCase());
}

/** The schema file of the installed CycloneDX library (it is data of the package, not a module it exports). */
export function spdxSchemaPath(): string {
  const manifest = createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json');
  return join(dirname(manifest), 'res', 'schema', 'spdx.SNAPSHOT.schema.json');
}

function readIds(): ReadonlyMap<string, string> {
  const schema = JSON.parse(readFileSync(spdxSchemaPath(), 'utf8')) as { readonly enum?: unknown };
  const ids = Array.isArray(schema.enum) ? schema.enum.filter((id): id is string => typeof id === 'string') : [];
  if (ids.length === 0) throw new InternalError('spdx-ids-unreadable', `no SPDX identifiers in ${spdxSchemaPath()}`);
  return new Map(ids.map((id) => [id.toLowerCase(), id]));
}
