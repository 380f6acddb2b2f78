/** At most this many calls are kept per parameter: the report shows examples, not an index. */
const KEEP = 3;
/** Reports whether an argument carries a pointer-derived value (not a plain integer). */
export function isPointerDerived(arg) {
    return arg.sources.some((s) => s.kind === 'uptr' || s.kind === 'goptr' || s.kind === 'hidden');
}
/**
 * For every function of the tree with forwarded uintptr parameters (index summaries), the calls in
 * the tree that pass a pointer-derived value to one of them, directly or through a caller's own
 * parameter that is itself fed a pointer.
 */
export function pointerFeeds(result) {
    const feeds = new Map();
    const add = (fn, param, call) => {
        let byParam = feeds.get(fn);
        if (!byParam)
            feeds.set(fn, (byParam = new Map()));
        const list = byParam.get(param);
        if (list) {
            if (list.length < KEEP && !list.some((c) => sameLocation(c.location, call.location)))
                list.push(call);
            return false;
        }
        byParam.set(param, [call]);
        return true;
    };
    const edges = wrapperCalls(result);
    // Each round marks at least one new (function, parameter) pair or stops: bounded by their number.
    for (let changed = true; changed;) {
        changed = false;
        for (const e of edges) {
            const direct = isPointerDerived(e.arg);
            const forwarded = !direct && e.arg.sources.some((s) => s.kind === 'param' && feeds.get(e.caller)?.has(s.flow.index));
            if (!direct && !forwarded)
                continue;
            const location = { path: e.path, ...e.arg.span };
            for (const t of e.targets)
                if (add(t.fn, t.param, { location, arg: e.arg.text, forwarded }))
                    changed = true;
        }
    }
    return feeds;
}
/** Every argument of a recorded call that binds a forwarded uintptr parameter of a tree function. */
function wrapperCalls(result) {
    const out = [];
    for (const file of result.files) {
        for (const fn of file.funcs) {
            for (const call of fn.calls) {
                const t = result.index.resolve(file, call.callee);
                if (t.kind !== 'func')
                    continue;
                call.args.forEach((arg, j) => {
                    const targets = [];
                    for (const ref of t.refs) {
                        const param = result.index.paramFor(ref.fn, j);
                        if (param !== null && result.index.summaryOf(ref.fn)?.uintptrParams.has(param))
                            targets.push({ fn: ref.fn, param });
                    }
                    if (targets.length > 0)
                        out.push({ path: file.path, caller: fn, arg, targets });
                });
            }
        }
    }
    return out;
}
function sameLocation(a, b) {
    return a.path === b.path && a.startLine === b.startLine && a.startColumn === b.startColumn;
}
