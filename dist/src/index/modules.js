// Import paths and module resolution for the index: which import path a directory of the tree
// has (go.mod module path, vendor/, GOPATH-style src/), which directory of the tree an import
// path names, and the `go` version a directory is built with. Lookups are cached for the run, so
// a go.mod is not read again for every file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
/**
 * Import paths of directories: the module path from the nearest go.mod plus the relative
 * directory; `vendor/<path>` for vendored code; GOPATH-style `…/src/<path>` trees (Debian's
 * /usr/share/gocode) without go.mod; std's `module std` maps to bare paths.
 */
export class ModuleResolver {
    root;
    cache = new Map();
    constructor(root) {
        this.root = root;
    }
    importPathOf(relDir) {
        const abs = relDir === '.' ? this.root : join(this.root, relDir);
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
    moduleOf(dir) {
        if (this.cache.has(dir))
            return this.cache.get(dir) ?? null;
        let found = null;
        const gomod = join(dir, 'go.mod');
        if (existsSync(gomod)) {
            try {
                const m = /^module\s+("?)([^\s"]+)\1/m.exec(readFileSync(gomod, 'utf8'));
                if (m?.[2])
                    found = { dir, module: m[2] };
            }
            catch {
                found = null;
            }
        }
        if (!found) {
            const parent = dirname(dir);
            found = parent === dir ? null : this.moduleOf(parent);
        }
        this.cache.set(dir, found);
        return found;
    }
    /**
     * The directory of an import path inside this repository, not under vendor/ (first-party
     * code only: vendored dependencies are the audit's business), or null.
     */
    dirOf(importPath, fromDir) {
        const mod = this.moduleOf(fromDir);
        if (!mod || mod.module === 'std' || !(importPath === mod.module || importPath.startsWith(mod.module + '/')))
            return null;
        const dir = join(mod.dir, importPath.slice(mod.module.length));
        return dir.startsWith(this.root) && !dir.split(sep).includes('vendor') && safeIsDir(dir) ? dir : null;
    }
    goVersions = new Map();
    /** The `go` directive of the nearest go.mod (e.g. "1.21"), for version-dependent advice; each
     * go.mod is read once per run. */
    goVersionOf(relDir) {
        const abs = relDir === '.' ? this.root : join(this.root, relDir);
        const mod = this.moduleOf(abs);
        if (!mod)
            return null;
        if (!this.goVersions.has(mod.dir)) {
            let version = null;
            try {
                version = /^go\s+(\d+\.\d+)/m.exec(readFileSync(join(mod.dir, 'go.mod'), 'utf8'))?.[1] ?? null;
            }
            catch {
                version = null;
            }
            this.goVersions.set(mod.dir, version);
        }
        return this.goVersions.get(mod.dir) ?? null;
    }
}
function safeIsDir(p) {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
