import { carriesUintptr } from './resolve.js';
/** Maps argument `argIndex` of a call to the callee parameter it binds. */
export function paramFor(fn, argIndex) {
    if (fn.params.length === 0)
        return null;
    const last = fn.params.length - 1;
    if (argIndex >= last && fn.params[last]?.variadic)
        return last;
    return argIndex < fn.params.length ? argIndex : null;
}
export class Summaries {
    pkgs;
    calls;
    summaries = new Map();
    constructor(pkgs, calls) {
        this.pkgs = pkgs;
        this.calls = calls;
        this.compute();
    }
    summaryOf(fn) {
        return this.summaries.get(fn);
    }
    /**
     * Computes wrapper summaries for every function to a fixed point with a worklist: a function is
     * examined again only when the summary of a function it calls grew. The sets only grow and are
     * bounded by the parameter counts, so this ends without a round limit (a bound on rounds once
     * cut a long forwarding chain declared caller-first). Dirty functions are examined in a fixed
     * order, pass after pass, so each summary and its first hop come out the same on every run.
     */
    compute() {
        const all = [];
        for (const pkg of this.pkgs.packages.values())
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
                t = this.calls.resolve(file, c.callee);
                resolved.set(c, t);
            }
            return t;
        };
        // callers.get(g): positions in `all` of the functions with a call that may reach g.
        const callers = new Map();
        all.forEach(({ file, fn }, i) => {
            for (const c of fn.calls) {
                const t = targetOf(file, c);
                if (t.kind !== 'func')
                    continue;
                for (const r of t.refs) {
                    let set = callers.get(r.fn);
                    if (!set)
                        callers.set(r.fn, (set = new Set()));
                    set.add(i);
                }
            }
        });
        const dirty = all.map(() => true);
        for (let pending = all.length; pending > 0;) {
            for (let i = 0; i < all.length; i++) {
                if (!dirty[i])
                    continue;
                dirty[i] = false;
                pending--;
                const { file, fn } = all[i];
                if (!this.examine(file, fn, targetOf))
                    continue;
                for (const k of callers.get(fn) ?? []) {
                    if (!dirty[k]) {
                        dirty[k] = true;
                        pending++;
                    }
                }
            }
        }
    }
    /** Adds to `fn`'s summary the parameters its calls hand to sinks or to wrappers as summarized
     * so far; reports whether the summary grew. */
    examine(file, fn, targetOf) {
        let changed = false;
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
                    const isUintptr = carriesUintptr(p);
                    // A pointer parameter converted inline reaches the OS whether the callee takes it as a
                    // typed pointer or as the uintptr it forwards (`ioctl(fd, req, uintptr(unsafe.Pointer(arg)))`):
                    // either way what the pointer points to goes to the OS, so this is a pointer parameter.
                    const reaches = pointer
                        ? this.argReachesSink(t, j, arg.spread, 'ptr') || this.argReachesSink(t, j, arg.spread, 'uintptr')
                        : this.argReachesSink(t, j, arg.spread, isUintptr ? 'uintptr' : 'ptr');
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
        return changed;
    }
    /**
     * The forwarding chain from parameter `param` of `fn` to the sink: each hop is a call that
     * passes the value on. Bounded and cycle-safe (recursive wrappers). Where a hop may reach
     * several build variants, the chain follows one that can be built with `from` (the file the
     * finding is in), so the locations shown stay on the caller's platform.
     */
    chainFrom(fn, param, from) {
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
            const forwarding = hop.target.refs.filter((r) => {
                const pi = paramFor(r.fn, hop.arg);
                return pi !== null && this.summaries.get(r.fn)?.uintptrParams.has(pi);
            });
            const next = this.pkgs.builds.select(from, forwarding, (r) => r.file)[0];
            cur = next ? { fn: next.fn, param: paramFor(next.fn, hop.arg) } : null;
        }
        return hops;
    }
    /** Reports whether argument `j` of a call to `t` reaches a sink argument. */
    argReachesSink(t, j, spread, kind) {
        // A call into C hands the OS (C) every argument, pointer or integer, unprotected (resolve.ts).
        if (t.kind === 'sink' || t.kind === 'cgo')
            return true;
        // A function value known to hold a sink or a registered C function (resolve.ts boundTarget):
        // a uintptr parameter forwarded to it reaches the OS with nothing protecting it, and a
        // typed pointer handed to it is read there.
        if (t.kind === 'indirect')
            return t.sink !== null || !!t.registered;
        // x/sys and syscall wrappers hand typed pointer arguments to the OS (mksyscall output).
        if (t.kind === 'syscall-package')
            return kind === 'ptr';
        if (t.kind !== 'func')
            return false;
        return t.refs.some((r) => {
            const sum = this.summaries.get(r.fn);
            const pi = paramFor(r.fn, j);
            if (!sum || pi === null)
                return false;
            void spread;
            return kind === 'uintptr' ? sum.uintptrParams.has(pi) : sum.ptrParams.has(pi);
        });
    }
}
