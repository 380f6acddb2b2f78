// What every command shares: the I/O it writes to, exit codes (DESIGN.md §7: 0 nothing at or
// above --fail-on, 1 findings, 2 usage/config/internal error, errors win), usage errors, rule
// lookup and the configuration step that turns .pinlint.* into engine options.
import { resolve } from 'node:path';
import { findingLevel } from '../engine/findings.js';
import { rules as allRules } from '../../rules/index.js';
import { ConfigError, ConfigSet, isDirectory } from '../config/index.js';
import { KEEP_ALIVE, OS_ALLOCATORS, SINKS } from '../knowledge/index.js';
import { defaultCacheDir } from '../engine/cache.js';
import { VERSION } from '../version.js';
import { Confinement } from '../model/confine.js';
import { DEFAULT_LIMITS, LIMIT_KEY, LIMIT_OPTION, LIMIT_RANGE, limitsFrom } from '../model/limits.js';
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
const LEVEL_RANK = { note: 0, warning: 1, error: 2 };
/** A user error: what went wrong and how to fix it; exits 2. */
export class UsageError extends Error {
}
export function findRule(name, rules = allRules) {
    const key = name.trim();
    return rules.find((r) => r.meta.id.toLowerCase() === key.toLowerCase() || r.meta.name === key);
}
export function unknownRuleMessage(name) {
    const names = allRules.map((r) => `${r.meta.id} ${r.meta.name}`).join(', ');
    return `unknown rule "${name}". Known rules: ${names}. Run \`pinlint rules\` to list them.`;
}
export function exitCodeFor(result, failOn, exitZero) {
    if (result.notifications.some((n) => n.level === 'error'))
        return EXIT_ERROR;
    if (exitZero)
        return EXIT_CLEAN;
    const threshold = LEVEL_RANK[failOn];
    const failing = result.findings.some((f) => !f.suppression && LEVEL_RANK[f.level] >= threshold);
    return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}
/**
 * Prepares the configuration of a run: each file is governed by the `.pinlint.*` nearest to it
 * (or the file named by --config), and `startDir` decides the rules and levels given to the
 * engine (`audit` applies its directory's configuration to every dependency; `check` runs every
 * candidate and applies each file's own settings afterwards, with applyRuleStates). Invalid
 * configuration is a usage error: exit 2 with the file, the key and what was expected.
 */
export function configureRun(startDir, explicitPath, candidates, root) {
    const set = new ConfigSet(allRules.map((r) => r.meta), explicitPath, new Confinement(root));
    const states = asUsage(() => set.ruleStates(startDir, allRules.map((r) => r.meta)));
    const rules = candidates.filter((r) => states.get(r.meta.id)?.enabled !== false);
    return {
        set,
        rules,
        options: {
            rules,
            levels: new Map([...states].map(([id, st]) => [id, st.level])),
            exclude: (abs) => asUsage(() => set.isExcluded(abs)),
            // Each file's own configuration sets its limits; the command line's win (runLimits).
            limits: (abs) => asUsage(() => limitsFrom(...set.limitSettings(abs))),
            configure: () => asUsage(() => ({
                knowledge: set.knowledge({ sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS }),
                context: set.layers().flatMap((l) => set.contextOf(l)),
            })),
        },
    };
}
/** Applies each finding's file's own rule settings (`check`): findings of a rule that file's
 * configuration turns off are dropped, and a configured level moves every finding of the rule by
 * as many steps as it moves the rule's level (bugs to it, rule violations and the levels a rule
 * chose for a finding keep their distance below; issue 9, docs/configuration.md). Returns the
 * rules enabled for at least one reported file. */
