// Per-module numbers for an audit, computed from one analysis of the whole tree: what each vendored
// module calls (sinks, and how many of those calls are protected by the inline conversion), what
// it gets wrong (findings), and what it hands to other code (unprotected uintptr wrappers that
// callers can misuse, and bodyless or //go:uintptrescapes sinks that callers may rely on).
import { realpathSync } from 'node:fs';
import { isAbsolute, posix, relative, sep } from 'node:path';
import { ModuleResolver } from '../index/modules.js';
import { isProtected, takesUintptr } from '../index/tree-index.js';
import { ModuleGrouper } from './modules.js';
import { compareText } from '../model/order.js';
import { pointerFeeds } from './callers.js';
/** Reports whether a sink call's pointer arguments are all protected by the inline conversion:
 * at least one pointer-derived argument, every one written as `uintptr(unsafe.Pointer(p))` right
 * there (DESIGN.md §1), and no pointer hidden in a uintptr field of an argument. */
export function isProtectedInline(call) {
    let inline = 0;
    for (const arg of call.args) {
        for (const src of arg.sources) {
            if (src.kind === 'hidden')
                return false;
            if (src.kind !== 'uptr')
                continue;
            if (src.u.via !== 'inline')
                return false;
            inline++;
        }
    }
    return inline > 0;
}
/** Reports whether code outside the package can call `fn`: an exported name, and for methods an
 * exported receiver type (methods of unexported types are reachable too, through interfaces and
 * returned values, but rarely: the audit calls out the certain cases). */
