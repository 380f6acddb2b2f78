// What a call of a function declared elsewhere returns, from the type layer's view
// (src/types/): the declared result types (a procedure, an unsafe.Pointer, a named uintptr type)
// and the function's return summary (a pointer-derived integer made from an argument, a
// container of them, OS memory). A result made from an argument is tied to the caller's object,
// so a runtime.KeepAlive or a Pinner in the caller still judges it (unsafe.Pointer rule 4 holds
// only for a conversion written in the protected call itself).
import type { SyntaxNode } from '../go/parse.js';
import { fieldPath, shorten, spanOf, unparen } from '../go/syntax.js';
import type { CalleeFact, ObjFact, UptrFact } from '../model/facts.js';
import type { ResultView, ViewEntry } from '../model/view.js';
import type { FnContext } from './context.js';
import { ask } from './file-scope.js';
import { objOf, rootVar } from './objects.js';
import { outParamTarget } from './record.js';
import { lookup } from './scope.js';
import type { Ctx } from './reach.js';
import { type AV, EMPTY, type Env, av, held, join } from './value.js';

/** The view entry of the function or method a callee names (with `suffix`, one of its other
 * questions), if the type layer has one. */
export function calleeEntry(cx: FnContext, callee: CalleeFact, suffix = ''): ViewEntry | undefined {
  if (callee.kind === 'func') return ask(cx.file, callee.pkg, callee.name + suffix);
  if (callee.kind !== 'method') return undefined;
  const r = callee.recv;
  if (r.kind === 'type') return ask(cx.file, r.pkg, `${r.name}.${callee.name}${suffix}`);
  // A package variable or a field: its declared type names the method's receiver type.
  const holder = r.kind === 'pkgvar' ? ask(cx.file, r.pkg, r.name) : r.kind === 'field' ? ask(cx.file, null, `${r.owner}.${r.field}`) : undefined;
  if (holder?.kind !== 'var') return undefined;
  return ask(cx.file, holder.type.pkg, `${holder.type.name}.${callee.name}${suffix}`);
}

/** The pointer parameters whose pointee the callee hands to the OS (out-parameters the OS may
 * fill with its own memory); asked only when an argument is written `&p`. */
export function osParamsOf(cx: FnContext, callee: CalleeFact, args: SyntaxNode[]): number[] {
  if (!args.some((a) => outParamTarget(cx, a))) return [];
  const entry = calleeEntry(cx, callee, '!out');
  return entry?.kind === 'out-params' ? entry.params : [];
}

/**
 * The values of a call's results from the view, or null when the view knows nothing. `recv` is
 * the receiver expression of a method call; `args` and `vals` the arguments and their values.
 */
export function viewResults(cx: FnContext, call: SyntaxNode, callee: CalleeFact, recv: SyntaxNode | null, args: SyntaxNode[], vals: AV[], env: Env, ctx: Ctx): AV[] | null {
  const plain = calleeEntry(cx, callee);
  // What the results carry of the arguments is asked only when an argument carries something.
  const carried = vals.some(carries) || (!!recv && (unparen(recv).type === 'identifier' || carries(cx.ops.evalExpr(cx, recv, env, ctx, true))));
  const byArgs = carried ? calleeEntry(cx, callee, '!args') : undefined;
  const parts = [plain, byArgs].filter((e): e is Extract<ViewEntry, { kind: 'func' }> => e?.kind === 'func');
  if (parts.length === 0) return null;
  const count = Math.max(...parts.map((p) => p.results.length));
  const entry = { results: Array.from({ length: count }, (_, i) => Object.assign({}, ...parts.map((p) => p.results[i] ?? {})) as ResultView) };
  const argNode = (k: number): SyntaxNode | null => (k === -1 ? recv : args[k] ?? null);
  const objAt = (k: number): ObjFact | null => {
    const n = argNode(k);
    if (!n) return null;
    // A value receiver or argument `b` of a pointer method is `&b`: the variable itself.
    const e = unparen(n);
    const o = objOf(cx, e, env, ctx, k === -1 && e.type === 'identifier' && lookup(cx, e.text)?.isValue === true);
    return o && o.kind !== 'global' && o.kind !== 'os' ? o : null;
  };
  const text = shorten(call.text);
  const span = spanOf(call);
  const made = (obj: ObjFact): UptrFact => ({ obj, conv: span, via: 'result', holder: text, store: span, returnedBy: text });
  const uptrsOf = (params: number[] | undefined, fresh: boolean | undefined): UptrFact[] => {
    const out = (params ?? []).map(objAt).filter((o): o is ObjFact => o !== null).map(made);
    if (fresh) out.push({ ...made({ name: `the memory ${text} allocates`, keys: [], kind: 'temp', stack: false, fresh: true }), helperAlloc: true });
    return out;
  };
  return entry.results.map((r) => resultValue(r, uptrsOf, objAt, (k) => vals[k] ?? EMPTY, text, span));
}

