// Wrapper summaries, computed to a fixed point over every function of the tree: which uintptr
// parameters of a function reach a sink argument (an unprotected wrapper: the compiler keeps an
// object alive only for a conversion in the protected call's own argument list, `unsafe.Pointer`
// rule 4), and which pointer parameters it converts inline into one (the mkwinsyscall
// `_p0`/direct-return shape). Each summary keeps the first hop of the forwarding chain, from
// which the chain shown in findings is rebuilt.
import type { CallFact, FileFacts, FuncFact } from '../model/facts.js';
import type { FuncRef, PackageIndex } from './packages.js';
import { type CalleeResolver, type Target, carriesUintptr } from './resolve.js';

export interface Summary {
  /** Indexes of uintptr (or ...uintptr / []uintptr) parameters that may reach a sink argument. */
  uintptrParams: Set<number>;
  /** Indexes of pointer parameters converted inline into a sink argument (or handed on to one). */
  ptrParams: Set<number>;
  /** For each parameter in uintptrParams: the call that forwards it (the first hop of the chain). */
  via: Map<number, Hop>;
}

/** One forwarding step: in `ref`'s body, `call` passes the parameter as argument `arg` to `target`. */
export interface Hop {
  file: FileFacts;
  fn: FuncFact;
  call: CallFact;
  arg: number;
  target: Target;
}

/** Maps argument `argIndex` of a call to the callee parameter it binds. */
export function paramFor(fn: FuncFact, argIndex: number): number | null {
  if (fn.params.length === 0) return null;
  const last = fn.params.length - 1;
  if (argIndex >= last && fn.params[last]?.variadic) return last;
  return argIndex < fn.params.length ? argIndex : null;
}

export class Summaries {
  private summaries = new Map<FuncFact, Summary>();

  constructor(private pkgs: PackageIndex, private calls: CalleeResolver) {
    this.compute();
  }

  summaryOf(fn: FuncFact): Summary | undefined {
    return this.summaries.get(fn);
  }

  /**
   * Computes wrapper summaries for every function to a fixed point with a worklist: a function is
   * examined again only when the summary of a function it calls grew. The sets only grow and are
   * bounded by the parameter counts, so this ends without a round limit (a bound on rounds once
   * cut a long forwarding chain declared caller-first). Dirty functions are examined in a fixed
   * order, pass after pass, so each summary and its first hop come out the same on every run.
   */
  private compute(): void {
    const all: Array<{ file: FileFacts; fn: FuncFact }> = [];
    for (const pkg of this.pkgs.packages.values()) for (const f of pkg.files) for (const fn of f.funcs) {
      this.summaries.set(fn, { uintptrParams: new Set(), ptrParams: new Set(), via: new Map() });
      if (fn.calls.length) all.push({ file: f, fn });
    }
    const resolved = new Map<CallFact, Target>();
    const targetOf = (file: FileFacts, c: CallFact): Target => {
      let t = resolved.get(c);
      if (!t) { t = this.calls.resolve(file, c.callee); resolved.set(c, t); }
      return t;
    };
    // callers.get(g): positions in `all` of the functions with a call that may reach g.
    const callers = new Map<FuncFact, Set<number>>();
    all.forEach(({ file, fn }, i) => {
      for (const c of fn.calls) {
        const t = targetOf(file, c);
        if (t.kind !== 'func') continue;
        for (const r of t.refs) {
          let set = callers.get(r.fn);
          if (!set) callers.set(r.fn, (set = new Set()));
          set.add(i);
        }
      }
    });
    const dirty = all.map(() => true);
    for (let pending = all.length; pending > 0;) {
      for (let i = 0; i < all.length; i++) {
        if (!dirty[i]) continue;
        dirty[i] = false;
        pending--;
        const { file, fn } = all[i] as { file: FileFacts; fn: FuncFact };
        if (!this.examine(file, fn, targetOf)) continue;
        for (const k of callers.get(fn) ?? []) {
          if (!dirty[k]) { dirty[k] = true; pending++; }
        }
      }
    }
  }

