import { directivesOf, paramFacts, spanOf, typeText, unparen } from '../go/syntax.js';
import { ASYNC_IO_HINTS } from '../knowledge/index.js';
import { AnalysisTimeout } from './budget.js';
import { calleeOf } from './callee.js';
import { evalCall } from './calls.js';
import { ctxOf } from './context.js';
import { evalExpr } from './expressions.js';
import { waitsForIO } from './io.js';
import { finishCalls, pinnerLeaks } from './mitigations.js';
import { declare, newFnContext } from './scope.js';
import { walkBlock, walkClosure, walkInline } from './statements.js';
import { inferType, isPinnerType, isProcType, isUintptrParamType, isUintptrType, isUnsafePointerType, typedZero } from './typing.js';
import { summarizeReturns, summarizeStores } from './returns.js';
import { EMPTY, Env, av } from './value.js';
/** The evaluator and walker entry points, handed to every function context so the modules
 * below the ones that define them can call back without an import cycle. */
const OPS = { evalExpr, evalCall, calleeOf, walkClosure, walkInline };
/**
 * Scans the file's declarations in three passes: first the names and types declared at package
 * level (so function bodies can tell globals from locals), then package variables (their
 * initializers may name those functions and types), then every function body. The last two
 * evaluate code, and stop at the file's deadline (`fs.budget`, checked inside the walks too):
 * the declaration being analyzed then and those after it are left out, counted.
 */