export function isExportedFunc(fn) {
    const up = (s) => /^\p{Lu}/u.test(s);
    return up(fn.name) && (fn.recv === null || up(fn.recv));
}
function sinkKind(fn) {
    if (!fn.hasBody)
        return 'bodyless';
    return fn.directives.includes('uintptrescapes') ? 'uintptrescapes' : 'uintptrkeepalive';
}
function realpathOr(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return p;
    }
}
const toPosix = (p) => p.split(sep).join('/');
export function computeAudit(input) {
    const { result } = input;
    const realDir = realpathOr(input.dir);
    const realBase = realpathOr(input.tree.base);
    const place = placement(input, realDir, realBase);
    const ruleIds = input.rules.map((r) => r.id);
    const table = new ModuleTable(ruleIds);
    for (const k of place.grouper.listedModules())
        table.statsFor(k);
    for (const p of result.scanned)
        table.statsFor(place.moduleOf(p)).files++;
    countCallsAndDecls(result, place, table);
    const generated = new Set(result.files.filter((f) => f.generated).map((f) => f.path));
    const suppressed = countFindings(result, place, table, generated);
    const modules = table.sorted();
    return {
        toolVersion: input.toolVersion,
        tree: toPosix(relative(realDir, realBase)) || '.',
        modulesTxt: input.tree.modulesTxt ? toPosix(relative(realDir, realpathOr(input.tree.modulesTxt))) : null,
        rules: input.rules.map((r) => ({ id: r.id, name: r.name, level: r.level, summary: r.summary, docs: { what: r.docs.what, fix: r.docs.fix } })),
        includeGenerated: input.includeGenerated !== false,
        generatedPaths: [...generated].map(place.shown).sort(compareText),
        modules,
        totals: auditTotals(modules, ruleIds, suppressed),
        counts: { scanned: result.scanned.length, parsed: result.reported.length },
        notifications: result.notifications.map((n) => (n.path === undefined ? n : { ...n, path: place.shown(n.path) })),
    };
}
function placement(input, realDir, realBase) {
    const { result } = input;
    const grouper = new ModuleGrouper(input.modules);
    const resolver = new ModuleResolver(result.root);
    const shown = (p) => toPosix(relative(realDir, result.absPath(p))) || '.';
    const importDirOf = (p) => {
        const r = relative(realBase, result.absPath(p));
        if (r !== '' && !r.startsWith('..') && !isAbsolute(r))
            return posix.dirname(toPosix(r));
        // Outside the tree (a symbolic link out of vendor/): ask go.mod / GOPATH layout instead.
        return resolver.importPathOf(posix.dirname(p)) ?? posix.dirname(p);
    };
    return { grouper, shown, importDirOf, moduleOf: (p) => grouper.moduleOf(importDirOf(p)) };
}
/** The stats of every module seen so far, created empty (every rule's count at zero) on first use. */
class ModuleTable {
    ruleIds;
    stats = new Map();
    constructor(ruleIds) {
        this.ruleIds = ruleIds;
    }
    statsFor(k) {
        let s = this.stats.get(k.path);
        if (!s) {
            s = {
                ...k, files: 0, sinkCalls: 0, inlineProtected: 0,
                findingsByRule: Object.fromEntries(this.ruleIds.map((id) => [id, 0])),
                findingsByLevel: { error: 0, warning: 0, note: 0 }, generatedFindings: 0,
                findings: [], wrappers: [], sinks: [],
            };
            this.stats.set(k.path, s);
        }
        return s;
    }
    /** The modules by path, each with its wrappers and sinks by package, name and path. */
    sorted() {
        const byDecl = (a, b) => compareText(a.package, b.package) || compareText(a.name, b.name) || compareText(a.path, b.path);
        const modules = [...this.stats.values()].sort((a, b) => compareText(a.path, b.path));
        for (const m of modules) {
            m.wrappers.sort(byDecl);
            m.sinks.sort(byDecl);
        }
        return modules;
    }
}
/** Counts sink calls (and the inline-protected ones) and records sink and wrapper declarations. */
function countCallsAndDecls(result, place, table) {
    // Calls and declarations, from the files analyzed for reporting (in an audit: all of them).
    const reported = new Set(result.reported);
    const files = result.files.filter((f) => reported.has(f.path)).sort((a, b) => compareText(a.path, b.path));
    // Declarations are grouped by package and name first: build-tagged files declare one function
    // several times, and a name counts as a sink when any variant is protected, as the index treats
    // calls to it (tree-index.ts funcTarget). x/sys's gccgo and linux/ppc64 Syscall* have Go bodies
    // beside bodyless gc variants: those stay sinks, with the unprotected variants counted.
    const decls = new Map();
    const feeds = pointerFeeds(result);
    for (const file of files) {
        const mod = table.statsFor(place.moduleOf(file.path));
        const pkg = result.index.packageOf(file);
        for (const fn of file.funcs) {
            for (const call of fn.calls) {
                if (result.index.resolve(file, call.callee).kind !== 'sink')
                    continue;
                mod.sinkCalls++;
                if (isProtectedInline(call))
                    mod.inlineProtected++;
            }
            const kind = classify(fn, result);
            if (!kind)
                continue;
            const key = `${file.dir}\u0000${file.pkgName ?? ''}\u0000${fn.recv ?? ''}\u0000${fn.name}`;
            let g = decls.get(key);
            if (!g)
                decls.set(key, (g = { mod, sinks: [], wrappers: [] }));
            (kind === 'sink' ? g.sinks : g.wrappers).push({ file, fn, pkg });
        }
    }
    for (const g of decls.values()) {
        if (g.sinks.length > 0)
            g.mod.sinks.push(sinkDecl(g, place.shown, place.importDirOf));
        else
            g.mod.wrappers.push(wrapperInfo(g, place.shown, place.importDirOf, result, feeds));
    }
}
/** Files each unsuppressed finding under its module; returns how many findings were suppressed. */
function countFindings(result, place, table, generated) {
    let suppressed = 0;
    for (const f of result.findings) {
        if (f.suppression !== undefined) {
            suppressed++;
            continue;
        }
        const mod = table.statsFor(place.moduleOf(f.location.path));
        mod.findingsByRule[f.ruleId] = (mod.findingsByRule[f.ruleId] ?? 0) + 1;
        mod.findingsByLevel[f.level]++;
        if (generated.has(f.location.path))
            mod.generatedFindings++;
        mod.findings.push(rebaseFinding(f, place.shown));
    }
    return suppressed;
}
function auditTotals(modules, ruleIds, suppressed) {
    const sum = (f) => modules.reduce((n, m) => n + f(m), 0);
    return {
        modules: modules.length,
        files: sum((m) => m.files),
        sinkCalls: sum((m) => m.sinkCalls),
        inlineProtected: sum((m) => m.inlineProtected),
        findingsByRule: Object.fromEntries(ruleIds.map((id) => [id, sum((m) => m.findingsByRule[id] ?? 0)])),
        findingsByLevel: { error: sum((m) => m.findingsByLevel.error), warning: sum((m) => m.findingsByLevel.warning), note: sum((m) => m.findingsByLevel.note) },
        findings: sum((m) => m.findings.length),
        generatedFindings: sum((m) => m.generatedFindings),
        suppressed,
        wrappers: sum((m) => m.wrappers.length),
        exportedWrappers: sum((m) => m.wrappers.filter((w) => w.exported).length),
        pointerWrappers: sum((m) => m.wrappers.filter((w) => w.pointerCalls.length > 0).length),
        sinks: sum((m) => m.sinks.length),
    };
}
/** What a declaration offers callers: an unprotected uintptr wrapper, a protected sink, or neither. */
function classify(fn, result) {
    if (isProtected(fn))
        return takesUintptr(fn) ? 'sink' : null;
    const s = result.index.summaryOf(fn);
    return s && s.uintptrParams.size > 0 ? 'wrapper' : null;
}
/** Where a declaration is shown: its first variant in path order (files arrive sorted). */
function declBase(v, count, shown, importDirOf) {
    return {
        name: v.fn.recv ? `${v.fn.recv}.${v.fn.name}` : v.fn.name,
        package: v.pkg?.importPath ?? importDirOf(v.file.path),
        path: shown(v.file.path),
        line: v.fn.nameSpan.startLine,
        column: v.fn.nameSpan.startColumn,
        variants: count,
    };
}
function sinkDecl(g, shown, importDirOf) {
    const first = g.sinks[0];
    return {
        ...declBase(first, g.sinks.length, shown, importDirOf),
        kind: sinkKind(first.fn),
        ...(g.wrappers.length > 0 ? { unprotectedVariants: g.wrappers.length } : {}),
    };
}
function wrapperInfo(g, shown, importDirOf, result, feeds) {
    const first = g.wrappers[0];
    const base = declBase(first, g.wrappers.length, shown, importDirOf);
    // Parameter names of the first variant, for the union of what the variants forward.
    const indexes = new Set();
    for (const v of g.wrappers)
        for (const i of result.index.summaryOf(v.fn)?.uintptrParams ?? [])
            indexes.add(i);
    const params = [...indexes].sort((a, b) => a - b).map((i) => first.fn.params[i]?.name || `#${i + 1}`);
    // Pointer-fed calls of any variant, in path order, each place once.
    const seen = new Set();
    const pointerCalls = [];
    for (const v of g.wrappers) {
        for (const calls of feeds.get(v.fn)?.values() ?? []) {
            for (const c of calls) {
                const k = `${c.location.path}:${c.location.startLine}:${c.location.startColumn}`;
                if (seen.has(k))
                    continue;
                seen.add(k);
                pointerCalls.push({ ...c, location: { ...c.location, path: shown(c.location.path) } });
            }
        }
    }
    pointerCalls.sort((a, b) => compareText(a.location.path, b.location.path) || a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
    return { ...base, exported: isExportedFunc(first.fn), internal: isInternalPackage(base.package), params, pointerCalls };
}
/** Reports whether an import path is an internal package: only its parent's subtree may import it. */
export function isInternalPackage(importPath) {
    return importPath.split('/').includes('internal');
}
function rebaseFinding(f, shown) {
    const loc = (l) => ({ ...l, path: shown(l.path) });
    const rel = (r) => ({ message: r.message, location: loc(r.location) });
    return {
        ...f,
        location: loc(f.location),
        related: f.related.map(rel),
        flow: f.flow.map(rel),
        ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, path: shown(x.path) })) } : {}),
    };
}
/**
 * The modules ranked by risk, the order a reviewer reads them in: error-level findings first (a
 * bug today), then warnings, then notes, then unprotected wrappers that the tree already calls
 * with a pointer, then exported wrappers (other code can misuse them), then any wrapper; ties by
 * module path. The same tree always ranks the same way.
 */
export function rankByRisk(modules) {
    const key = (m) => [
        m.findingsByLevel.error, m.findingsByLevel.warning, m.findingsByLevel.note,
        m.wrappers.filter((w) => w.pointerCalls.length > 0).length,
        m.wrappers.filter((w) => w.exported).length,
        m.wrappers.length,
    ];
    return [...modules].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        for (let i = 0; i < ka.length; i++)
            if (ka[i] !== kb[i])
                return (kb[i] ?? 0) - (ka[i] ?? 0);
        return compareText(a.path, b.path);
    });
}
/** Reports whether a module needs no reviewer's attention: no finding and no unprotected wrapper. */
export function isClean(m) {
    return m.findings.length === 0 && m.wrappers.length === 0;
}
