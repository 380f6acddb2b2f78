// Loading the configuration: where the file is found (walking up to the repository root), reading
// and validating it, and the checks a schema cannot express (rule names known only at run time,
// contradictions between sections). Every problem found is thrown at once, as one ConfigError.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseConfigText } from './parse.js';
import { ConfigError } from './problems.js';
import { CONFIG_SCHEMA, validator } from './schema.js';
import { explainSchemaErrors, inDocumentOrder } from './schema-errors.js';
import { closest, escapePointer, isRecord, listAnd, quote } from './wording.js';
/** The largest configuration file read (1 MiB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Names looked for in each directory, in this order. */
export const CONFIG_FILE_NAMES = ['.pinlint.json', '.pinlint.yaml', '.pinlint.yml'];
/** A configuration with nothing in it: every rule at its default, no extra knowledge. */
export function emptyConfig() {
    return { rules: {}, sinks: { funcs: {}, methods: {} }, wrappers: {}, keepAlive: [], osAllocators: {}, exclude: [], context: [] };
}
/**
 * Reads and validates a configuration file (`.json` strict JSON, otherwise YAML). With
 * `knownRules`, rule keys must name one of them by id or name, once.
 * Throws ConfigError listing every problem found.
 */
export function loadConfig(path, knownRules) {
    const file = resolve(path);
    let text;
    try {
        // A configuration is a few hundred lines; megabytes of brackets would cost the YAML parser
        // seconds (the file may be the tree's, docs/security.md). Checked before anything is read.
        const size = statSync(file).size;
        if (size > MAX_CONFIG_BYTES) {
            throw new ConfigError(file, [{ key: '', detail: `the file has ${size} bytes, more than the ${MAX_CONFIG_BYTES} a configuration file may have` }]);
        }
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        if (err instanceof ConfigError)
            throw err;
        throw new ConfigError(file, [{ key: '', detail: `cannot read the configuration file: ${describeFsError(err)}` }]);
    }
    const raw = parseConfigText(file, text);
    const validate = validator();
    const problems = validate(raw) ? semanticProblems(raw) : explainSchemaErrors(validate.errors ?? [], CONFIG_SCHEMA, raw);
    if (knownRules)
        problems.push(...ruleProblems(raw, knownRules));
    if (problems.length > 0)
        throw new ConfigError(file, inDocumentOrder(problems, raw));
    return normalize(raw);
}
/** Rule keys must name a known rule, and a rule may be configured only once (by id or by name). */
function ruleProblems(raw, knownRules) {
    if (!isRecord(raw))
        return [];
    const tables = [['/rules', raw.rules]];
    if (Array.isArray(raw.overrides))
        raw.overrides.forEach((o, i) => tables.push([`/overrides/${i}/rules`, isRecord(o) ? o.rules : undefined]));
    return tables.flatMap(([at, rules]) => (isRecord(rules) ? ruleTableProblems(at, rules, knownRules) : []));
}
function ruleTableProblems(at, rules, knownRules) {
    const problems = [];
    const seen = new Map(); // rule id → key it was configured under
    for (const key of Object.keys(rules)) {
        const pointer = `${at}/${escapePointer(key)}`;
        const rule = knownRules.find((r) => r.id === key || r.name === key);
        if (!rule) {
            // Ids differ by a digit, so a near id is no evidence of a typo (PL009 may be a newer
            // pinlint's rule): suggest an id only for a case slip, and a name by edit distance.
            const hint = knownRules.find((r) => r.id.toLowerCase() === key.toLowerCase())?.id ?? closest(key, knownRules.map((r) => r.name));
            const known = knownRules.map((r) => `${r.id} (${r.name})`).join(', ');
            problems.push({ key: pointer, detail: `unknown rule ${quote(key)}; ${hint ? `did you mean ${quote(hint)}?` : `known rules: ${known}`}` });
            continue;
        }
        const earlier = seen.get(rule.id);
        if (earlier !== undefined) {
            problems.push({ key: pointer, detail: `rule ${rule.id} (${rule.name}) is already configured as ${quote(earlier)}; keep one of the two` });
        }
        else
            seen.set(rule.id, key);
    }
    return problems;
}
/** Contradictions the schema cannot see: a function listed both as a protected sink and as an
 * unprotected wrapper would make the same call both safe and a finding. */