export function scanDeclarations(fs) {
    for (const decl of fs.root.namedChildren) {
        if (decl.type === 'function_declaration') {
            const n = decl.childForFieldName('name');
            if (n)
                fs.pkgFuncNames.add(n.text);
        }
        else if (decl.type === 'var_declaration' || decl.type === 'const_declaration') {
            packageNames(fs, decl);
        }
        else if (decl.type === 'type_declaration') {
            for (const spec of decl.namedChildren)
                if (spec.type === 'type_spec' || spec.type === 'type_alias')
                    typeSpec(fs, spec);
        }
    }
    const vars = fs.root.namedChildren.filter((d) => d.type === 'var_declaration');
    const funcs = fs.root.namedChildren.filter((d) => d.type === 'function_declaration' || d.type === 'method_declaration');
    const late = withinBudget(fs, vars, (d) => pkgVarDecl(fs, d));
    if (late) {
        late.skipped += funcs.length;
        return late;
    }
    return withinBudget(fs, funcs, (d) => funcDecl(fs, d));
}
/** Analyzes each declaration in turn until the deadline passes; what is left is counted. */
function withinBudget(fs, decls, analyze) {
    for (let i = 0; i < decls.length; i++) {
        const decl = decls[i];
        try {
            if (performance.now() > fs.budget.deadline)
                throw new AnalysisTimeout();
            analyze(decl);
        }
        catch (err) {
            if (!(err instanceof AnalysisTimeout))
                throw err;
            return { skipped: decls.length - i, first: spanOf(decl) };
        }
    }
    return null;
}
/** Package-level variable and constant names; those of array or struct value type too. */
function packageNames(fs, decl) {
    for (const spec of decl.descendantsOfType(['var_spec', 'const_spec'])) {
        const t = spec.childForFieldName('type');
        const v0 = spec.childForFieldName('value')?.namedChildren[0];
        const litType = v0 && v0.type === 'composite_literal' ? v0.childForFieldName('type') : null;
        const valueType = [t?.type, litType?.type].some((x) => x === 'array_type' || x === 'struct_type') || (!!litType && litType.type === 'type_identifier');
        for (const n of spec.childrenForFieldName('name')) {
            fs.pkgVarNames.add(n.text);
            if (valueType)
                fs.pkgValueVars.add(n.text);
        }
    }
}
export function typeSpec(fs, spec) {
    const name = spec.childForFieldName('name')?.text;
    const t = spec.childForFieldName('type');
    if (!name || !t)
        return;
    const fact = { name, kind: 'other' };
    if (t.type === 'struct_type') {
        fact.kind = 'struct';
        fact.fields = {};
        fs.structFields.set(name, fact.fields);
        // Positional literals name fields by their place: the struct's own fields in order, blank
        // and embedded ones included, nested struct types' fields not (issue 9).
        const list = t.namedChildren.find((c) => c.type === 'field_declaration_list');
        const own = (list?.namedChildren ?? []).filter((fd) => fd.type === 'field_declaration');
        fact.order = own.flatMap((fd) => {
            const ft = typeText(fd.childForFieldName('type')) ?? '';
            const names = fd.childrenForFieldName('name');
            return names.length === 0 ? [[ft.replace(/^\*/, '').split('.').pop() ?? ft, ft]] : names.map((n) => [n.text, ft]);
        });
        fs.structOrder.set(name, fact.order);
        // Only the struct's own fields: the fields of a nested anonymous struct belong to that type
        // (its text is the field's type). Walking every descendant was also quadratic in the nesting
        // depth, each level taking the text of everything below it.
        for (const fd of own) {
            const ft = typeText(fd.childForFieldName('type')) ?? '';
            const names = fd.childrenForFieldName('name');
            if (names.length === 0)
                fact.fields[ft.replace(/^\*/, '').split('.').pop() ?? ft] = ft;
            for (const n of names) {
                fact.fields[n.text] = ft;
                if (isPinnerType(fs, ft))
                    fs.pinnerFieldNames.add(n.text);
                if (isProcType(fs, ft))
                    fs.procFieldNames.add(n.text);
            }
        }
    }
    else if (t.type === 'interface_type') {
        fact.kind = 'interface';
        // The interface's own methods, not those of interfaces nested in their signatures.
        const elems = t.namedChildren.filter((c) => c.type === 'method_elem');
        fact.methods = elems.map((m) => m.childForFieldName('name')?.text ?? '').filter(Boolean);
        fact.uintptrMethods = elems.filter((m) => /\buintptr\b/.test(m.childForFieldName('parameters')?.text ?? '')).map((m) => m.childForFieldName('name')?.text ?? '');
    }
    else if (t.type === 'function_type') {
        fact.kind = 'func';
        if (/\buintptr\b/.test(t.childForFieldName('parameters')?.text ?? '')) {
            fact.uintptrSignature = true;
            fs.uintptrFuncTypes.add(name);
        }
    }
    else if (t.text === 'uintptr') {
        fact.kind = 'uintptr';
        fs.namedUintptrTypes.add(name);
    }
    else if (t.type === 'type_identifier' || t.type === 'qualified_type') {
        // `type HWND HANDLE`, `type X = windows.Handle`: what it is depends on a declaration
        // that may live in another file or package (the type layer follows the chain).
        fact.underlying = t.text;
    }
    fs.facts.types.push(fact);
}
export function pkgVarDecl(fs, decl) {
    for (const spec of decl.descendantsOfType('var_spec')) {
        const names = spec.childrenForFieldName('name');
        const values = spec.childForFieldName('value')?.namedChildren ?? [];
        const type = typeText(spec.childForFieldName('type'));
        names.forEach((n, i) => {
            const value = values[i];
            const fact = { name: n.text, kind: 'other', span: spanOf(n) };
            const litType = value ? inferType(fs.names, unparen(value)) : undefined;
            if (type ?? litType)
                fact.type = (type ?? litType);
            if (value) {
                const v = classifyStatic(fs, value);
                // `var p proc = dll.NewProc(...)` with `proc` an interface: every call on p is dynamic.
                if (v.proc && type && !isProcType(fs, type))
                    fact.kind = 'iface-proc';
                else if (v.proc) {
                    fact.kind = 'proc';
                    if (v.procName)
                        fact.api = v.procName;
                }
                else if (v.dll)
                    fact.kind = 'dll';
                else if (v.func) {
                    fact.kind = 'func';
                    fact.target = v.func;
                }
            }
            else if (type) {
                if (isProcType(fs, type))
                    fact.kind = 'proc';
                else if (type.startsWith('func('))
                    fact.kind = 'func';
            }
            fs.facts.pkgVars.push(fact);
        });
    }
}
/** Classifies a package-level initializer without a function context of its own: it is walked
 * as a function with no locals whose events are dropped (only its value matters). */
