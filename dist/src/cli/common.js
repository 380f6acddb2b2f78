// What every command shares: the I/O it writes to, exit codes (DESIGN.md §7: 0 nothing at or
// above --fail-on, 1 findings, 2 usage/config/internal error, errors win), usage errors, rule
// lookup and the configuration step that turns .pinlint.* into engine options.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { rules as allRules } from '../../rules/index.js';
import { ConfigError, isExcluded, mergeKnowledge, resolveConfig, ruleSettings } from '../config/index.js';
import { KEEP_ALIVE, OS_ALLOCATORS, SINKS } from '../knowledge/index.js';
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
 * Resolves the configuration found from `startDir` upward to the repository root (or the file
 * named by --config) and applies it to `candidates` (the rules the command line selected).
 * Invalid configuration is a usage error: exit 2 with the file, the key and what was expected.
 */
export function configureRun(startDir, explicitPath, candidates) {
    let resolved;
    try {
        resolved = resolveConfig(startDir, { ...(explicitPath ? { explicitPath } : {}), knownRules: allRules.map((r) => r.meta) });
    }
    catch (err) {
        if (err instanceof ConfigError)
            throw new UsageError(err.message);
        throw err;
    }
    const settings = ruleSettings(resolved.config, allRules.map((r) => ({ id: r.meta.id, name: r.meta.name, level: r.meta.level })));
    const rules = candidates.filter((r) => settings.get(r.meta.id)?.enabled !== false);
    const levels = new Map([...settings].map(([id, st]) => [id, st.level]));
    const configDir = resolved.path ? dirname(resolved.path) : null;
    return {
        resolved,
        rules,
        options: {
            rules,
            levels,
            knowledge: mergeKnowledge({ sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS }, resolved.config),
            ...(configDir ? { exclude: (abs) => isExcluded(resolved.config, configDir, abs) } : {}),
            context: configDir && resolved.path ? configContext(resolved.path, configDir, resolved.config.context) : [],
        },
    };
}
/** The config file's `context` directories, absolute; one that is not a directory is a usage error
 * naming the file and the key, like any other mistake in the file. */
function configContext(file, configDir, dirs) {
    const problems = dirs.flatMap((d, i) => (isDirectory(resolve(configDir, d)) ? [] : [{ key: `/context/${i}`, detail: `${JSON.stringify(d)} is not a directory (paths are relative to the configuration file's directory)` }]));
    if (problems.length)
        throw new UsageError(new ConfigError(file, problems).message);
    return dirs.map((d) => resolve(configDir, d));
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
function isDirectory(p) {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
