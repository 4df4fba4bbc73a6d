/**
 * A validator for a JSON schema written before draft-07 (the OASIS SARIF 2.1.0 schema is draft-04;
 * Scorecard's json.v2.schema names the unversioned `http://json-schema.org/schema#`), read in place.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { AnySchema } from 'ajv';
import addFormats from 'ajv-formats';

/** The schema errors of a document as `instancePath message`, empty when it is valid. */
export type DocumentValidator = (document: unknown) => string[];

/**
 * ajv-draft-04 is not installed. Neither schema uses a keyword whose meaning changed after draft-04
 * (no boolean exclusiveMinimum/Maximum), so Ajv's default draft-07 validates them once `id` is spelt
 * `$id` and the meta-schema link, which Ajv cannot resolve, is dropped.
 */
export function legacySchemaValidator(schemaPath: string): DocumentValidator {
  const { $schema: _metaSchema, id, ...rest } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile((id === undefined ? rest : { ...rest, $id: id }) as AnySchema);
  // A round trip through JSON checks what a consumer reads: no undefined values, no class instances.
  return (document) => (validate(JSON.parse(JSON.stringify(document))) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}
