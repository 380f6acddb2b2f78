import { fieldPath, shorten, spanOf, unparen } from '../go/syntax.js';
import { ask } from './file-scope.js';
import { objOf, rootVar } from './objects.js';
import { outParamTarget } from './record.js';
import { lookup } from './scope.js';
import { EMPTY, av, held, join } from './value.js';
/** The view entry of the function or method a callee names (with `suffix`, one of its other
 * questions), if the type layer has one. */
export function calleeEntry(cx, callee, suffix = '') {
    if (callee.kind === 'func')
        return ask(cx.file, callee.pkg, callee.name + suffix);
    if (callee.kind !== 'method')
        return undefined;
    const r = callee.recv;
    if (r.kind === 'type')
        return ask(cx.file, r.pkg, `${r.name}.${callee.name}${suffix}`);
    // A package variable or a field: its declared type names the method's receiver type.
    const holder = r.kind === 'pkgvar' ? ask(cx.file, r.pkg, r.name) : r.kind === 'field' ? ask(cx.file, null, `${r.owner}.${r.field}`) : undefined;
    if (holder?.kind !== 'var')
        return undefined;
    return ask(cx.file, holder.type.pkg, `${holder.type.name}.${callee.name}${suffix}`);
}
/** The pointer parameters whose pointee the callee hands to the OS (out-parameters the OS may
 * fill with its own memory); asked only when an argument is written `&p`. */
export function osParamsOf(cx, callee, args) {
    if (!args.some((a) => outParamTarget(cx, a)))
        return [];
    const entry = calleeEntry(cx, callee, '!out');
    return entry?.kind === 'out-params' ? entry.params : [];
}
/**
 * The values of a call's results from the view, or null when the view knows nothing. `recv` is
 * the receiver expression of a method call; `args` and `vals` the arguments and their values.
 */
export function viewResults(cx, call, callee, recv, args, vals, env, ctx) {
    const plain = calleeEntry(cx, callee);
    // What the results carry of the arguments is asked only when an argument carries something.
    const carried = vals.some(carries) || (!!recv && (unparen(recv).type === 'identifier' || carries(cx.ops.evalExpr(cx, recv, env, ctx, true))));
    const byArgs = carried ? calleeEntry(cx, callee, '!args') : undefined;
    const parts = [plain, byArgs].filter((e) => e?.kind === 'func');
    if (parts.length === 0)
        return null;
    const count = Math.max(...parts.map((p) => p.results.length));
    const entry = { results: Array.from({ length: count }, (_, i) => Object.assign({}, ...parts.map((p) => p.results[i] ?? {}))) };
    const argNode = (k) => (k === -1 ? recv : args[k] ?? null);
    const objAt = (k) => {
        const n = argNode(k);
        if (!n)
            return null;
        // A value receiver or argument `b` of a pointer method is `&b`: the variable itself.
        const e = unparen(n);
        const o = objOf(cx, e, env, ctx, k === -1 && e.type === 'identifier' && lookup(cx, e.text)?.isValue === true);
        return o && o.kind !== 'global' && o.kind !== 'os' ? o : null;
    };
    const text = shorten(call.text);
    const span = spanOf(call);
    const made = (obj) => ({ obj, conv: span, via: 'result', holder: text, store: span, returnedBy: text });
    const uptrsOf = (params, fresh) => {
        const out = (params ?? []).map(objAt).filter((o) => o !== null).map(made);
        if (fresh)
            out.push({ ...made({ name: `the memory ${text} allocates`, keys: [], kind: 'temp', stack: false, fresh: true }), helperAlloc: true });
        return out;
    };
    return entry.results.map((r) => resultValue(r, uptrsOf, objAt, (k) => vals[k] ?? EMPTY, text, span));
}
function resultValue(r, uptrsOf, objAt, valAt, text, span) {
    const parts = {};
    if (r.os)
        parts.os = true;
    if (r.proc || r.procType)
        parts.proc = true;
    if (r.unsafePtr)
        parts.unsafePtr = true;
    if (r.pinner)
        parts.pinner = true;
    if (r.type)
        parts.type = r.type;
    const uptrs = uptrsOf(r.uptrParams, r.uptrFresh);
    if (uptrs.length)
        parts.uptrs = uptrs;
    const ptrs = (r.ptrParams ?? []).map(objAt).filter((o) => o !== null);
    if (ptrs.length)
        parts.ptrs = ptrs;
    let v = av(parts);
    for (const k of r.elemParams ?? []) {
        // An argument the helper put into the container it returns: held there, not converted in
        // the protected call's argument list.
        const h = held(valAt(k), 'result', text, span);
        v = { ...v, elems: v.elems ? join(v.elems, h) : h };
    }
    for (const k of r.valueParams ?? [])
        v = join(v, held(valAt(k), 'result', text, span));
    for (const h of r.hidden ?? []) {
        const us = uptrsOf([h.param]);
        if (us.length)
            v = hideAt(v, h.path, av({ uptrs: us.map((u) => ({ ...u, via: h.path[h.path.length - 1] === '[]' ? 'elem' : 'field' })) }));
    }
    return v;
}
/** `v` with `inner` joined in at a path of fields and elements (`[]`). */
function hideAt(v, path, inner) {
    const [head, ...rest] = path;
    if (head === undefined)
        return join(v, inner);
    if (head === '[]')
        return { ...v, elems: hideAt(v.elems ?? EMPTY, rest, inner) };
    const fields = new Map(v.fields ?? []);
    fields.set(head, hideAt(fields.get(head) ?? EMPTY, rest, inner));
    return { ...v, fields };
}
/**
 * Applies what the callee writes through its pointer parameters (StoreFact) to the caller's
 * variables: `fillName(&req, s)` leaves `req.name` holding an integer made from `s`, so a later
 * `uintptr(unsafe.Pointer(&req))` handed to the OS hides `s` (the hidden-pointer shape).
 */
