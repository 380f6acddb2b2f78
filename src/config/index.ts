// The configuration file: where it is found, what it may say, and how a mistake in it is
// explained. The shape is a JSON Schema checked by ajv, so the schema is the single statement of
// what is allowed; the modules here only turn ajv's findings into sentences a user can act on
// (file, JSON pointer, what was expected, what was there) and add the checks a schema cannot
// express (rule names known only at run time, contradictions between sections).
//
// Nothing here prints or exits: errors are thrown as ConfigError and the CLI maps them to exit 2.
//
// This module is the public API of src/config; the parts live in:
//   types.ts          the shape of a loaded configuration
//   problems.ts       ConfigProblem, ConfigError and how a path is shown in messages
//   schema.ts         the JSON Schema and its compiled validator
//   schema-errors.ts  ajv errors as sentences (shared with baseline.ts)
//   parse.ts          JSON and YAML parsing with error positions
//   load.ts           finding, reading, validating and resolving the file
//   apply.ts          knowledge tables, rule settings, excludes and --print-config
//   cascade.ts        which file governs which path: the nearest one, `extends`, `overrides`
//   wording.ts        quoting, lists, typo suggestions and JSON pointers for messages
// Baselines (baseline.ts) are a separate file format and are imported on their own.
export type { PinlintConfig, ResolvedConfig, RuleOverride, RuleRef, RuleSetting, RuleState } from './types.js';
export { ConfigSet, isDirectory, type ConfigLayer } from './cascade.js';
export { ConfigError, displayPath, type ConfigProblem } from './problems.js';
export { CONFIG_SCHEMA } from './schema.js';
export { describeValue, explainSchemaErrors } from './schema-errors.js';
export { parseJsonWithPosition, type JsonParseResult } from './parse.js';
export { CONFIG_FILE_NAMES, emptyConfig, findConfigFile, loadConfig, resolveConfig } from './load.js';
export { applySetting, isExcluded, matchesGlobs, mergeKnowledge, printConfig, ruleSettings, type KnowledgeTables, type MergedKnowledge } from './apply.js';
