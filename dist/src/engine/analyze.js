// The runner: a run is a list of stages, and analyze() reads as that list. Find Go files
// (discover.ts), extract per-file facts (one parse each, no tree kept; extract-pool.ts), build the
// tree index, run the rules over the files to report on, apply the generated-file policy and
// suppressions, sort.
import { dirname, isAbsolute, join } from 'node:path';
import { Extractor } from './extract-pool.js';
import { pruneCache, runKeyFor } from './cache.js';
import { MAX_ROUNDS, refineWithTypes } from './refine.js';
import { describeError } from './read.js';
import { Sources } from './sources.js';
import { SkippedFiles } from './widen.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { TreeIndex } from '../index/tree-index.js';
import { ModuleResolver } from '../index/modules.js';
import { applySuppressions } from './suppressions.js';
import { AFTER_FORK_FUNCS, KEEP_ALIVE, OS_ALLOCATORS, RUNTIME_MANAGED_PACKAGES, SINKS, isUnderPackage } from '../knowledge/index.js';
import { rules as registry } from '../../rules/index.js';
import { discoverFiles, goFilesIn, realpathOr, relativeTo, resolveTargets } from './discover.js';
import { compareFindings, compareNotifications, dedupe, reporterFor } from './findings.js';
// The runner's public names, wherever they are defined: importers need only this module.
export { findRoot } from './discover.js';
export { compareFindings, fill } from './findings.js';
const DEFAULT_MERGED = { sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS, wrappers: {} };
const allRuleNames = registry.flatMap((r) => [r.meta.id, r.meta.name]);
/** Analyzes the Go files the paths name: the stages below, in order. */
export async function analyze(opts) {
    const notifications = [];
    const { targets, root } = resolveTargets(opts.paths, opts.cwd);
    const rel = relativeTo(root);
    const discovered = discoverFiles(targets, { ...opts, root }, rel, notifications);
    if (discovered.reported.size === 0 && !notifications.some((n) => n.level === 'error')) {
        // Like staticcheck's "matched no packages": a run that looked at nothing must say so, or a
        // mistyped path passes as a clean tree.
        const named = opts.paths.length ? opts.paths.join(', ') : '.';
        notifications.push({ level: 'warning', id: 'no-go-files', message: `no Go files to analyze in ${named}` });
    }
    const late = opts.configure?.();
    const knowledge = late?.knowledge ?? opts.knowledge ?? DEFAULT_MERGED;
    const scannedDirs = [...discovered.reported.keys(), ...discovered.context.keys()].map((f) => dirname(f));
    const modules = new ModuleResolver(root, { env: opts.env ?? process.env, context: [...(opts.context ?? []), ...(late?.context ?? [])], scannedDirs });
    const extractor = new Extractor(knowledge, opts.cacheDir ? { dir: opts.cacheDir, runKey: runKeyFor(knowledge, opts.toolVersion ?? '') } : null);
    if (opts.onWorking)
        extractor.onWorking = opts.onWorking;
    const refusal = extractor.cacheRefusal();
    if (refusal !== undefined) {
        // The directory is untrusted too (docs/security.md): one that another user could write is
        // never read, which costs only time, and the user should know why every file was parsed.
        notifications.push({ level: 'warning', id: 'cache-not-used', message: `the facts cache is not used: ${refusal}; make it a directory of your own that only you can write (chmod 700), or pass --cache-dir` });
    }
    let extracted;
    try {
        extracted = await extractFacts(discovered, { root, rel, modules, knowledge, extractor, limits: limitsOf(opts.limits), parseAll: opts.prefilter === false, onProgress: opts.onProgress }, notifications);
    }
    finally {
        await extractor.close();
    }
    // After a run that wrote entries, the cache is brought back within its bound.
    if (opts.cacheDir && extractor.wroteCache)
        pruneCache(opts.cacheDir, opts.cacheMaxBytes);
    const { files, reportedFacts, typeRounds, unanalyzed } = extracted;
    const sources = new Sources(root, reportedFacts, limitsOf(opts.limits));
    if (discovered.reported.size > 0 && unanalyzed === discovered.reported.size) {
        // Every file was skipped: an exit code of 0 would pass a tree nobody looked at as clean.
        notifications.push({ level: 'error', id: 'nothing-analyzed', message: `none of the ${unanalyzed} Go file${unanalyzed === 1 ? '' : 's'} to report on could be analyzed; see the other notifications` });
    }
    const index = new TreeIndex(files, (dir) => modules.importPathOf(dir), knowledge.sinks, knowledge.wrappers, (p) => modules.isMissing(p));
    const findings = runRules(reportedFacts, { root, index, modules, sources, rules: opts.rules, levels: opts.levels }, notifications);
    const shown = opts.includeGenerated ? findings : hideGenerated(findings, reportedFacts, notifications);
    const final = sources.withdrawChanged(suppress(shown, reportedFacts, opts), notifications);
    final.sort(compareFindings);
    notifications.sort(compareNotifications);
    return {
        root,
        findings: dedupe(final),
        notifications,
        reported: [...reportedFacts].map((f) => f.path).sort(),
        scanned: [...discovered.reported.keys()].map(rel).sort(),
        files,
        typeRounds,
        stats: extractor.stats,
        index,
        absPath: (p) => (isAbsolute(p) ? p : join(root, p)),
        source: (p) => sources.text(p),
    };
}
function limitsOf(given) {
    if (typeof given === 'function')
        return given;
    const fixed = given ?? DEFAULT_LIMITS;
    return () => fixed;
}
function isOutside(relPath) {
    return isAbsolute(relPath) || relPath === '..' || relPath.startsWith('../');
}
/**
 * Extracts facts (one parse per file, no tree kept; in worker threads for large trees), in
 * rounds: after each, the packages that the round's files import are loaded as context (wrappers
 * defined there), wherever the module resolver finds them, up to three levels of imports deep.
 */
