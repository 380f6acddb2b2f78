// The index of the scanned tree: packages by directory and import path, their functions,
// methods, package variables and types, and the cross-function summaries (which parameters a
// function hands to a sink) computed to a fixed point. Built from FileFacts only.
//
// TreeIndex is the one object the engine, the rules (through rule-api.ts) and the audit hold; it
// puts together the three concerns that live beside it: packages and import paths
// (packages.ts), callee resolution (resolve.ts) and summaries (summaries.ts).
import type { CalleeFact, FileFacts, FuncFact } from '../model/facts.js';
import { SINKS, type SinkTable } from '../knowledge/index.js';
import { PackageIndex, type FuncRef, type PackageInfo } from './packages.js';
import { CalleeResolver, type Target } from './resolve.js';
import { Summaries, paramFor, type Hop, type Summary } from './summaries.js';
import { alwaysWith } from '../types/platforms.js';

export type { FuncRef, PackageInfo } from './packages.js';
export { isProtected, takesUintptr, type Target } from './resolve.js';
export type { Hop, Summary } from './summaries.js';

export class TreeIndex {
  readonly packages: Map<string, PackageInfo>;
  readonly byImportPath: Map<string, PackageInfo[]>;
  private pkgs: PackageIndex;
  private calls: CalleeResolver;
  private summaries: Summaries;

  constructor(
    files: FileFacts[],
    importPathOf: (dir: string) => string | null,
    readonly sinks: SinkTable = SINKS,
    /** Functions outside the tree that configuration declares unprotected uintptr wrappers. */
    readonly configuredWrappers: Record<string, readonly string[]> = {},
    /** Reports whether an imported package was looked for and found nowhere (modules.ts). */
    isMissing: (importPath: string) => boolean = () => false,
  ) {
    this.pkgs = new PackageIndex(files, importPathOf);
    this.packages = this.pkgs.packages;
    this.byImportPath = this.pkgs.byImportPath;
    this.calls = new CalleeResolver(this.pkgs, sinks, configuredWrappers, isMissing);
    this.summaries = new Summaries(this.pkgs, this.calls);
  }

  packageOf(file: FileFacts): PackageInfo | undefined {
    return this.pkgs.packageOf(file);
  }

  summaryOf(fn: FuncFact): Summary | undefined {
    return this.summaries.summaryOf(fn);
  }

  /** Resolves a recorded call of `file` to what it calls. */
  resolve(file: FileFacts, callee: CalleeFact): Target {
    return this.calls.resolve(file, callee);
  }

  /** Maps argument `argIndex` of a call to the callee parameter it binds. */
  paramFor(fn: FuncFact, argIndex: number): number | null {
    return paramFor(fn, argIndex);
  }

  static paramFor(fn: FuncFact, argIndex: number): number | null {
    return paramFor(fn, argIndex);
  }

  /**
   * The forwarding chain from parameter `param` of `fn` to the sink: each hop is a call that
   * passes the value on. Bounded and cycle-safe (recursive wrappers). With `from`, build
   * variants that can be built with that file are followed first.
   */
  chainFrom(fn: FuncFact, param: number, from?: FileFacts): Hop[] {
    return this.summaries.chainFrom(fn, param, from);
  }

  /** The functions `name` of `pkg` that can be built with `from` (every one when none can). */
  funcsNamed(pkg: PackageInfo, name: string, from?: FileFacts): FuncRef[] {
    return this.pkgs.funcs([pkg], name, from);
  }

  /** Reports whether one of `refs` is declared in every build of `from` (a fix may call it). */
  declaredWherever(from: FileFacts, refs: readonly FuncRef[]): boolean {
    return alwaysWith(from.build, refs.map((r) => r.file.build));
  }

  /** The methods `recv.name` of `pkg` that can be built with `from` (every one when none can). */
  methodsNamed(pkg: PackageInfo, recv: string, name: string, from?: FileFacts): FuncRef[] {
    return this.pkgs.methods([pkg], recv, name, from);
  }

  /** Reports whether a call returns memory the Go collector does not manage (resolve.ts). */
  returnsForeign(file: FileFacts, callee: CalleeFact): boolean {
    return this.calls.returnsForeign(file, callee);
  }

  /** Reports whether argument `j` of a call to `t` reaches a sink argument. */
  argReachesSink(t: Target, j: number, spread: boolean, kind: 'uintptr' | 'ptr'): boolean {
    return this.summaries.argReachesSink(t, j, spread, kind);
  }
}
