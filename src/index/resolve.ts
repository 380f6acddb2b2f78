// Callee resolution: what a recorded call of a file calls, from syntax and the tree's packages
// only (no Go type checker). Import aliases, dot imports, same-package functions and methods,
// package-level procedure variables, fields and interfaces are followed; the result says whether
// the call is a protected sink, a function of the tree, a configured or known wrapper, an x/sys
// or syscall function outside the tree, or a call the compiler cannot resolve statically.
import type { CalleeFact, FileFacts, FuncFact, ParamFact, PkgVarFact, RecvFact } from '../model/facts.js';
import { KNOWN_UINTPTR_WRAPPERS, PSEUDO_PACKAGES, SYSCALL_WRAPPER_PACKAGES, isTableSinkFunc, isTableSinkMethod, type SinkTable } from '../knowledge/index.js';
import type { FuncRef, PackageIndex, PackageInfo } from './packages.js';

/** What a call resolves to. */
export type Target =
  /** A protected sink: the compiler keeps inline-converted arguments alive (DESIGN.md §1). */
  | { kind: 'sink'; name: string; decl?: FuncRef; api?: string }
  /** A function of the scanned tree that is not protected. */
  | { kind: 'func'; name: string; refs: FuncRef[] }
  /** A function that configuration declares an unprotected uintptr wrapper. */
  | { kind: 'configured-wrapper'; name: string; params?: readonly number[] }
  /** An exported function of a syscall-wrapper package outside the tree (x/sys, syscall). */
  | { kind: 'syscall-package'; name: string }
  /** A call the compiler cannot resolve statically, to a value that may hold a sink. */
  | { kind: 'indirect'; name: string; how: string; sink: string | null }
  | { kind: 'other' };

type FuncCallee = Extract<CalleeFact, { kind: 'func' }>;
type MethodCallee = Extract<CalleeFact, { kind: 'method' }>;
type IndirectCallee = Extract<CalleeFact, { kind: 'indirect' }>;

export class CalleeResolver {
  constructor(
    private pkgs: PackageIndex,
    readonly sinks: SinkTable,
    /** Functions outside the tree that configuration declares unprotected uintptr wrappers. */
    readonly configuredWrappers: Record<string, readonly string[]>,
  ) {}

  /** Resolves a recorded call of `file` to what it calls. */
  resolve(file: FileFacts, callee: CalleeFact): Target {
    const pkg = this.pkgs.packageOf(file);
    switch (callee.kind) {
      case 'func':
        return this.resolveFunc(file, pkg, callee);
      case 'method':
        return this.resolveMethod(pkg, callee);
      case 'indirect':
        return this.resolveIndirect(file, pkg, callee);
      default:
        return { kind: 'other' };
    }
  }

  private resolveFunc(file: FileFacts, pkg: PackageInfo | undefined, callee: FuncCallee): Target {
    const name = callee.pkg ? `${callee.qualifier ?? callee.pkg}.${callee.name}` : callee.name;
    if (callee.pkg) {
      if (isTableSinkFunc(this.sinks, callee.pkg, callee.name)) return { kind: 'sink', name };
      if (this.configuredWrappers[callee.pkg]?.includes(callee.name)) return { kind: 'configured-wrapper', name };
      const refs = this.pkgs.importedPackages(callee.pkg).flatMap((p) => p.funcs.get(callee.name) ?? []);
      if (refs.length) return this.funcTarget(name, refs);
      // x/sys wrappers known to forward a Go pointer passed as uintptr, when x/sys itself is
      // not in the scanned tree (in the tree, its summaries say the same).
      const known = KNOWN_UINTPTR_WRAPPERS[callee.pkg]?.[callee.name];
      if (known) return { kind: 'configured-wrapper', name, params: known };
      if (SYSCALL_WRAPPER_PACKAGES.includes(callee.pkg) && /^[A-Z]/.test(callee.name)) return { kind: 'syscall-package', name };
      return { kind: 'other' };
    }
    if (!pkg) return { kind: 'other' };
    if (pkg.importPath && isTableSinkFunc(this.sinks, pkg.importPath, callee.name)) {
      return { kind: 'sink', name, ...(pkg.funcs.get(callee.name)?.[0] ? { decl: pkg.funcs.get(callee.name)?.[0] as FuncRef } : {}) };
    }
    const refs = pkg.funcs.get(callee.name) ?? [];
    if (refs.length) return this.funcTarget(name, refs);
    for (const imp of file.imports) {
      if (imp.alias !== '.') continue;
      if (isTableSinkFunc(this.sinks, imp.path, callee.name)) return { kind: 'sink', name };
      const drefs = this.pkgs.importedPackages(imp.path).flatMap((p) => p.funcs.get(callee.name) ?? []);
      if (drefs.length) return this.funcTarget(name, drefs);
    }
    return { kind: 'other' };
  }

