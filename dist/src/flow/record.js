import { conversionOperand, isUintptrConversion } from '../go/predicates.js';
import { callArguments, shorten, spanOf, typeText, unparen } from '../go/syntax.js';
import { statementSite } from './fix-sites.js';
import { keepAliveRoot } from '../model/names.js';
import { structFields } from './file-scope.js';
import { objOf } from './objects.js';
import { lookup } from './scope.js';
import { evalExpr } from './expressions.js';
import { isUnsafePointerType } from './typing.js';
import { EMPTY, allElems, av, hiddenIn } from './value.js';
import { RETAINING_APIS } from '../knowledge/index.js';
/** API names that may keep a Go pointer after returning (overlapped I/O, callback contexts). */
const RETAINING_NAMES = new Set(RETAINING_APIS.map((a) => a.name));
/**
 * Records a call for the index when it may matter: it carries a pointer-derived, hidden or
 * parameter-derived argument, or its callee could be a sink.
 */
export function maybeRecord(cx, call, f, callee, args, vals, spread, env, ctx, form) {
    const argFacts = [];
    const pending = [];
    let interesting = false;
    const calleeName = callee.kind === 'func' || callee.kind === 'method' ? callee.name : '';
    const mayRetain = RETAINING_NAMES.has(calleeName) || (callee.kind === 'method' && callee.recv.kind === 'proc' && RETAINING_NAMES.has(callee.recv.api ?? ''));
    args.forEach((a, i) => {
        const v = vals[i] ?? EMPTY;
        const isSpread = spread && i === args.length - 1;
        const sources = [];
        const uptrs = isSpread ? spreadUptrs(cx, a, v, env, ctx) : v.uptrs;
        for (const u0 of uptrs) {
            const u = isSpread && u0.via === 'inline' && unparen(a).type !== 'composite_literal' ? { ...u0, via: 'elem', holder: u0.holder ?? a.text, store: u0.store ?? spanOf(a) } : u0;
            const src = { kind: 'uptr', u, mit: { pin: 'none' } };
            sources.push(src);
            pending.push({ src, keys: u.obj.keys });
        }
        // Pointers hidden in what the argument points to (or, when spread, in the elements).
        const containers = [];
        if (!isSpread && v.ptrs.length > 0 && (v.fields || v.elems || v.slots)) {
            const type = containerType(cx, a);
            containers.push({ name: v.ptrs[0]?.name.replace(/^&/, '') ?? a.text, value: v, ...(type ? { type } : {}) });
        }
        for (const u of v.uptrs) {
            if (u.via !== 'inline' && u.via !== 'arith' && u.via !== 'conv')
                continue;
            const root = u.obj.keys.map((k) => env.get(k)).find((x) => x && (x.fields || x.elems || x.slots));
            const info = lookup(cx, u.obj.name);
            const type = info && u.obj.keys.includes(info.key) ? info.type?.replace(/^\*/, '') : undefined;
            if (root)
                containers.push({ name: u.obj.name, value: root, ...(type ? { type } : {}) });
        }
        for (const c of containers) {
            for (const h of hiddenIn(c.value)) {
                const src = { kind: 'hidden', container: c.name, field: fieldPhrase(cx, c.type, h.path), u: h.u, mit: { pin: 'none' } };
                sources.push(src);
                pending.push({ src, keys: h.u.obj.keys });
            }
        }
        if (mayRetain && !isSpread && v.ptrs.length > 0 && !v.os) {
            const o = objOf(cx, a, env, ctx);
            if (o && o.kind !== 'global' && o.kind !== 'os') {
                const src = { kind: 'goptr', obj: o, mit: { pin: 'none' } };
                sources.push(src);
                pending.push({ src, keys: o.keys });
            }
            // What the pointee's fields point to (the buffers of a WSABUF array).
            for (const [field, fv] of v.fields ?? []) {
                for (const p of fv.ptrs) {
                    if (p.kind === 'global' || p.kind === 'os')
                        continue;
                    const src = { kind: 'goptr', obj: p, mit: { pin: 'none' }, inner: field };
                    sources.push(src);
                    pending.push({ src, keys: p.keys });
                }
            }
        }
        const params = isSpread ? [...(allElems(v)?.params ?? []), ...v.params.filter((p) => p.mode === 'elems')] : v.params.filter((p) => p.mode === 'value');
        for (const p of params)
            sources.push({ kind: 'param', flow: p });
        // A typed pointer parameter handed on as is (for pointer-parameter summaries).
        for (const o of v.ptrs) {
            if (o.kind === 'param' && o.paramIndex !== undefined && !v.uptrs.length)
                sources.push({ kind: 'param', flow: { index: o.paramIndex, mode: 'value' } });
        }
        if (sources.length)
            interesting = true;
        argFacts.push({ span: spanOf(a), range: { start: a.startIndex, end: a.endIndex }, text: shorten(a.text), source: a.text, spread: isSpread, sources });
    });
    const possibleSink = (callee.kind === 'method' && cx.file.sinkMethodNames.has(callee.name)) ||
        (callee.kind === 'func' && cx.file.sinkFuncNames.has(callee.name)) || callee.kind === 'indirect';
    if (!interesting && !possibleSink)
        return;
    const funcVar = f.type === 'identifier' ? lookup(cx, f.text)?.key : undefined;
    const fact = { callee, calleeText: shorten(f.text), span: spanOf(call), args: argFacts, spread, form };
    const trap = args[0] ? trapProcOf(args[0]) : null;
    if (trap)
        fact.trapProc = trap;
    const nameNode = f.type === 'selector_expression' ? f.childForFieldName('field') : f.type === 'identifier' ? f : null;
    if (nameNode)
        fact.nameRange = { start: nameNode.startIndex, end: nameNode.endIndex };
    if (mayRetain && vals[0]?.handle)
        fact.handle = vals[0].handle;
    const roots = new Set();
    for (const p of pending) {
        const name = p.src.kind === 'goptr' ? p.src.obj.name : p.src.kind === 'param' ? '' : p.src.u.obj.name;
        const root = keepAliveRoot(name);
        if (root)
            roots.add(root);
    }
    const stmt = statementSite(cx, call, roots);
    if (stmt)
        fact.stmt = stmt;
    cx.log.calls.push({ fact, ctx, pending, ...(funcVar ? { funcVar } : {}) });
}
/** The declared struct type of what an argument `&v`, `v` or `unsafe.Pointer(&v)` points to, as
 * written (`iovec`, `unix.Iovec`), when the variable's type is known. */