function semanticProblems(raw) {
    const problems = [];
    const sinkFuncs = raw.sinks?.funcs ?? {};
    for (const [pkg, names] of Object.entries(raw.wrappers ?? {})) {
        names.forEach((name, i) => {
            if (Object.hasOwn(sinkFuncs, pkg) && sinkFuncs[pkg]?.includes(name)) {
                problems.push({
                    key: `/wrappers/${escapePointer(pkg)}/${i}`,
                    detail: `${quote(name)} is also listed in /sinks/funcs/${escapePointer(pkg)}; a function is either a protected sink or an unprotected wrapper, not both`,
                });
            }
        });
    }
    return problems;
}
// structuredClone keeps keys such as "__proto__" as plain own properties, as JSON.parse made them.
function normalize(raw) {
    const c = structuredClone(raw);
    return {
        ...(c.extends !== undefined ? { extends: c.extends } : {}),
        rules: c.rules ?? {},
        ...(c.overrides !== undefined ? { overrides: c.overrides } : {}),
        sinks: { funcs: c.sinks?.funcs ?? {}, methods: c.sinks?.methods ?? {} },
        wrappers: c.wrappers ?? {},
        keepAlive: c.keepAlive ?? [],
        osAllocators: c.osAllocators ?? {},
        exclude: c.exclude ?? [],
        context: c.context ?? [],
        ...(c.limits !== undefined ? { limits: c.limits } : {}),
    };
}
function describeFsError(err) {
    const code = err?.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'it is a directory';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return err instanceof Error ? err.message : String(err);
}
/** stat that answers "nothing usable here" for every error: a path under a file (ENOTDIR), an
 * unreadable directory (EACCES) or a loop must not stop the search for a configuration file. */
function statOrNull(p) {
    try {
        return statSync(p);
    }
    catch {
        return null;
    }
}
function isFile(p) {
    return statOrNull(p)?.isFile() ?? false;
}
/**
 * The configuration file that applies to `startDir` (a file's own directory when given a file):
 * the first `.pinlint.{json,yaml,yml}` found walking up to the repository root (the first
 * directory with a `.git` entry, inclusive) or, outside a repository, to the filesystem root.
 * Two names in one directory is a ConfigError, since silently preferring one hides the other.
 */
export function findConfigFile(startDir) {
    let dir = resolve(startDir);
    // A file, FIFO or device given as the start: its directory decides.
    const start = statOrNull(dir);
    if (start && !start.isDirectory())
        dir = dirname(dir);
    for (;;) {
        const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter(isFile);
        if (found.length > 1) {
            throw new ConfigError(dir, [
                {
                    key: '',
                    detail: `found ${listAnd(found.map((f) => basename(f)))}; pinlint reads one configuration file per directory, so keep one`,
                },
            ]);
        }
        if (found[0] !== undefined)
            return found[0];
        // `.git` is a directory in a clone and a file in a worktree or submodule: both end the search.
        if (statOrNull(join(dir, '.git')))
            return null;
        const parent = dirname(dir);
        if (parent === dir)
            return null;
        dir = parent;
    }
}
/**
 * The configuration for a run from `startDir`: `explicitPath` (from `--config`, relative to the
 * working directory) when given, else the discovered file, else defaults with `path: null`.
 */
export function resolveConfig(startDir, opts) {
    const path = opts.explicitPath !== undefined ? resolve(opts.explicitPath) : findConfigFile(startDir);
    if (path === null)
        return { config: emptyConfig(), path: null };
    return { config: loadConfig(path, opts.knownRules), path };
}