function resultValue(r: ResultView, uptrsOf: (p: number[] | undefined, fresh?: boolean) => UptrFact[], objAt: (k: number) => ObjFact | null, valAt: (k: number) => AV, text: string, span: ReturnType<typeof spanOf>): AV {
  const parts: Partial<AV> = {};
  if (r.os) parts.os = true;
  if (r.proc || r.procType) parts.proc = true;
  if (r.unsafePtr) parts.unsafePtr = true;
  if (r.pinner) parts.pinner = true;
  if (r.type) parts.type = r.type;
  const uptrs = uptrsOf(r.uptrParams, r.uptrFresh);
  if (uptrs.length) parts.uptrs = uptrs;
  const ptrs = (r.ptrParams ?? []).map(objAt).filter((o): o is ObjFact => o !== null);
  if (ptrs.length) parts.ptrs = ptrs;
  let v = av(parts);
  for (const k of r.elemParams ?? []) {
    // An argument the helper put into the container it returns: held there, not converted in
    // the protected call's argument list.
    const h = held(valAt(k), 'result', text, span);
    v = { ...v, elems: v.elems ? join(v.elems, h) : h };
  }
  for (const k of r.valueParams ?? []) v = join(v, held(valAt(k), 'result', text, span));
  for (const h of r.hidden ?? []) {
    const us = uptrsOf([h.param]);
    if (us.length) v = hideAt(v, h.path, av({ uptrs: us.map((u) => ({ ...u, via: h.path[h.path.length - 1] === '[]' ? 'elem' as const : 'field' as const })) }));
  }
  return v;
}

/** `v` with `inner` joined in at a path of fields and elements (`[]`). */
function hideAt(v: AV, path: string[], inner: AV): AV {
  const [head, ...rest] = path;
  if (head === undefined) return join(v, inner);
  if (head === '[]') return { ...v, elems: hideAt(v.elems ?? EMPTY, rest, inner) };
  const fields = new Map(v.fields ?? []);
  fields.set(head, hideAt(fields.get(head) ?? EMPTY, rest, inner));
  return { ...v, fields };
}

/**
 * Applies what the callee writes through its pointer parameters (StoreFact) to the caller's
 * variables: `fillName(&req, s)` leaves `req.name` holding an integer made from `s`, so a later
 * `uintptr(unsafe.Pointer(&req))` handed to the OS hides `s` (the hidden-pointer shape).
 */
export function applyStores(cx: FnContext, call: SyntaxNode, callee: CalleeFact, recv: SyntaxNode | null, args: SyntaxNode[], vals: AV[], env: Env, ctx: Ctx): void {
  if (!vals.some(carries)) return;
  const entry = calleeEntry(cx, callee, '!args');
  if (entry?.kind !== 'func' || !entry.stores) return;
  const text = shorten(call.text);
  const span = spanOf(call);
  for (const st of entry.stores) {
    const target = st.param === -1 ? recv : args[st.param];
    const source = args[st.source];
    if (!target || !source) continue;
    const obj = objOf(cx, source, env, ctx);
    if (!obj || obj.kind === 'global' || obj.kind === 'os') continue;
    const place = targetOf(cx, target);
    if (!place) continue;
    // `[]` first: the pointee itself (`*addr = …` of a `*uintptr` parameter given `&req.buf`).
    const below = st.path[0] === '[]' && place.viaAddr ? st.path.slice(1) : st.path;
    const u: UptrFact = { obj, conv: span, via: 'field', holder: `${shorten(target.text)} (set by ${text})`, store: span };
    const cur = env.get(place.key) ?? EMPTY;
    env.set(place.key, hideAt(cur, [...place.prefix, ...below], av({ uptrs: [u] })));
  }
}

/** The variable and field path a pointer argument writes into: `&req` → req, `&req.buf` →
 * req.buf, `p` (a pointer variable) → what p points to. */
function targetOf(cx: FnContext, arg: SyntaxNode): { key: string; prefix: string[]; viaAddr: boolean } | null {
  const e = unparen(arg);
  if (e.type === 'unary_expression' && e.child(0)?.type === '&') {
    const op = e.childForFieldName('operand');
    const inner = op ? unparen(op) : null;
    if (!inner) return null;
    if (inner.type === 'identifier') {
      const info = lookup(cx, inner.text);
      return info ? { key: info.key, prefix: [], viaAddr: true } : null;
    }
    if (inner.type === 'selector_expression') {
      const root = rootVar(cx, inner);
      return root ? { key: root.key, prefix: fieldPath(inner), viaAddr: true } : null;
    }
    return null;
  }
  if (e.type === 'identifier') {
    const info = lookup(cx, e.text);
    return info ? { key: info.key, prefix: [], viaAddr: false } : null;
  }
  return null;
}

function carries(v: AV): boolean {
  return v.uptrs.length > 0 || v.ptrs.length > 0 || v.params.length > 0 || v.numeric.length > 0 || !!v.elems || !!v.fields || !!v.slots;
}
