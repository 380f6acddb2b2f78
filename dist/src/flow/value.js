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
    return joinIn(a, b, null);
}
function joinIn(a, b, memo) {
    if (a === b)
        return a;
    if (isEmpty(a))
        return b;
    if (isEmpty(b))
        return a;
    if (a.fields || b.fields || (a.elems && b.elems) || (a.slots && b.slots)) {
        memo ??= new Map();
        const known = memo.get(a)?.get(b);
        if (known)
            return known;
        const out = joinParts(a, b, memo);
        let row = memo.get(a);
        if (!row)
            memo.set(a, (row = new Map()));
        row.set(b, out);
        return out;
    }
    return joinParts(a, b, memo);
}
function joinParts(a, b, memo) {
    let fields = null;
    if (a.fields || b.fields) {
        fields = new Map(a.fields ?? []);
        for (const [k, v] of b.fields ?? [])
            fields.set(k, fields.has(k) ? joinIn(fields.get(k), v, memo) : v);
    }
    return {
        uptrs: unionBy(a.uptrs, b.uptrs, uptrKey),
        ptrs: unionBy(a.ptrs, b.ptrs, objKey),
        unsafePtr: a.unsafePtr || b.unsafePtr,
        os: a.os || b.os,
        params: unionBy(a.params, b.params, paramKey),
        fields,
        elems: a.elems && b.elems ? joinIn(a.elems, b.elems, memo) : a.elems ?? b.elems,
        proc: a.proc || b.proc,
        dll: a.dll || b.dll,
        pinner: a.pinner || b.pinner,
        func: a.func ?? b.func,
        int: a.int && b.int,
        slots: joinSlots(a.slots, b.slots, memo),
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
export function joinSlots(a, b, memo = null) {
    if (!a)
        return b;
    if (!b)
        return a;
    const out = new Map(a);
    for (const [k, v] of b)
        out.set(k, out.has(k) ? joinIn(out.get(k), v, memo) : v);
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
/** Marks the uintptrs of a value as now held in `holder`, stored at `store`. Every value put
 * into a variable, a field, an element or a result passes here, so here its size is bounded too. */
export function held(v, via, holder, store) {
    const w = withinBounds(v);
    if (w.uptrs.length === 0)
        return w;
    return { ...w, uptrs: w.uptrs.map((u) => (u.via === 'inline' || u.via === 'arith' || u.via === 'conv' || (u.via === 'result' && via !== 'result') ? { ...u, via, holder, store } : u)) };
}
/** How deep a value may nest fields and elements, and how many distinct parts it may have.
 * Syntax nests at most the depth limit, but a variable can be put inside itself once per
 * statement (`x = T{a: x}`, `x.b = x`, `x = append(x, x)`), shared parts make a value's paths
 * 2^statements (`x = T{a: x, b: x}`), and joins pair up the parts of two values. Every walk over
 * a value (join, hiddenPaths, dropKey) is linear in its parts; these bounds keep the parts few.
 * Real code hides pointers a few fields deep in a handful of parts. */
export const MAX_VALUE_DEPTH = 32;
export const MAX_VALUE_PARTS = 512;
/** `v` itself, or when its parts nest deeper than MAX_VALUE_DEPTH or number more than
 * MAX_VALUE_PARTS, `v` with everything below it folded into one field `…`: the pointers and
 * parameters it holds stay (hidden, as they were), where they sat does not. */
export function withinBounds(v) {
    if (!v.fields && !v.elems && !v.slots)
        return v;
    return heightOf(v, 0, new Map(), { parts: MAX_VALUE_PARTS }) <= MAX_VALUE_DEPTH ? v : folded(v);
}
function partsOf(v) {
    const out = [...(v.fields?.values() ?? []), ...(v.slots?.values() ?? [])];
    if (v.elems)
        out.push(v.elems);
    return out;
}
/** The height of `v` (the longest chain of parts below it), or Infinity once a bound is passed;
 * each shared part is measured once, and the walk never goes deeper than the bound. */
function heightOf(v, depth, known, left) {
    const h = known.get(v);
    if (h !== undefined)
        return h;
    if (depth > MAX_VALUE_DEPTH || --left.parts < 0)
        return Infinity;
    let height = 0;
    for (const p of partsOf(v)) {
        height = Math.max(height, heightOf(p, depth + 1, known, left) + 1);
        if (height > MAX_VALUE_DEPTH)
            return Infinity;
    }
    known.set(v, height);
    return height;
}
/** `v` with everything below it gathered into one field (see withinBounds); a walk over each
 * distinct part once, without recursion. */
function folded(v) {
    const seen = new Set();
    const stack = partsOf(v);
    const uptrs = new Map();
    const numeric = new Map();
    const ptrs = new Map();
    const params = new Map();
    let os = false;
    for (let p = stack.pop(); p; p = stack.pop()) {
        if (seen.has(p))
            continue;
        seen.add(p);
        for (const u of p.uptrs)
            if (!uptrs.has(uptrKey(u)))
                uptrs.set(uptrKey(u), u);
        for (const u of p.numeric)
            if (!numeric.has(uptrKey(u)))
                numeric.set(uptrKey(u), u);
        for (const o of p.ptrs)
            if (!ptrs.has(objKey(o)))
                ptrs.set(objKey(o), o);
        for (const f of p.params)
            if (!params.has(paramKey(f)))
                params.set(paramKey(f), f);
        os ||= p.os;
        stack.push(...partsOf(p));
    }
    const all = av({ uptrs: [...uptrs.values()], numeric: [...numeric.values()], ptrs: [...ptrs.values()], params: [...params.values()], os });
    return { ...v, fields: new Map([['…', all]]), elems: null, slots: null };
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
    // A part shared by several fields (`T{a: x, b: x}`) is listed at the first path that reaches
    // it: listing it at every path would be 2^depth entries for `x = T{a: x, b: x}` repeated. It
    // is walked again only when reached nearer the top, where maxDepth may cut less of it.
    const seen = new Map();
    const walk = (x, path, depth) => {
        if (depth > maxDepth)
            return;
        const before = seen.get(x);
        if (before !== undefined && before <= depth)
            return;
        seen.set(x, depth);
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
/** The values of one function's variables, by scope-resolved key (`name#n`). Every write counts
 * in `version`, so a value computed from an environment can tell whether the environment is still
 * the one it was computed from (context.ts `recall`: each subexpression is evaluated once). */
export class Env extends Map {
    version = 0;
    set(key, value) {
        // The Map constructor adds a copy's entries through set, before the field exists.
        this.version = (this.version ?? 0) + 1;
        return super.set(key, value);
    }
    delete(key) {
        this.version++;
        return super.delete(key);
    }
    clear() {
        this.version++;
        super.clear();
    }
}
export function joinEnvs(envs) {
    const live = envs.filter((e) => e !== null);
    if (live.length === 0)
        return null;
    if (live.length === 1)
        return live[0];
    const out = new Env(live[0]);
    for (const e of live.slice(1)) {
        for (const [k, v] of e) {
            const cur = out.get(k);
            // Joins pair up the parts of two values: bounded like every stored value (held).
            out.set(k, cur ? withinBounds(join(cur, v)) : v);
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
export function mentions(v, key, depth = 0, seen = null) {
    if (depth > 6)
        return false;
    if (v.uptrs.some((u) => u.obj.keys.includes(key)) || v.ptrs.some((o) => o.keys.includes(key)))
        return true;
    if (!v.fields && !v.elems && !v.slots)
        return false;
    // A shared part is looked at again only from nearer the top (see hiddenPaths).
    seen ??= new Map();
    if ((seen.get(v) ?? Infinity) <= depth)
        return false;
    seen.set(v, depth);
    for (const f of v.fields?.values() ?? [])
        if (mentions(f, key, depth + 1, seen))
            return true;
    for (const f of v.slots?.values() ?? [])
        if (mentions(f, key, depth + 1, seen))
            return true;
    return !!v.elems && mentions(v.elems, key, depth + 1, seen);
}
export function dropKey(v, key, memo = new Map()) {
    // Shared parts stay shared, each rewritten once.
    const known = memo.get(v);
    if (known)
        return known;
    const fix = (o) => (o.keys.includes(key) ? { ...o, keys: o.keys.filter((k) => k !== key) } : o);
    const mapVals = (m) => (m ? new Map([...m].map(([k, x]) => [k, dropKey(x, key, memo)])) : null);
    const out = {
        ...v,
        uptrs: v.uptrs.map((u) => (u.obj.keys.includes(key) ? { ...u, obj: fix(u.obj) } : u)),
        ptrs: v.ptrs.map(fix),
        fields: mapVals(v.fields),
        slots: mapVals(v.slots),
        elems: v.elems ? dropKey(v.elems, key, memo) : null,
    };
    memo.set(v, out);
    return out;
}
