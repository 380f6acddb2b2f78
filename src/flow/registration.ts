// FFI registration calls (knowledge/ffi-registration.ts): `purego.RegisterLibFunc(&fn, lib,
// "write")` stores into `fn` a Go closure that calls the C function. The walk treats the call as
// an assignment of that value to `fn` (a local, a package-level variable or a struct field), so a
// later call through `fn` is known to reach C with its arguments unprotected.
import type { SyntaxNode } from '../go/parse.js';
import { stringLiteralValue, unparen } from '../go/syntax.js';
import type { CalleeFact } from '../model/facts.js';
import { funcRegistration } from '../knowledge/index.js';
import { store } from './assign.js';
import type { FnContext } from './context.js';
import { type Env, av } from './value.js';

/** Reports whether the call registers a C function, and if so stores it in the target. */
export function noteRegistration(cx: FnContext, call: SyntaxNode, callee: CalleeFact, args: SyntaxNode[], env: Env): boolean {
  if (callee.kind !== 'func' || !callee.pkg) return false;
  const reg = funcRegistration(callee.pkg, callee.name);
  if (!reg) return false;
  const fptr = args[reg.fptr] ? unparen(args[reg.fptr] as SyntaxNode) : null;
  if (!fptr || fptr.type !== 'unary_expression' || fptr.child(0)?.type !== '&') return false;
  const target = fptr.childForFieldName('operand');
  if (!target) return false;
  const nameArg = reg.symbol !== undefined && args[reg.symbol] ? unparen(args[reg.symbol] as SyntaxNode) : null;
  const symbol = nameArg?.type === 'interpreted_string_literal' || nameArg?.type === 'raw_string_literal' ? stringLiteralValue(nameArg) : undefined;
  const value: CalleeFact = { kind: 'registered', pkg: callee.pkg, api: `${callee.qualifier ?? callee.pkg}.${callee.name}`, ...(symbol !== undefined ? { symbol } : {}) };
  store(cx, target, av({ func: value }), env, call);
  return true;
}