async function extractFacts(discovered, ctx, notifications) {
    const out = { files: [], reportedFacts: new Set(), taskOf: new Map(), typeRounds: [] };
    const toTask = (real, report, shown = real) => {
        // A symbolic link to a file outside the root is reported where it is linked from: a report's
        // paths are relative to the root, and `../outside/o.go` is no place in it (SARIF, annotations).
        const at = isOutside(ctx.rel(real)) ? shown : real;
        const dir = ctx.rel(dirname(at));
        return { real, path: ctx.rel(at), dir, report, importPath: ctx.modules.importPathOf(dir), limits: ctx.limits(at), ...(ctx.parseAll ? { parseAll: true } : {}) };
    };
    let batch = [...[...discovered.reported].map(([r, s]) => toTask(r, true, s)), ...[...discovered.context].map(([r, s]) => toTask(r, false, s))];
    const loaded = new Set(batch.map((t) => t.real));
    const loadedDirs = new Set(batch.map((t) => dirname(t.real)));
    const skipped = new SkippedFiles();
    for (let round = 0; batch.length > 0; round++) {
        const outcomes = await ctx.extractor.extract(batch, ctx.onProgress);
        const fresh = collectOutcomes(batch, outcomes, out, notifications);
        outcomes.forEach((o, i) => { if (o.kind === 'skipped')
            skipped.add(batch[i], o.text); });
        if (round === 0)
            out.unanalyzed = outcomes.filter((o, i) => o.kind === 'problem' && batch[i]?.report).length;
        // Files the prefilter skipped that name what the facts so far follow (engine/widen.ts).
        const next = skipped.widen(out.files, (dir) => ctx.modules.importPathOf(dir));
        if (round >= 3) {
            // No more imports are followed; files the prefilter let through late still are parsed.
            batch = next;
            continue;
        }
        for (const dir of importedDirs(fresh, ctx, loadedDirs)) {
            // A package's _test.go files are not part of what its importers call.
            for (const g of goFilesIn(dir).filter((f) => !f.endsWith('_test.go'))) {
                const real = realpathOr(g);
                if (loaded.has(real))
                    continue;
                loaded.add(real);
                next.push(toTask(real, false));
            }
        }
        batch = next;
    }
    inLoadingOrder(out, [...loaded]);
    const refined = await refineWithTypes(out, (dir) => ctx.modules.importPathOf(dir), ctx.extractor);
    out.typeRounds = refined.rounds;
    if (!refined.settled) {
        // A chain of helpers deeper than the rounds: what is reported stays sound for each file's
        // last view, but some answers may still have changed.
        notifications.push({ level: 'note', id: 'type-views-unsettled', message: `what helpers return was still changing after ${MAX_ROUNDS} rounds of the type stage; results through the deepest helper chains may be incomplete` });
    }
    ctx.onProgress?.(loaded.size, loaded.size);
    return out;
}
/** Puts the facts in the order their files were found and loaded, whatever round parsed them: a
 * file the prefilter's second look parses late takes the place it has with the prefilter off,
 * where the index meets it (which binding of a function slot comes first, say). */
