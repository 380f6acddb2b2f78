export { ConfigSet, isDirectory } from './cascade.js';
export { ConfigError, displayPath } from './problems.js';
export { CONFIG_SCHEMA } from './schema.js';
export { describeValue, explainSchemaErrors } from './schema-errors.js';
export { parseJsonWithPosition } from './parse.js';
export { CONFIG_FILE_NAMES, emptyConfig, findConfigFile, loadConfig, resolveConfig } from './load.js';
export { applySetting, isExcluded, matchesGlobs, mergeKnowledge, printConfig, ruleSettings } from './apply.js';
