export const EMPTY = Object.freeze({
    uptrs: [], ptrs: [], unsafePtr: false, os: false, params: [], fields: null, elems: null,
    proc: false, dll: false, pinner: false, func: null, int: false, slots: null, numeric: [],
});
export function av(partial) {
    return { ...EMPTY, ...partial };
}
export function isEmpty(v) {
    return v.uptrs.length === 0 && v.ptrs.length === 0 && !v.unsafePtr && !v.os && v.params.length === 0 &&
        !v.fields && !v.elems && !v.proc && !v.dll && !v.pinner && !v.func && !v.int && !v.slots && v.numeric.length === 0 && !v.from && !v.handle && !v.type;
}
export function uptrKey(u) {
    return `${u.obj.keys.join(',')}|${u.conv.startLine}:${u.conv.startColumn}|${u.via}|${u.holder ?? ''}`;
}
export function unionBy(a, b, key) {
    if (a.length === 0)
        return b;
    if (b.length === 0)
        return a;
    const seen = new Set(a.map(key));
    const out = a.slice();
    for (const x of b)
        if (!seen.has(key(x))) {
            seen.add(key(x));
            out.push(x);
        }
    return out;
}
export const objKey = (o) => `${o.kind}:${o.keys.join(',')}`;
export const paramKey = (p) => `${p.index}:${p.mode}`;
export function join(a, b) {
    if (a === b)
        return a;
    if (isEmpty(a))
        return b;
    if (isEmpty(b))
        return a;
    let fields = null;
    if (a.fields || b.fields) {
        fields = new Map(a.fields ?? []);
        for (const [k, v] of b.fields ?? [])
            fields.set(k, fields.has(k) ? join(fields.get(k), v) : v);
    }
    return {
        uptrs: unionBy(a.uptrs, b.uptrs, uptrKey),
        ptrs: unionBy(a.ptrs, b.ptrs, objKey),
        unsafePtr: a.unsafePtr || b.unsafePtr,
        os: a.os || b.os,
        params: unionBy(a.params, b.params, paramKey),
        fields,
        elems: a.elems && b.elems ? join(a.elems, b.elems) : a.elems ?? b.elems,
        proc: a.proc || b.proc,
        dll: a.dll || b.dll,
        pinner: a.pinner || b.pinner,
        func: a.func ?? b.func,
        int: a.int && b.int,
        slots: joinSlots(a.slots, b.slots),
        numeric: unionBy(a.numeric, b.numeric, uptrKey),
        ...joinHandle(a.handle, b.handle),
        ...(a.type ?? b.type ? { type: (a.type ?? b.type) } : {}),
    };
}
/** Overlapped if either may be; synchronous only if both are. */
function joinHandle(a, b) {
    if (a === 'overlapped' || b === 'overlapped')
        return { handle: 'overlapped' };
    return a === 'sync' && b === 'sync' ? { handle: 'sync' } : {};
}
export function joinSlots(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    const out = new Map(a);
    for (const [k, v] of b)
        out.set(k, out.has(k) ? join(out.get(k), v) : v);
    return out;
}
/** Every element value a container may hold, wherever it was written. */
export function allElems(v) {
    let out = v.elems;
    for (const s of v.slots?.values() ?? [])
        out = out ? join(out, s) : s;
    return out;
}
/** The value read by `a[i]`: the slot for a constant index plus unknown-index writes. */
export function elemAt(v, index) {
    if (index === null)
        return allElems(v);
    const slot = v.slots?.get(index);
    if (slot && v.elems)
        return join(slot, v.elems);
    return slot ?? v.elems;
}
/** The value without the declared type the type layer gave it (after a conversion). */
export function untyped(v) {
    if (!v.type)
        return v;
    const { type: _dropped, ...rest } = v;
    void _dropped;
    return rest;
}
/** Marks the uintptrs of a value as now held in `holder`, stored at `store`. */
export function held(v, via, holder, store) {
    if (v.uptrs.length === 0)
        return v;
    return { ...v, uptrs: v.uptrs.map((u) => (u.via === 'inline' || u.via === 'arith' || u.via === 'conv' || (u.via === 'result' && via !== 'result') ? { ...u, via, holder, store } : u)) };
}
/** Marks freshly computed uintptrs as altered by arithmetic or a further conversion. */
export function altered(v, via) {
    if (v.uptrs.length === 0)
        return v;
    return { ...v, uptrs: v.uptrs.map((u) => (u.via === 'inline' ? { ...u, via } : u)) };
}
/**
 * Every pointer-derived integer hidden inside a container value, with where it sits: field names
 * and `[]` for an element, from the value down. A pointer kept as uintptr, or as another integer
 * type (bpf_attr's u64 fields), is equally invisible to the collector. `maxDepth` bounds how deep
 * the walk goes (summaries keep paths short).
 */
