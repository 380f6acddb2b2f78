import { INTEGER_TYPES, conversionOperand, isUnsafeMember, unsafeHelperOperand } from '../go/predicates.js';
import { shorten, unparen } from '../go/syntax.js';
import { visit } from './budget.js';
import { ctxOf } from './context.js';
import { lookup } from './scope.js';
import { isSliceish, isUnsafePointerType } from './typing.js';
import { EMPTY } from './value.js';
/** The local variable at the root of `x.f[i].g`. */
export function rootVar(cx, expr) {
    let e = unparen(expr);
    for (;;) {
        if (e.type === 'identifier')
            return lookup(cx, e.text);
        const next = e.type === 'selector_expression' || e.type === 'index_expression' || e.type === 'slice_expression'
            ? e.childForFieldName('operand')
            : e.type === 'unary_expression' && e.child(0)?.type === '*' ? e.childForFieldName('operand') : null;
        if (!next)
            return undefined;
        e = unparen(next);
    }
}
/** The variable that `*x` writes into, looking through conversions and `&v[i]`. */
export function pointeeRoot(cx, expr) {
    let e = unparen(expr);
    for (;;) {
        if (e.type === 'call_expression') {
            const conv = conversionOperand(cx.names, e);
            if (!conv)
                return undefined;
            e = unparen(conv);
            continue;
        }
        if (e.type === 'unary_expression' && e.child(0)?.type === '&') {
            const op = e.childForFieldName('operand');
            return op ? rootVar(cx, op) : undefined;
        }
        if (e.type === 'identifier')
            return lookup(cx, e.text);
        return undefined;
    }
}
/**
 * The Go object a pointer-valued expression points into. `addr` is true for the operand of `&`:
 * then a local variable itself is the object (and may live on the stack).
 */
