// Assignments and declarations inside functions: what a variable, field, element or `*p`
// holds after a write, reassignment forgetting the old object (a KeepAlive of the new value
// protects nothing converted before), and hoisted conversions a fix could move inline.
import type { SyntaxNode } from '../go/parse.js';
import { isUintptrConversion } from '../go/predicates.js';
import { callArguments, constIndex, fieldPath, isPure, spanOf, typeText, unparen } from '../go/syntax.js';
import { type FnContext, type VarInfo, ctxOf, escapePinners } from './context.js';
import { evalExpr } from './expressions.js';
import { noteFuncStore } from './func-values.js';
import { pointeeRoot, rootVar } from './objects.js';
import { declare, lookup } from './scope.js';
import { inferType, isProcType, typedZero } from './typing.js';
import { type AV, EMPTY, type Env, altered, av, forgetKey, held, join, setField } from './value.js';

export function varSpec(cx: FnContext, spec: SyntaxNode, env: Env): void {
  const names = spec.childrenForFieldName('name');
  const type = typeText(spec.childForFieldName('type'));
  const values = spec.childForFieldName('value')?.namedChildren ?? [];
  const vals = evalRhs(cx, values, names.length, env);
  names.forEach((n, i) => {
    let v = vals[i] ?? EMPTY;
    if (type) v = typedZero(cx.file, type, v);
    // A proc stored in a variable of an interface type is called dynamically.
    if (type && v.proc && !isProcType(cx.file, type)) v = { ...v, proc: false };
    const init = values[i] ? unparen(values[i] as SyntaxNode) : undefined;
    declare(cx, n.text, 'local', env, held(v, 'var', n.text, spanOf(n)), type, undefined, init?.type === 'composite_literal');
  });
}

export function evalRhs(cx: FnContext, values: SyntaxNode[], count: number, env: Env): AV[] {
  if (values.length === 1 && count > 1) {
    // `a, b := f()`: the first result of an allocator is OS memory, of a DLL lookup a proc.
    const only = values[0] as SyntaxNode;
    const v = evalExpr(cx, only, env, ctxOf(cx, only));
    if (v.results) return v.results;
    return [v];
  }
  return values.map((e) => {
    const v = evalExpr(cx, e, env, ctxOf(cx, e));
    return v.results ? { ...v, results: undefined } : v;
  });
}

export function assign(cx: FnContext, left: SyntaxNode | null, right: SyntaxNode | null, env: Env, define: boolean, stmt: SyntaxNode, compound = false): void {
  if (!left || !right) return;
  const lhs = left.namedChildren;
  const vals = evalRhs(cx, right.namedChildren, lhs.length, env);
  lhs.forEach((l, i) => {
    let v = vals[i] ?? EMPTY;
    if (define && l.type === 'identifier') {
      const existing = cx.scopes[cx.scopes.length - 1]?.get(l.text);
      if (!existing) {
        const r = right.namedChildren.length === lhs.length ? right.namedChildren[i] : undefined;
        const ru = r ? unparen(r) : undefined;
        const valueInit = !!ru && (ru.type === 'composite_literal' || (ru.type === 'unary_expression' && ru.child(0)?.type === '*'));
        const info = declare(cx, l.text, 'local', env, held(v, 'var', l.text, spanOf(l)), ru ? inferType(cx.names, ru) : undefined, undefined, valueInit);
        if (info && ru && lhs.length === 1 && isUintptrConversion(cx.names, ru)) noteInlineFix(cx, info, ru, stmt, env);
        return;
      }
    }
    if (compound) {
      const old = evalExpr(cx, l, env, ctxOf(cx, l), true);
      v = join(old, altered(v, 'arith'));
    }
    store(cx, l, v, env, stmt);
    const r = right.namedChildren.length === lhs.length ? right.namedChildren[i] : undefined;
    if (r) noteGlobalStore(cx, l, r, v, stmt);
  });
}

/**
 * Logs `g = p`, `registry[k] = buf`, `list = append(list, &x)` into a package-level variable (of
 * this package or another): the stored object is reachable from a root from then on, and lives
 * on the heap (issue 9: such a finding is a rule violation, not a bug). The objects are those the
 * value points to and the variables the right side names (not under len or cap).
 */