  private resolveMethod(pkg: PackageInfo | undefined, callee: MethodCallee): Target {
    const display = `${callee.recvText}.${callee.name}`;
    const recv = callee.recv;
    if (recv.kind === 'proc') return this.procMethod(display, callee.name, recv.api);
    if (recv.kind === 'pkgvar') return this.methodOfPkgVar(pkg, callee, recv, display);
    if (recv.kind === 'field') return this.methodOfField(pkg, callee, recv, display);
    if (recv.kind === 'type') return this.methodOfType(pkg, callee, recv, display);
    return { kind: 'other' };
  }

  private methodOfPkgVar(pkg: PackageInfo | undefined, callee: MethodCallee, recv: Extract<RecvFact, { kind: 'pkgvar' }>, display: string): Target {
    const owners = recv.pkg ? this.pkgs.importedPackages(recv.pkg) : pkg ? [pkg] : [];
    const v = owners.map((p) => p.vars.get(recv.name)).find((x) => x);
    if (v?.kind === 'proc') return this.procMethod(display, callee.name, v.api);
    // A procedure kept in an interface-typed variable (wincred's `var procCredRead proc =`).
    if (v?.kind === 'iface-proc' && this.isSinkMethodName(callee.name)) return { kind: 'indirect', name: display, how: 'interface', sink: null };
    // A function-typed field of a package-level struct variable.
    const owner = v?.type ? owners[0]?.types.get(v.type.replace(/^\*/, '')) : undefined;
    const ft = owner?.fields?.[callee.name];
    if (ft && this.isUintptrFuncType(ft, owners[0])) return { kind: 'indirect', name: display, how: 'func-field', sink: null };
    if (v?.type && owners[0]) {
      const refs = owners[0].methods.get(v.type.replace(/^\*/, ''))?.get(callee.name) ?? [];
      if (refs.length) return this.funcTarget(display, refs);
    }
    return { kind: 'other' };
  }

  private methodOfField(pkg: PackageInfo | undefined, callee: MethodCallee, recv: Extract<RecvFact, { kind: 'field' }>, display: string): Target {
    // t.dev.m(): the field's declared type in the owner struct (any file of the package).
    const ft = pkg?.types.get(recv.owner)?.fields?.[recv.field];
    if (!ft || !pkg) return { kind: 'other' };
    if (this.isUintptrFuncType(ft, pkg)) return { kind: 'indirect', name: display, how: 'func-field', sink: null };
    const m = /^\*?([A-Za-z_]\w*)$/.exec(ft);
    if (!m) return { kind: 'other' };
    const refs = pkg.methods.get(m[1] as string)?.get(callee.name) ?? [];
    if (refs.length) return this.funcTarget(display, refs);
    const t = pkg.types.get(m[1] as string);
    if (t?.kind === 'interface' && t.uintptrMethods?.includes(callee.name)) return { kind: 'indirect', name: display, how: 'interface', sink: null };
    return { kind: 'other' };
  }

  private methodOfType(pkg: PackageInfo | undefined, callee: MethodCallee, recv: Extract<RecvFact, { kind: 'type' }>, display: string): Target {
    if (recv.pkg) {
      if (isTableSinkMethod(this.sinks, recv.pkg, recv.name, callee.name)) return { kind: 'sink', name: display };
      const refs = this.pkgs.importedPackages(recv.pkg).flatMap((p) => p.methods.get(recv.name)?.get(callee.name) ?? []);
      return refs.length ? this.funcTarget(display, refs) : { kind: 'other' };
    }
    if (!pkg) return { kind: 'other' };
    if (pkg.importPath && isTableSinkMethod(this.sinks, pkg.importPath, recv.name, callee.name)) return { kind: 'sink', name: display };
    const refs = this.promotedMethod(pkg, recv.name, callee.name, 0);
    if (refs.length) return this.funcTarget(display, refs);
    // A call through an interface whose method takes uintptrs (the wincred `proc` shape):
    // whatever it holds, the compiler cannot see the callee (golang/go#34684).
    const t = pkg.types.get(recv.name);
    if (t?.kind === 'interface' && t.uintptrMethods?.includes(callee.name)) {
      return { kind: 'indirect', name: display, how: 'interface', sink: null };
    }
    return { kind: 'other' };
  }

  /** A method of a named type of `pkg`, or promoted from a type embedded in it
   * (go.dev/ref/spec#Struct_types: the shallowest depth wins). Embedded types of this package
   * only: an embedded type of another package is written `q.T`, whose qualifier needs the
   * declaring file (the type layer's view answers for those). */
  private promotedMethod(pkg: PackageInfo, typeName: string, method: string, depth: number): FuncRef[] {
    const direct = pkg.methods.get(typeName)?.get(method) ?? [];
    if (direct.length || depth >= 4) return direct;
    for (const [field, type] of Object.entries(pkg.types.get(typeName)?.fields ?? {})) {
      const bare = type.replace(/^\*/, '');
      if (bare !== field) continue;
      const found = this.promotedMethod(pkg, bare, method, depth + 1);
      if (found.length) return found;
    }
    return [];
  }

