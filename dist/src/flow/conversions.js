import { NARROW_INTEGER_TYPES, conversionOperand, isIntegerConversion, isNamedUintptrConversion, isUintptrConversion, isUnsafeMember, unsafeHelperOperand } from '../go/predicates.js';
import { shorten, spanOf, unparen } from '../go/syntax.js';
import { hoistSite } from './fix-sites.js';
import { evalExpr } from './expressions.js';
import { isUnsafePointerExpr, looksIntegral, objOf } from './objects.js';
import { EMPTY, INT, altered, av, untyped } from './value.js';
/** Conversions and unsafe helpers: uintptr(x), other integer types, named uintptr types,
 * unsafe.Pointer and (*T) conversions, unsafe.Add/Slice/..., []byte(s). Null when `call` is none. */
export function evalConversion(cx, call, f, args, env, ctx, quiet) {
    // uintptr(x): the conversion the whole bug class is about (unsafe.Pointer rule 4).
    if (isUintptrConversion(cx.names, call)) {
        const arg = args[0];
        if (isUnsafePointerExpr(cx, arg, env)) {
            const obj = objOf(cx, arg, env, ctx);
            const inner = evalExpr(cx, arg, env, ctx, quiet);
            if (!obj || obj.kind === 'os' || inner.os)
                return av({ os: true });
            if (obj.kind === 'global')
                return EMPTY;
            const u = { obj, conv: spanOf(call), via: 'inline' };
            if (unparen(arg).type === 'identifier')
                u.fromVar = true;
            if (obj.kind === 'temp' && obj.keys.length === 0) {
                const hoist = hoistSite(cx, call);
                if (hoist)
                    u.hoist = hoist;
            }
            return av({ uptrs: [u] });
        }
        const v = evalExpr(cx, arg, env, ctx, quiet);
        // uintptr(uint64(uintptr(unsafe.Pointer(p)))): back to an address, through a conversion
        // the compiler does not protect (go-semantics.md §2.5).
        if (v.numeric.length > 0 && unparen(arg).type !== 'binary_expression')
            return av({ uptrs: v.numeric.map((u) => ({ ...u, via: 'conv' })) });
        if (v.uptrs.length === 0 && v.params.length === 0 && !v.os)
            return INT;
        return altered(v, 'conv');
    }
    // Conversions to other integer types keep what they convert (a pointer-derived value
    // stays one) but lose the protected shape (go-semantics.md §2.5: extra conversion).
    if (isIntegerConversion(cx.names, call)) {
        const v = evalExpr(cx, args[0], env, ctx, quiet);
        if (v.uptrs.length === 0 && v.params.length === 0)
            return v.os ? v : v.numeric.length ? v : INT;
        // Narrower than a pointer: an offset or a hash, never an address on 64-bit platforms.
        if (NARROW_INTEGER_TYPES.has(unparen(call.childForFieldName('function')).text))
            return INT;
        // A pointer turned into another integer type is a number (a seed, a hash, a bpf u64
        // field): it only matters if converted straight back to uintptr.
        return av({ numeric: [...v.uptrs, ...v.numeric], params: v.params });
    }
    if (isNamedUintptrConversion(cx.names, call)) {
        const arg = args[0];
        if (isUnsafePointerExpr(cx, arg, env)) {
            const obj = objOf(cx, arg, env, ctx);
            if (!obj || obj.kind === 'os')
                return av({ os: true });
            if (obj.kind === 'global')
                return EMPTY;
            return av({ uptrs: [{ obj, conv: spanOf(call), via: 'conv' }] });
        }
        return altered(evalExpr(cx, arg, env, ctx, quiet), 'conv');
    }
    const convOperand = conversionOperand(cx.names, call);
    if (convOperand) {
        let v = evalExpr(cx, convOperand, env, ctx, quiet);
        const isUnsafe = isUnsafeMember(cx.names, f, 'Pointer');
        // unsafe.Pointer(u) of a pointer-derived uintptr is a pointer again (unsafe.Pointer rule 3:
        // conversion, arithmetic and conversion back in one expression), visible to the collector.
        if (v.uptrs.length > 0)
            v = av({ ptrs: v.uptrs.map((u) => u.obj), fields: v.fields, elems: v.elems, slots: v.slots });
        // unsafe.Pointer(u) of a uintptr that is not pointer-derived: memory the OS handed out.
        const fromInt = v.uptrs.length === 0 && v.ptrs.length === 0 && !v.unsafePtr && looksIntegral(cx, convOperand, env);
        // A converted value has the target type, not the declared type it came with.
        const base = fromInt ? av({ os: true }) : untyped(v);
        return isUnsafe ? { ...base, unsafePtr: true } : base;
    }
    const helper = unsafeHelperOperand(cx.names, call);
    if (helper) {
        for (const a of args.slice(1))
            evalExpr(cx, a, env, ctx, quiet);
        const v = evalExpr(cx, helper, env, ctx, quiet);
        const base = v.uptrs.length === 0 && v.ptrs.length === 0 && !v.unsafePtr && looksIntegral(cx, helper, env) ? av({ os: true }) : v;
        return isUnsafeMember(cx.names, f, 'Add') ? { ...base, unsafePtr: true } : { ...base, unsafePtr: false };
    }
    // []byte(s), []uint16(...): a conversion that allocates a fresh slice.
    if (f.type === 'slice_type' && args.length === 1) {
        evalExpr(cx, args[0], env, ctx, quiet);
        return av({ ptrs: [{ name: shorten(call.text), keys: [], kind: 'temp', stack: false, fresh: true }] });
    }
    return null;
}