function inLoadingOrder(out, loadingOrder) {
    const seq = new Map(loadingOrder.map((real, i) => [real, i]));
    const at = (f) => seq.get(out.taskOf.get(f)?.real ?? '') ?? Number.MAX_SAFE_INTEGER;
    out.files.sort((a, b) => at(a) - at(b));
    out.reportedFacts = new Set([...out.reportedFacts].sort((a, b) => at(a) - at(b)));
}
/** Files one round's outcomes, returning the facts it produced. */
function collectOutcomes(batch, outcomes, out, notifications) {
    const fresh = [];
    outcomes.forEach((o, i) => {
        const task = batch[i];
        if (o.kind === 'problem') {
            // Problems with context files are not the user's concern, except internal errors.
            if (task.report || o.notification.id === 'internal-error')
                notifications.push(o.notification);
        }
        else if (o.kind === 'facts') {
            out.files.push(o.facts);
            out.taskOf.set(o.facts, task);
            fresh.push(o.facts);
            if (task.report) {
                out.reportedFacts.add(o.facts);
                notifications.push(...o.facts.notifications);
            }
        }
    });
    return fresh;
}
/** The directories of the packages that `files` import (the tree's own, vendored, in the module
 * cache or a context directory: index/modules.ts) that no round loaded yet (marked loaded here),
 * in import order. */
function importedDirs(files, ctx, loadedDirs) {
    const dirs = [];
    for (const f of files) {
        for (const imp of f.imports) {
            const dir = ctx.modules.dirOf(imp.path, join(ctx.root, f.dir));
            if (!dir || loadedDirs.has(dir))
                continue;
            loadedDirs.add(dir);
            dirs.push(dir);
        }
    }
    return dirs;
}
/** Runs the rules over every function of the files to report on. */
function runRules(reportedFacts, ctx, notifications) {
    const findings = [];
    for (const file of reportedFacts)
        checkFile(file, ctx, findings, notifications);
    return findings;
}
function checkFile(file, ctx, findings, notifications) {
    const { index } = ctx;
    const pkg = index.packageOf(file);
    const importPath = pkg?.importPath ?? null;
    const goVersion = ctx.modules.goVersionOf(file.dir);
    const fileText = () => ctx.sources.text(file.path);
    const isMitigated = (mit) => {
        if (mit.pin === 'covered')
            return true;
        if (mit.keepAlive === undefined)
            return false;
        if (!mit.keepAliveVia)
            return true;
        // The legacy use(p) idiom keeps p alive only when the compiler cannot see through `use`
        // (bodyless) or `use` stores p where the collector finds it (DESIGN.md §3).
        const refs = pkg?.funcs.get(mit.keepAliveVia) ?? [];
        return refs.some((r) => !r.fn.hasBody || r.fn.storesParam);
    };
    if (isUnderPackage(importPath, RUNTIME_MANAGED_PACKAGES))
        return;
    const afterFork = AFTER_FORK_FUNCS[importPath ?? ''] ?? [];
    const isGoMemory = (obj) => obj.kind !== 'global' && obj.kind !== 'os' && !(obj.from && index.returnsForeign(file, obj.from));
    for (const fn of file.funcs) {
        if (afterFork.includes(fn.name))
            continue;
        const view = { file, fn, index, goVersion, isMitigated, isGoMemory, fileText };
        // Each call is resolved once, whatever the number of rules that judge it.
        const calls = fn.calls.map((call) => ({ ...view, call, target: index.resolve(file, call.callee) }));
        for (const rule of ctx.rules) {
            const report = reporterFor(rule, file.path, findings, ctx.levels);
            try {
                if (rule.checkFunction)
                    rule.checkFunction(view, report);
                if (rule.checkCall)
                    for (const callView of calls)
                        rule.checkCall(callView, report);
            }
            catch (err) {
                notifications.push({ level: 'error', id: 'rule-error', message: `rule ${rule.meta.name} failed in ${fn.name}: ${describeError(err)}`, path: file.path });
            }
        }
    }
}
/**
 * Drops findings in generated files ("Code generated ... DO NOT EDIT"), counted in a note: the
 * fix belongs in the generator's input, not the output.
 */
function hideGenerated(findings, reportedFacts, notifications) {
    const generated = new Set([...reportedFacts].filter((f) => f.generated).map((f) => f.path));
    if (generated.size === 0)
        return findings;
    const kept = findings.filter((f) => !generated.has(f.location.path));
    const hidden = dedupe(findings).length - dedupe(kept).length;
    if (hidden > 0) {
        notifications.push({
            level: 'note',
            id: 'generated-findings',
            message: `${hidden} finding${hidden === 1 ? '' : 's'} in generated files not shown; fix the generator's input, or pass --include-generated to list them`,
        });
    }
    return kept;
}
/** Marks findings that inline suppressions cover, then lets the rules that judge suppressions
 * (bad-suppression) report on them. */
function suppress(findings, reportedFacts, opts) {
    const known = new Set(allRuleNames);
    const enabled = new Set(opts.rules.flatMap((r) => [r.meta.id, r.meta.name]));
    const { findings: final, uses } = applySuppressions(findings, [...reportedFacts], known, enabled, opts.inlineSuppressions !== false);
    for (const rule of opts.rules) {
        if (!rule.checkSuppressions)
            continue;
        const own = [];
        rule.checkSuppressions(uses, reporterFor(rule, '', own, opts.levels));
        final.push(...own);
    }
    return final;
}
