// Return summaries: what each result of a function carries over all its `return` statements,
// in terms of its parameters, so a caller elsewhere in the tree can tie the result to its own
// argument (src/types/ hands the summary back to the caller's analysis). A helper that returns
// `uintptr(unsafe.Pointer(&b.data[0]))` gives its caller an integer the collector does not see:
// the conversion is not in the protected call's argument list (unsafe.Pointer rule 4).
import type { ReturnFact, StoreFact } from '../model/facts.js';
import { type AV, type Env, allElems, hiddenPaths } from './value.js';

/** Summarizes the values each `return` yielded (by result index); null when no result carries
 * anything pinlint follows. */
export function summarizeReturns(returns: AV[][], count: number): Record<number, ReturnFact> | null {
  if (returns.length === 0) return null;
  const out: Record<number, ReturnFact> = {};
  for (let i = 0; i < count; i++) {
    const vals = returns.map((r) => r[i]).filter((v): v is AV => v !== undefined);
    if (vals.length === 0) continue;
    const fact = summarize(vals, returns.length);
    if (Object.keys(fact).length) out[i] = fact;
  }
  return Object.keys(out).length ? out : null;
}

function summarize(vals: AV[], returns: number): ReturnFact {
  const uptrParams = new Set<number>();
  const elemParams = new Set<number>();
  const valueParams = new Set<number>();
  const ptrParams = new Set<number>();
  const hidden = new Map<string, { path: string[]; param: number }>();
  let fresh = false;
  for (const v of vals) {
    for (const u of v.uptrs) {
      if (u.obj.kind === 'param' && u.obj.paramIndex !== undefined) uptrParams.add(u.obj.paramIndex);
      // Memory the function allocated and keeps no reference to: its caller holds only an integer.
      else if ((u.obj.kind === 'local' || u.obj.kind === 'temp') && u.obj.fresh) fresh = true;
    }
    for (const p of v.params) if (p.mode === 'value') valueParams.add(p.index);
    for (const o of v.ptrs) if (o.kind === 'param' && o.paramIndex !== undefined) ptrParams.add(o.paramIndex);
    for (const p of allElems(v)?.params ?? []) if (p.mode === 'value') elemParams.add(p.index);
    collectHidden(v, hidden);
  }
  const fact: ReturnFact = {};
  const list = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
  if (uptrParams.size) fact.uptrParams = list(uptrParams);
  if (fresh) fact.uptrFresh = true;
  if (hidden.size) fact.hidden = [...hidden.values()];
  if (elemParams.size) fact.elemParams = list(elemParams);
  if (valueParams.size) fact.valueParams = list(valueParams);
  if (ptrParams.size) fact.ptrParams = list(ptrParams);
  // Every return must agree for "OS memory" and "a procedure": one Go-allocated path is enough
  // for the result to need protection.
  if (vals.length === returns && vals.every((v) => v.os)) fact.os = true;
  if (vals.length === returns && vals.every((v) => v.proc)) fact.proc = true;
  return fact;
}

/** Pointer-derived integers of parameters' pointees hidden in fields and elements of `v`, by
 * path and parameter (the first of each). */
function collectHidden(v: AV, out: Map<string, { path: string[]; param: number }>): void {
  for (const { path, u } of hiddenPaths(v, 4)) {
    if (u.obj.kind !== 'param' || u.obj.paramIndex === undefined) continue;
    const key = `${path.join('.')}:${u.obj.paramIndex}`;
    if (!out.has(key)) out.set(key, { path, param: u.obj.paramIndex });
  }
}

/**
 * What a function writes through its pointer parameters (`param key` by index, -1 the receiver),
 * over every exit: integers made from another parameter's pointee, at the path where they sit
 * below the pointee. A caller that hands `&req` and a buffer then holds a struct hiding the
 * buffer, exactly as if it had written the field itself.
 */
export function summarizeStores(exits: Env[], paramKeys: Map<number, string>): StoreFact[] {
  const out = new Map<string, StoreFact>();
  for (const [param, key] of paramKeys) {
    for (const env of exits) {
      const v = env.get(key);
      if (!v) continue;
      const found = new Map<string, { path: string[]; param: number }>();
      collectHidden(v, found);
      for (const h of found.values()) {
        if (h.param === param) continue;
        const fact: StoreFact = { param, path: h.path, source: h.param };
        out.set(`${param}:${h.path.join('.')}:${h.param}`, fact);
      }
    }
  }
  return [...out.values()];
}