export function hiddenPaths(v, maxDepth = Infinity) {
    const out = [];
    const walk = (x, path, depth) => {
        if (depth > maxDepth)
            return;
        for (const [name, fv] of x.fields ?? []) {
            const at = [...path, name];
            for (const u of [...fv.uptrs, ...fv.numeric])
                out.push({ path: at, u });
            walk(fv, at, depth + 1);
        }
        const elems = allElems(x);
        if (elems) {
            const at = [...path, '[]'];
            for (const u of [...elems.uptrs, ...elems.numeric])
                out.push({ path: at, u });
            walk(elems, at, depth + 1);
        }
    };
    walk(v, [], 0);
    return out;
}
/** All pointer-derived uintptrs hidden inside a container value, named for messages: `field
 * a.b`, `field a[…]`, or `element` (elements of the value itself are not a field). */
export function hiddenIn(v) {
    return hiddenPaths(v).map(({ path, u }) => {
        let i = 0;
        while (path[i] === '[]')
            i++;
        const rest = path.slice(i);
        let name = '';
        for (const p of rest)
            name = p === '[]' ? `${name}[…]` : name ? `${name}.${p}` : p;
        return { field: name ? `field ${name}` : 'element', path: rest, u };
    });
}
export const INT = Object.freeze({ ...EMPTY, int: true });
export function joinEnvs(envs) {
    const live = envs.filter((e) => e !== null);
    if (live.length === 0)
        return null;
    if (live.length === 1)
        return live[0];
    const out = new Map(live[0]);
    for (const e of live.slice(1)) {
        for (const [k, v] of e) {
            const cur = out.get(k);
            out.set(k, cur ? join(cur, v) : v);
        }
    }
    return out;
}
export function setField(base, path, value, weak = false) {
    if (path.length === 0)
        return weak ? join(base, value) : value;
    const [head, ...rest] = path;
    const fields = new Map(base.fields ?? []);
    const cur = fields.get(head) ?? EMPTY;
    fields.set(head, setField(cur, rest, value, weak));
    return { ...base, fields };
}
/** Removes a variable key from every object an environment's values refer to. */
export function forgetKey(env, key) {
    for (const [k, v] of env) {
        if (mentions(v, key))
            env.set(k, dropKey(v, key));
    }
}
export function mentions(v, key, depth = 0) {
    if (depth > 6)
        return false;
    if (v.uptrs.some((u) => u.obj.keys.includes(key)) || v.ptrs.some((o) => o.keys.includes(key)))
        return true;
    for (const f of v.fields?.values() ?? [])
        if (mentions(f, key, depth + 1))
            return true;
    for (const f of v.slots?.values() ?? [])
        if (mentions(f, key, depth + 1))
            return true;
    return !!v.elems && mentions(v.elems, key, depth + 1);
}
export function dropKey(v, key) {
    const fix = (o) => (o.keys.includes(key) ? { ...o, keys: o.keys.filter((k) => k !== key) } : o);
    const mapVals = (m) => (m ? new Map([...m].map(([k, x]) => [k, dropKey(x, key)])) : null);
    return {
        ...v,
        uptrs: v.uptrs.map((u) => (u.obj.keys.includes(key) ? { ...u, obj: fix(u.obj) } : u)),
        ptrs: v.ptrs.map(fix),
        fields: mapVals(v.fields),
        slots: mapVals(v.slots),
        elems: v.elems ? dropKey(v.elems, key) : null,
    };
}
