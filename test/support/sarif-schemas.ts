// SARIF schema validators for tests: the 2.1.0 schema from the @microsoft/sarif-multitool-linux
// devDependency always, and the OASIS and codeql-action copies in ../shared/data when present
// (CI has them; a user's clone does not).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// ajv-formats and ajv-draft-04 are CommonJS with `exports.default`; `.default` works under Node's
// ESM loader and under vitest's interop alike.
const addFormats = ajvFormats.default;
const AjvDraft04 = ajvDraft04.default;

const require = createRequire(import.meta.url);
const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data');
const OASIS_SCHEMA = resolve(SHARED_DATA, 'sarif-schema-2.1.0.json');
const CODEQL_SCHEMA = resolve(SHARED_DATA, 'sarif-schema-2.1.0.codeql-action.json');
export const haveShared = existsSync(OASIS_SCHEMA) && existsSync(CODEQL_SCHEMA);

export type Validate = (data: unknown) => string[];

function compile2020(schemaFile: string, opts: { validateSchema?: boolean } = {}): Validate {
  const ajv = new Ajv2020({ strict: false, strictRequired: false, allErrors: true, ...opts });
  addFormats(ajv);
  const v = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  return (data) => (v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

function compileDraft04(schemaFile: string): Validate {
  const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const v = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  return (data) => (v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

// The devDependency's copy is always there; the ../shared copies only in CI.
export const validators: [string, Validate][] = [
  ['sarif-multitool 2020-12', compile2020(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'))],
];
if (haveShared) {
  validators.push(['OASIS draft-04', compileDraft04(OASIS_SCHEMA)]);
  // This copy has region's `anyOf` misplaced inside `properties` (ecosystem.md §1.9), which is not
  // a valid schema; codeql-action's `jsonschema` validator tolerates it, so Ajv must skip the
  // meta-schema check to validate the way the upload action does.
  validators.push(['codeql-action', compile2020(CODEQL_SCHEMA, { validateSchema: false })]);
}