export function classifyStatic(fs, expr) {
    const cx = newFnContext(fs, OPS, 0);
    return evalExpr(cx, expr, new Env(), ctxOf(cx, expr));
}
export function funcDecl(fs, decl) {
    const nameNode = decl.childForFieldName('name');
    if (!nameNode)
        return;
    const body = decl.childForFieldName('body');
    const params = paramFacts(decl.childForFieldName('parameters'));
    const resultList = decl.childForFieldName('result');
    // `func f() (a T, err error)` lists its results; `func f() T` writes one bare type.
    const results = resultList?.type === 'parameter_list' ? paramFacts(resultList)
        : resultList ? [{ name: '_', type: typeText(resultList) ?? '', variadic: false }] : [];
    let recv = null;
    let recvParam = null;
    if (decl.type === 'method_declaration') {
        const r = decl.childForFieldName('receiver')?.namedChildren[0];
        const rt = typeText(r?.childForFieldName('type')) ?? '';
        recv = rt.replace(/^\*/, '').replace(/\[.*$/, '');
        const rn = r?.childForFieldName('name')?.text;
        if (rn)
            recvParam = { name: rn, type: rt };
    }
    for (const p of params)
        if (isUintptrParamType(fs, p))
            p.uintptr = true;
    const fact = {
        name: nameNode.text,
        recv,
        params,
        hasBody: !!body,
        directives: directivesOf(decl),
        span: spanOf(decl),
        nameSpan: spanOf(nameNode),
        calls: [],
        leaks: [],
        storesParam: false,
        returnsForeign: false,
        asyncIO: !!body && ASYNC_IO_HINTS.test(body.text),
        waitsForIO: !!body && waitsForIO(body),
    };
    if (results.length)
        fact.results = results;
    if (body) {
        const out = walkFunctionBody(fs, fact, body, recvParam, results);
        fact.storesParam = out.storesParam;
        fact.returnsForeign = out.foreignReturns > 0 && out.otherReturns === 0;
        const returns = summarizeReturns(out.returns, results.length);
        if (returns)
            fact.returns = returns;
    }
    fs.facts.funcs.push(fact);
}
/** Walks a function body in a fresh context; returns what the walk learned about the function. */
export function walkFunctionBody(fs, fact, body, recv, results = []) {
    const cx = newFnContext(fs, OPS, fs.seq.nextId++);
    const env = new Env();
    // The receiver is parameter -1 for summaries (a method returning a conversion of its receiver).
    const paramKeys = new Map();
    if (recv) {
        const info = declare(cx, recv.name, 'param', env, EMPTY, recv.type, -1);
        if (info && recv.type.startsWith('*'))
            paramKeys.set(-1, info.key);
    }
    // Named results are locals: `func f() (st stat, err error)` then `&st`; a bare `return`
    // returns what they hold.
    for (const r of results) {
        const info = r.name !== '_' ? declare(cx, r.name, 'local', env, typedZero(fs, r.type, EMPTY), r.type) : null;
        cx.out.resultKeys.push(info?.key ?? null);
    }
    fact.params.forEach((p, index) => {
        if (p.name === '_')
            return;
        const info = declare(cx, p.name, 'param', env, paramValue(fs, p, index), p.variadic ? `[]${p.type}` : p.type, index);
        if (info && !p.variadic && p.type.startsWith('*'))
            paramKeys.set(index, info.key);
    });
    const end = walkBlock(cx, body, env);
    if (end)
        cx.out.exits.push(end);
    const stores = summarizeStores(cx.out.exits, paramKeys);
    if (stores.length)
        fact.stores = stores;
    // Uses of each hoisted variable after its declaration (any same-named identifier counts, so
    // shadowing can only make the fix less likely, never wrong).
    if (cx.out.inlineFixes.length) {
        const ids = body.descendantsOfType('identifier');
        for (const f of cx.out.inlineFixes)
            f.fix.uses = ids.filter((id) => id.text === f.name && id.startIndex > f.after).length;
    }
    fact.calls = finishCalls(cx);
    fact.leaks = pinnerLeaks(cx);
    return cx.out;
}
export function paramValue(fs, p, index) {
    const t = p.type;
    // A parameter of any integer type built on uintptr (`type LPARAM uintptr`) can carry a
    // pointer as an integer exactly like a uintptr one.
    if (p.variadic) {
        return isUintptrType(fs, t) ? av({ elems: av({ params: [{ index, mode: 'value' }] }), params: [{ index, mode: 'elems' }] }) : EMPTY;
    }
    if (isUintptrType(fs, t))
        return av({ params: [{ index, mode: 'value' }] });
    if (t.startsWith('[]') && isUintptrType(fs, t.slice(2)))
        return av({ elems: av({ params: [{ index, mode: 'value' }] }), params: [{ index, mode: 'elems' }] });
    const isPtr = t.startsWith('*') || isUnsafePointerType(fs, t) || t.startsWith('[]');
    const value = {};
    if (isPtr) {
        value.ptrs = [{ name: p.name, keys: [], kind: 'param', stack: false, paramIndex: index }];
        value.unsafePtr = isUnsafePointerType(fs, t);
    }
    if (isProcType(fs, t))
        value.proc = true;
    if (isPinnerType(fs, t))
        value.pinner = true;
    return av(value);
}