function noteGlobalStore(cx: FnContext, left: SyntaxNode, right: SyntaxNode, v: AV, stmt: SyntaxNode): void {
  let e = unparen(left);
  while (e.type === 'selector_expression' || e.type === 'index_expression') {
    const next = e.childForFieldName('operand');
    if (!next) return;
    e = unparen(next);
  }
  if (e.type !== 'identifier' || e.text === '_' || lookup(cx, e.text)) return;
  const keys = new Set(v.ptrs.flatMap((o) => o.keys));
  for (const f of v.fields?.values() ?? []) for (const o of f.ptrs) for (const k of o.keys) keys.add(k);
  for (const o of v.elems?.ptrs ?? []) for (const k of o.keys) keys.add(k);
  // A uintptr stored in a package variable keeps nothing alive: only a pointer does.
  const pointers = v.ptrs.length > 0 || (v.elems?.ptrs.length ?? 0) > 0 || [...(v.fields?.values() ?? [])].some((f) => f.ptrs.length > 0);
  if (!pointers) return;
  // Only what the stored value can point to: `&x`, `buf`, fields and elements of literals, the
  // appended values, unsafe.Pointer(p); never the operand of a call that makes a number.
  const names = (n: SyntaxNode): void => {
    if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function')?.text ?? '';
      if (fn !== 'append' && !/(^|\.)Pointer$/.test(fn)) return;
      for (const a of callArguments(n).args) names(a);
      return;
    }
    if (n.type === 'identifier') {
      const info = lookup(cx, n.text);
      if (info) keys.add(info.key);
      return;
    }
    if (n.type === 'binary_expression') return;
    for (const c of n.namedChildren) names(c);
  };
  names(right);
  // `m[k] = v` keeps the key in the map too (a pointer key such as an OVERLAPPED's address).
  let t: SyntaxNode | null = unparen(left);
  while (t?.type === 'index_expression') {
    const idx = t.childForFieldName('index');
    if (idx) names(idx);
    const next: SyntaxNode | null = t.childForFieldName('operand');
    t = next ? unparen(next) : null;
  }
  if (keys.size === 0) return;
  cx.log.globalStores.push({ keys: [...keys], ctx: ctxOf(cx, stmt), span: spanOf(left), holder: unparen(left).text });
}

/** Writes a value to an assignable expression: a variable, a field, an element, `*p`. */
export function store(cx: FnContext, target: SyntaxNode, value: AV, env: Env, stmt: SyntaxNode): void {
  const t = unparen(target);
  const where = spanOf(t);
  // A function value kept in a package-level variable or a struct field: the index joins these
  // across the package's files (a `var syscallN func(...)` set in init, a field set to proc.Call).
  noteFuncStore(cx, t, value);
  if (t.type === 'identifier') {
    const info = lookup(cx, t.text);
    if (!info) {
      escapePinners(cx, value);
      if (value.ptrs.some((o) => o.kind === 'param') || value.uptrs.some((u) => u.obj.kind === 'param')) cx.out.storesParam = true;
      return;
    }
    // The variable now names another object: earlier conversions of the old one no longer
    // answer to it (a KeepAlive of the new value protects nothing converted before).
    if (!isReslice(cx, target, info)) forgetKey(env, info.key);
    env.set(info.key, held(value, 'var', t.text, where));
    cx.log.assigns.push({ key: info.key, ctx: ctxOf(cx, stmt) });
    return;
  }
  if (t.type === 'selector_expression') {
    const root = rootVar(cx, t);
    if (!root) {
      escapePinners(cx, value);
      return;
    }
    const path = fieldPath(t);
    const cur = env.get(root.key) ?? EMPTY;
    // The field path folds elements into one value (`iov[0].base` and `iov[1].base` are both
    // `base`), so a write through an index adds to what the field may hold instead of replacing
    // it: iov[1]'s buffer must not make iov[0]'s disappear.
    env.set(root.key, setField(cur, path, held(value, 'field', t.text, where), throughIndex(t)));
    escapePinners(cx, value);
    return;
  }
  if (t.type === 'index_expression') {
    const root = rootVar(cx, t);
    if (!root) return;
    const cur = env.get(root.key) ?? EMPTY;
    const operand = unparen(t.childForFieldName('operand') ?? t);
    const fv = held(value, 'elem', t.text, where);
    if (operand.type === 'selector_expression') {
      const path = fieldPath(operand);
      env.set(root.key, setField(cur, path, av({ elems: fv }), true));
    } else {
      const k = constIndex(t.childForFieldName('index'));
      if (k !== null) {
        // a[2] = x replaces what slot 2 held (a strong update: one array, one slot).
        const slots = new Map(cur.slots ?? []);
        slots.set(k, fv);
        env.set(root.key, { ...cur, slots });
      } else {
        env.set(root.key, { ...cur, elems: cur.elems ? join(cur.elems, fv) : fv });
      }
    }
    return;
  }
  if (t.type === 'unary_expression' && t.child(0)?.type === '*') {
    // `*(*uintptr)(unsafe.Pointer(&buf[8])) = v` writes into buf: the pointer is hidden in noscan
    // memory (x/sys #44662).
    const operand = t.childForFieldName('operand');
    if (!operand) return;
    const root = pointeeRoot(cx, operand);
    if (!root) return;
    const cur = env.get(root.key) ?? EMPTY;
    const fv = held(value, 'elem', t.text, where);
    env.set(root.key, { ...cur, elems: cur.elems ? join(cur.elems, fv) : fv });
  }
}

