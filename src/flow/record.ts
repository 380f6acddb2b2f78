// Recording a call for the index and the rules: per argument, the pointer-derived uintptrs,
// the pointers hidden in what it points to, Go pointers handed to APIs that retain them, and
// parameter flows; plus the out-parameters the OS fills with its own memory.
import type { SyntaxNode } from '../go/parse.js';
import { conversionOperand, isUintptrConversion } from '../go/predicates.js';
import { callArguments, shorten, spanOf, unparen } from '../go/syntax.js';
import { statementSite } from './fix-sites.js';
import { keepAliveRoot } from '../model/names.js';
import type { ArgFact, ArgSource, CallFact, CalleeFact, UptrFact } from '../model/facts.js';
import type { FnContext, PendingCall, VarInfo } from './context.js';
import { objOf } from './objects.js';
import type { Ctx } from './reach.js';
import { lookup } from './scope.js';
import { evalExpr } from './expressions.js';
import { isUnsafePointerType } from './typing.js';
import { type AV, EMPTY, type Env, allElems, av, hiddenIn } from './value.js';
import { RETAINING_APIS } from '../knowledge/index.js';

/** API names that may keep a Go pointer after returning (overlapped I/O, callback contexts). */
const RETAINING_NAMES = new Set(RETAINING_APIS.map((a) => a.name));

/**
 * Records a call for the index when it may matter: it carries a pointer-derived, hidden or
 * parameter-derived argument, or its callee could be a sink.
 */
export function maybeRecord(cx: FnContext, call: SyntaxNode, f: SyntaxNode, callee: CalleeFact, args: SyntaxNode[], vals: AV[], spread: boolean, env: Env, ctx: Ctx, form: CallFact['form']): void {
  const argFacts: ArgFact[] = [];
  const pending: PendingCall['pending'] = [];
  let interesting = false;
  const calleeName = callee.kind === 'func' || callee.kind === 'method' ? callee.name : '';
  const mayRetain = RETAINING_NAMES.has(calleeName) || (callee.kind === 'method' && callee.recv.kind === 'proc' && RETAINING_NAMES.has(callee.recv.api ?? ''));
  args.forEach((a, i) => {
    const v = vals[i] ?? EMPTY;
    const isSpread = spread && i === args.length - 1;
    const sources: ArgSource[] = [];
    const uptrs = isSpread ? spreadUptrs(cx, a, v, env, ctx) : v.uptrs;
    for (const u0 of uptrs) {
      const u = isSpread && u0.via === 'inline' && unparen(a).type !== 'composite_literal' ? { ...u0, via: 'elem' as const, holder: u0.holder ?? a.text, store: u0.store ?? spanOf(a) } : u0;
      const src: ArgSource = { kind: 'uptr', u, mit: { pin: 'none' } };
      sources.push(src);
      pending.push({ src, keys: u.obj.keys });
    }
    // Pointers hidden in what the argument points to (or, when spread, in the elements).
    const containers: Array<{ name: string; value: AV }> = [];
    if (!isSpread && v.ptrs.length > 0 && (v.fields || v.elems || v.slots)) containers.push({ name: v.ptrs[0]?.name.replace(/^&/, '') ?? a.text, value: v });
    for (const u of v.uptrs) {
      if (u.via !== 'inline' && u.via !== 'arith' && u.via !== 'conv') continue;
      const root = u.obj.keys.map((k) => env.get(k)).find((x) => x && (x.fields || x.elems || x.slots));
      if (root) containers.push({ name: u.obj.name, value: root });
    }
    for (const c of containers) {
      for (const h of hiddenIn(c.value)) {
        const src: ArgSource = { kind: 'hidden', container: c.name, field: h.field, u: h.u, mit: { pin: 'none' } };
        sources.push(src);
        pending.push({ src, keys: h.u.obj.keys });
      }
    }
    if (mayRetain && !isSpread && v.ptrs.length > 0 && !v.os) {
      const o = objOf(cx, a, env, ctx);
      if (o && o.kind !== 'global' && o.kind !== 'os') {
        const src: ArgSource = { kind: 'goptr', obj: o, mit: { pin: 'none' } };
        sources.push(src);
        pending.push({ src, keys: o.keys });
      }
      // What the pointee's fields point to (the buffers of a WSABUF array).
      for (const [field, fv] of v.fields ?? []) {
        for (const p of fv.ptrs) {
          if (p.kind === 'global' || p.kind === 'os') continue;
          const src: ArgSource = { kind: 'goptr', obj: p, mit: { pin: 'none' }, inner: field };
          sources.push(src);
          pending.push({ src, keys: p.keys });
        }
      }
    }
    const params = isSpread ? [...(allElems(v)?.params ?? []), ...v.params.filter((p) => p.mode === 'elems')] : v.params.filter((p) => p.mode === 'value');
    for (const p of params) sources.push({ kind: 'param', flow: p });
    // A typed pointer parameter handed on as is (for pointer-parameter summaries).
    for (const o of v.ptrs) {
      if (o.kind === 'param' && o.paramIndex !== undefined && !v.uptrs.length) sources.push({ kind: 'param', flow: { index: o.paramIndex, mode: 'value' } });
    }
    if (sources.length) interesting = true;
    argFacts.push({ span: spanOf(a), range: { start: a.startIndex, end: a.endIndex }, text: shorten(a.text), source: a.text, spread: isSpread, sources });
  });
  const possibleSink = (callee.kind === 'method' && cx.file.sinkMethodNames.has(callee.name)) ||
    (callee.kind === 'func' && cx.file.sinkFuncNames.has(callee.name)) || callee.kind === 'indirect';
  if (!interesting && !possibleSink) return;
  const funcVar = f.type === 'identifier' ? lookup(cx, f.text)?.key : undefined;
  const fact: CallFact = { callee, calleeText: shorten(f.text), span: spanOf(call), args: argFacts, spread, form };
  const trap = args[0] ? trapProcOf(args[0]) : null;
  if (trap) fact.trapProc = trap;
  const nameNode = f.type === 'selector_expression' ? f.childForFieldName('field') : f.type === 'identifier' ? f : null;
  if (nameNode) fact.nameRange = { start: nameNode.startIndex, end: nameNode.endIndex };
  if (mayRetain && vals[0]?.handle) fact.handle = vals[0].handle;
  const roots = new Set<string>();
  for (const p of pending) {
    const name = p.src.kind === 'goptr' ? p.src.obj.name : p.src.kind === 'param' ? '' : p.src.u.obj.name;
    const root = keepAliveRoot(name);
    if (root) roots.add(root);
  }
  const stmt = statementSite(cx, call, roots);
  if (stmt) fact.stmt = stmt;
  cx.log.calls.push({ fact, ctx, pending, ...(funcVar ? { funcVar } : {}) });
}

