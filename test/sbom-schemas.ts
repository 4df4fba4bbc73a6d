/**
 * Validators for the SBOMs Trustline writes, against the official schemas, offline: CycloneDX 1.6
 * JSON and XML with the schemas the CycloneDX library ships, SPDX 2.3 JSON with the schema in
 * ../shared/schemas (the SPDX validator is undefined when that folder is absent).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { Ajv } from 'ajv';
import type { AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { sharedPath } from './shared.js';

/** A list of schema errors, empty when the document is valid. */
export type SchemaValidator = (text: string) => Promise<readonly string[]>;

const cycloneDxSchemas = join(dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');

function readSchema(path: string): AnySchema {
  return JSON.parse(readFileSync(path, 'utf8')) as AnySchema;
}

function ajvValidator(schema: AnySchema, references: Record<string, AnySchema> = {}): SchemaValidator {
  // Synchronous compilation never fetches: a reference to a schema not registered here fails.
  const ajv = new Ajv({ strict: false, allErrors: true, schemas: references });
  addFormats.default(ajv);
  // ajv-formats has no IRI or internationalized e-mail formats (ajv-formats-draft2019 would add them,
  // and it is not installed); Trustline writes no e-mail, and its URLs are checked as URI references.
  ajv.addFormat('idn-email', true);
  ajv.addFormat('iri-reference', (value: string) => URL.canParse(value) || URL.canParse(value, 'https://relative.invalid/'));
  const validate = ajv.compile(schema);
  return (text) => Promise.resolve(validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}

/**
 * CycloneDX 1.6 JSON. The library's own `JsonStrictValidator` needs ajv-formats-draft2019, so Ajv
 * is set up the same way here; the schema refers to the SPDX licence list, JSF and the
 * cryptography definitions by these URLs.
 */
export const cycloneDxJsonValidator: SchemaValidator = ajvValidator(readSchema(join(cycloneDxSchemas, 'bom-1.6.SNAPSHOT.schema.json')), {
  'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': readSchema(join(cycloneDxSchemas, 'spdx.SNAPSHOT.schema.json')),
  'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': readSchema(join(cycloneDxSchemas, 'jsf-0.82.SNAPSHOT.schema.json')),
  'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': readSchema(join(cycloneDxSchemas, 'cryptography-defs.SNAPSHOT.schema.json')),
});

/** CycloneDX 1.6 XML against bom-1.6.xsd (and the spdx.xsd it imports), through libxmljs2 with the network off. */
export const cycloneDxXmlValidator: SchemaValidator = async (text) => {
  const errors: unknown = await new Validation.XmlValidator(Spec.Version.v1dot6).validate(text);
  if (errors === null) return [];
  // libxmljs2 reports Error objects, whose message is not an enumerable property.
  return Array.isArray(errors) ? errors.map((error: unknown) => (error instanceof Error ? `line ${String((error as { line?: number }).line)}: ${error.message.trim()}` : String(error))) : [JSON.stringify(errors)];
};

const spdxSchema = sharedPath('schemas', 'spdx-2.3.schema.json');

/** SPDX 2.3 JSON, or undefined when ../shared/schemas is absent. */
export const spdxJsonValidator: SchemaValidator | undefined = spdxSchema === undefined ? undefined : ajvValidator(readSchema(spdxSchema));
