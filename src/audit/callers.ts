// Which unprotected uintptr wrappers the audited tree actually calls with a pointer (issue 11).
// A wrapper such as `Ioctl(fd int, req uint, arg uintptr)` is a latent bug; it becomes a real one
// where a caller passes a pointer-derived uintptr (`uintptr(unsafe.Pointer(&ws))`) as `arg`.
// Most of x/sys's wrappers are only ever handed file descriptors, flags and lengths, which are
// integers and have nothing for the collector to free. The facts say which is which: an argument
// whose sources include a converted pointer (uptr), a typed Go pointer (goptr) or a pointer hidden
// in a uintptr field (hidden) is pointer-derived; an argument with no such source is a plain
// integer. A caller that passes one of its own parameters on (source `param`) feeds the wrapper
// with a pointer exactly when its own callers feed that parameter one, so the answer is a fixed
// point over the forwarding chain.
import type { AnalysisResult } from '../engine/analyze.js';
import type { ArgFact, FuncFact } from '../model/facts.js';
import type { Location } from '../model/findings.js';

/** A call that hands a pointer-derived value to a wrapper's forwarded parameter. */
export interface PointerCall {
  /** Where the argument is written (repository-relative, as the engine reports paths). */
  location: Location;
  /** The argument as written. */
  arg: string;
  /** The call passes its caller's own parameter on, which some caller feeds with a pointer. */
  forwarded: boolean;
}

/** Pointer-fed wrapper parameters: function → parameter index → the first calls that feed it. */
export type PointerFeeds = Map<FuncFact, Map<number, PointerCall[]>>;

/** At most this many calls are kept per parameter: the report shows examples, not an index. */
const KEEP = 3;

/** Reports whether an argument carries a pointer-derived value (not a plain integer). */
export function isPointerDerived(arg: Pick<ArgFact, 'sources'>): boolean {
  return arg.sources.some((s) => s.kind === 'uptr' || s.kind === 'goptr' || s.kind === 'hidden');
}

/**
 * For every function of the tree with forwarded uintptr parameters (index summaries), the calls in
 * the tree that pass a pointer-derived value to one of them, directly or through a caller's own
 * parameter that is itself fed a pointer.
 */
export function pointerFeeds(result: AnalysisResult): PointerFeeds {
  const feeds: PointerFeeds = new Map();
  const add = (fn: FuncFact, param: number, call: PointerCall): boolean => {
    let byParam = feeds.get(fn);
    if (!byParam) feeds.set(fn, (byParam = new Map()));
    const list = byParam.get(param);
    if (list) {
      if (list.length < KEEP && !list.some((c) => sameLocation(c.location, call.location))) list.push(call);
      return false;
    }
    byParam.set(param, [call]);
    return true;
  };
  const edges = wrapperCalls(result);
  // Each round marks at least one new (function, parameter) pair or stops: bounded by their number.
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges) {
      const direct = isPointerDerived(e.arg);
      const forwarded = !direct && e.arg.sources.some((s) => s.kind === 'param' && feeds.get(e.caller)?.has(s.flow.index));
      if (!direct && !forwarded) continue;
      const location: Location = { path: e.path, ...e.arg.span };
      for (const t of e.targets) if (add(t.fn, t.param, { location, arg: e.arg.text, forwarded })) changed = true;
    }
  }
  return feeds;
}

interface WrapperCall {
  path: string;
  caller: FuncFact;
  arg: ArgFact;
  /** The wrapper variants the call may reach, and the forwarded parameter the argument binds. */
  targets: Array<{ fn: FuncFact; param: number }>;
}

/** Every argument of a recorded call that binds a forwarded uintptr parameter of a tree function. */
function wrapperCalls(result: AnalysisResult): WrapperCall[] {
  const out: WrapperCall[] = [];
  for (const file of result.files) {
    for (const fn of file.funcs) {
      for (const call of fn.calls) {
        const t = result.index.resolve(file, call.callee);
        if (t.kind !== 'func') continue;
        call.args.forEach((arg, j) => {
          const targets: WrapperCall['targets'] = [];
          for (const ref of t.refs) {
            const param = result.index.paramFor(ref.fn, j);
            if (param !== null && result.index.summaryOf(ref.fn)?.uintptrParams.has(param)) targets.push({ fn: ref.fn, param });
          }
          if (targets.length > 0) out.push({ path: file.path, caller: fn, arg, targets });
        });
      }
    }
  }
  return out;
}

function sameLocation(a: Location, b: Location): boolean {
  return a.path === b.path && a.startLine === b.startLine && a.startColumn === b.startColumn;
}
