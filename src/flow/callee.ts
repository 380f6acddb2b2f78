// Callee resolution from syntax: what a call's function expression names (a package
// function, a method on a typed receiver, a procedure, a function-valued variable, parameter or
// field), and what calls return as far as pinlint cares (OS memory, DLLs, procedures).
import type { SyntaxNode } from '../go/parse.js';
import { qualified } from '../go/predicates.js';
import { stringLiteralValue, unparen } from '../go/syntax.js';
import type { CalleeFact, RecvFact } from '../model/facts.js';
import { CGO_GO_COPIES, CGO_PACKAGE, DLL_CONSTRUCTORS, DLL_PACKAGES, DLL_TYPES, PROC_METHODS, SYSCALL_WRAPPER_PACKAGES } from '../knowledge/index.js';
import type { FnContext } from './context.js';
import { ask } from './file-scope.js';
import { evalExpr } from './expressions.js';
import { heldFieldCallee, registeredVarCallee } from './func-values.js';
import type { Ctx } from './reach.js';
import { lookup } from './scope.js';
import { typeRef } from './typing.js';
import { type AV, EMPTY, type Env, av } from './value.js';

export function calleeOf(cx: FnContext, f: SyntaxNode, env: Env, ctx: Ctx): CalleeFact {
  if (f.type === 'identifier') {
    const info = lookup(cx, f.text);
    if (info) {
      const v = env.get(info.key) ?? EMPTY;
      const t = info.type ?? '';
      const uintptrSignature = (/uintptr\b/.test(t) && t.startsWith('func')) || cx.file.uintptrFuncTypes.has(t);
      const typeName = /^[A-Za-z_]\w*$/.test(t) ? { typeName: t } : {};
      if (info.kind === 'param') return { kind: 'indirect', name: f.text, how: 'func-param', uintptrSignature, ...typeName };
      const registered = registeredVarCallee(f.text, v);
      if (registered) return registered;
      // A local variable holding a named function is a static call (cmd/compile
      // StaticValue); one holding a method value is not (golang/go#34684).
      if (v.func && v.func.kind === 'func') {
        // Static only while assigned once: finishCalls turns it indirect if reassigned.
        return v.func;
      }
      if (v.func) return { kind: 'indirect', name: f.text, how: 'method-value', target: v.func };
      return { kind: 'indirect', name: f.text, how: 'func-var', uintptrSignature, ...typeName };
    }
    if (cx.file.pkgVarNames.has(f.text)) return { kind: 'indirect', name: f.text, how: 'func-var', pkgVar: true };
    const dot = cx.file.dotImports.find((p) => cx.file.k.sinks.funcs[p]?.includes(f.text));
    return { kind: 'func', pkg: dot ?? null, qualifier: null, name: f.text };
  }
  if (f.type === 'selector_expression') {
    const q = qualified(cx.names, f);
    if (q) return { kind: 'func', pkg: q.pkg, qualifier: unparen(f.childForFieldName('operand') as SyntaxNode).text, name: q.name };
    const operand = f.childForFieldName('operand') as SyntaxNode;
    const name = f.childForFieldName('field')?.text ?? '';
    const op = unparen(operand);
    if (op.type === 'identifier' && !lookup(cx, op.text) && !cx.file.imports.has(op.text)) {
      // A package-level variable of this package (maybe declared in a sibling file).
      return { kind: 'method', name, recv: { kind: 'pkgvar', pkg: null, name: op.text }, recvText: op.text };
    }
    if (op.type === 'selector_expression') {
      const oq = qualified(cx.names, op);
      if (oq) return { kind: 'method', name, recv: { kind: 'pkgvar', pkg: oq.pkg, name: oq.name }, recvText: op.text };
    }
    // A method expression `(*T).M(recv, args...)`: a static call of T's method.
    if (operand.type === 'parenthesized_expression' && op.type === 'unary_expression' && op.child(0)?.type === '*') {
      const inner = op.childForFieldName('operand');
      const tr = inner ? typeRef(cx.file, inner.text.replace(/\s+/g, '')) : null;
      if (tr) return { kind: 'method', name, recv: { kind: 'type', pkg: tr.pkg, name: tr.name, pointer: true }, recvText: op.text, methodExpr: true };
    }
    const rv = evalExpr(cx, operand, env, ctx, true);
    if (rv.proc) return { kind: 'method', name, recv: { kind: 'proc', ...(rv.procName ? { api: rv.procName } : {}) }, recvText: op.text };
    if (rv.func && !rv.fields) return { kind: 'indirect', name: op.text + '.' + name, how: 'func-field', target: rv.func };
    const held = heldFieldCallee(rv, name, `${op.text}.${name}`);
    if (held) return held;
    let recv: RecvFact = { kind: 'unknown' };
    if (op.type === 'identifier') {
      const info = lookup(cx, op.text);
      const tr = info?.type ? typeRef(cx.file, info.type) : null;
      if (tr) recv = { kind: 'type', pkg: tr.pkg, name: tr.name, pointer: tr.pointer };
    } else if (op.type === 'selector_expression') {
      // t.dev.ioctl(...): the field's declared type, from this file or via the index.
      const base = op.childForFieldName('operand');
      const fieldName = op.childForFieldName('field')?.text ?? '';
      const bn = base ? unparen(base) : null;
      const owner = bn?.type === 'identifier' ? typeRef(cx.file, lookup(cx, bn.text)?.type ?? '') : null;
      if (owner && owner.pkg === null) {
        const ft = cx.file.structFields.get(owner.name)?.[fieldName];
        const fr = ft ? typeRef(cx.file, ft) : null;
        if (ft && (ft.startsWith('func') || cx.file.uintptrFuncTypes.has(ft))) {
          if (/uintptr\b/.test(ft) || cx.file.uintptrFuncTypes.has(ft)) return { kind: 'indirect', name: `${op.text}.${name}`, how: 'func-field', uintptrSignature: true };
        }
        if (fr) recv = { kind: 'type', pkg: fr.pkg, name: fr.name, pointer: fr.pointer };
        else recv = fieldRecv(cx, owner.name, fieldName);
      }
    } else if (op.type === 'call_expression' || op.type === 'composite_literal' || op.type === 'unary_expression') {
      const cv = evalExpr(cx, op, env, ctx, true);
      if (cv.proc) recv = { kind: 'proc' };
    }
    // The declared type the type layer gave the value (a helper's result type).
    if (recv.kind === 'unknown' && rv.type) recv = { kind: 'type', pkg: rv.type.pkg, name: rv.type.name, pointer: rv.type.pointer };
    return { kind: 'method', name, recv, recvText: op.text };
  }
  if (f.type === 'func_literal') return { kind: 'indirect', name: 'func literal', how: 'func-var' };
  return { kind: 'unknown' };
}

