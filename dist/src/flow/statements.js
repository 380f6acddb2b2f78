import { callArguments, paramFacts, spanOf, unparen } from '../go/syntax.js';
import { assign, store, varSpec } from './assign.js';
import { evalCall } from './calls.js';
import { visit } from './budget.js';
import { ctxOf, escapePinners } from './context.js';
import { evalExpr } from './expressions.js';
import { objOf } from './objects.js';
import { declare, lookup, popScope, pushScope } from './scope.js';
import { EMPTY, Env, INT, allElems, av, held, joinEnvs } from './value.js';
/** Walks a block in a new scope; returns the environment after it, or null if it never falls through. */
export function walkBlock(cx, block, env) {
    pushScope(cx, block);
    let cur = env;
    const list = block.type === 'block' ? (block.namedChildren.find((c) => c.type === 'statement_list') ?? block) : block;
    for (const stmt of list.namedChildren) {
        if (!cur)
            break;
        cur = walkStmt(cx, stmt, cur);
    }
    popScope(cx);
    return cur;
}
export function walkStmt(cx, stmt, env) {
    visit(cx.file.budget);
    switch (stmt.type) {
        case 'block':
            return walkBlock(cx, stmt, env);
        case 'statement_list': {
            let cur = env;
            for (const s of stmt.namedChildren) {
                if (!cur)
                    break;
                cur = walkStmt(cx, s, cur);
            }
            return cur;
        }
        case 'expression_statement': {
            const e = stmt.namedChildren[0];
            if (e) {
                evalExpr(cx, e, env, ctxOf(cx, e));
                if (isPanic(cx, e))
                    return null;
            }
            return env;
        }
        case 'short_var_declaration':
            assign(cx, stmt.childForFieldName('left'), stmt.childForFieldName('right'), env, true, stmt);
            return env;
        case 'assignment_statement': {
            const op = stmt.childForFieldName('operator')?.text ?? '=';
            assign(cx, stmt.childForFieldName('left'), stmt.childForFieldName('right'), env, false, stmt, op !== '=');
            return env;
        }
        case 'var_declaration':
            for (const spec of stmt.descendantsOfType('var_spec'))
                varSpec(cx, spec, env);
            return env;
        case 'inc_statement':
        case 'dec_statement':
        case 'send_statement':
            for (const c of stmt.namedChildren)
                evalExpr(cx, c, env, ctxOf(cx, c));
            return env;
        case 'go_statement':
        case 'defer_statement': {
            const call = stmt.namedChildren[0];
            if (call)
                evalCallStmt(cx, call, env, stmt.type === 'defer_statement' ? 'defer' : 'go');
            return env;
        }
        case 'return_statement': {
            const list = stmt.namedChildren[0];
            const exprs = list?.type === 'expression_list' ? list.namedChildren : list ? [list] : [];
            // The function's own return: not one of a closure, walked or invoked in place.
            const top = cx.pos.fnStack.length === 1 && cx.pos.inlineEnds.length === 0;
            const yielded = [];
            exprs.forEach((e, i) => {
                const u = unparen(e);
                const v = u.type === 'call_expression' ? evalCall(cx, u, env, ctxOf(cx, u), 'return') : evalExpr(cx, e, env, ctxOf(cx, e));
                if (u.type !== 'call_expression')
                    escapePinners(cx, v);
                if (i === 0 && top) {
                    if (v.os)
                        cx.out.foreignReturns++;
                    else
                        cx.out.otherReturns++;
                }
                // A pointer, slice or string handed to the caller (a struct returned by value is a copy).
                if (cx.pos.fnStack.length === 1 && v.ptrs.length > 0) {
                    const keys = [...v.ptrs.flatMap((o) => o.keys), ...(objOf(cx, e, env, ctxOf(cx, e))?.keys ?? [])];
                    if (keys.length > 0)
                        cx.log.returns.push({ keys, ctx: ctxOf(cx, stmt) });
                }
                yielded.push(...(exprs.length === 1 && v.results ? v.results : [v]));
            });
            // A bare return yields the named results as they are now.
            if (exprs.length === 0) {
                for (const k of cx.out.resultKeys)
                    yielded.push(k ? env.get(k) ?? EMPTY : EMPTY);
                if (top && yielded[0]) {
                    if (yielded[0].os)
                        cx.out.foreignReturns++;
                    else
                        cx.out.otherReturns++;
                }
            }
            if (top) {
                cx.out.returns.push(yielded);
                cx.out.exits.push(env);
            }
            return null;
        }
        case 'if_statement':
            return walkIf(cx, stmt, env);
        case 'for_statement':
            return walkFor(cx, stmt, env);
        case 'expression_switch_statement':
        case 'type_switch_statement':
        case 'select_statement':
            return walkSwitch(cx, stmt, env);
        case 'labeled_statement': {
            const inner = stmt.namedChildren.find((c) => c.type !== 'label_name');
            return inner ? walkStmt(cx, inner, env) : env;
        }
        case 'break_statement': {
            const exits = cx.pos.loopExits[cx.pos.loopExits.length - 1];
            if (exits)
                exits.push(env);
            return null;
        }
        case 'continue_statement':
        case 'goto_statement':
            return null;
        default:
            return env;
    }
}
export function isPanic(cx, e) {
    if (e.type !== 'call_expression')
        return false;
    const f = e.childForFieldName('function');
    return !!f && f.type === 'identifier' && (f.text === 'panic' || f.text === 'log.Fatal') && !lookup(cx, f.text);
}
/**
 * The elements of a parameter that is a slice of pointers or slices (`bufs [][]byte`): each
 * points into memory the caller handed in, so it is the parameter's object for summaries (a
 * helper hiding `&b[0]` of each element is converting its caller's buffers).
 */
