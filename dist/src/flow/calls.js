import { callArguments, unparen } from '../go/syntax.js';
import { evalBuiltin } from './builtins.js';
import { callResult, calleeOf, mayCallOS } from './callee.js';
import { evalCgoConversion } from './cgo.js';
import { visit } from './budget.js';
import { escapePinners, recall, remember } from './context.js';
import { evalConversion } from './conversions.js';
import { evalExpr } from './expressions.js';
import { noteLegacyUse, recordKeepAliveOrPin } from './mitigation-events.js';
import { openedHandle } from './io.js';
import { markOutParam, maybeRecord } from './record.js';
import { noteRegistration } from './registration.js';
import { applyStores, osParamsOf, viewResults } from './results.js';
import { EMPTY, av, isEmpty, join } from './value.js';
/**
 * Evaluates a call: conversions, unsafe helpers, builtins, keep-alive and pin APIs, DLL
 * constructors, allocators; records the call when it may matter to a rule.
 */
export function evalCall(cx, call, env, ctx, form, quiet = false) {
    visit(cx.file.budget);
    // Asked again for the same call (its receiver's callee, its object, what it carries): once.
    const known = quiet ? recall(cx, call, env) : undefined;
    return known ?? remember(cx, call, env, evalCallOnce(cx, call, env, ctx, form, quiet));
}
function evalCallOnce(cx, call, env, ctx, form, quiet) {
    const fn = call.childForFieldName('function');
    if (!fn)
        return EMPTY;
    const f = unparen(fn);
    const { args, spread } = callArguments(call);
    const converted = evalConversion(cx, call, f, args, env, ctx, quiet) ?? evalCgoConversion(cx, call, args, env, ctx, quiet);
    if (converted)
        return converted;
    if (f.type === 'func_literal') {
        // An immediately invoked closure runs here and now: walk it as part of this function.
        for (const a of args)
            evalExpr(cx, a, env, ctx, quiet);
        if (!quiet)
            cx.ops.walkInline(cx, f, env);
        return EMPTY;
    }
    const builtin = evalBuiltin(cx, call, f, args, spread, env, ctx, quiet);
    if (builtin)
        return builtin;
    const event = recordKeepAliveOrPin(cx, call, f, args, env, ctx, quiet);
    if (event)
        return event;
    noteLegacyUse(cx, call, f, args, env, ctx, quiet);
    // Everything else: evaluate arguments, resolve the callee syntactically, maybe record.
    const argVals = args.map((a) => evalExpr(cx, a, env, ctx, quiet));
    const callee = calleeOf(cx, f, env, ctx);
    for (const v of argVals)
        escapePinners(cx, v);
    if (!quiet)
        noteRegistration(cx, call, callee, args, env);
    if (!quiet)
        maybeRecord(cx, call, f, callee, args, argVals, spread, env, ctx, form);
    if (mayCallOS(cx, callee))
        for (const a of args)
            markOutParam(cx, a, env);
    // A method expression `(*T).M(recv, a…)` passes the receiver first.
    const methodExpr = callee.kind === 'method' && callee.methodExpr === true;
    const params = methodExpr ? args.slice(1) : args;
    const paramVals = methodExpr ? argVals.slice(1) : argVals;
    if (!mayCallOS(cx, callee))
        for (const k of osParamsOf(cx, callee, params))
            if (params[k])
                markOutParam(cx, params[k], env);
    const base = callResult(cx, f, callee, env, ctx, args);
    const recv = methodExpr ? args[0] ?? null : f.type === 'selector_expression' ? f.childForFieldName('operand') : null;
    const known = viewResults(cx, call, callee, recv, params, paramVals, env, ctx);
    if (!quiet)
        applyStores(cx, call, callee, recv, params, paramVals, env, ctx);
    const result = known?.[0] ? join(base, known[0]) : base;
    const value = isEmpty(result) && callee.kind !== 'unknown' ? av({ from: callee }) : result;
    const handle = openedHandle(cx.file, callee, args);
    const out = handle ? { ...value, handle } : value;
    return known && known.length > 1 ? { ...out, results: [out, ...known.slice(1)] } : out;
}
