// Function values kept in variables and struct fields: recording, per file, which package-level
// variable or struct field is given which function value (a sink, a method value, a C function
// registered through an FFI library, a function of the tree), so the index can tell what a call
// through it may reach; and naming calls through a local that holds one. The compiler resolves
// none of these calls statically (cmd/compile escape/call.go; golang/go#34684), so a conversion
// written in their argument list is not protected.
import type { SyntaxNode } from '../go/parse.js';
import { spanOf, unparen } from '../go/syntax.js';
import type { CalleeFact, FuncSlot } from '../model/facts.js';
import type { FnContext } from './context.js';
import { lookup } from './scope.js';
import { typeRef } from './typing.js';
import type { AV } from './value.js';

/** The package-level variable or struct field an assignment to `target` writes, when it is one
 * the index can find again: `v`, `v.f` of a package-level `v`, `x.f` of a local, parameter or
 * receiver whose declared type is a struct type of this package. */
export function funcSlotOf(cx: FnContext, target: SyntaxNode): FuncSlot | null {
  const t = unparen(target);
  if (t.type === 'identifier') {
    if (t.text === '_' || lookup(cx, t.text) || cx.file.pkgFuncNames.has(t.text)) return null;
    return { kind: 'pkgvar', name: t.text };
  }
  if (t.type !== 'selector_expression') return null;
  const operand = t.childForFieldName('operand');
  const field = t.childForFieldName('field')?.text;
  const op = operand ? unparen(operand) : null;
  if (!op || !field || op.type !== 'identifier') return null;
  const info = lookup(cx, op.text);
  if (info) {
    const ref = info.type ? typeRef(cx.file, info.type) : null;
    return ref && ref.pkg === null ? { kind: 'field', type: ref.name, field } : null;
  }
  if (cx.file.imports.has(op.text) || cx.file.pkgFuncNames.has(op.text)) return null;
  return { kind: 'pkgvar-field', name: op.text, field };
}

/** Records that `target` is given `value` when the value is a function and the target a slot
 * the index can see (a package-level variable, a struct field). */
export function noteFuncStore(cx: FnContext, target: SyntaxNode, value: AV): void {
  if (!value.func) return;
  const slot = funcSlotOf(cx, target);
  if (slot) addBinding(cx, slot, value.func, target);
}

/** Records the function values of a keyed composite literal of a struct type of this package
 * (`hooks{syscall: syscall.Syscall}`, `&kernelAPI{systemTime: proc.Call}`). */
export function noteLiteralFuncs(cx: FnContext, typeStr: string, fields: Map<string, AV> | null, lit: SyntaxNode): void {
  if (!fields) return;
  const ref = typeRef(cx.file, typeStr);
  if (!ref || ref.pkg !== null || ref.pointer) return;
  for (const [field, v] of fields) {
    if (v.func && !field.startsWith('#')) addBinding(cx, { kind: 'field', type: ref.name, field }, v.func, lit);
  }
}

function addBinding(cx: FnContext, slot: FuncSlot, value: CalleeFact, where: SyntaxNode): void {
  const span = spanOf(where);
  const key = JSON.stringify(slot);
  // Loop bodies are walked twice: one binding per place and slot.
  const list = cx.file.facts.funcBindings;
  if (list.some((b) => b.span.startLine === span.startLine && b.span.startColumn === span.startColumn && JSON.stringify(b.slot) === key)) return;
  list.push({ slot, value, span });
}

/** A call through a local that holds a registered C function (`var f func(...)` filled in by
 * `purego.RegisterLibFunc(&f, …)`). */
export function registeredVarCallee(name: string, v: AV): CalleeFact | null {
  return v.func?.kind === 'registered' ? { kind: 'indirect', name, how: 'func-var', target: v.func } : null;
}

/** A call `x.f(...)` where the walk knows that field `f` of the local `x` holds a function value
 * (a struct literal, an assignment, a registration in this function): a function-typed field is
 * never a static callee. */
export function heldFieldCallee(operand: AV, field: string, text: string): CalleeFact | null {
  const fv = operand.fields?.get(field);
  return fv?.func ? { kind: 'indirect', name: text, how: 'func-field', target: fv.func } : null;
}
