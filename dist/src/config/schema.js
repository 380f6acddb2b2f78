// The configuration file's JSON Schema, checked by ajv, so the schema is the single statement of
// what is allowed. Every node carries a `description` phrased to follow "expected": the error
// explainer (schema-errors.ts) reads it, so the wording of an error lives next to the rule it
// explains.
import { Ajv } from 'ajv';
import { listAnd, quote } from './wording.js';
import { CONFIG_LIMIT_RANGE, DEFAULT_LIMITS, LIMIT_OPTION, LIMIT_RANGE } from '../model/limits.js';
const LEVELS = ['note', 'warning', 'error'];
// Go import paths: slash-separated elements with no spaces, quotes or backslashes (a Windows
// path or a quoted import pasted from source is the mistake this catches).
const IMPORT_PATH = {
    type: 'string',
    pattern: String.raw `^[^\s/"'` + '`' + String.raw `\\]+(?:/[^\s/"'` + '`' + String.raw `\\]+)*$`,
    description: 'an import path such as "golang.org/x/sys/windows"',
};
// A bare Go identifier: `syscall.Syscall` or `*LazyProc` in a name list is the common mistake.
function identifier(description) {
    return { type: 'string', pattern: String.raw `^[\p{L}_][\p{L}\p{Nd}_]*$`, description };
}
function nameList(what, example) {
    return {
        type: 'array',
        items: identifier(`a Go ${what} name without its package, such as "${example}"`),
        description: `a list of ${what} names`,
    };
}
function packageMap(what, example) {
    return {
        type: 'object',
        propertyNames: IMPORT_PATH,
        additionalProperties: nameList(what, example),
        description: `an object mapping import paths to lists of ${what} names`,
    };
}
const RULE_SETTING = {
    description: '"off", "note", "warning", "error" or {level, enabled}',
    if: { type: 'string' },
    then: { enum: ['off', ...LEVELS] },
    else: {
        type: 'object',
        additionalProperties: false,
        properties: {
            level: { enum: [...LEVELS], description: '"note", "warning" or "error"' },
            enabled: { type: 'boolean', description: 'true or false' },
        },
    },
};
// Patterns are anchored at the config file's directory; "/", ".." and "\" would point outside it
// or depend on the OS, so they are refused rather than silently never matching.
const EXCLUDE_GLOB = {
    type: 'string',
    minLength: 1,
    pattern: String.raw `^(?!/)(?!(?:.*/)?\.\.(?:/|$))[^\\]*$`,
    description: `a glob relative to the configuration file's directory ("*" within a name, "**" across directories; no leading "/", no ".." and no "\\")`,
};
const TOP_KEYS = ['extends', 'rules', 'overrides', 'sinks', 'wrappers', 'keepAlive', 'osAllocators', 'exclude', 'context', 'limits'];
const RULES = {
    type: 'object',
    additionalProperties: RULE_SETTING,
    description: 'an object mapping rule ids or names to "off", a level or {level, enabled}',
};
/** The configuration file's JSON Schema (draft-07, as ajv's default). */
export const CONFIG_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: `an object with the keys ${listAnd(TOP_KEYS.map(quote))}`,
    properties: {
        extends: {
            type: 'string',
            minLength: 1,
            description: "the path of another configuration file, relative to this file's directory, such as \"../.pinlint.yaml\"",
        },
        rules: RULES,
        overrides: {
            type: 'array',
            description: 'a list of {files, rules} objects',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['files', 'rules'],
                description: '{"files": ["<glob>", ...], "rules": {...}}',
                properties: {
                    files: { type: 'array', minItems: 1, items: EXCLUDE_GLOB, description: 'a non-empty list of globs' },
                    rules: RULES,
                },
            },
        },
        sinks: {
            type: 'object',
            additionalProperties: false,
            description: 'an object with the keys "funcs" and "methods"',
            properties: {
                funcs: packageMap('function', 'Syscall'),
                methods: {
                    type: 'object',
                    propertyNames: IMPORT_PATH,
                    additionalProperties: {
                        type: 'object',
                        propertyNames: identifier('a Go type name without its package or "*", such as "LazyProc"'),
                        additionalProperties: nameList('method', 'Call'),
                        description: 'an object mapping type names to lists of method names',
                    },
                    description: 'an object mapping import paths to {"Type": ["Method", ...]}',
                },
            },
        },
        wrappers: packageMap('function', 'ioctl'),
        keepAlive: {
            type: 'array',
            description: 'a list of {pkg, name} objects',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['pkg', 'name'],
                description: '{"pkg": "<import path>", "name": "<function name>"}',
                properties: {
                    pkg: IMPORT_PATH,
                    name: identifier('a Go function name without its package, such as "KeepAlive"'),
                },
            },
        },
        osAllocators: packageMap('function', 'VirtualAlloc'),
        exclude: { type: 'array', items: EXCLUDE_GLOB, description: 'a list of globs' },
        context: {
            type: 'array',
            items: { type: 'string', minLength: 1, description: "a directory, relative to the configuration file's directory" },
            description: 'a list of directories',
        },
        limits: {
            type: 'object',
            additionalProperties: false,
            description: 'an object with the keys "maxFileSize", "maxDepth" and "fileTimeLimit"',
            properties: {
                maxFileSize: limit('maxFileBytes', 'bytes'),
                maxDepth: limit('maxDepth', 'syntax levels'),
                fileTimeLimit: limit('fileTimeMs', 'milliseconds'),
            },
        },
    },
};
// A configuration file may lower a limit, not raise it past its default (model/limits.ts
// CONFIG_LIMIT_RANGE): it may be part of the scanned tree. The option may go higher.
function limit(key, unit) {
    const { min, max } = CONFIG_LIMIT_RANGE[key];
    const higher = max < LIMIT_RANGE[key].max ? `; only ${LIMIT_OPTION[key]} may set more` : '';
    return {
        type: 'integer',
        minimum: min,
        maximum: max,
        description: `a whole number of ${unit} from ${min} to ${max} (default ${DEFAULT_LIMITS[key]}${higher})`,
    };
}
let compiled;
// Compiled on first use: a run without a config file never pays for ajv's code generation.
export function validator() {
    compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(CONFIG_SCHEMA);
    return compiled;
}
