import { PREDECLARED_TYPES } from '../model/view.js';
import { BuildCompat } from './platforms.js';
import { DLL_PACKAGES, DLL_TYPES, NAMED_UINTPTR_TYPES, PINNER, PROC_TYPES, SINKS, isTableSinkFunc, sinkMethodNames } from '../knowledge/index.js';
/** Types are followed through at most this many definitions (a defined-type chain or alias
 * chain longer than this is not written by people; a cycle is a compile error). */
const MAX_CHAIN = 16;
export class TypeTable {
    /** Which declarations a file can be built with (build constraints, as in resolve.ts). */
    builds = new BuildCompat();
    /** The file whose questions are being answered: of several build variants of a declaration,
     * only those that can be built with it count. */
    from;
    byDirPkg = new Map();
    byPath = new Map();
    pkgOfFile = new Map();
    /** handedToOS, per function. */
    handed = new Map();
    constructor(files, importPathOf) {
        for (const f of files) {
            if (!f.pkgName)
                continue;
            const pkg = this.packageFor(f, importPathOf);
            this.pkgOfFile.set(f, pkg);
            for (const t of f.types)
                pkg.types.set(t.name, [...(pkg.types.get(t.name) ?? []), { file: f, decl: t }]);
            for (const fn of f.funcs) {
                const key = fn.recv ? `${fn.recv}.${fn.name}` : fn.name;
                const m = fn.recv ? pkg.methods : pkg.funcs;
                m.set(key, [...(m.get(key) ?? []), { file: f, decl: fn }]);
            }
            for (const v of f.pkgVars)
                pkg.vars.set(v.name, [...(pkg.vars.get(v.name) ?? []), { file: f, decl: v }]);
        }
    }
    packageFor(f, importPathOf) {
        const key = `${f.dir}\u0000${f.pkgName}`;
        let pkg = this.byDirPkg.get(key);
        if (!pkg) {
            const base = importPathOf(f.dir);
            // A package with no import path (no go.mod, no GOPATH) still needs a name of its own for
            // the references between its types; it cannot be imported, so no view shows it.
            const importPath = base && f.pkgName?.endsWith('_test') ? `${base}_test` : base ?? `\u0000${key}`;
            pkg = { importPath, types: new Map(), funcs: new Map(), methods: new Map(), vars: new Map() };
            this.byDirPkg.set(key, pkg);
            this.byPath.set(importPath, [...(this.byPath.get(importPath) ?? []), pkg]);
        }
        return pkg;
    }
    /** The answers to the questions `file` asked, keyed as asked; unanswerable ones are left out. */
    viewFor(file) {
        this.from = file;
        const view = {};
        const own = this.pkgOfFile.get(file);
        for (const key of file.lookups ?? []) {
            const hash = key.indexOf('#');
            const path = key.slice(0, hash);
            const bang = key.indexOf('!', hash);
            const name = key.slice(hash + 1, bang < 0 ? undefined : bang);
            const question = bang < 0 ? '' : key.slice(bang + 1);
            const pkgs = path === '' ? (own ? [own] : []) : this.byPath.get(path) ?? [];
            const entry = question === 'out' ? this.outParams(pkgs, name)
                : question === 'fn' ? (pkgs.some((p) => p.funcs.has(name)) ? { kind: 'func-decl' } : undefined)
                    : question === 'fields' ? this.fieldOrder(pkgs, name)
                        : this.entryFor(pkgs, name, own, question === 'args' ? 'args' : 'plain');
            if (entry)
                view[key] = entry;
        }
        return view;
    }
    entryFor(pkgs, name, own, part) {
        for (const pkg of pkgs) {
            const dot = name.indexOf('.');
            if (dot < 0) {
                const fns = this.built(pkg.funcs.get(name));
                if (fns)
                    return this.funcEntry(fns, own, part);
                if (part === 'args')
                    continue;
                const t = this.typeOf(pkg, name);
                if (t)
                    return this.isUintptrBased(pkg, name, 0) ? { kind: 'uintptr-type' } : undefined;
                const v = this.built(pkg.vars.get(name))?.[0];
                if (v?.decl.type)
                    return this.varEntry(v.file, pkg, v.decl.type, own);
                continue;
            }
            const typeName = name.slice(0, dot);
            const member = name.slice(dot + 1);
            const m = this.select(pkg, typeName, member);
            if (m?.kind === 'method')
                return this.funcEntry(m.decls, own, part);
            if (m?.kind === 'field' && part === 'plain')
                return this.varEntry(m.file, m.pkg, m.type, own);
        }
        return undefined;
    }
    /** The declarations that can be built with the asking file (all of them when none can). */
    built(decls) {
        return decls ? this.builds.select(this.from, decls, (d) => d.file) : undefined;
    }
    typeOf(pkg, name) {
        return this.built(pkg.types.get(name))?.[0];
    }
    /** A struct type's fields in order (`…#T!fields`), for positional literals. */
    fieldOrder(pkgs, name) {
        for (const pkg of pkgs) {
            const order = this.typeOf(pkg, name)?.decl.order;
            if (order)
                return { kind: 'fields', order };
        }
        return undefined;
    }
    outParams(pkgs, name) {
        for (const pkg of pkgs) {
            const dot = name.indexOf('.');
            const decls = dot < 0 ? this.built(pkg.funcs.get(name)) : this.methodOf(pkg, name.slice(0, dot), name.slice(dot + 1));
            if (!decls)
                continue;
            const params = new Set(decls.flatMap(({ file, decl }) => this.handedToOS(decl, this.pkgOfFile.get(file))));
            return params.size ? { kind: 'out-params', params: [...params].sort((a, b) => a - b) } : undefined;
        }
        return undefined;
    }
    /**
     * The pointer parameters of `fn` whose pointee reaches the OS: converted inline in a sink
     * call, or handed on as they are to a parameter of a function of the tree that does so (the
     * mkwinsyscall string shape: the outer function builds `_p0` and passes its other parameters
     * to the inner one, which converts them). Memoized per function whoever asks, so a forwarded
     * callee counts in every build variant; a function met again while its own answer is being
     * computed (recursion) counts as handing nothing on.
     */
    handedToOS(fn, pkg) {
        const known = this.handed.get(fn);
        if (known)
            return known;
        const out = [];
        this.handed.set(fn, out);
        for (const c of fn.calls) {
            const callee = c.callee;
            const toOS = (callee.kind === 'func' && isTableSinkFunc(SINKS, callee.pkg ?? pkg.importPath, callee.name)) ||
                (callee.kind === 'method' && callee.recv.kind === 'proc' && SINK_METHODS.has(callee.name));
            if (toOS) {
                for (const a of c.args) {
                    for (const s of a.sources) {
                        if (s.kind === 'uptr' && s.u.via === 'inline' && s.u.obj.kind === 'param' && s.u.obj.paramIndex !== undefined && s.u.obj.paramIndex >= 0)
                            out.push(s.u.obj.paramIndex);
                    }
                }
                continue;
            }
            if (callee.kind !== 'func')
                continue;
            const decls = this.pkgAt(callee.pkg, pkg)?.funcs.get(callee.name) ?? [];
            c.args.forEach((a, j) => {
                for (const s of a.sources) {
                    if (s.kind !== 'param' || s.flow.mode !== 'value' || !isPointerParam(fn.params[s.flow.index]))
                        continue;
                    const forwarded = decls.some(({ file, decl }) => {
                        const pi = paramAt(decl, j);
                        return pi !== null && this.handedToOS(decl, this.pkgOfFile.get(file)).includes(pi);
                    });
                    if (forwarded)
                        out.push(s.flow.index);
                }
            });
        }
        return out;
    }
    /**
     * The method or field `member` selects on a named type, own or promoted from embedded types
     * (go.dev/ref/spec#Selectors): the shallowest depth wins, two at that depth are ambiguous
     * (no answer), and each type is visited once, so mutually embedding types end.
     */
    select(pkg, typeName, member) {
        const seen = new Set();
        let level = [{ pkg, name: typeName }];
        for (let depth = 0; level.length > 0 && depth <= MAX_CHAIN; depth++) {
            const found = [];
            const next = [];
            for (const t of level) {
                const key = `${t.pkg.importPath}\u0000${t.name}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                const methods = this.built(t.pkg.methods.get(`${t.name}.${member}`));
                if (methods)
                    found.push({ kind: 'method', decls: methods });
                const decl = this.typeOf(t.pkg, t.name);
                const ft = decl?.decl.fields?.[member];
                if (decl && ft !== undefined)
                    found.push({ kind: 'field', file: decl.file, pkg: t.pkg, type: ft });
                next.push(...this.embedded(t.pkg, t.name));
            }
            if (found.length === 1)
                return found[0];
            if (found.length > 1)
                return undefined;
            level = next;
        }
        return undefined;
    }
    methodOf(pkg, typeName, method) {
        const m = this.select(pkg, typeName, method);
        return m?.kind === 'method' ? m.decls : undefined;
    }
    /** The named types embedded in a struct type, resolved to their packages. */
    embedded(pkg, typeName) {
        const t = this.typeOf(pkg, typeName);
        const out = [];
        for (const [fname, ftype] of Object.entries(t?.decl.fields ?? {})) {
            const bare = ftype.replace(/^\*/, '');
            // An embedded field is named after its type (`sys.Conn` → `Conn`).
            if (bare.split('.').pop() !== fname)
                continue;
            const ref = this.place(t?.file, pkg, ftype);
            const target = ref ? this.pkgAt(ref.pkg, pkg) : undefined;
            if (ref && target)
                out.push({ pkg: target, name: ref.name });
        }
        return out;
    }
    pkgAt(path, from) {
        if (path === null || path === from.importPath)
            return from;
        return this.byPath.get(path)?.[0];
    }
    /** A type written in `file` as `T`, `*T`, `q.T`: its package's import path and name. */
    place(file, pkg, text) {
        const m = /^(\*?)(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(text.replace(/\s+/g, ''));
        if (!m)
            return null;
        const pointer = m[1] === '*';
        const name = m[3];
        if (!m[2])
            return { pkg: PREDECLARED_TYPES.has(name) ? null : pkg.importPath, name, pointer };
        const imp = file.imports.find((i) => i.name === m[2] && i.alias !== '_' && i.alias !== '.');
        return imp ? { pkg: imp.path, name, pointer } : null;
    }
    /** Reports whether a named type of `pkg` is an integer type built on uintptr. */
    isUintptrBased(pkg, name, depth) {
        const t = this.typeOf(pkg, name);
        if (!t || depth > MAX_CHAIN)
            return false;
        if (t.decl.kind === 'uintptr')
            return true;
        if (!t.decl.underlying)
            return false;
        const ref = this.place(t.file, pkg, t.decl.underlying);
        return !!ref && !ref.pointer && this.refIsUintptr(ref, pkg, depth + 1);
    }
    refIsUintptr(ref, from, depth) {
        if (ref.pkg === null)
            return ref.name === 'uintptr';
        if (NAMED_UINTPTR_TYPES[ref.pkg]?.includes(ref.name))
            return true;
        const target = this.pkgAt(ref.pkg, from);
        return !!target && this.isUintptrBased(target, ref.name, depth);
    }
    varEntry(file, pkg, typeText, own) {
        const ref = this.place(file, pkg, typeText);
        if (!ref || ref.pkg === null)
            return undefined;
        if (isProcRef(ref))
            return { kind: 'var', type: this.relative(ref, own), procType: true };
        return this.hasFollowedMethods(ref, pkg) ? { kind: 'var', type: this.relative(ref, own) } : undefined;
    }
    /** A reference as the asking file writes it: its own package is null. */
    relative(ref, own) {
        return own && ref.pkg !== null && ref.pkg === own.importPath ? { ...ref, pkg: null } : ref;
    }
    /**
     * What calling a function gives, over every declaration of it (build-tagged variants): a
     * flag that makes a result safer (OS memory, a procedure) only when all agree, what makes it
     * need protection when any has it.
     */
    funcEntry(decls, own, part) {
        const results = [];
        decls.forEach(({ file, decl }, n) => {
            const pkg = this.pkgOfFile.get(file);
            (decl.results ?? []).forEach((r, i) => {
                const view = onlyPart(this.resultView(file, pkg, r, decl.returns?.[i], own), part);
                results[i] = n === 0 ? view : mergeResults(results[i] ?? {}, view);
            });
        });
        const stores = part === 'args' ? decls.flatMap(({ decl }) => decl.stores ?? []) : [];
        if (stores.length === 0 && !results.some((r) => r && Object.keys(r).length > 0))
            return undefined;
        return { kind: 'func', results: results.map((r) => r ?? {}), ...(stores.length ? { stores } : {}) };
    }
    resultView(file, pkg, r, ret, own) {
        const view = { ...(ret ?? {}) };
        const ref = this.place(file, pkg, r.type);
        // "OS memory" matters for what can point: an integer result is a number either way.
        const pointerLike = r.type.startsWith('*') || r.type.startsWith('[]') || (ref?.pkg === 'unsafe' && ref.name === 'Pointer') || (!!ref && !ref.pointer && this.refIsUintptr(ref, pkg, 0));
        if (!pointerLike)
            delete view.os;
        // Where a result points matters once it is converted to an integer: for an unsafe.Pointer
        // or an integer result (a typed pointer reaches a sink through its own conversion).
        const convertible = (ref?.pkg === 'unsafe' && ref.name === 'Pointer') || (!!ref && !ref.pointer && this.refIsUintptr(ref, pkg, 0));
        if (!convertible)
            delete view.ptrParams;
        if (!ref)
            return view;
        if (ref.pkg === 'unsafe' && ref.name === 'Pointer' && !ref.pointer)
            view.unsafePtr = true;
        else if (isProcRef(ref))
            view.procType = true;
        else if (ref.pkg === PINNER.pkg && ref.name === PINNER.type)
            view.pinner = true;
        // A named type of the tree whose methods do something pinlint follows: methods called on
        // the result resolve through it.
        else if (ref.pkg !== null && ((DLL_PACKAGES.includes(ref.pkg) && DLL_TYPES.includes(ref.name)) || this.hasFollowedMethods(ref, pkg)))
            view.type = this.relative(ref, own);
        return view;
    }
    /** Reports whether a named type has a method (its own or promoted) with a call pinlint
     * recorded or a uintptr parameter: only then does knowing a value's type change a call on it. */
    hasFollowedMethods(ref, from) {
        const target = this.pkgAt(ref.pkg, from);
        if (!target)
            return false;
        const names = [ref.name, ...this.embedded(target, ref.name).map((e) => e.name)];
        for (const [key, decls] of target.methods) {
            if (!names.includes(key.slice(0, key.indexOf('.'))))
                continue;
            if (decls.some(({ decl }) => methodMatters(decl)))
                return true;
        }
        return false;
    }
}
/** A parameter declared as a pointer (`*T`, `**T`, `unsafe.Pointer`): only its pointee can be
 * memory the OS fills. */
function isPointerParam(p) {
    return !!p && !p.variadic && (p.type.startsWith('*') || /^(\w+\.)?Pointer$/.test(p.type));
}
/** The parameter of `fn` that argument `j` binds (the last one for a variadic tail). */
function paramAt(fn, j) {
    const last = fn.params.length - 1;
    if (last < 0)
        return null;
    if (j >= last && fn.params[last]?.variadic)
        return last;
    return j <= last ? j : null;
}
const SINK_METHODS = sinkMethodNames(SINKS);
const ARG_KEYS = ['uptrParams', 'hidden', 'elemParams', 'valueParams', 'ptrParams'];
function onlyPart(r, part) {
    const out = { ...r };
    for (const k of Object.keys(out)) {
        const argKey = ARG_KEYS.includes(k);
        if (argKey !== (part === 'args'))
            delete out[k];
    }
    return out;
}
/** Reports whether a method does something pinlint follows: takes a uintptr, returns a
 * pointer-derived integer, or passes one on. */
function methodMatters(fn) {
    if (fn.params.some((p) => p.uintptr))
        return true;
    if (Object.values(fn.returns ?? {}).some((r) => r.uptrParams || r.hidden || r.uptrFresh || r.elemParams || r.valueParams || r.proc))
        return true;
    return fn.calls.some((c) => c.args.some((a) => a.sources.some((s) => s.kind === 'uptr' || s.kind === 'hidden')));
}
function isProcRef(ref) {
    return ref.pkg !== null && DLL_PACKAGES.includes(ref.pkg) && PROC_TYPES.includes(ref.name);
}
function mergeResults(a, b) {
    const out = { ...a, ...b };
    for (const k of ['os', 'proc', 'procType', 'unsafePtr', 'pinner']) {
        if (!(a[k] && b[k]))
            delete out[k];
    }
    if (a.hidden || b.hidden)
        out.hidden = [...(a.hidden ?? []), ...(b.hidden ?? [])];
    for (const k of ['uptrParams', 'elemParams', 'valueParams', 'ptrParams']) {
        const u = [...new Set([...(a[k] ?? []), ...(b[k] ?? [])])].sort((x, y) => x - y);
        if (u.length)
            out[k] = u;
    }
    if (a.uptrFresh || b.uptrFresh)
        out.uptrFresh = true;
    return out;
}
