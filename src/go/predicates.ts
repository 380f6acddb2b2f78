// Syntactic predicates that need to know what a name refers to: is `uintptr(x)` a conversion to
// the predeclared type, does `u.Pointer` name package unsafe, is `sys.Syscall` a qualified
// identifier? tree-sitter has no name resolution, so each caller hands in a NameScope that
// answers from its own scopes and the file's imports; the decision itself is made here, once
// (DESIGN.md §8: one helper owns each syntactic ambiguity).
import type { SyntaxNode } from './parse.js';
import { callArguments, unparen } from './syntax.js';

/** What a predicate needs to know about names at the place it looks. */
export interface NameScope {
  /** Declared in a function scope enclosing the place (a local, a parameter, a named result). */
  isLocal(name: string): boolean;
  /** The import path a (non-dot, non-blank) import name stands for. */
  importPath(name: string): string | undefined;
  /** Import paths imported with `.`. */
  readonly dotImports: readonly string[];
  /** A function declared at package level in this file. */
  isPkgFunc(name: string): boolean;
  /** A type of this package declared on top of uintptr (`type T uintptr`, an alias, a chain). */
  isNamedUintptrType(name: string): boolean;
  /** A type of the package imported from `pkg` declared on top of uintptr. */
  isImportedUintptrType(pkg: string, name: string): boolean;
}

/** Go's predeclared integer types (golang.org/ref/spec#Numeric_types). */
export const INTEGER_TYPES: ReadonlySet<string> = new Set(['uintptr', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'byte', 'rune']);

/** Integer types narrower than a pointer on 64-bit platforms: a value of one is never an address. */
export const NARROW_INTEGER_TYPES: ReadonlySet<string> = new Set(['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32', 'byte', 'rune']);

/** Reports whether `node` names `member` of the package imported from `pkg` (qualified, or
 * through a dot import and not shadowed). */
export function isPkgMember(ns: NameScope, node: SyntaxNode, pkg: string, member: string): boolean {
  if (node.type === 'identifier') {
    return node.text === member && !ns.isLocal(member) && !ns.isPkgFunc(member) && ns.dotImports.includes(pkg);
  }
  if (node.type !== 'selector_expression') return false;
  const operand = node.childForFieldName('operand');
  const field = node.childForFieldName('field');
  if (!operand || !field || field.text !== member) return false;
  const q = unparen(operand);
  if (q.type !== 'identifier' || ns.isLocal(q.text)) return false;
  return ns.importPath(q.text) === pkg;
}

/** Reports whether `node` is `unsafe.<member>` with `unsafe` (or its alias) the real import. */
export function isUnsafeMember(ns: NameScope, node: SyntaxNode, member: string): boolean {
  return isPkgMember(ns, node, 'unsafe', member);
}

/** The import path and name `pkg.Name` refers to, if `node` is a qualified identifier. */
export function qualified(ns: NameScope, node: SyntaxNode): { pkg: string; name: string } | null {
  if (node.type !== 'selector_expression') return null;
  const operand = node.childForFieldName('operand');
  const field = node.childForFieldName('field');
  if (!operand || !field) return null;
  const q = unparen(operand);
  if (q.type !== 'identifier' || ns.isLocal(q.text)) return null;
  const path = ns.importPath(q.text);
  return path !== undefined ? { pkg: path, name: field.text } : null;
}

/** If `call` is a conversion `T(x)` to a pointer type or unsafe.Pointer, returns `x`. */
export function conversionOperand(ns: NameScope, call: SyntaxNode): SyntaxNode | null {
  const fn = call.childForFieldName('function');
  const { args } = callArguments(call);
  if (!fn || args.length !== 1) return null;
  const f = unparen(fn);
  if (isUnsafeMember(ns, f, 'Pointer')) return args[0] ?? null;
  // (*T)(x) parses as a call of a parenthesized dereference.
  if (fn.type === 'parenthesized_expression' && (f.type === 'pointer_type' || (f.type === 'unary_expression' && f.child(0)?.type === '*'))) return args[0] ?? null;
  return null;
}

/** unsafe.Add(p, n), unsafe.Slice(p, n), unsafe.SliceData(b), unsafe.StringData(s): the p/b/s. */
export function unsafeHelperOperand(ns: NameScope, call: SyntaxNode): SyntaxNode | null {
  const fn = call.childForFieldName('function');
  if (!fn) return null;
  const f = unparen(fn);
  for (const name of ['Add', 'Slice', 'SliceData', 'StringData', 'String']) {
    if (isUnsafeMember(ns, f, name)) return callArguments(call).args[0] ?? null;
  }
  return null;
}

/** Reports whether `uintptr` in `uintptr(x)` is the predeclared type (not shadowed). */
export function isUintptrConversion(ns: NameScope, call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || callArguments(call).args.length !== 1) return false;
  const f = unparen(fn);
  return f.type === 'identifier' && f.text === 'uintptr' && !ns.isLocal('uintptr') && !ns.isPkgFunc('uintptr') && !ns.isNamedUintptrType('uintptr');
}

/** Reports whether the call converts to a predeclared integer type other than uintptr. */
export function isIntegerConversion(ns: NameScope, call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || callArguments(call).args.length !== 1) return false;
  const f = unparen(fn);
  return f.type === 'identifier' && INTEGER_TYPES.has(f.text) && f.text !== 'uintptr' && !ns.isLocal(f.text) && !ns.isPkgFunc(f.text);
}

/** Reports whether the call converts to a named uintptr type (`H(x)` with `type H uintptr`). */
export function isNamedUintptrConversion(ns: NameScope, call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || callArguments(call).args.length !== 1) return false;
  const f = unparen(fn);
  if (f.type === 'identifier') return ns.isNamedUintptrType(f.text) && !ns.isLocal(f.text);
  const q = qualified(ns, f);
  return !!q && ns.isImportedUintptrType(q.pkg, q.name);
}