  private resolveIndirect(file: FileFacts, pkg: PackageInfo | undefined, callee: IndirectCallee): Target {
    const sink = callee.target ? this.resolve(file, callee.target) : null;
    if (sink?.kind === 'sink') return { kind: 'indirect', name: callee.name, how: callee.how, sink: sink.name };
    // A function-typed parameter or variable whose type takes uintptrs, e.g. the signature
    // of (*LazyProc).Call: it exists to hold a procedure.
    const named = callee.typeName && pkg ? this.isUintptrFuncType(callee.typeName, pkg) : false;
    if ((callee.uintptrSignature || named) && (callee.how === 'func-param' || callee.how === 'func-var' || callee.how === 'func-field')) {
      return { kind: 'indirect', name: callee.name, how: callee.how, sink: null };
    }
    if (callee.how === 'func-var' && pkg?.vars.get(callee.name)?.kind === 'func') {
      const v = pkg.vars.get(callee.name) as PkgVarFact;
      const t = v.target ? this.resolve(file, v.target) : null;
      if (t?.kind === 'sink') return { kind: 'indirect', name: callee.name, how: 'package-func-var', sink: t.name };
    }
    return { kind: 'other' };
  }

  /** Reports whether a type (text) is a function type taking uintptrs, written out or named. */
  private isUintptrFuncType(t: string, pkg: PackageInfo | undefined): boolean {
    if (t.startsWith('func')) return /uintptr\b/.test(t);
    return !!pkg?.types.get(t)?.uintptrSignature;
  }

  private isSinkMethodName(name: string): boolean {
    return Object.values(this.sinks.methods).some((types) => Object.values(types).some((ms) => ms.includes(name)));
  }

  private procMethod(display: string, method: string, api?: string): Target {
    for (const types of Object.values(this.sinks.methods)) {
      if (types.Proc?.includes(method) || types.LazyProc?.includes(method)) return { kind: 'sink', name: display, ...(api ? { api } : {}) };
    }
    return { kind: 'other' };
  }

  /**
   * A tree function is a protected sink when declared without a body (assembly, linkname) or
   * marked //go:uintptrescapes or //go:uintptrkeepalive (cmd/compile escape/call.go). Build-tagged
   * variants count as protected when any variant is (linux/ppc64 x/sys is the known exception,
   * go-semantics.md §2.7: informational, not reported).
   */
  private funcTarget(name: string, refs: FuncRef[]): Target {
    if (refs.every((r) => PSEUDO_PACKAGES.includes(r.pkg.importPath ?? ''))) return { kind: 'other' };
    const protectedRef = refs.find((r) => isProtected(r.fn) && takesUintptr(r.fn));
    if (protectedRef) return { kind: 'sink', name, decl: protectedRef };
    return { kind: 'func', name, refs };
  }

  /**
   * Reports whether a call returns memory the Go collector does not manage. A method on a
   * receiver of unknown type is judged by every method of that name in the package (there is
   * usually one), which covers `ring.Push()` returning a slot of a VirtualAlloc'd ring.
   */
  returnsForeign(file: FileFacts, callee: CalleeFact): boolean {
    const t = this.resolve(file, callee);
    if (t.kind === 'func') return t.refs.every((r) => r.fn.returnsForeign);
    if (callee.kind === 'method' && callee.recv.kind === 'unknown') {
      const pkg = this.pkgs.packageOf(file);
      const refs = [...(pkg?.methods.values() ?? [])].flatMap((m) => m.get(callee.name) ?? []);
      return refs.length > 0 && refs.every((r) => r.fn.returnsForeign);
    }
    return false;
  }
}

/** Reports whether a declaration makes its callers' inline conversions safe. */
export function isProtected(fn: FuncFact): boolean {
  return !fn.hasBody || fn.directives.includes('uintptrescapes') || fn.directives.includes('uintptrkeepalive');
}

/** Reports whether a function has a uintptr parameter (or ...uintptr): only such a function can
 * receive a pointer as an integer, so only such a bodyless function is worth treating as a sink. */
export function takesUintptr(fn: FuncFact): boolean {
  return fn.params.some(carriesUintptr);
}

/** Reports whether a parameter carries uintptrs: a uintptr-based type (`uintptr`, `LPARAM`,
 * as the flow floor resolved it through the type layer), a slice or a variadic list of one. */
export function carriesUintptr(p: ParamFact): boolean {
  return p.uintptr === true || p.type === 'uintptr' || p.type === '[]uintptr';
}
