import { allElems, hiddenPaths } from './value.js';
/** Summarizes the values each `return` yielded (by result index); null when no result carries
 * anything pinlint follows. */
export function summarizeReturns(returns, count) {
    if (returns.length === 0)
        return null;
    const out = {};
    for (let i = 0; i < count; i++) {
        const vals = returns.map((r) => r[i]).filter((v) => v !== undefined);
        if (vals.length === 0)
            continue;
        const fact = summarize(vals, returns.length);
        if (Object.keys(fact).length)
            out[i] = fact;
    }
    return Object.keys(out).length ? out : null;
}
function summarize(vals, returns) {
    const uptrParams = new Set();
    const elemParams = new Set();
    const valueParams = new Set();
    const ptrParams = new Set();
    const hidden = new Map();
    let fresh = false;
    for (const v of vals) {
        for (const u of v.uptrs) {
            if (u.obj.kind === 'param' && u.obj.paramIndex !== undefined)
                uptrParams.add(u.obj.paramIndex);
            // Memory the function allocated and keeps no reference to: its caller holds only an integer.
            else if ((u.obj.kind === 'local' || u.obj.kind === 'temp') && u.obj.fresh)
                fresh = true;
        }
        for (const p of v.params)
            if (p.mode === 'value')
                valueParams.add(p.index);
        for (const o of v.ptrs)
            if (o.kind === 'param' && o.paramIndex !== undefined)
                ptrParams.add(o.paramIndex);
        for (const p of allElems(v)?.params ?? [])
            if (p.mode === 'value')
                elemParams.add(p.index);
        collectHidden(v, hidden);
    }
    const fact = {};
    const list = (s) => [...s].sort((a, b) => a - b);
    if (uptrParams.size)
        fact.uptrParams = list(uptrParams);
    if (fresh)
        fact.uptrFresh = true;
    if (hidden.size)
        fact.hidden = [...hidden.values()];
    if (elemParams.size)
        fact.elemParams = list(elemParams);
    if (valueParams.size)
        fact.valueParams = list(valueParams);
    if (ptrParams.size)
        fact.ptrParams = list(ptrParams);
    // Every return must agree for "OS memory" and "a procedure": one Go-allocated path is enough
    // for the result to need protection.
    if (vals.length === returns && vals.every((v) => v.os))
        fact.os = true;
    if (vals.length === returns && vals.every((v) => v.proc))
        fact.proc = true;
    return fact;
}
/** Pointer-derived integers of parameters' pointees hidden in fields and elements of `v`, by
 * path and parameter (the first of each). */
function collectHidden(v, out) {
    for (const { path, u } of hiddenPaths(v, 4)) {
        if (u.obj.kind !== 'param' || u.obj.paramIndex === undefined)
            continue;
        const key = `${path.join('.')}:${u.obj.paramIndex}`;
        if (!out.has(key))
            out.set(key, { path, param: u.obj.paramIndex });
    }
}
/**
 * What a function writes through its pointer parameters (`param key` by index, -1 the receiver),
 * over every exit: integers made from another parameter's pointee, at the path where they sit
 * below the pointee. A caller that hands `&req` and a buffer then holds a struct hiding the
 * buffer, exactly as if it had written the field itself.
 */
export function summarizeStores(exits, paramKeys) {
    const out = new Map();
    for (const [param, key] of paramKeys) {
        for (const env of exits) {
            const v = env.get(key);
            if (!v)
                continue;
            const found = new Map();
            collectHidden(v, found);
            for (const h of found.values()) {
                if (h.param === param)
                    continue;
                const fact = { param, path: h.path, source: h.param };
                out.set(`${param}:${h.path.join('.')}:${h.param}`, fact);
            }
        }
    }
    return [...out.values()];
}