/** The receiver `x.f` of a method call, `x` of struct type `owner` declared in another file: a
 * procedure when the type layer says the field's declared type is one. */
function fieldRecv(cx: FnContext, owner: string, field: string): RecvFact {
  // Only a procedure type needs the view: the index resolves other field types itself, among
  // the declarations built with this file (a struct may differ per platform).
  const e = ask(cx.file, null, `${owner}.${field}`);
  if (e?.kind === 'var' && e.procType) return { kind: 'proc' };
  return { kind: 'field', owner, field };
}

/** What a call returns, as far as pinlint cares: OS memory, DLL objects, procs. */
export function callResult(cx: FnContext, f: SyntaxNode, callee: CalleeFact, env: Env, ctx: Ctx, args: SyntaxNode[]): AV {
  // What a system call or DLL procedure returns is an integer or memory the OS owns.
  const pkg = callee.kind === 'func' ? callee.pkg ?? cx.file.importPath : null;
  if (callee.kind === 'func' && pkg && cx.file.k.sinks.funcs[pkg]?.includes(callee.name)) return av({ os: true, int: true });
  if (callee.kind === 'method' && callee.recv.kind !== 'unknown' && cx.file.sinkMethodNames.has(callee.name)) return av({ os: true, int: true });
  if (callee.kind === 'func' && callee.pkg) {
    if (cx.file.k.osAllocators[callee.pkg]?.includes(callee.name)) return av({ os: true });
    if (DLL_PACKAGES.includes(callee.pkg) && DLL_CONSTRUCTORS.includes(callee.name)) return av({ dll: true });
    // What a C function returns is C memory or a C integer; cgo's GoString/GoBytes copy into
    // new Go memory (cmd/cgo, "Go references to C"). C.T(x) conversions never get here (cgo.ts).
    if (callee.pkg === CGO_PACKAGE) return CGO_GO_COPIES.includes(callee.name) ? EMPTY : av({ os: true });
  }
  if (callee.kind === 'method' && PROC_METHODS.includes(callee.name)) {
    // NewProc/FindProc on a DLL object: a procedure whose Call is a sink.
    const operand = f.childForFieldName('operand');
    const rv = operand ? evalExpr(cx, operand, env, ctx, true) : EMPTY;
    if (rv.dll || callee.recv.kind === 'pkgvar' || (callee.recv.kind === 'type' && DLL_TYPES.includes(callee.recv.name))) {
      const nameArg = args[0] ? unparen(args[0]) : null;
      const api = nameArg && nameArg.type === 'interpreted_string_literal' ? stringLiteralValue(nameArg) : undefined;
      return av({ proc: true, ...(api ? { procName: api } : {}) });
    }
  }
  return EMPTY;
}

/** Reports whether a call may go to the OS: a sink-like name, an indirect call, x/sys. */
export function mayCallOS(cx: FnContext, callee: CalleeFact): boolean {
  if (callee.kind === 'indirect') return true;
  if (callee.kind === 'method') return cx.file.sinkMethodNames.has(callee.name);
  if (callee.kind === 'func') return cx.file.sinkFuncNames.has(callee.name) || (!!callee.pkg && (SYSCALL_WRAPPER_PACKAGES.includes(callee.pkg) || callee.pkg === CGO_PACKAGE));
  return false;
}
