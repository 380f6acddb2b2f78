import { callArguments, typeText, unparen } from '../go/syntax.js';
import { DLL_PACKAGES, PINNER, PROC_TYPES } from '../knowledge/index.js';
/** A type written as `T`, `*T`, `pkg.T` or `*pkg.T`, with `pkg` resolved through the imports. */
export function typeRef(fs, t) {
    const m = /^(\*?)(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(t);
    if (!m)
        return null;
    const pkg = m[2] ? fs.imports.get(m[2])?.path ?? null : null;
    if (m[2] && !pkg)
        return null;
    return { pkg, name: m[3], pointer: m[1] === '*' };
}
export function isPinnerType(fs, t) {
    const r = typeRef(fs, t);
    return !!r && r.pkg === PINNER.pkg && r.name === PINNER.type;
}
export function isProcType(fs, t) {
    const r = typeRef(fs, t);
    return !!r && !!r.pkg && DLL_PACKAGES.includes(r.pkg) && PROC_TYPES.includes(r.name);
}
export function isUnsafePointerType(fs, t) {
    const m = /^([A-Za-z_]\w*)\.Pointer$/.exec(t);
    return !!m && fs.imports.get(m[1])?.path === 'unsafe';
}
/** Reports whether a declared type (written in this file's terms) is an integer type built on
 * uintptr: uintptr itself, or a named type or alias whose underlying type is uintptr, declared in
 * this file, elsewhere in its package or in an imported package (the type layer's view). */
export function isUintptrType(fs, t) {
    if (t === 'uintptr')
        return true;
    const r = typeRef(fs, t);
    if (!r || r.pointer)
        return false;
    return r.pkg === null ? fs.names.isNamedUintptrType(r.name) : fs.names.isImportedUintptrType(r.pkg, r.name);
}
/** Reports whether a parameter's declared type carries uintptrs: a uintptr-based type, a slice
 * of one, or a variadic one. */
export function isUintptrParamType(fs, p) {
    if (isUintptrType(fs, p.type))
        return true;
    return !p.variadic && p.type.startsWith('[]') && isUintptrType(fs, p.type.slice(2));
}
/** Reports whether a declared type is a value type (its variables hold their own memory). */
export function isValueType(fs, t) {
    if (!t || t.startsWith('*') || t.startsWith('[]') || t.startsWith('map[') || t.startsWith('chan') || t.startsWith('<-') || t.startsWith('func') || t.startsWith('interface'))
        return false;
    if (['string', 'error', 'any'].includes(t) || isUnsafePointerType(fs, t))
        return false;
    return true;
}
/** Adds what a declared type says about a value: a Pinner, a proc, an unsafe.Pointer. */
export function typedZero(fs, type, v) {
    const extra = {};
    if (isPinnerType(fs, type))
        extra.pinner = true;
    if (isProcType(fs, type))
        extra.proc = true;
    if (isUnsafePointerType(fs, type))
        extra.unsafePtr = true;
    return Object.keys(extra).length ? { ...v, ...extra } : v;
}
/** The type of `T{...}`, `&T{...}`, `new(T)`, `x.(T)` or `(*T)(x)`, when written out. */
export function inferType(names, e) {
    if (e.type === 'composite_literal' || e.type === 'type_assertion_expression')
        return typeText(e.childForFieldName('type'));
    if (e.type === 'unary_expression' && e.child(0)?.type === '&') {
        const op = e.childForFieldName('operand');
        const inner = op ? unparen(op) : null;
        if (inner?.type === 'composite_literal') {
            const t = typeText(inner.childForFieldName('type'));
            return t ? `*${t}` : undefined;
        }
    }
    if (e.type === 'call_expression') {
        const f = e.childForFieldName('function');
        const args = callArguments(e).args;
        // (*T)(x): a conversion to a pointer type names its type.
        if (f?.type === 'parenthesized_expression' && args.length === 1) {
            const inner = unparen(f);
            if (inner.type === 'pointer_type' || (inner.type === 'unary_expression' && inner.child(0)?.type === '*'))
                return inner.text.replace(/\s+/g, '');
        }
        // make([]T, n) is a []T: what a message calls the elements of (issue 9).
        if (f && f.type === 'identifier' && f.text === 'make' && !names.isLocal('make') && args[0])
            return typeText(args[0]);
        if (f && f.type === 'identifier' && f.text === 'new' && !names.isLocal('new') && args[0]) {
            const t = typeText(args[0]);
            return t ? `*${t}` : undefined;
        }
    }
    return undefined;
}
/** Reports whether a variable was declared with a slice type. */
export function isSliceish(info) {
    return (info.type ?? '').startsWith('[]');
}