function containerType(cx, arg) {
    let e = unparen(arg);
    while (e.type === 'call_expression') {
        const inner = isUintptrConversion(cx.names, e) ? callArguments(e).args[0] ?? null : conversionOperand(cx.names, e);
        if (!inner)
            return undefined;
        e = unparen(inner);
    }
    if (e.type === 'unary_expression' && e.child(0)?.type === '&')
        e = unparen(e.childForFieldName('operand') ?? e);
    if (e.type === 'composite_literal')
        return typeText(e.childForFieldName('type'));
    if (e.type !== 'identifier')
        return undefined;
    return lookup(cx, e.text)?.type?.replace(/^\*/, '');
}
/**
 * How a message names where a pointer hides (issue 9): the field with its declared type (`the
 * uintptr field base`, `the int64 field Val`: never a uintptr field unless declared so), the
 * N-th field of a positional literal whose type is not known (counted from 1), or an element.
 */
export function fieldPhrase(cx, type, path) {
    // hiddenIn drops the leading element steps: the path starts inside the element type.
    const elemType = type?.replace(/^(?:\*|\[[^\]]*\])+/, '');
    if (path.length === 0) {
        const elem = type && /^\*?\[[^\]]*\]/.test(type) ? elemType : undefined;
        if (elem === 'byte' || elem === 'uint8')
            return 'its bytes';
        return elem ? `a ${elem} element` : 'an element';
    }
    const head = path[0];
    const shown = path.map((p) => (p === '[]' ? '[…]' : p)).join('.').replace(/\.\[…\]/g, '[…]');
    const pos = /^#(\d+)$/.exec(head);
    if (pos)
        return `the ${ordinal(Number(pos[1]) + 1)} field${path.length > 1 ? ` (${shown.replace(/^#\d+/, '')})` : ''}`;
    const ft = path.length === 1 && elemType ? declaredFieldType(cx, elemType, head) : undefined;
    return ft ? `the ${ft} field ${shown}` : `the field ${shown}`;
}
function ordinal(n) {
    const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
    return `${n}${s}`;
}
/** A struct field's declared type as written, from the file's declarations or the type layer
 * (the struct's field list, `…#T!fields`). */
function declaredFieldType(cx, type, field) {
    return structFields(cx.file, type)?.find(([name]) => name === field)?.[1];
}
/** `procX` of a first argument `procX.Addr()` (the mkwinsyscall shape of a procedure call). */
function trapProcOf(arg) {
    const a = unparen(arg);
    if (a.type !== 'call_expression' || callArguments(a).args.length !== 0)
        return null;
    const f = a.childForFieldName('function');
    if (f?.type !== 'selector_expression' || f.childForFieldName('field')?.text !== 'Addr')
        return null;
    const op = f.childForFieldName('operand');
    return op && unparen(op).type === 'identifier' ? unparen(op).text : null;
}
/**
 * The uintptrs a `s...` argument passes. A slice literal written in the call keeps each
 * element's own shape: the compiler peels it like a variadic list (escape/call.go, verified in
 * go-semantics.md §2.5), so `[]uintptr{uintptr(unsafe.Pointer(p))}...` is protected.
 */
export function spreadUptrs(cx, a, v, env, ctx) {
    const lit = unparen(a);
    if (lit.type !== 'composite_literal')
        return [...(allElems(v)?.uptrs ?? []), ...v.uptrs];
    const out = [];
    for (const el of lit.childForFieldName('body')?.namedChildren ?? []) {
        const valueNode = el.type === 'keyed_element' ? el.namedChildren[1]?.namedChildren[0] : el.namedChildren[0];
        if (valueNode)
            out.push(...evalExpr(cx, valueNode, env, ctx, true).uptrs);
    }
    return out;
}
/**
 * `&p` handed to the OS where p is a pointer variable: an out-parameter the OS fills with its
 * own memory (CredRead's PCREDENTIAL, a returned buffer), so p holds foreign memory afterwards.
 */
export function markOutParam(cx, arg, env) {
    const info = outParamTarget(cx, arg);
    if (!info)
        return;
    // The same value each time, written only once: a write makes every value remembered in this
    // environment stale (context.ts recall), and a call is evaluated more than once.
    const value = info.type === 'uintptr' ? OS_INT : OS_MEMORY;
    if (env.get(info.key) !== value)
        env.set(info.key, value);
}
const OS_MEMORY = Object.freeze(av({ os: true }));
const OS_INT = Object.freeze(av({ os: true, int: true }));
/** The variable `p` of an argument `&p` (through conversions) that can receive memory the OS
 * allocated: a pointer, unsafe.Pointer or uintptr variable. */
export function outParamTarget(cx, arg) {
    let e = unparen(arg);
    while (e.type === 'call_expression') {
        const inner = isUintptrConversion(cx.names, e) ? callArguments(e).args[0] ?? null : conversionOperand(cx.names, e);
        if (!inner)
            return null;
        e = unparen(inner);
    }
    if (e.type !== 'unary_expression' || e.child(0)?.type !== '&')
        return null;
    const op = e.childForFieldName('operand');
    const target = op ? unparen(op) : null;
    if (!target || target.type !== 'identifier')
        return null;
    const info = lookup(cx, target.text);
    const t = info?.type ?? '';
    return info && (t.startsWith('*') || isUnsafePointerType(cx.file, t) || t === 'uintptr') ? info : null;
}