/** `procX` of a first argument `procX.Addr()` (the mkwinsyscall shape of a procedure call). */
function trapProcOf(arg: SyntaxNode): string | null {
  const a = unparen(arg);
  if (a.type !== 'call_expression' || callArguments(a).args.length !== 0) return null;
  const f = a.childForFieldName('function');
  if (f?.type !== 'selector_expression' || f.childForFieldName('field')?.text !== 'Addr') return null;
  const op = f.childForFieldName('operand');
  return op && unparen(op).type === 'identifier' ? unparen(op).text : null;
}

/**
 * The uintptrs a `s...` argument passes. A slice literal written in the call keeps each
 * element's own shape: the compiler peels it like a variadic list (escape/call.go, verified in
 * go-semantics.md §2.5), so `[]uintptr{uintptr(unsafe.Pointer(p))}...` is protected.
 */
export function spreadUptrs(cx: FnContext, a: SyntaxNode, v: AV, env: Env, ctx: Ctx): UptrFact[] {
  const lit = unparen(a);
  if (lit.type !== 'composite_literal') return [...(allElems(v)?.uptrs ?? []), ...v.uptrs];
  const out: UptrFact[] = [];
  for (const el of lit.childForFieldName('body')?.namedChildren ?? []) {
    const valueNode = el.type === 'keyed_element' ? el.namedChildren[1]?.namedChildren[0] : el.namedChildren[0];
    if (valueNode) out.push(...evalExpr(cx, valueNode, env, ctx, true).uptrs);
  }
  return out;
}

/**
 * `&p` handed to the OS where p is a pointer variable: an out-parameter the OS fills with its
 * own memory (CredRead's PCREDENTIAL, a returned buffer), so p holds foreign memory afterwards.
 */
export function markOutParam(cx: FnContext, arg: SyntaxNode, env: Env): void {
  const info = outParamTarget(cx, arg);
  if (info) env.set(info.key, av({ os: true, int: info.type === 'uintptr' }));
}

/** The variable `p` of an argument `&p` (through conversions) that can receive memory the OS
 * allocated: a pointer, unsafe.Pointer or uintptr variable. */
export function outParamTarget(cx: FnContext, arg: SyntaxNode): VarInfo | null {
  let e = unparen(arg);
  while (e.type === 'call_expression') {
    const inner = isUintptrConversion(cx.names, e) ? callArguments(e).args[0] ?? null : conversionOperand(cx.names, e);
    if (!inner) return null;
    e = unparen(inner);
  }
  if (e.type !== 'unary_expression' || e.child(0)?.type !== '&') return null;
  const op = e.childForFieldName('operand');
  const target = op ? unparen(op) : null;
  if (!target || target.type !== 'identifier') return null;
  const info = lookup(cx, target.text);
  const t = info?.type ?? '';
  return info && (t.startsWith('*') || isUnsafePointerType(cx.file, t) || t === 'uintptr') ? info : null;
}