function elementsOfParam(cx, right, rv) {
    const r = right ? unparen(right) : null;
    const info = r?.type === 'identifier' ? lookup(cx, r.text) : undefined;
    const t = info?.type ?? '';
    const only = rv.ptrs.length === 1 ? rv.ptrs[0] : undefined;
    if (info?.kind !== 'param' || only?.kind !== 'param' || !(t.startsWith('[][]') || t.startsWith('[]*')))
        return EMPTY;
    return av({ ptrs: [only] });
}
/** Opens the scope of an if or switch statement and walks its initializer and the expression it
 * tests; returns the environment its arms start from. The caller pops the scope. */
function walkHeader(cx, stmt, env, tested) {
    pushScope(cx, stmt);
    let cur = env;
    const init = stmt.childForFieldName('initializer');
    if (init)
        cur = walkStmt(cx, init, cur) ?? cur;
    const t = stmt.childForFieldName(tested);
    if (t)
        evalExpr(cx, t, cur, ctxOf(cx, t));
    return cur;
}
export function walkIf(cx, stmt, env) {
    const cur = walkHeader(cx, stmt, env, 'condition');
    const id = cx.file.seq.nextId++;
    cx.pos.path.push([id, 0]);
    const thenEnv = walkBlockOrStmt(cx, stmt.childForFieldName('consequence'), new Env(cur));
    cx.pos.path.pop();
    const alt = stmt.childForFieldName('alternative');
    let elseEnv = cur;
    if (alt) {
        cx.pos.path.push([id, 1]);
        elseEnv = walkBlockOrStmt(cx, alt, new Env(cur));
        cx.pos.path.pop();
    }
    popScope(cx);
    return joinEnvs([thenEnv, elseEnv]);
}
export function walkBlockOrStmt(cx, node, env) {
    if (!node)
        return env;
    return node.type === 'block' ? walkBlock(cx, node, env) : walkStmt(cx, node, env);
}
export function walkFor(cx, stmt, env) {
    pushScope(cx, stmt);
    let cur = env;
    const clause = stmt.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
    const body = stmt.childForFieldName('body');
    const id = cx.file.seq.nextId++;
    cx.pos.loops.push(id);
    cx.pos.loopNest++;
    if (clause?.type === 'for_clause') {
        const init = clause.childForFieldName('initializer');
        if (init)
            cur = walkStmt(cx, init, cur) ?? cur;
    }
    else if (clause?.type === 'range_clause') {
        const right = clause.childForFieldName('right');
        const rv = right ? evalExpr(cx, right, cur, ctxOf(cx, right)) : EMPTY;
        const left = clause.childForFieldName('left');
        const isDecl = clause.children.some((c) => c.type === ':=');
        const names = left?.namedChildren ?? [];
        // `for i, v := range xs`: v takes the elements (golang.org/ref/spec#For_range).
        const values = [INT, allElems(rv) ?? (rv.os ? av({ os: true }) : elementsOfParam(cx, right, rv))];
        names.forEach((n, i) => {
            const val = values[i] ?? EMPTY;
            if (isDecl && n.type === 'identifier')
                declare(cx, n.text, 'local', cur, held(val, 'var', n.text, spanOf(n)));
            else
                store(cx, n, val, cur, clause);
        });
    }
    // Two rounds over the body reach the fixed point for values carried around the back edge
    // in every shape pinlint tracks (a value needs at most one extra trip to reach a use).
    let result = cur;
    cx.pos.loopExits.push([]);
    // Deeply nested loops get one round: two rounds at every level would cost 2^depth walks. The
    // loops around a closure count too: a closure in a loop body is walked in each round.
    const rounds = cx.pos.loopNest > 6 ? 1 : 2;
    for (let round = 0; round < rounds; round++) {
        const cond = clause?.type === 'for_clause' ? clause.childForFieldName('condition') : clause ? null : stmt.namedChildren.find((c) => c !== body) ?? null;
        if (cond)
            evalExpr(cx, cond, result, ctxOf(cx, cond));
        const before = result;
        const after = body ? walkBlock(cx, body, new Env(before)) : before;
        if (clause?.type === 'for_clause') {
            const update = clause.childForFieldName('update');
            if (update && after)
                walkStmt(cx, update, after);
        }
        result = joinEnvs([before, after]) ?? before;
        if (round === 0)
            cx.pos.loopExits[cx.pos.loopExits.length - 1] = [];
    }
    const exits = cx.pos.loopExits.pop() ?? [];
    cx.pos.loops.pop();
    cx.pos.loopNest--;
    popScope(cx);
    return joinEnvs([result, ...exits]);
}
export function walkSwitch(cx, stmt, env) {
    const cur = walkHeader(cx, stmt, env, 'value');
    const id = cx.file.seq.nextId++;
    const outs = [];
    let hasDefault = false;
    let arm = 0;
    cx.pos.loopExits.push([]); // `break` inside a switch leaves the switch
    for (const c of stmt.namedChildren) {
        if (!['expression_case', 'type_case', 'default_case', 'communication_case'].includes(c.type))
            continue;
        if (c.type === 'default_case')
            hasDefault = true;
        cx.pos.path.push([id, arm++]);
        pushScope(cx, c);
        let caseEnv = new Env(cur);
        const comm = c.childForFieldName('communication');
        if (comm)
            caseEnv = walkStmt(cx, comm, caseEnv);
        const val = c.childForFieldName('value');
        if (val && c.type === 'expression_case' && caseEnv)
            evalExpr(cx, val, caseEnv, ctxOf(cx, val));
        for (const s of c.namedChildren) {
            if (!caseEnv)
                break;
            if (s === comm || s === val || s.type === 'comment')
                continue;
            if (s.type === 'statement_list' || s.type.endsWith('_statement') || s.type === 'block' || s.type.endsWith('_declaration')) {
                caseEnv = walkStmt(cx, s, caseEnv);
            }
        }
        popScope(cx);
        cx.pos.path.pop();
        outs.push(caseEnv);
    }
    const exits = cx.pos.loopExits.pop() ?? [];
    if (!hasDefault || stmt.type === 'select_statement')
        outs.push(cur);
    popScope(cx);
    return joinEnvs([...outs, ...exits]);
}
export function evalCallStmt(cx, call, env, form) {
    const c = unparen(call);
    if (c.type !== 'call_expression') {
        evalExpr(cx, c, env, ctxOf(cx, c));
        return;
    }
    const fn = c.childForFieldName('function');
    if (form === 'defer' && fn && unparen(fn).type === 'func_literal') {
        // `defer func() { runtime.KeepAlive(x) }()`: the closure runs when the function returns.
        walkClosure(cx, unparen(fn), env, true);
        for (const a of callArguments(c).args)
            evalExpr(cx, a, env, ctxOf(cx, a));
        return;
    }
    const ctx = ctxOf(cx, c);
    const inlineEnd = cx.pos.inlineEnds[cx.pos.inlineEnds.length - 1];
    if (form === 'defer' && inlineEnd !== undefined) {
        // Deferred inside an immediately invoked closure: runs when that closure returns.
        ctx.start = inlineEnd;
        ctx.end = inlineEnd;
    }
    else if (form === 'defer')
        ctx.deferred = true;
    evalCall(cx, c, env, ctx, form);
}
export function walkClosure(cx, lit, env, deferred) {
    const id = cx.file.seq.nextId++;
    if (deferred)
        cx.pos.deferredFn.add(id);
    const outerFn = cx.pos.fnStack[cx.pos.fnStack.length - 1] ?? 0;
    // A deferred closure runs at return: its keep-alives count for the enclosing function.
    cx.pos.fnStack.push(deferred ? outerFn : id);
    if (deferred)
        cx.pos.deferredFn.add(outerFn), cx.pos.deferredNest++;
    const savePath = cx.pos.path;
    const saveLoops = cx.pos.loops;
    const saveExits = cx.pos.loopExits;
    cx.pos.path = deferred ? cx.pos.path.slice() : [];
    cx.pos.loops = deferred ? cx.pos.loops.slice() : [];
    cx.pos.loopExits = [];
    pushScope(cx, lit);
    const inner = new Env(env);
    const params = paramFacts(lit.childForFieldName('parameters'));
    for (const p of params)
        declare(cx, p.name, 'local', inner, EMPTY, p.variadic ? `[]${p.type}` : p.type);
    const body = lit.childForFieldName('body');
    if (body)
        walkBlock(cx, body, inner);
    popScope(cx);
    cx.pos.path = savePath;
    cx.pos.loops = saveLoops;
    cx.pos.loopExits = saveExits;
    cx.pos.fnStack.pop();
    if (deferred) {
        cx.pos.deferredNest--;
        if (cx.pos.deferredNest === 0)
            cx.pos.deferredFn.delete(outerFn);
    }
}
export function walkInline(cx, lit, env) {
    cx.pos.inlineEnds.push(lit.endIndex);
    pushScope(cx, lit);
    const params = paramFacts(lit.childForFieldName('parameters'));
    for (const p of params)
        declare(cx, p.name, 'local', env, EMPTY, p.variadic ? `[]${p.type}` : p.type);
    const body = lit.childForFieldName('body');
    // Return inside the closure ends the closure, not the function: ignore its null result.
    if (body)
        walkBlock(cx, body, env);
    popScope(cx);
    cx.pos.inlineEnds.pop();
}
