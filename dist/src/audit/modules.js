// Which module a vendored package belongs to. `go mod vendor` records that in vendor/modules.txt;
// without it (a hand-assembled tree of dependencies, GOPATH-style sources) the module is guessed
// from the shape of the import path, and the audit says that versions are unknown.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Confinement } from '../model/confine.js';
/**
 * Parses vendor/modules.txt (cmd/go modload/vendor.go). A module starts with
 * `# path version`, `# path version => repl replVersion`, `# path version => ../dir`, or, in the
 * trailer that lists wildcard replacements, `# path => repl`. `## ...` lines annotate the current
 * module; other non-empty lines are its packages. Unknown lines are ignored, as cmd/go does, so a
 * newer Go's annotations do not break the audit.
 */
export function parseModulesTxt(text) {
    const byPath = new Map();
    let current = null;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '')
            continue;
        if (line.startsWith('## ')) {
            if (current && line.slice(3).split(';').some((a) => a.trim() === 'explicit'))
                current.explicit = true;
            continue;
        }
        if (line.startsWith('# ')) {
            const [left = '', right] = line.slice(2).split('=>').map((s) => s.trim());
            const [path, version] = left.split(/\s+/);
            if (!path) {
                current = null;
                continue;
            }
            let replacement = null;
            if (right !== undefined && right !== '') {
                const [rpath = '', rversion] = right.split(/\s+/);
                replacement = { path: rpath, version: rversion ?? null };
            }
            // The trailer repeats a module already listed when its replacement applies to every
            // version: merge instead of listing it twice.
            const existing = byPath.get(path);
            if (existing) {
                if (!existing.version && version)
                    existing.version = version;
                if (!existing.replacement && replacement)
                    existing.replacement = replacement;
                current = existing;
            }
            else {
                current = { path, version: version ?? null, replacement, packages: [], explicit: false };
                byPath.set(path, current);
            }
            continue;
        }
        if (line.startsWith('#'))
            continue;
        if (current)
            current.packages.push(line);
    }
    return [...byPath.values()];
}
/** Hosts whose import paths are `host/owner/repo/...`: the module is the first three elements. */
const THREE_ELEMENT_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'codeberg.org'];
/** Prefixes after which one more element names the module (`golang.org/x/sys`, `gopkg.in/yaml.v3`). */
const FIXED_PREFIX = ['golang.org/x/', 'gopkg.in/', 'go.etcd.io/', 'k8s.io/', 'sigs.k8s.io/', 'go.opentelemetry.io/'];
/**
 * Guesses the module of a package from its import path alone: `github.com/a/b/...` →
 * `github.com/a/b`, `golang.org/x/sys/unix` → `golang.org/x/sys`, `gopkg.in/yaml.v3` →
 * `gopkg.in/yaml.v3`, anything else → its first two elements, plus a `/vN` major-version suffix
 * (N ≥ 2) right after. A guess: nested modules (`cloud.google.com/go/storage`) merge into their
 * parent, which is why the audit says versions and boundaries are unknown without modules.txt.
 */
export function guessModulePath(importPath) {
    const parts = importPath.split('/').filter(Boolean);
    if (parts.length === 0)
        return '.';
    const take = (n) => {
        let m = parts.slice(0, n);
        // A major-version suffix is part of the module path (github.com/a/b/v2).
        if (/^v\d+$/.test(parts[n] ?? '') && Number(parts[n]?.slice(1)) >= 2)
            m = parts.slice(0, n + 1);
        return m.join('/');
    };
    if (THREE_ELEMENT_HOSTS.includes(parts[0]))
        return take(3);
    for (const prefix of FIXED_PREFIX) {
        if (importPath.startsWith(prefix))
            return take(prefix.split('/').filter(Boolean).length + 1);
    }
    return take(2);
}
/** Assigns package directories (import paths) to modules. */
export class ModuleGrouper {
    modules;
    byPackage = new Map();
    byPath = new Map();
    cache = new Map();
    constructor(modules) {
        this.modules = modules;
        for (const m of modules ?? []) {
            this.byPath.set(m.path, m);
            for (const p of m.packages)
                this.byPackage.set(p, m);
        }
    }
    /** Modules listed in modules.txt that have vendored packages (a module with none has no files). */
    listedModules() {
        return (this.modules ?? []).filter((m) => m.packages.length > 0).map(key);
    }
    /**
     * The module of the package at import path `dir`: the module that lists it, else the longest
     * module path that is a prefix of it at an element boundary, else a guess from the path.
     */
    moduleOf(dir) {
        let k = this.cache.get(dir);
        if (k)
            return k;
        const listed = this.byPackage.get(dir) ?? this.longestPrefix(dir);
        k = listed ? key(listed) : { path: guessModulePath(dir), version: null, replacement: null, listed: false };
        this.cache.set(dir, k);
        return k;
    }
    longestPrefix(dir) {
        for (let p = dir;;) {
            const m = this.byPath.get(p);
            if (m)
                return m;
            const slash = p.lastIndexOf('/');
            if (slash <= 0)
                return undefined;
            p = p.slice(0, slash);
        }
    }
}
function key(m) {
    return { path: m.path, version: m.version, replacement: m.replacement, listed: true };
}
/**
 * Where to look: `<dir>/vendor` when it exists (a module root), else `<dir>` itself (a vendor
 * directory passed directly, or any tree of dependencies laid out by import path). `vendor/` and
 * `modules.txt` are the tree's names: one that links out of the trust root is not used
 * (docs/security.md), since the audit would walk or quote what is there.
 */
export function locateTree(dir, trust = new Confinement(dir)) {
    const vendor = join(dir, 'vendor');
    const base = isDir(vendor) && trust.holds(vendor) ? vendor : dir;
    const txt = join(base, 'modules.txt');
    return { base, modulesTxt: existsSync(txt) && trust.holds(txt) ? txt : null };
}
/** Reads and parses modules.txt; null when there is none. */
export function loadModules(tree) {
    return tree.modulesTxt ? parseModulesTxt(readFileSync(tree.modulesTxt, 'utf8')) : null;
}
function isDir(p) {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
