// The JSON Schema validator the tests use: docs/capture.schema.json compiled by Ajv (draft
// 2020-12, strict). Ajv is a dev dependency only; the extension uses decode-capture.ts.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/capture.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Schema errors as `path message` lines; empty when the value is a valid capture. */
export function schemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