export function applyRuleStates(result, set, candidates) {
    const metas = allRules.map((r) => r.meta);
    const byPath = new Map();
    const statesOf = (path) => {
        let st = byPath.get(path);
        if (!st) {
            st = asUsage(() => set.ruleStates(result.absPath(path), metas));
            byPath.set(path, st);
        }
        return st;
    };
    result.findings = result.findings.filter((f) => {
        const st = statesOf(f.location.path).get(f.ruleId);
        if (!st)
            return true;
        if (!st.enabled)
            return false;
        const meta = metas.find((m) => m.id === f.ruleId);
        if (meta)
            f.level = findingLevel(meta.level, st.level, f.level, undefined);
        return true;
    });
    const enabled = new Set();
    for (const p of result.reported)
        for (const [id, st] of statesOf(p))
            if (st.enabled)
                enabled.add(id);
    return candidates.filter((r) => enabled.has(r.meta.id) || result.reported.length === 0);
}
function asUsage(f) {
    try {
        return f();
    }
    catch (err) {
        if (err instanceof ConfigError)
            throw new UsageError(err.message);
        throw err;
    }
}
/** The `--context` directories, absolute (relative to the working directory); one that is not a
 * directory is a usage error. */
export function cliContext(cwd, dirs) {
    return dirs.map((d) => {
        const abs = resolve(cwd, d);
        if (!isDirectory(abs))
            throw new UsageError(`--context ${d}: not a directory; give the directory of a module (with go.mod) or one laid out by import path, such as a GOPATH's src/.`);
        return abs;
    });
}
/** Where the facts cache is for this run: --cache-dir (relative to the working directory), else
 * $XDG_CACHE_HOME/pinlint or ~/.cache/pinlint; undefined with --no-cache, which reads and writes
 * nothing. */
export function cacheDirFor(opts, io) {
    if (opts.cache === false)
        return { toolVersion: VERSION };
    if (opts.cacheDir)
        return { cacheDir: resolve(io.cwd, opts.cacheDir), toolVersion: VERSION };
    return { cacheDir: defaultCacheDir(io.env ?? process.env), toolVersion: VERSION };
}
/** `{ prefilter: false }` with --no-prefilter, else nothing: the analysis option as given. */
export function prefilterOption(opts) {
    return opts.prefilter === false ? { prefilter: false } : {};
}
/** The per-file limit options (docs/robustness.md), shared by check and audit. */
export function limitOptions(cmd) {
    return cmd
        .option('--max-file-size <bytes>', `skip .go files larger than this, up to ${LIMIT_RANGE.maxFileBytes.max} (default ${DEFAULT_LIMITS.maxFileBytes})`)
        .option('--max-depth <levels>', `leave out a declaration nested deeper than this, from ${LIMIT_RANGE.maxDepth.min} to ${DEFAULT_LIMITS.maxDepth} (default ${DEFAULT_LIMITS.maxDepth})`)
        .option('--file-time-limit <ms>', `time one file may take to parse, and as long again to analyze, up to ${LIMIT_RANGE.fileTimeMs.max} (default ${DEFAULT_LIMITS.fileTimeMs})`);
}
/** The limits of each file: its configuration's `limits` (configureRun), then the command line's
 * options, which win key by key. A value out of range is a usage error. */
export function runLimits(opts, configured) {
    const given = {};
    for (const key of Object.keys(LIMIT_KEY)) {
        const value = opts[LIMIT_KEY[key]];
        if (value === undefined)
            continue;
        const { min, max } = LIMIT_RANGE[key];
        const n = Number(value);
        if (!Number.isInteger(n) || n < min || n > max)
            throw new UsageError(`${LIMIT_OPTION[key]} ${value}: expected an integer from ${min} to ${max}.`);
        given[key] = n;
    }
    return (absPath) => ({ ...configured.options.limits(absPath), ...given });
}
/** Adds --cache-dir, --no-cache and --no-prefilter to a command. */
export function cacheOptions(cmd) {
    return cmd
        .option('--cache-dir <dir>', 'keep per-file facts in this directory (default: $XDG_CACHE_HOME/pinlint or ~/.cache/pinlint), so unchanged files are not parsed again')
        .option('--no-cache', 'neither read nor write the facts cache')
        .option('--no-prefilter', 'parse every .go file, even one that names nothing pinlint follows in its code (slower; the results are the same: docs/architecture.md)');
}