export function applyStores(cx, call, callee, recv, args, vals, env, ctx) {
    if (!vals.some(carries))
        return;
    const entry = calleeEntry(cx, callee, '!args');
    if (entry?.kind !== 'func' || !entry.stores)
        return;
    const text = shorten(call.text);
    const span = spanOf(call);
    for (const st of entry.stores) {
        const target = st.param === -1 ? recv : args[st.param];
        const source = args[st.source];
        if (!target || !source)
            continue;
        const obj = objOf(cx, source, env, ctx);
        if (!obj || obj.kind === 'global' || obj.kind === 'os')
            continue;
        const place = targetOf(cx, target);
        if (!place)
            continue;
        // `[]` first: the pointee itself (`*addr = …` of a `*uintptr` parameter given `&req.buf`).
        const below = st.path[0] === '[]' && place.viaAddr ? st.path.slice(1) : st.path;
        const u = { obj, conv: span, via: 'field', holder: `${shorten(target.text)} (set by ${text})`, store: span };
        const cur = env.get(place.key) ?? EMPTY;
        env.set(place.key, hideAt(cur, [...place.prefix, ...below], av({ uptrs: [u] })));
    }
}
/** The variable and field path a pointer argument writes into: `&req` → req, `&req.buf` →
 * req.buf, `p` (a pointer variable) → what p points to. */
function targetOf(cx, arg) {
    const e = unparen(arg);
    if (e.type === 'unary_expression' && e.child(0)?.type === '&') {
        const op = e.childForFieldName('operand');
        const inner = op ? unparen(op) : null;
        if (!inner)
            return null;
        if (inner.type === 'identifier') {
            const info = lookup(cx, inner.text);
            return info ? { key: info.key, prefix: [], viaAddr: true } : null;
        }
        if (inner.type === 'selector_expression') {
            const root = rootVar(cx, inner);
            return root ? { key: root.key, prefix: fieldPath(inner), viaAddr: true } : null;
        }
        return null;
    }
    if (e.type === 'identifier') {
        const info = lookup(cx, e.text);
        return info ? { key: info.key, prefix: [], viaAddr: false } : null;
    }
    return null;
}
function carries(v) {
    return v.uptrs.length > 0 || v.ptrs.length > 0 || v.params.length > 0 || v.numeric.length > 0 || !!v.elems || !!v.fields || !!v.slots;
}