  /** Adds to `fn`'s summary the parameters its calls hand to sinks or to wrappers as summarized
   * so far; reports whether the summary grew. */
  private examine(file: FileFacts, fn: FuncFact, targetOf: (file: FileFacts, c: CallFact) => Target): boolean {
    let changed = false;
    const sum = this.summaries.get(fn) as Summary;
    for (const c of fn.calls) {
      const t = targetOf(file, c);
      c.args.forEach((arg, j) => {
        for (const src of arg.sources) {
          let index: number | null = null;
          let pointer = false;
          if (src.kind === 'param') index = src.flow.index;
          else if (src.kind === 'uptr' && src.u.obj.kind === 'param' && src.u.obj.paramIndex !== undefined && src.u.via === 'inline') {
            index = src.u.obj.paramIndex;
            pointer = true;
          }
          if (index === null) continue;
          const p = fn.params[index];
          if (!p) continue;
          const isUintptr = carriesUintptr(p);
          // A pointer parameter converted inline reaches the OS whether the callee takes it as a
          // typed pointer or as the uintptr it forwards (`ioctl(fd, req, uintptr(unsafe.Pointer(arg)))`):
          // either way what the pointer points to goes to the OS, so this is a pointer parameter.
          const reaches = pointer
            ? this.argReachesSink(t, j, arg.spread, 'ptr') || this.argReachesSink(t, j, arg.spread, 'uintptr')
            : this.argReachesSink(t, j, arg.spread, isUintptr ? 'uintptr' : 'ptr');
          if (!reaches) continue;
          const set = isUintptr && !pointer ? sum.uintptrParams : sum.ptrParams;
          if (!set.has(index)) {
            set.add(index);
            changed = true;
            if (set === sum.uintptrParams) sum.via.set(index, { file, fn, call: c, arg: j, target: t });
          }
        }
      });
    }
    return changed;
  }

  /**
   * The forwarding chain from parameter `param` of `fn` to the sink: each hop is a call that
   * passes the value on. Bounded and cycle-safe (recursive wrappers). Where a hop may reach
   * several build variants, the chain follows one that can be built with `from` (the file the
   * finding is in), so the locations shown stay on the caller's platform.
   */
  chainFrom(fn: FuncFact, param: number, from?: FileFacts): Hop[] {
    const hops: Hop[] = [];
    const seen = new Set<string>();
    let cur: { fn: FuncFact; param: number } | null = { fn, param };
    while (cur && hops.length < 16) {
      const key = `${cur.fn.span.startLine}:${cur.fn.name}:${cur.param}`;
      if (seen.has(key)) break;
      seen.add(key);
      const hop: Hop | undefined = this.summaries.get(cur.fn)?.via.get(cur.param);
      if (!hop) break;
      hops.push(hop);
      if (hop.target.kind !== 'func') break;
      const forwarding: FuncRef[] = hop.target.refs.filter((r: FuncRef) => {
        const pi = paramFor(r.fn, hop.arg);
        return pi !== null && this.summaries.get(r.fn)?.uintptrParams.has(pi);
      });
      const next: FuncRef | undefined = this.pkgs.builds.select(from, forwarding, (r: FuncRef) => r.file)[0];
      cur = next ? { fn: next.fn, param: paramFor(next.fn, hop.arg) as number } : null;
    }
    return hops;
  }

  /** Reports whether argument `j` of a call to `t` reaches a sink argument. */

  argReachesSink(t: Target, j: number, spread: boolean, kind: 'uintptr' | 'ptr'): boolean {
    // A call into C hands the OS (C) every argument, pointer or integer, unprotected (resolve.ts).
    if (t.kind === 'sink' || t.kind === 'cgo') return true;
    // A function value known to hold a sink or a registered C function (resolve.ts boundTarget):
    // a uintptr parameter forwarded to it reaches the OS with nothing protecting it, and a
    // typed pointer handed to it is read there.
    if (t.kind === 'indirect') return t.sink !== null || !!t.registered;
    // x/sys and syscall wrappers hand typed pointer arguments to the OS (mksyscall output).
    if (t.kind === 'syscall-package') return kind === 'ptr';
    if (t.kind !== 'func') return false;
    return t.refs.some((r) => {
      const sum = this.summaries.get(r.fn);
      const pi = paramFor(r.fn, j);
      if (!sum || pi === null) return false;
      void spread;
      return kind === 'uintptr' ? sum.uintptrParams.has(pi) : sum.ptrParams.has(pi);
    });
  }
}
