// cgo conversions: `C.T(x)` for a C type T is a conversion, not a call into C, so it keeps what
// it converts. `C.uintptr_t(uintptr(unsafe.Pointer(p)))` is the address of p as a C integer, on
// its way to a C function that cgo does not check or keep alive (cgo checks and keeps only
// pointer arguments, cmd/cgo out.go `_Cgo_use`); `C.int(n)` is a number. Only a call into C
// gives C memory (callee.ts).
import { cgoConversionType } from '../go/cgo.js';
import { C_NARROW_TYPES } from '../knowledge/index.js';
import { evalExpr } from './expressions.js';
import { INT, av } from './value.js';
/** The value of `C.T(x)` when `call` converts to a C type, or null when it is not such a
 * conversion (a call into C is evaluated as a call). */
export function evalCgoConversion(cx, call, args, env, ctx, quiet) {
    const type = cgoConversionType(cx.names, call, cx.file.cTypes);
    if (type === null)
        return null;
    const v = evalExpr(cx, args[0], env, ctx, quiet);
    // Narrower than a pointer (C.int, C.uint32_t): whatever it was, it is no address now.
    if (C_NARROW_TYPES.includes(type))
        return INT;
    // A pointer or a struct converted to a C pointer or struct type (`C.HANDLE(unsafe.Pointer(p))`)
    // is still the same pointer or value.
    if (v.ptrs.length > 0 || v.unsafePtr || v.fields || v.elems || v.slots)
        return v;
    const converted = [...v.uptrs, ...v.numeric];
    if (converted.length === 0)
        return v.params.length > 0 || v.os ? v : INT;
    // A pointer-derived integer stays one, through a conversion the compiler does not protect.
    return av({ uptrs: converted.map((u) => (u.via === 'inline' || v.numeric.includes(u) ? { ...u, via: 'conv' } : u)), params: v.params, os: v.os });
}
