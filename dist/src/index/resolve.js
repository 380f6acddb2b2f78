import { CGO_HELPERS, CGO_PACKAGE, INTEGER_ONLY_PACKAGES, KNOWN_UINTPTR_WRAPPERS, PSEUDO_PACKAGES, RETAINING_WRAPPER_PACKAGES, SYSCALL_WRAPPER_PACKAGES, isStandardImportPath, isTableSinkFunc, isTableSinkMethod, isUnderPackage, } from '../knowledge/index.js';
import { slotKey } from './packages.js';
export class CalleeResolver {
    pkgs;
    sinks;
    configuredWrappers;
    isMissing;
    /** Slots being resolved (a bound value naming its own slot ends the search). */
    resolving = new Set();
    constructor(pkgs, sinks, 
    /** Functions outside the tree that configuration declares unprotected uintptr wrappers. */
    configuredWrappers, 
    /** Reports whether an imported package was looked for and found nowhere (modules.ts). */
    isMissing = () => false) {
        this.pkgs = pkgs;
        this.sinks = sinks;
        this.configuredWrappers = configuredWrappers;
        this.isMissing = isMissing;
    }
    /** Resolves a recorded call of `file` to what it calls. */
    resolve(file, callee) {
        const pkg = this.pkgs.packageOf(file);
        switch (callee.kind) {
            case 'func':
                return this.resolveFunc(file, pkg, callee);
            case 'method':
                return this.resolveMethod(file, pkg, callee);
            case 'indirect':
                return this.resolveIndirect(file, pkg, callee);
            case 'registered':
                return { kind: 'indirect', name: callee.symbol ?? callee.api, how: 'func-var', sink: null, registered: registeredOf(callee) };
            default:
                return { kind: 'other' };
        }
    }
    resolveFunc(file, pkg, callee) {
        const name = callee.pkg ? `${callee.qualifier ?? callee.pkg}.${callee.name}` : callee.name;
        if (callee.pkg === CGO_PACKAGE)
            return CGO_HELPERS.includes(callee.name) ? { kind: 'other' } : { kind: 'cgo', name };
        if (callee.pkg) {
            if (isTableSinkFunc(this.sinks, callee.pkg, callee.name))
                return { kind: 'sink', name };
            if (this.configuredWrappers[callee.pkg]?.includes(callee.name))
                return { kind: 'configured-wrapper', name };
            const refs = this.pkgs.funcs(this.pkgs.importedPackages(callee.pkg), callee.name, file);
            if (refs.length)
                return this.funcTarget(name, refs);
            // x/sys wrappers known to forward a Go pointer passed as uintptr, when x/sys itself is
            // not in the scanned tree (in the tree, its summaries say the same).
            const known = KNOWN_UINTPTR_WRAPPERS[callee.pkg]?.[callee.name];
            if (known)
                return { kind: 'configured-wrapper', name, params: known };
            if (SYSCALL_WRAPPER_PACKAGES.includes(callee.pkg) && /^[A-Z]/.test(callee.name))
                return { kind: 'syscall-package', name };
            return this.isUnseen(callee.pkg) ? { kind: 'unseen', name, pkg: callee.pkg } : { kind: 'other' };
        }
        if (!pkg)
            return { kind: 'other' };
        const refs = this.pkgs.funcs([pkg], callee.name, file);
        if (pkg.importPath && isTableSinkFunc(this.sinks, pkg.importPath, callee.name)) {
            return { kind: 'sink', name, ...(refs[0] ? { decl: refs[0] } : {}) };
        }
        if (refs.length)
            return this.funcTarget(name, refs);
        // A package-level function variable declared in another file of the package.
        const bound = this.boundTarget(file, pkg, [slotKey({ kind: 'pkgvar', name: callee.name })], name, 'package-func-var');
        if (bound)
            return bound;
        for (const imp of file.imports) {
            if (imp.alias !== '.')
                continue;
            if (isTableSinkFunc(this.sinks, imp.path, callee.name))
                return { kind: 'sink', name };
            const drefs = this.pkgs.funcs(this.pkgs.importedPackages(imp.path), callee.name, file);
            if (drefs.length)
                return this.funcTarget(name, drefs);
        }
        return { kind: 'other' };
    }
    resolveMethod(file, pkg, callee) {
        const display = `${callee.recvText}.${callee.name}`;
        const recv = callee.recv;
        if (recv.kind === 'proc')
            return this.procMethod(display, callee.name, recv.api);
        if (recv.kind === 'pkgvar')
            return this.methodOfPkgVar(file, pkg, callee, recv, display);
        if (recv.kind === 'field')
            return this.methodOfField(file, pkg, callee, recv, display);
        if (recv.kind === 'type')
            return this.methodOfType(file, pkg, callee, recv, display);
        return { kind: 'other' };
    }
    methodOfPkgVar(file, pkg, callee, recv, display) {
        const owners = recv.pkg ? this.pkgs.importedPackages(recv.pkg) : pkg ? [pkg] : [];
        const v = owners.map((p) => this.pkgs.variable(p, recv.name, file)).find((x) => x);
        // A function-typed field of the variable given a function value somewhere in its package.
        const typeName = v?.type?.replace(/^\*/, '');
        const slots = [slotKey({ kind: 'pkgvar-field', name: recv.name, field: callee.name }), ...(typeName ? [slotKey({ kind: 'field', type: typeName, field: callee.name })] : [])];
        for (const owner of owners) {
            const bound = this.boundTarget(file, owner, slots, display, 'func-field');
            if (bound)
                return bound;
        }
        if (v?.kind === 'proc')
            return this.procMethod(display, callee.name, v.api);
        // A procedure kept in an interface-typed variable (wincred's `var procCredRead proc =`).
        if (v?.kind === 'iface-proc' && this.isSinkMethodName(callee.name))
            return { kind: 'indirect', name: display, how: 'interface', sink: null };
        // A function-typed field of a package-level struct variable.
        const owner = v?.type ? this.pkgs.type(owners[0], v.type.replace(/^\*/, ''), file) : undefined;
        const ft = owner?.fields?.[callee.name];
        if (ft && this.isUintptrFuncType(ft, owners[0], file))
            return { kind: 'indirect', name: display, how: 'func-field', sink: null };
        if (v?.type && owners[0]) {
            const refs = this.pkgs.methods([owners[0]], v.type.replace(/^\*/, ''), callee.name, file);
            if (refs.length)
                return this.funcTarget(display, refs);
        }
        // A method of a package-level variable of a package found nowhere (`dev.Default.Ioctl(u)`).
        if (recv.pkg && owners.length === 0 && this.isUnseen(recv.pkg))
            return { kind: 'unseen', name: display, pkg: recv.pkg };
        return { kind: 'other' };
    }
    methodOfField(file, pkg, callee, recv, display) {
        // t.dev.m(): the field's declared type in the owner struct (any file of the package).
        const ft = this.pkgs.type(pkg, recv.owner, file)?.fields?.[recv.field];
        if (!ft || !pkg)
            return { kind: 'other' };
        if (this.isUintptrFuncType(ft, pkg, file))
            return { kind: 'indirect', name: display, how: 'func-field', sink: null };
        const m = /^\*?([A-Za-z_]\w*)$/.exec(ft);
        if (!m)
            return { kind: 'other' };
        const refs = this.pkgs.methods([pkg], m[1], callee.name, file);
        if (refs.length)
            return this.funcTarget(display, refs);
        const bound = this.boundTarget(file, pkg, [slotKey({ kind: 'field', type: m[1], field: callee.name })], display, 'func-field');
        if (bound)
            return bound;
        const t = this.pkgs.type(pkg, m[1], file);
        if (t?.kind === 'interface' && t.uintptrMethods?.includes(callee.name))
            return { kind: 'indirect', name: display, how: 'interface', sink: null };
        return { kind: 'other' };
    }
    methodOfType(file, pkg, callee, recv, display) {
        if (recv.pkg) {
            if (isTableSinkMethod(this.sinks, recv.pkg, recv.name, callee.name))
                return { kind: 'sink', name: display };
            const owners = this.pkgs.importedPackages(recv.pkg);
            const refs = this.pkgs.methods(owners, recv.name, callee.name, file);
            if (refs.length)
                return this.funcTarget(display, refs);
            const field = owners.map((p) => this.fieldOfType(file, p, recv.name, callee.name, display)).find((t) => t);
            if (field)
                return field;
            return this.isUnseen(recv.pkg) ? { kind: 'unseen', name: display, pkg: recv.pkg } : { kind: 'other' };
        }
        if (!pkg)
            return { kind: 'other' };
        if (pkg.importPath && isTableSinkMethod(this.sinks, pkg.importPath, recv.name, callee.name))
            return { kind: 'sink', name: display };
        const refs = this.promotedMethod(pkg, recv.name, callee.name, file);
        if (refs.length)
            return this.funcTarget(display, refs);
        const field = this.fieldOfType(file, pkg, recv.name, callee.name, display);
        if (field)
            return field;
        // A call through an interface whose method takes uintptrs (the wincred `proc` shape):
        // whatever it holds, the compiler cannot see the callee (golang/go#34684).
        const t = this.pkgs.type(pkg, recv.name, file);
        if (t?.kind === 'interface' && t.uintptrMethods?.includes(callee.name)) {
            return { kind: 'indirect', name: display, how: 'interface', sink: null };
        }
        return { kind: 'other' };
    }
    /** A method of a named type of `pkg`, or promoted from a type embedded in it
     * (go.dev/ref/spec#Struct_types: the shallowest depth wins). Embedded types of this package
     * only: an embedded type of another package is written `q.T`, whose qualifier needs the
     * declaring file (the type layer's view answers for those). Breadth-first, each type looked at
     * once: depth first without that visited each path, fields^4 of them for a tree's types that
     * embed many types each. */
    promotedMethod(pkg, typeName, method, file) {
        const seen = new Set();
        let level = [typeName];
        for (let depth = 0; depth <= 4 && level.length > 0; depth++) {
            const next = [];
            for (const name of level) {
                if (seen.has(name))
                    continue;
                seen.add(name);
                const direct = this.pkgs.methods([pkg], name, method, file);
                if (direct.length)
                    return direct;
                for (const [field, type] of Object.entries(this.pkgs.type(pkg, name, file)?.fields ?? {})) {
                    const bare = type.replace(/^\*/, '');
                    if (bare === field && !seen.has(bare))
                        next.push(bare);
                }
            }
            level = next;
        }
        return [];
    }
    resolveIndirect(file, pkg, callee) {
        const held = callee.target ? this.resolve(file, callee.target) : null;
        if (held?.kind === 'sink')
            return { kind: 'indirect', name: callee.name, how: callee.how, sink: held.name };
        if (held?.kind === 'indirect' && held.registered)
            return { ...held, name: callee.name, how: callee.how };
        // A package-level function variable: what it is given anywhere in the package (its
        // initializer, an assignment in init or any function, an FFI registration).
        if (callee.pkgVar && pkg) {
            const bound = this.boundTarget(file, pkg, [slotKey({ kind: 'pkgvar', name: callee.name })], callee.name, 'package-func-var');
            if (bound)
                return bound;
        }
        // A function-typed parameter or variable whose type takes uintptrs, e.g. the signature
        // of (*LazyProc).Call: it exists to hold a procedure.
        const named = callee.typeName && pkg ? this.isUintptrFuncType(callee.typeName, pkg, file) : false;
        if ((callee.uintptrSignature || named) && (callee.how === 'func-param' || callee.how === 'func-var' || callee.how === 'func-field')) {
            return { kind: 'indirect', name: callee.name, how: callee.how, sink: null };
        }
        // A local holding a function of the tree (reassigned, so no longer a static callee): the
        // call reaches that function, and its wrapper summary applies.
        if (held?.kind === 'func')
            return held;
        return { kind: 'other' };
    }
    /**
     * What a slot (a package-level variable, a struct field) may hold, from the function values
     * given to it in any file of the package: a registered C function first, then a sink (both
     * calls through the slot are unprotected), then functions of the tree (a wrapper summary
     * applies to the call). Null when nothing known is bound. Only what can be built together with
     * the calling file `from` counts, the bindings and the functions they name: x/sys binds
     * `mapper.mmap` to `mmap` in a file built on seven platforms, and a call in a z/OS file reaches
     * z/OS's `mmap`, never AIX's.
     */
    boundTarget(from, pkg, keys, display, how) {
        const values = this.pkgs.builds.select(from, keys.flatMap((k) => pkg.funcValues.get(k) ?? []), (b) => b.file);
        const guard = `${pkg.dir}\u0000${pkg.name}\u0000${keys.join(',')}`;
        if (values.length === 0 || this.resolving.has(guard))
            return null;
        this.resolving.add(guard);
        try {
            const targets = values.map((b) => this.resolve(b.file, b.value));
            const registered = targets.find((t) => t.kind === 'indirect' && t.registered);
            if (registered?.kind === 'indirect' && registered.registered)
                return { kind: 'indirect', name: display, how, sink: null, registered: registered.registered };
            const sink = targets.find((t) => t.kind === 'sink');
            if (sink?.kind === 'sink')
                return { kind: 'indirect', name: display, how, sink: sink.name };
            // The binding's value was resolved from the binding's file (`mmap: mmap` in a file built on
            // seven platforms); of the functions it may name, those the caller is built with.
            const refs = this.pkgs.builds.select(from, targets.flatMap((t) => (t.kind === 'func' ? t.refs : [])), (r) => r.file);
            return refs.length ? { kind: 'func', name: display, refs: [...new Set(refs)] } : null;
        }
        finally {
            this.resolving.delete(guard);
        }
    }
    /** `x.f(...)` on a value of struct type `typeName` (of `pkg`) whose field `f` is given a
     * function value somewhere in the package: in a value of that type, or in a package-level
     * variable of that type (x may point to it). */
    fieldOfType(from, pkg, typeName, field, display) {
        const keys = [slotKey({ kind: 'field', type: typeName, field })];
        // Bindings are few, variables many (x/sys/windows has thousands): scan the bindings.
        for (const key of pkg.funcValues.keys()) {
            const m = /^varfield:(\w+)\.(\w+)$/.exec(key);
            if (m && m[2] === field && pkg.vars.get(m[1])?.type?.replace(/^\*/, '') === typeName)
                keys.push(key);
        }
        return this.boundTarget(from, pkg, keys, display, 'func-field');
    }
    /**
     * Reports whether calls into `pkg` cannot be judged: nothing of it was found anywhere and no
     * table speaks for it. The standard library is known by its tables (knowledge/std.ts), and so
     * are the packages of the sink, wrapper and retaining tables and of the configuration.
     */
    isUnseen(pkg) {
        if (isStandardImportPath(pkg) || isUnderPackage(pkg, Object.keys(INTEGER_ONLY_PACKAGES)))
            return false;
        if (this.pkgs.importedPackages(pkg).length > 0 || !this.isMissing(pkg))
            return false;
        const known = [
            ...Object.keys(this.sinks.funcs), ...Object.keys(this.sinks.methods), ...Object.keys(this.configuredWrappers),
            ...Object.keys(KNOWN_UINTPTR_WRAPPERS), ...SYSCALL_WRAPPER_PACKAGES, ...RETAINING_WRAPPER_PACKAGES,
        ];
        return !known.includes(pkg);
    }
    /** Reports whether a type (text) is a function type taking uintptrs, written out or named. */
    isUintptrFuncType(t, pkg, file) {
        if (t.startsWith('func'))
            return /uintptr\b/.test(t);
        return !!this.pkgs.type(pkg, t, file)?.uintptrSignature;
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
    /**
     * Reports whether a call returns memory the Go collector does not manage. A method on a
     * receiver of unknown type is judged by every method of that name in the package (there is
     * usually one), which covers `ring.Push()` returning a slot of a VirtualAlloc'd ring.
     */
    returnsForeign(file, callee) {
        const t = this.resolve(file, callee);
        if (t.kind === 'func')
            return t.refs.every((r) => r.fn.returnsForeign);
        // What a system call or a C function returns is an integer or memory the Go collector does
        // not manage, as for a direct sink call (flow/callee.ts callResult).
        if (t.kind === 'indirect' && (t.sink !== null || t.registered))
            return true;
        if (callee.kind === 'method' && callee.recv.kind === 'unknown') {
            const pkg = this.pkgs.packageOf(file);
            const all = [...(pkg?.methods.values() ?? [])].flatMap((m) => m.get(callee.name) ?? []);
            const refs = this.pkgs.builds.select(file, all, (r) => r.file);
            return refs.length > 0 && refs.every((r) => r.fn.returnsForeign);
        }
        return false;
    }
}
/** Reports whether a declaration makes its callers' inline conversions safe. */
export function isProtected(fn) {
    return !fn.hasBody || fn.directives.includes('uintptrescapes') || fn.directives.includes('uintptrkeepalive');
}
/** Reports whether a function has a uintptr parameter (or ...uintptr): only such a function can
 * receive a pointer as an integer, so only such a bodyless function is worth treating as a sink. */
export function takesUintptr(fn) {
    return fn.params.some(carriesUintptr);
}
/** Reports whether a parameter carries uintptrs: a uintptr-based type (`uintptr`, `LPARAM`,
 * as the flow floor resolved it through the type layer), a slice or a variadic list of one. */
export function carriesUintptr(p) {
    return p.uintptr === true || p.type === 'uintptr' || p.type === '[]uintptr';
}
function registeredOf(callee) {
    return { api: callee.api, ...(callee.symbol !== undefined ? { symbol: callee.symbol } : {}) };
}
