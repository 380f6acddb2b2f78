import { KNOWN_UINTPTR_WRAPPERS, PSEUDO_PACKAGES, SINKS, SYSCALL_WRAPPER_PACKAGES, isTableSinkFunc, isTableSinkMethod } from '../knowledge/index.js';
export class TreeIndex {
    sinks;
    configuredWrappers;
    packages = new Map();
    byImportPath = new Map();
    fileToPkg = new Map();
    summaries = new Map();
    constructor(files, importPathOf, sinks = SINKS, 
    /** Functions outside the tree that configuration declares unprotected uintptr wrappers. */
    configuredWrappers = {}) {
        this.sinks = sinks;
        this.configuredWrappers = configuredWrappers;
        for (const f of files) {
            if (!f.pkgName)
                continue;
            const key = `${f.dir}\u0000${f.pkgName}`;
            let pkg = this.packages.get(key);
            if (!pkg) {
                const base = importPathOf(f.dir);
                pkg = {
                    dir: f.dir, name: f.pkgName,
                    importPath: base && f.pkgName.endsWith('_test') ? `${base}_test` : base,
                    files: [], funcs: new Map(), methods: new Map(), vars: new Map(), types: new Map(),
                };
                this.packages.set(key, pkg);
                if (pkg.importPath) {
                    const list = this.byImportPath.get(pkg.importPath) ?? [];
                    list.push(pkg);
                    this.byImportPath.set(pkg.importPath, list);
                }
            }
            pkg.files.push(f);
            this.fileToPkg.set(f, pkg);
            for (const fn of f.funcs) {
                const ref = { pkg, file: f, fn };
                if (fn.recv) {
                    let m = pkg.methods.get(fn.recv);
                    if (!m)
                        pkg.methods.set(fn.recv, (m = new Map()));
                    m.set(fn.name, [...(m.get(fn.name) ?? []), ref]);
                }
                else {
                    pkg.funcs.set(fn.name, [...(pkg.funcs.get(fn.name) ?? []), ref]);
                }
            }
            for (const v of f.pkgVars)
                if (!pkg.vars.has(v.name) || v.kind !== 'other')
                    pkg.vars.set(v.name, v);
            for (const t of f.types)
                pkg.types.set(t.name, t);
        }
        this.computeSummaries();
    }
    packageOf(file) {
        return this.fileToPkg.get(file);
    }
    summaryOf(fn) {
        return this.summaries.get(fn);
    }
    /** Packages a file's import of `path` may mean (several when build-tagged duplicates exist). */
    importedPackages(path) {
        return this.byImportPath.get(path) ?? [];
    }
    /** Resolves a recorded call of `file` to what it calls. */
    resolve(file, callee) {
        const pkg = this.fileToPkg.get(file);
        switch (callee.kind) {
            case 'func': {
                const name = callee.pkg ? `${callee.qualifier ?? callee.pkg}.${callee.name}` : callee.name;
                if (callee.pkg) {
                    if (isTableSinkFunc(this.sinks, callee.pkg, callee.name))
                        return { kind: 'sink', name };
                    if (this.configuredWrappers[callee.pkg]?.includes(callee.name))
                        return { kind: 'configured-wrapper', name };
                    const refs = this.importedPackages(callee.pkg).flatMap((p) => p.funcs.get(callee.name) ?? []);
                    if (refs.length)
                        return this.funcTarget(name, refs);
                    // x/sys wrappers known to forward a Go pointer passed as uintptr, when x/sys itself is
                    // not in the scanned tree (in the tree, its summaries say the same).
                    const known = KNOWN_UINTPTR_WRAPPERS[callee.pkg]?.[callee.name];
                    if (known)
                        return { kind: 'configured-wrapper', name, params: known };
                    if (SYSCALL_WRAPPER_PACKAGES.includes(callee.pkg) && /^[A-Z]/.test(callee.name))
                        return { kind: 'syscall-package', name };
                    return { kind: 'other' };
                }
                if (!pkg)
                    return { kind: 'other' };
                if (pkg.importPath && isTableSinkFunc(this.sinks, pkg.importPath, callee.name)) {
                    return { kind: 'sink', name, ...(pkg.funcs.get(callee.name)?.[0] ? { decl: pkg.funcs.get(callee.name)?.[0] } : {}) };
                }
                const refs = pkg.funcs.get(callee.name) ?? [];
                if (refs.length)
                    return this.funcTarget(name, refs);
                for (const imp of file.imports) {
                    if (imp.alias !== '.')
                        continue;
                    if (isTableSinkFunc(this.sinks, imp.path, callee.name))
                        return { kind: 'sink', name };
                    const drefs = this.importedPackages(imp.path).flatMap((p) => p.funcs.get(callee.name) ?? []);
                    if (drefs.length)
                        return this.funcTarget(name, drefs);
                }
                return { kind: 'other' };
            }
            case 'method': {
                const display = `${callee.recvText}.${callee.name}`;
                const recv = callee.recv;
                if (recv.kind === 'proc')
                    return this.procMethod(display, callee.name, recv.api);
                if (recv.kind === 'pkgvar') {
                    const owners = recv.pkg ? this.importedPackages(recv.pkg) : pkg ? [pkg] : [];
                    const v = owners.map((p) => p.vars.get(recv.name)).find((x) => x);
                    if (v?.kind === 'proc')
                        return this.procMethod(display, callee.name, v.api);
                    // A procedure kept in an interface-typed variable (wincred's `var procCredRead proc =`).
                    if (v?.kind === 'iface-proc' && this.isSinkMethodName(callee.name))
                        return { kind: 'indirect', name: display, how: 'interface', sink: null };
                    // A function-typed field of a package-level struct variable.
                    const owner = v?.type ? owners[0]?.types.get(v.type.replace(/^\*/, '')) : undefined;
                    const ft = owner?.fields?.[callee.name];
                    if (ft && this.isUintptrFuncType(ft, owners[0]))
                        return { kind: 'indirect', name: display, how: 'func-field', sink: null };
                    if (v?.type && owners[0]) {
                        const refs = owners[0].methods.get(v.type.replace(/^\*/, ''))?.get(callee.name) ?? [];
                        if (refs.length)
                            return this.funcTarget(display, refs);
                    }
                    return { kind: 'other' };
                }
                if (recv.kind === 'field') {
                    // t.dev.m(): the field's declared type in the owner struct (any file of the package).
                    const ft = pkg?.types.get(recv.owner)?.fields?.[recv.field];
                    if (!ft || !pkg)
                        return { kind: 'other' };
                    if (this.isUintptrFuncType(ft, pkg))
                        return { kind: 'indirect', name: display, how: 'func-field', sink: null };
                    const m = /^\*?([A-Za-z_]\w*)$/.exec(ft);
                    if (!m)
                        return { kind: 'other' };
                    const refs = pkg.methods.get(m[1])?.get(callee.name) ?? [];
                    if (refs.length)
                        return this.funcTarget(display, refs);
                    const t = pkg.types.get(m[1]);
                    if (t?.kind === 'interface' && t.uintptrMethods?.includes(callee.name))
                        return { kind: 'indirect', name: display, how: 'interface', sink: null };
                    return { kind: 'other' };
                }
                if (recv.kind === 'type') {
                    if (recv.pkg) {
                        if (isTableSinkMethod(this.sinks, recv.pkg, recv.name, callee.name))
                            return { kind: 'sink', name: display };
                        const refs = this.importedPackages(recv.pkg).flatMap((p) => p.methods.get(recv.name)?.get(callee.name) ?? []);
                        return refs.length ? this.funcTarget(display, refs) : { kind: 'other' };
                    }
                    if (!pkg)
                        return { kind: 'other' };
                    if (pkg.importPath && isTableSinkMethod(this.sinks, pkg.importPath, recv.name, callee.name))
                        return { kind: 'sink', name: display };
                    const refs = pkg.methods.get(recv.name)?.get(callee.name) ?? [];
                    if (refs.length)
                        return this.funcTarget(display, refs);
                    // A call through an interface whose method takes uintptrs (the wincred `proc` shape):
                    // whatever it holds, the compiler cannot see the callee (golang/go#34684).
                    const t = pkg.types.get(recv.name);
                    if (t?.kind === 'interface' && t.uintptrMethods?.includes(callee.name)) {
                        return { kind: 'indirect', name: display, how: 'interface', sink: null };
                    }
                    return { kind: 'other' };
                }
                return { kind: 'other' };
            }
            case 'indirect': {
                const sink = callee.target ? this.resolve(file, callee.target) : null;
                if (sink?.kind === 'sink')
                    return { kind: 'indirect', name: callee.name, how: callee.how, sink: sink.name };
                // A function-typed parameter or variable whose type takes uintptrs, e.g. the signature
                // of (*LazyProc).Call: it exists to hold a procedure.
                const named = callee.typeName && pkg ? this.isUintptrFuncType(callee.typeName, pkg) : false;
                if ((callee.uintptrSignature || named) && (callee.how === 'func-param' || callee.how === 'func-var' || callee.how === 'func-field')) {
                    return { kind: 'indirect', name: callee.name, how: callee.how, sink: null };
                }
                if (callee.how === 'func-var' && pkg?.vars.get(callee.name)?.kind === 'func') {
                    const v = pkg.vars.get(callee.name);
                    const t = v.target ? this.resolve(file, v.target) : null;
                    if (t?.kind === 'sink')
                        return { kind: 'indirect', name: callee.name, how: 'package-func-var', sink: t.name };
                }
                return { kind: 'other' };
            }
            default:
                return { kind: 'other' };
        }
    }
    /** Reports whether a type (text) is a function type taking uintptrs, written out or named. */
    isUintptrFuncType(t, pkg) {
        if (t.startsWith('func'))
            return /uintptr\b/.test(t);
        return !!pkg?.types.get(t)?.uintptrSignature;
    }
    isSinkMethodName(name) {
        return Object.values(this.sinks.methods).some((types) => Object.values(types).some((ms) => ms.includes(name)));
    }
    procMethod(display, method, api) {
        for (const types of Object.values(this.sinks.methods)) {
            if (types.Proc?.includes(method) || types.LazyProc?.includes(method))
                return { kind: 'sink', name: display, ...(api ? { api } : {}) };
        }
        return { kind: 'other' };
    }
    /**
     * A tree function is a protected sink when declared without a body (assembly, linkname) or
     * marked //go:uintptrescapes or //go:uintptrkeepalive (cmd/compile escape/call.go). Build-tagged
     * variants count as protected when any variant is (linux/ppc64 x/sys is the known exception,
     * go-semantics.md §2.7: informational, not reported).
     */
    funcTarget(name, refs) {
        if (refs.every((r) => PSEUDO_PACKAGES.includes(r.pkg.importPath ?? '')))
            return { kind: 'other' };
        const protectedRef = refs.find((r) => isProtected(r.fn) && takesUintptr(r.fn));
        if (protectedRef)
            return { kind: 'sink', name, decl: protectedRef };
        return { kind: 'func', name, refs };
    }
    /** Maps argument `argIndex` of a call to the callee parameter it binds. */
    paramFor(fn, argIndex) {
        return TreeIndex.paramFor(fn, argIndex);
    }
    static paramFor(fn, argIndex) {
        if (fn.params.length === 0)
            return null;
        const last = fn.params.length - 1;
        if (argIndex >= last && fn.params[last]?.variadic)
            return last;
        return argIndex < fn.params.length ? argIndex : null;
    }
    /** Computes wrapper summaries for every function to a fixed point (recursion terminates because
     * the sets only grow and are bounded by the parameter counts). */
    computeSummaries() {
        const all = [];
        for (const pkg of this.packages.values())
            for (const f of pkg.files)
                for (const fn of f.funcs) {
                    this.summaries.set(fn, { uintptrParams: new Set(), ptrParams: new Set(), via: new Map() });
                    if (fn.calls.length)
                        all.push({ file: f, fn });
                }
        const resolved = new Map();
        const targetOf = (file, c) => {
            let t = resolved.get(c);
            if (!t) {
                t = this.resolve(file, c.callee);
                resolved.set(c, t);
            }
            return t;
        };
        let changed = true;
        let rounds = 0;
        while (changed && rounds++ < 50) {
            changed = false;
            for (const { file, fn } of all) {
                const sum = this.summaries.get(fn);
                for (const c of fn.calls) {
                    const t = targetOf(file, c);
                    c.args.forEach((arg, j) => {
                        for (const src of arg.sources) {
                            let index = null;
                            let pointer = false;
                            if (src.kind === 'param')
                                index = src.flow.index;
                            else if (src.kind === 'uptr' && src.u.obj.kind === 'param' && src.u.obj.paramIndex !== undefined && src.u.via === 'inline') {
                                index = src.u.obj.paramIndex;
                                pointer = true;
                            }
                            if (index === null)
                                continue;
                            const p = fn.params[index];
                            if (!p)
                                continue;
                            const isUintptr = p.type === 'uintptr' || p.type === '[]uintptr';
                            const reaches = this.argReachesSink(t, j, arg.spread, isUintptr && !pointer ? 'uintptr' : 'ptr');
                            if (!reaches)
                                continue;
                            const set = isUintptr && !pointer ? sum.uintptrParams : sum.ptrParams;
                            if (!set.has(index)) {
                                set.add(index);
                                changed = true;
                                if (set === sum.uintptrParams)
                                    sum.via.set(index, { file, fn, call: c, arg: j, target: t });
                            }
                        }
                    });
                }
            }
        }
    }
    /**
     * The forwarding chain from parameter `param` of `fn` to the sink: each hop is a call that
     * passes the value on. Bounded and cycle-safe (recursive wrappers).
     */
    chainFrom(fn, param) {
        const hops = [];
        const seen = new Set();
        let cur = { fn, param };
        while (cur && hops.length < 16) {
            const key = `${cur.fn.span.startLine}:${cur.fn.name}:${cur.param}`;
            if (seen.has(key))
                break;
            seen.add(key);
            const hop = this.summaries.get(cur.fn)?.via.get(cur.param);
            if (!hop)
                break;
            hops.push(hop);
            if (hop.target.kind !== 'func')
                break;
            const next = hop.target.refs.find((r) => {
                const pi = TreeIndex.paramFor(r.fn, hop.arg);
                return pi !== null && this.summaries.get(r.fn)?.uintptrParams.has(pi);
            });
            cur = next ? { fn: next.fn, param: TreeIndex.paramFor(next.fn, hop.arg) } : null;
        }
        return hops;
    }
    /**
     * Reports whether a call returns memory the Go collector does not manage. A method on a
     * receiver of unknown type is judged by every method of that name in the package (there is
     * usually one), which covers `ring.Push()` returning a slot of a VirtualAlloc'd ring.
     */
    returnsForeign(file, callee) {
        const t = this.resolve(file, callee);
        if (t.kind === 'func')
            return t.refs.every((r) => r.fn.returnsForeign);
        if (callee.kind === 'method' && callee.recv.kind === 'unknown') {
            const pkg = this.fileToPkg.get(file);
            const refs = [...(pkg?.methods.values() ?? [])].flatMap((m) => m.get(callee.name) ?? []);
            return refs.length > 0 && refs.every((r) => r.fn.returnsForeign);
        }
        return false;
    }
    /** Reports whether argument `j` of a call to `t` reaches a sink argument. */
    argReachesSink(t, j, spread, kind) {
        if (t.kind === 'sink')
            return true;
        // x/sys and syscall wrappers hand typed pointer arguments to the OS (mksyscall output).
        if (t.kind === 'syscall-package')
            return kind === 'ptr';
        if (t.kind !== 'func')
            return false;
        return t.refs.some((r) => {
            const sum = this.summaries.get(r.fn);
            const pi = TreeIndex.paramFor(r.fn, j);
            if (!sum || pi === null)
                return false;
            void spread;
            return kind === 'uintptr' ? sum.uintptrParams.has(pi) : sum.ptrParams.has(pi);
        });
    }
}
/** Reports whether a declaration makes its callers' inline conversions safe. */
export function isProtected(fn) {
    return !fn.hasBody || fn.directives.includes('uintptrescapes') || fn.directives.includes('uintptrkeepalive');
}
/** Reports whether a function has a uintptr parameter (or ...uintptr): only such a function can
 * receive a pointer as an integer, so only such a bodyless function is worth treating as a sink. */
export function takesUintptr(fn) {
    return fn.params.some((p) => p.type === 'uintptr' || p.type === '[]uintptr');
}