/** Reports whether a selector's operand chain indexes an array, slice or map (`a[i].f.g`). */
function throughIndex(sel: SyntaxNode): boolean {
  let e: SyntaxNode | null = unparen(sel);
  while (e && (e.type === 'selector_expression' || e.type === 'index_expression')) {
    if (e.type === 'index_expression') return true;
    const op = e.childForFieldName('operand');
    e = op ? unparen(op) : null;
  }
  return false;
}

/** Reports whether the statement assigning `target` reslices the same variable (`b = b[n:]`),
 * which keeps the backing array and so the object. */
export function isReslice(cx: FnContext, target: SyntaxNode, info: VarInfo): boolean {
  const stmt = target.parent?.parent;
  const right = stmt?.childForFieldName('right')?.namedChildren ?? [];
  const left = stmt?.childForFieldName('left')?.namedChildren ?? [];
  const i = left.indexOf(target);
  const r = i >= 0 ? right[i] : undefined;
  if (!r) return false;
  const u = unparen(r);
  return u.type === 'slice_expression' && rootVar(cx, u)?.key === info.key;
}

/**
 * Records what a fix needs to move `v := uintptr(unsafe.Pointer(e))` back into the call that
 * uses v: the declaration's lines, the conversion's text, whether e is free of side effects,
 * where the next statement starts.
 * The use count is filled in when the function's walk ends.
 */
export function noteInlineFix(cx: FnContext, info: VarInfo, conv: SyntaxNode, stmt: SyntaxNode, env: Env): void {
  if (stmt.parent?.type !== 'statement_list') return;
  const lineStart = cx.file.text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  if (!/^[ \t]*$/.test(cx.file.text.slice(lineStart, stmt.startIndex))) return;
  const nl = cx.file.text.indexOf('\n', stmt.endIndex);
  if (nl < 0 || cx.file.text.slice(stmt.endIndex, nl).trim() !== '') return;
  const operand = callArguments(conv).args[0];
  // The conversion may move only into the statement right after it: nothing runs in between
  // that could reassign what e names, and no declaration in between can shadow it.
  const siblings = stmt.parent.namedChildren;
  const next = siblings.slice(siblings.indexOf(stmt) + 1).find((n) => n.type !== 'comment');
  const fix = { declLines: { start: lineStart, end: nl + 1 }, convText: conv.text, uses: 0, operandPure: !!operand && isPure(operand), next: next?.startIndex ?? -1 };
  cx.out.inlineFixes.push({ name: info.name, key: info.key, after: stmt.endIndex, fix });
  const v = env.get(info.key);
  if (v) env.set(info.key, { ...v, uptrs: v.uptrs.map((u) => ({ ...u, inlineFix: fix })) });
}
