import { constIndex, elementKey, fieldPath, shorten, spanOf, typeText, unparen } from '../go/syntax.js';
import { visit } from './budget.js';
import { noteUse, recall, remember } from './context.js';
import { ask, structFields } from './file-scope.js';
import { noteLiteralFuncs } from './func-values.js';
import { objOf, rootVar } from './objects.js';
import { lookup } from './scope.js';
import { typedZero } from './typing.js';
import { EMPTY, INT, altered, av, elemAt, held, hiddenIn, join, untyped } from './value.js';
/** Evaluates an expression to the abstract value it may hold, recording calls on the way. A quiet
 * evaluation (one that records nothing) of an expression already evaluated in the same
 * environment state is answered from memory (context.ts `recall`). */
export function evalExpr(cx, node, env, ctx, quiet = false) {
    const e = unparen(node);
    if (e.type === 'call_expression')
        return cx.ops.evalCall(cx, e, env, ctx, 'plain', quiet);
    visit(cx.file.budget);
    if (e.type === 'identifier')
        return evalIdentifier(cx, e, env);
    const known = quiet ? recall(cx, e, env) : undefined;
    return known ?? remember(cx, e, env, evalCompound(cx, e, env, ctx, quiet));
}
/** A name: a variable's value, a package-level function used as a value, or static memory. */
function evalIdentifier(cx, e, env) {
    const info = lookup(cx, e.text);
    if (!info) {
        if (e.text === 'nil')
            return EMPTY;
        // Reading a package-level array or struct copies it: the copy is not static memory.
        if (cx.file.pkgValueVars.has(e.text))
            return EMPTY;
        // A function of this package used as a value: declared here, or (the type layer says)
        // in another file of the package.
        const isFunc = !cx.file.pkgVarNames.has(e.text) &&
            (cx.file.pkgFuncNames.has(e.text) || ask(cx.file, null, `${e.text}!fn`)?.kind === 'func-decl');
        return isFunc
            ? av({ func: { kind: 'func', pkg: null, qualifier: null, name: e.text } })
            : av({ ptrs: [{ name: e.text, keys: [`global:${e.text}`], kind: 'global', stack: false }] });
    }
    noteUse(cx, info.key, e);
    return env.get(info.key) ?? EMPTY;
}
/** Every expression but names and calls, unparenthesized. */
function evalCompound(cx, e, env, ctx, quiet) {
    switch (e.type) {
        case 'unary_expression': {
            const op = e.child(0)?.type;
            const operand = e.childForFieldName('operand');
            if (!operand)
                return EMPTY;
            if (op === '&')
                return addressOf(cx, operand, env, ctx);
            const v = evalExpr(cx, operand, env, ctx, quiet);
            // *p is the pointee: what p's target holds, not p's own provenance.
            if (op === '*')
                return v.fields || v.elems || v.slots ? av({ fields: v.fields, elems: v.elems, slots: v.slots, os: v.os }) : v.os ? av({ os: true }) : EMPTY;
            return altered(v, 'arith');
        }
        case 'binary_expression':
            return evalBinary(cx, e, env, ctx, quiet);
        case 'selector_expression':
            return evalSelector(cx, e, env, ctx, quiet);
        case 'index_expression': {
            const operand = e.childForFieldName('operand');
            const idx = e.childForFieldName('index');
            if (idx)
                evalExpr(cx, idx, env, ctx, quiet);
            const base = operand ? evalExpr(cx, operand, env, ctx, quiet) : EMPTY;
            if (base.os)
                return av({ os: true });
            return elemAt(base, constIndex(idx)) ?? EMPTY;
        }
        case 'slice_expression': {
            const operand = e.childForFieldName('operand');
            for (const f of ['start', 'end', 'capacity']) {
                const n = e.childForFieldName(f);
                if (n)
                    evalExpr(cx, n, env, ctx, quiet);
            }
            return operand ? evalExpr(cx, operand, env, ctx, quiet) : EMPTY;
        }
        case 'composite_literal':
            return compositeLiteral(cx, e, env, ctx);
        case 'func_literal':
            cx.ops.walkClosure(cx, e, env, false);
            return EMPTY;
        case 'type_conversion_expression':
        case 'type_assertion_expression': {
            const operand = e.childForFieldName('operand');
            const v = operand ? evalExpr(cx, operand, env, ctx, quiet) : EMPTY;
            // []byte(s): the conversion allocates a fresh slice.
            if (e.type === 'type_conversion_expression' && e.childForFieldName('type')?.type === 'slice_type') {
                return av({ ptrs: [{ name: shorten(e.text), keys: [], kind: 'temp', stack: false, fresh: true }] });
            }
            // The value now has the asserted or converted type, not the declared type it came with.
            return untyped(v);
        }
        case 'int_literal':
        case 'rune_literal':
            return INT;
        case 'expression_list': {
            let v = EMPTY;
            for (const c of e.namedChildren)
                v = join(v, evalExpr(cx, c, env, ctx, quiet));
            return v;
        }
        default:
            return EMPTY;
    }
}
/** `a op b`: comparisons are booleans; arithmetic on a pointer-derived uintptr alters it. */
export function evalBinary(cx, e, env, ctx, quiet) {
    const op = e.childForFieldName('operator')?.text ?? e.child(1)?.type ?? '';
    const l = e.childForFieldName('left');
    const r = e.childForFieldName('right');
    const lv = l ? evalExpr(cx, l, env, ctx, quiet) : EMPTY;
    const rv = r ? evalExpr(cx, r, env, ctx, quiet) : EMPTY;
    if (['==', '!=', '<', '>', '<=', '>=', '&&', '||'].includes(op))
        return EMPTY;
    // `p - base` with a non-constant base is an offset between two addresses, not an address;
    // masks, shifts and division make a number too (a hash, an alignment check).
    const rightConst = r ? unparen(r).type === 'int_literal' || rv.int : false;
    if ((op === '-' && lv.uptrs.length > 0 && !rightConst) || ['>>', '<<', '/', '%', '^', '&'].includes(op) && lv.uptrs.length > 0 && op !== '&^') {
        if (!(op === '&' && rightConst && /^\^/.test(r?.text ?? '')))
            return INT;
    }
    const both = join(lv, rv);
    return av({ uptrs: altered(both, 'arith').uptrs, params: both.params, os: lv.os || rv.os, int: both.uptrs.length === 0 && both.params.length === 0 && (lv.int || rv.int) });
}
/** `x.f`: a package member, a field's value, a method value, a procedure or Pinner field. */
export function evalSelector(cx, e, env, ctx, quiet) {
    const operand = e.childForFieldName('operand');
    const field = e.childForFieldName('field')?.text ?? '';
    if (operand && unparen(operand).type === 'identifier' && !lookup(cx, unparen(operand).text)) {
        // pkg.Name: a package-level entity of another package.
        const imp = cx.file.imports.get(unparen(operand).text);
        if (imp) {
            // `f := syscall.Syscall` holds a function; `&pkg.Var` is static memory.
            if (cx.file.k.sinks.funcs[imp.path]?.includes(field))
                return av({ func: { kind: 'func', pkg: imp.path, qualifier: unparen(operand).text, name: field } });
            return av({ ptrs: [{ name: e.text, keys: [`global:${imp.path}.${field}`], kind: 'global', stack: false }] });
        }
    }
    const base = operand ? evalExpr(cx, operand, env, ctx, quiet) : EMPTY;
    const fv = base.fields?.get(field);
    if (fv)
        return fv;
    // `c := proc.Call`: a method value, which the compiler cannot call statically (#34684).
    const opNode = operand ? unparen(operand) : null;
    if (opNode && opNode.type === 'identifier' && !lookup(cx, opNode.text) && !cx.file.imports.has(opNode.text) && cx.file.sinkMethodNames.has(field) && !cx.file.pkgFuncNames.has(opNode.text)) {
        return av({ func: { kind: 'method', name: field, recv: { kind: 'pkgvar', pkg: null, name: opNode.text }, recvText: opNode.text } });
    }
    if (base.proc && cx.file.sinkMethodNames.has(field)) {
        return av({ func: { kind: 'method', name: field, recv: { kind: 'proc', ...(base.procName ? { api: base.procName } : {}) }, recvText: unparen(operand).text } });
    }
    if (cx.file.procFieldNames.has(field))
        return av({ proc: true });
    if (cx.file.pinnerFieldNames.has(field))
        return av({ pinner: true });
    if (base.os)
        return av({ os: true });
    return EMPTY;
}
export function compositeLiteral(cx, e, env, ctx) {
    return literalBody(cx, e.childForFieldName('body'), e.childForFieldName('type'), env, ctx, e);
}
/** The type of the elements of a list or map type node (`[2]iovec` → `iovec`), for literal
 * values written without their type (`[]iovec{{base: …}}`, Go spec "Composite literals"). */
