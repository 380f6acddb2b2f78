// Import paths and module resolution for the index: which import path a directory has (go.mod
// module path, vendor/, GOPATH-style src/, or the import path it was found under as context), and
// where the source of an imported package is, looked for as the go command would and offline: the
// tree's own module, `--context` directories, then vendor/ or the module cache at the version
// go.mod requires (GOFLAGS=-mod respected); without go.mod, vendor/ directories and GOPATH src/
// roots, then the scanned directory whose path ends with the longest part of the import path.
// Standard-library imports are never looked up (knowledge/std.ts), nor syscall, x/sys/unix and
// x/sys/windows outside the tree's own module: the knowledge tables describe their exported API
// (sinks, known uintptr wrappers, typed-pointer wrappers, allocators), and their source is the
// bulk of what context would cost (docs/architecture.md, "Speed"). Every lookup is cached for the
// run, and the imports looked for and not found are remembered: a call into such a package is
// one pinlint cannot judge.
import { realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SYSCALL_WRAPPER_PACKAGES, isStandardImportPath } from '../knowledge/index.js';
import { Confinement } from '../model/confine.js';
import { goEnv, moduleCacheDir, readGoMod, requiredModuleOf } from './gomod.js';
export class ModuleResolver {
    root;
    mods = new Map();
    own = new Map();
    placed = new Map();
    lookups = new Map();
    found = new Set();
    missing = new Set();
    env;
    context;
    scanned;
    /** Where an imported package may be read from: the root, and the directories the trusted side
     * named (context directories, the module cache, GOPATH). go.mod's directory replacements,
     * relative imports and vendor/ come from the tree and must stay inside the root
     * (docs/security.md). */
    confinement;
    constructor(root, opts = {}) {
        this.root = root;
        this.env = goEnv(opts.env ?? {});
        this.context = opts.context ?? [];
        this.scanned = [...new Set(opts.scannedDirs ?? [])];
        const trusted = [...this.context, ...this.env.gopath, ...(this.env.modCache ? [this.env.modCache] : [])];
        this.confinement = new Confinement(root, trusted);
    }
    importPathOf(relDir) {
        const abs = relDir === '.' ? this.root : join(this.root, relDir);
        const placed = this.placed.get(abs);
        if (placed)
            return placed.importPath;
        const parts = abs.split(sep);
        const v = parts.lastIndexOf('vendor');
        if (v >= 0 && v < parts.length - 1)
            return parts.slice(v + 1).join('/');
        const mod = this.moduleOf(abs);
        if (mod) {
            const sub = relative(mod.dir, abs).split(sep).join('/');
            const base = mod.module === 'std' ? '' : mod.module;
            return [base, sub].filter(Boolean).join('/') || null;
        }
        const s = parts.lastIndexOf('src');
        if (s >= 0 && s < parts.length - 1)
            return parts.slice(s + 1).join('/');
        return null;
    }
    /** The nearest go.mod at or above `dir`, parsed; each directory is looked at once per run. */
    moduleOf(dir) {
        if (this.mods.has(dir))
            return this.mods.get(dir) ?? null;
        let found = this.ownMod(dir);
        if (!found) {
            const parent = dirname(dir);
            found = parent === dir ? null : this.moduleOf(parent);
        }
        this.mods.set(dir, found);
        return found;
    }
    /** The go.mod in `dir` itself (not above it), parsed once. */
    ownMod(dir) {
        // A go.mod placed in the tree that links out of it is not read: its lines would become import
        // paths, and those reach messages.
        const file = join(dir, 'go.mod');
        if (!this.own.has(dir))
            this.own.set(dir, this.confinement.placesInRoot(file) && !this.confinement.holds(file) ? null : readGoMod(dir));
        return this.own.get(dir) ?? null;
    }
    /**
     * The directory holding the source of the package `importPath` as imported from `fromDir`
     * (absolute), or null: a package the tables describe (std, the system-call packages), or one
     * found nowhere (remembered, see isMissing). Packages found outside the tree's own module take the import path they were
     * found under (importPathOf), and their own imports resolve with the same build list.
     */
    dirOf(importPath, fromDir) {
        const key = `${fromDir}\u0000${importPath}`;
        if (this.lookups.has(key))
            return this.lookups.get(key) ?? null;
        let hit = this.locate(importPath, this.scopeOf(fromDir), fromDir);
        // The one gate every located directory passes: a package outside the root and every trusted
        // directory (`replace x => /etc`, `import "../../../home"`, a link in vendor/) is not read,
        // and its calls are judged as those of a package found nowhere.
        if (hit !== null && hit !== 'known' && this.confinement.allowed(hit.dir) === null)
            hit = null;
        let dir = null;
        if (hit === null)
            this.missing.add(importPath);
        else if (hit !== 'known') {
            this.found.add(importPath);
            if (hit.scope)
                this.place(hit.dir, importPath, hit.scope);
            dir = hit.dir;
        }
        this.lookups.set(key, dir);
        return dir;
    }
    /** Reports whether `importPath` was looked for and found nowhere: its calls cannot be seen. */
    isMissing(importPath) {
        return this.missing.has(importPath) && !this.found.has(importPath);
    }
    place(dir, importPath, scope) {
        for (const d of [dir, realpathOr(dir)])
            if (!this.placed.has(d))
                this.placed.set(d, { importPath, scope });
    }
    scopeOf(dir) {
        const placed = this.placed.get(dir);
        if (placed)
            return placed.scope;
        // Vendored code builds with the build list of the module that vendored it.
        const parts = dir.split(sep);
        const v = parts.lastIndexOf('vendor');
        const main = this.env.modulesOff ? null : this.moduleOf(v > 0 ? parts.slice(0, v).join(sep) || sep : dir);
        return { main, self: main };
    }
    locate(p, scope, fromDir) {
        const { main, self } = scope;
        // A relative import (GOPATH era, `import "./sys"`): the directory beside the importer.
        if (p.startsWith('./') || p.startsWith('../')) {
            const dir = dirIf(resolve(fromDir, p));
            return dir ? { dir, scope: { main: null, self: null } } : null;
        }
        if (main && within(p, main.module)) {
            const dir = join(main.dir, p.slice(main.module.length));
            return isDir(dir) && !relative(main.dir, dir).split(sep).includes('vendor') ? { dir } : null;
        }
        if (SYSCALL_WRAPPER_PACKAGES.includes(p))
            return 'known';
        if (self && self !== main && within(p, self.module)) {
            const dir = join(self.dir, p.slice(self.module.length));
            return isDir(dir) ? { dir, scope } : null;
        }
        const std = isStandardImportPath(p);
        if (std && main)
            return 'known';
        for (const c of this.context) {
            const dir = this.inContext(c, p);
            if (dir)
                return { dir, scope: { main, self: this.moduleOf(dir) } };
        }
        if (main)
            return this.inModuleDeps(p, main, self);
        return this.inGopath(p, fromDir) ?? (std ? 'known' : this.bySuffix(p, fromDir));
    }
    /** `c/<rest>` for a module directory whose path is a prefix of `p`; `c/p` (or `c/src/p`) for a
     * directory laid out by import path. */
    inContext(c, p) {
        const mod = this.ownMod(c);
        if (mod)
            return within(p, mod.module) ? dirIf(join(c, p.slice(mod.module.length))) : null;
        return dirIf(join(c, p)) ?? dirIf(join(c, 'src', p));
    }
    /**
     * vendor/ or the module cache, in the order the go command uses them: -mod=vendor reads only
     * vendor/; -mod=mod or readonly only the cache; by default vendor/ first when it exists and
     * go.mod says go 1.14 or later (golang.org/ref/mod#vendoring), the other as a fallback.
     */
    inModuleDeps(p, main, self) {
        const vendor = join(main.dir, 'vendor');
        const flag = this.env.modFlag;
        const order = flag === 'vendor' ? ['vendor'] : flag ? ['cache'] : goAtLeast(main.go, 1, 14) && isDir(vendor) ? ['vendor', 'cache'] : ['cache', 'vendor'];
        for (const where of order) {
            if (where === 'vendor') {
                const dir = dirIf(join(vendor, p));
                if (dir)
                    return { dir, scope: { main, self: null } };
            }
            else {
                const hit = this.inCache(p, main, self);
                if (hit)
                    return hit;
            }
        }
        return null;
    }
    /** The package in the module cache, at the version the main module requires (else the one the
     * dependency importing it requires); the main module's replace directives apply. */
    inCache(p, main, self) {
        const dep = self && self !== main ? self : null;
        const req = requiredModuleOf(main, p) ?? (dep ? requiredModuleOf(dep, p) : null);
        if (!req)
            return null;
        const rep = main.replace.get(req);
        const version = main.require.get(req) ?? dep?.require.get(req);
        const cache = this.env.modCache;
        let base = null;
        if (rep && 'dir' in rep)
            base = rep.dir;
        else if (rep && cache)
            base = moduleCacheDir(cache, rep.module, rep.version);
        else if (version && cache)
            base = moduleCacheDir(cache, req, version);
        const dir = base ? dirIf(join(base, p.slice(req.length))) : null;
        if (!base || !dir)
            return null;
        // The dependency's own go.mod names its requirements; its module path is the one imported.
        const own = this.ownMod(base);
        return { dir, scope: { main, self: { dir: base, module: req, go: own?.go ?? null, require: own?.require ?? new Map(), replace: new Map() } } };
    }
    /** GOPATH mode: vendor/ directories from the importer up to its src/ root (Go 1.6), then that
     * root and each GOPATH entry's src/. */
    inGopath(p, fromDir) {
        const parts = fromDir.split(sep);
        const s = parts.lastIndexOf('src');
        const srcRoot = s > 0 ? parts.slice(0, s + 1).join(sep) : null;
        const stop = srcRoot ?? (within(fromDir, this.root, sep) ? this.root : null);
        const candidates = [];
        for (let d = fromDir;; d = dirname(d)) {
            candidates.push(join(d, 'vendor', p));
            if (d === stop || dirname(d) === d)
                break;
        }
        if (srcRoot)
            candidates.push(join(srcRoot, p));
        for (const g of this.env.gopath)
            candidates.push(join(g, 'src', p));
        for (const c of candidates)
            if (isDir(c))
                return { dir: c, scope: { main: null, self: null } };
        return null;
    }
    /**
     * Without go.mod (a GOPATH-era tree, a subdirectory checked out alone): the scanned directory, or
     * the root's subdirectory, whose path ends with the longest tail of the import path. A tail of
     * one element (`sys`) is too weak a sign unless it names the root itself (a checkout of the
     * package's repository under its own name). Two directories matching one tail are ambiguous:
     * not resolved.
     */
    bySuffix(p, fromDir) {
        const els = p.split('/');
        for (let m = els.length; m >= 1; m--) {
            const tail = els.slice(-m).join(sep);
            const candidates = [...this.scanned, join(this.root, tail), this.root];
            const hits = new Set(candidates.filter((d) => d !== fromDir && d.endsWith(sep + tail) && (m > 1 || d === this.root) && isDir(d)));
            if (hits.size > 1)
                return null;
            const [dir] = hits;
            if (dir)
                return { dir, scope: { main: null, self: null } };
        }
        return null;
    }
    /** The `go` directive of the nearest go.mod (e.g. "1.21"), for version-dependent advice. */
    goVersionOf(relDir) {
        return this.moduleOf(relDir === '.' ? this.root : join(this.root, relDir))?.go ?? null;
    }
}
/** Reports whether `p` is `prefix` or below it (at a `/` boundary, or `sep` for file paths). */
function within(p, prefix, s = '/') {
    return p === prefix || p.startsWith(prefix.endsWith(s) ? prefix : prefix + s);
}
function goAtLeast(version, major, minor) {
    const [a = 0, b = 0] = (version ?? '0.0').split('.').map(Number);
    return a > major || (a === major && b >= minor);
}
function dirIf(p) {
    return isDir(p) ? p : null;
}
function isDir(p) {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
function realpathOr(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return p;
    }
}
