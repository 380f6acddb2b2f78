import { stringLiteralValue, unparen } from '../go/syntax.js';
import { funcRegistration } from '../knowledge/index.js';
import { store } from './assign.js';
import { av } from './value.js';
/** Reports whether the call registers a C function, and if so stores it in the target. */
export function noteRegistration(cx, call, callee, args, env) {
    if (callee.kind !== 'func' || !callee.pkg)
        return false;
    const reg = funcRegistration(callee.pkg, callee.name);
    if (!reg)
        return false;
    const fptr = args[reg.fptr] ? unparen(args[reg.fptr]) : null;
    if (!fptr || fptr.type !== 'unary_expression' || fptr.child(0)?.type !== '&')
        return false;
    const target = fptr.childForFieldName('operand');
    if (!target)
        return false;
    const nameArg = reg.symbol !== undefined && args[reg.symbol] ? unparen(args[reg.symbol]) : null;
    const symbol = nameArg?.type === 'interpreted_string_literal' || nameArg?.type === 'raw_string_literal' ? stringLiteralValue(nameArg) : undefined;
    const value = { kind: 'registered', pkg: callee.pkg, api: `${callee.qualifier ?? callee.pkg}.${callee.name}`, ...(symbol !== undefined ? { symbol } : {}) };
    store(cx, target, av({ func: value }), env, call);
    return true;
}