function elementTypeNode(type) {
    if (!type)
        return null;
    if (type.type === 'slice_type' || type.type === 'array_type' || type.type === 'implicit_length_array_type')
        return type.childForFieldName('element');
    if (type.type === 'map_type')
        return type.childForFieldName('value');
    return null;
}
/** The value of a literal's element: a nested literal written without its type takes the
 * element type of the enclosing list (an iovec of `[]iovec{{…}, {…}}` is as much a struct
 * hiding pointers as one written `iovec{…}`). */
function elementValue(cx, node, elemType, env, ctx) {
    if (node.type === 'literal_value')
        return literalBody(cx, node, elemType, env, ctx, node);
    return evalExpr(cx, node, env, ctx);
}
function literalBody(cx, body, type, env, ctx, where) {
    const typeStr = typeText(type) ?? '';
    const isList = type?.type === 'slice_type' || type?.type === 'array_type' || type?.type === 'implicit_length_array_type';
    const elemType = elementTypeNode(type);
    let fields = null;
    let elems = null;
    let slots = null;
    let position = 0;
    for (const el of body?.namedChildren ?? []) {
        if (el.type === 'keyed_element') {
            const [k, v] = el.namedChildren;
            const key = k ? unparen(k.namedChildren[0] ?? k).text : '';
            const valueNode = v?.namedChildren[0] ?? v;
            const val = valueNode ? elementValue(cx, valueNode, elemType, env, ctx) : EMPTY;
            if (isList) {
                const k = constIndex(elementKey(el));
                const hv = held(val, 'elem', `${typeStr}{…}`, spanOf(el));
                if (k !== null) {
                    slots ??= new Map();
                    slots.set(k, hv);
                    position = k + 1;
                    continue;
                }
                elems = elems ? join(elems, hv) : hv;
            }
            else {
                fields ??= new Map();
                fields.set(key, held(val, 'field', key, spanOf(el)));
            }
        }
        else if (el.type === 'literal_element') {
            const inner = el.namedChildren[0];
            const val = inner ? elementValue(cx, inner, elemType, env, ctx) : EMPTY;
            const where = spanOf(el);
            if (isList) {
                slots ??= new Map();
                slots.set(position, held(val, 'elem', `${typeStr}{…}`, where));
            }
            else {
                // The N-th element initializes the N-th declared field: named so where a message may
                // mention it (it holds a pointer-derived integer; issue 9), else kept as `#N`.
                const carries = val.uptrs.length > 0 || val.numeric.length > 0 || hiddenIn(val).length > 0;
                const name = (carries ? structFields(cx.file, typeStr)?.[position]?.[0] : undefined) ?? `#${position}`;
                fields ??= new Map();
                fields.set(name, held(val, 'field', name, where));
            }
            position++;
        }
    }
    if (!isList && typeStr)
        noteLiteralFuncs(cx, typeStr, fields, where);
    const extra = typeStr ? typedZero(cx.file, typeStr, EMPTY) : EMPTY;
    return { ...extra, fields, elems, slots };
}
export function addressOf(cx, operand, env, ctx) {
    const o = unparen(operand);
    if (o.type === 'composite_literal') {
        const v = compositeLiteral(cx, o, env, ctx);
        const obj = { name: `&${shorten(o.text)}`, keys: [], kind: 'temp', stack: false, fresh: true };
        return { ...v, ptrs: [obj] };
    }
    const obj = objOf(cx, o, env, ctx, true);
    const root = rootVar(cx, o);
    if (root)
        noteUse(cx, root.key, o);
    const base = root ? env.get(root.key) ?? EMPTY : EMPTY;
    // &x keeps what x holds visible to a callee that reads through the pointer.
    // &x and &x[i] point into all of x's memory; &x.f into the field's value.
    const contents = o.type === 'identifier' || o.type === 'index_expression' ? base : o.type === 'selector_expression' ? (base.fields?.get(fieldPath(o).join('.')) ?? EMPTY) : EMPTY;
    return av({ ptrs: obj ? [obj] : [], fields: contents.fields, elems: contents.elems, slots: contents.slots, os: obj?.kind === 'os', pinner: contents.pinner, proc: contents.proc });
}