export function objOf(cx, expr, env, ctx, addr = false) {
    visit(cx.file.budget);
    const e = unparen(expr);
    if (e.type === 'identifier') {
        const info = lookup(cx, e.text);
        if (!info) {
            if (e.text === 'nil')
                return null;
            return { name: e.text, keys: [`global:${e.text}`], kind: 'global', stack: false };
        }
        const v = env.get(info.key) ?? EMPTY;
        // `&n` is the variable's own memory whatever it holds (an integer the OS returned, too).
        if (v.os && !addr)
            return { name: e.text, keys: [info.key], kind: 'os', stack: false };
        if (!addr && v.ptrs.length > 0) {
            const first = v.ptrs[0];
            if (first.kind === 'global' || first.kind === 'os')
                return first;
            const keys = Array.from(new Set([...v.ptrs.flatMap((p) => p.keys), info.key]));
            return {
                name: e.text, keys, kind: first.kind === 'param' && v.ptrs.length === 1 ? 'param' : 'local', stack: v.ptrs.some((p) => p.stack),
                fresh: v.ptrs.every((p) => p.fresh),
                ...(first.paramIndex !== undefined && v.ptrs.length === 1 ? { paramIndex: first.paramIndex } : {}),
                ...(first.from ? { from: first.from } : {}),
            };
        }
        const isParam = info.kind === 'param';
        // `&n` of a variable that holds an integer (`n, err := f()`) is its own memory too, though
        // no declared type says it is a value (issue 9: such a local may live on the stack).
        const stack = addr && !isParam && (info.isValue === true || (v.int && v.ptrs.length === 0 && !v.unsafePtr));
        const pf = { name: e.text, keys: [info.key], kind: isParam ? 'param' : 'local', stack, fresh: stack };
        if (!isParam && v.from)
            pf.from = v.from;
        if (isParam && info.paramIndex !== undefined)
            pf.paramIndex = info.paramIndex;
        return pf;
    }
    if (e.type === 'selector_expression' || e.type === 'index_expression' || e.type === 'slice_expression') {
        const operand = e.childForFieldName('operand');
        if (!operand)
            return null;
        const op = unparen(operand);
        if (e.type === 'selector_expression' && op.type === 'identifier' && !lookup(cx, op.text) && cx.file.imports.has(op.text)) {
            return { name: e.text, keys: [`global:${e.text}`], kind: 'global', stack: false };
        }
        // Elements and fields of a value live in the object that holds them; through a pointer or
        // slice they live in what it points to.
        // `&a[i]` of a local array (a value, unlike a slice) is the array's own memory too.
        const info = op.type === 'identifier' ? lookup(cx, op.text) : undefined;
        const ownArray = e.type === 'index_expression' && info?.isValue === true && /^\[[^\]]/.test(info.type ?? '');
        const inner = objOf(cx, op, env, ctx, addr && (e.type === 'selector_expression' || ownArray));
        if (!inner)
            return null;
        if (e.type === 'index_expression' || e.type === 'slice_expression') {
            const root = rootVar(cx, op);
            const rv = root ? env.get(root.key) ?? EMPTY : EMPTY;
            if (rv.os)
                return { ...inner, kind: 'os' };
            // `p(b[i])` without `&` is what the element points to: named so (issue 9); the keys stay
            // the root variable's, whose liveness keeps the element's pointee reachable.
            const name = !addr && e.type === 'index_expression' ? shorten(e.text) : inner.name;
            return { ...inner, name, stack: inner.stack && addr && !(root && isSliceish(root)) };
        }
        // `unsafe.Pointer(t.attr)` converts what the field points to, `t.attr`'s pointee, not `t`
        // (issue 9); `&t.attr` is t's own memory and keeps t's name.
        return addr ? inner : { ...inner, name: shorten(e.text) };
    }
    if (e.type === 'call_expression') {
        const operand = conversionOperand(cx.names, e) ?? unsafeHelperOperand(cx.names, e);
        if (operand)
            return objOf(cx, operand, env, ctx, false);
        const v = cx.ops.evalCall(cx, e, env, ctx, 'plain', true);
        if (v.os)
            return { name: shorten(e.text), keys: [], kind: 'os', stack: false };
        if (v.ptrs.length > 0)
            return v.ptrs[0];
        const fn = e.childForFieldName('function');
        const from = fn ? cx.ops.calleeOf(cx, unparen(fn), env, ctx) : undefined;
        return { name: shorten(e.text), keys: [], kind: 'temp', stack: false, ...(from ? { from } : {}) };
    }
    if (e.type === 'unary_expression') {
        const op = e.child(0)?.type;
        const operand = e.childForFieldName('operand');
        if (!operand)
            return null;
        if (op === '&')
            return objOf(cx, operand, env, ctx, true);
        if (op === '*')
            return objOf(cx, operand, env, ctx, false);
        return null;
    }
    if (e.type === 'composite_literal')
        return { name: shorten(e.text), keys: [], kind: 'temp', stack: false };
    return null;
}
/** Reports whether an expression has type unsafe.Pointer, as far as syntax and flow tell. */
export function isUnsafePointerExpr(cx, expr, env) {
    const e = unparen(expr);
    if (e.type === 'call_expression') {
        const fn = e.childForFieldName('function');
        if (!fn)
            return false;
        const f = unparen(fn);
        return isUnsafeMember(cx.names, f, 'Pointer') || isUnsafeMember(cx.names, f, 'Add');
    }
    if (e.type === 'identifier') {
        const info = lookup(cx, e.text);
        if (!info)
            return false;
        if (info.type && isUnsafePointerType(cx.file, info.type))
            return true;
        return (env.get(info.key) ?? EMPTY).unsafePtr;
    }
    return false;
}
/** Reports whether an expression is an integer that never was a Go pointer (a call result, a
 * constant, a uintptr parameter...), so unsafe.Pointer of it is foreign memory. */
export function looksIntegral(cx, expr, env) {
    const e = unparen(expr);
    if (e.type === 'identifier') {
        const info = lookup(cx, e.text);
        if (!info)
            return false;
        const v = env.get(info.key) ?? EMPTY;
        if (v.uptrs.length > 0 || v.ptrs.length > 0 || v.unsafePtr)
            return false;
        return v.os || v.int || (info.type !== undefined && INTEGER_TYPES.has(info.type)) || v.params.length > 0;
    }
    if (e.type === 'call_expression') {
        const v = cx.ops.evalExpr(cx, e, env, ctxOf(cx, e), true);
        return v.os || v.int;
    }
    return e.type === 'int_literal' || cx.ops.evalExpr(cx, e, env, ctxOf(cx, e), true).int;
}
