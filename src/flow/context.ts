// The explicit state of one function's walk, handed from module to module of the flow analysis
// instead of living in the fields of one class: the scope chain, the log of events the
// mitigations are judged from (keep-alives, pins, unpins, assignments, recorded calls, Pinner
// uses), where the walk is (branch arms, loops, closures, deferred code) and what the walk
// learns about the function as a whole. FlowOps lets a lower module call back into the
// evaluator and the statement walker without importing them (no import cycles).
import type { SyntaxNode } from '../go/parse.js';
import type { NameScope } from '../go/predicates.js';
import { spanOf } from '../go/syntax.js';
import type { CalleeFact, CallFact, ArgSource, Range } from '../model/facts.js';
import type { Span } from '../model/findings.js';
import type { FileScope } from './file-scope.js';
import type { Ctx } from './reach.js';
import type { AV, Env } from './value.js';

export interface VarInfo {
  key: string;
  name: string;
  kind: 'local' | 'param';
  type?: string;
  paramIndex?: number;
  /** Known to hold a struct, array or scalar value (not a pointer or slice): `&v` is the
   * variable's own memory, which may be on the stack. */
  isValue?: boolean;
}

export interface KeepAliveEvent { keys: string[]; ctx: Ctx; span: Span; via?: string }
export interface PinEvent { pinner: string; keys: string[]; ctx: Ctx; span: Span }
export interface UnpinEvent { pinner: string; ctx: Ctx; span: Span }
export interface AssignEvent { key: string; ctx: Ctx }
/** A `return` of the function (not of a closure) that hands objects to the caller. */
export interface ReturnEvent { keys: string[]; ctx: Ctx }
/** A read of a variable: after a call on some path, it keeps the variable's object alive across
 * the call (Go liveness is "may be used later"; issue 9's rule violations). */
export interface UseEvent { ctx: Ctx; span: Span }
/** A pointer stored in a package-level variable, map or slice (`registry[k] = buf`): from then
 * on the collector reaches the object from a root, and it lives on the heap. */
export interface GlobalStoreEvent { keys: string[]; ctx: Ctx; span: Span; holder: string }

export interface PendingCall {
  fact: CallFact;
  ctx: Ctx;
  /** For a call through a local variable: its key (a reassigned one is not a static callee). */
  funcVar?: string;
  /** Per argument, the objects whose mitigation must be judged, and the sources to fill. */
  pending: Array<{ src: ArgSource; keys: string[] }>;
}

export interface PinnerUse { name: string; key: string; escapes: boolean; unpinned: boolean; pins: Array<{ obj: string; span: Span }> }

/** The events of one function, in walk order. */
export interface EventLog {
  keepAlives: KeepAliveEvent[];
  pins: PinEvent[];
  unpins: UnpinEvent[];
  assigns: AssignEvent[];
  calls: PendingCall[];
  /** Pinner variables by key. */
  pinners: Map<string, PinnerUse>;
  returns: ReturnEvent[];
  /** Reads of variables by key, one per place (a loop body is walked twice). */
  uses: Map<string, Map<number, UseEvent>>;
  globalStores: GlobalStoreEvent[];
}

/** Where the walk is: the branch arms and loops around the current statement, the exits of the
 * enclosing loops (`break`), the closures being walked and which of them run deferred. */
export interface WalkPosition {
  path: Array<[number, number]>;
  loops: number[];
  /** Loops around the current statement, counting those outside the closures being walked
   * (`loops` starts empty in a closure): each walks its body twice, closures included. */
  loopNest: number;
  loopExits: Env[][];
  fnStack: number[];
  deferredFn: Set<number>;
  deferredNest: number;
  /** Ends of the immediately invoked closures being walked: a `defer` inside one runs at its end. */
  inlineEnds: number[];
  /** Inside the operand of len or cap, which reads no pointer: reads there are not uses. */
  noUse: number;
}

/** What the walk learns about the function as a whole. */
export interface FunctionOutcome {
  /** Hoisted conversions a fix could move inline; their use counts are set after the walk. */
  inlineFixes: Array<{ name: string; key: string; after: number; fix: { uses: number } }>;
  /** Whether the function stores a parameter into a package-level variable. */
  storesParam: boolean;
  foreignReturns: number;
  otherReturns: number;
  /** The variable keys of the named results (null for `_`), for a bare `return`. */
  resultKeys: Array<string | null>;
  /** What each `return` of the function itself (not of its closures) yields, by result index. */
  returns: AV[][];
  /** The environment at each exit of the function itself (returns and the end of the body). */
  exits: Env[];
}

export interface FnContext {
  readonly file: FileScope;
  readonly ops: FlowOps;
  /** Name resolution at the walk's current place (reads `scopes`). */
  readonly names: NameScope;
  scopes: Array<Map<string, VarInfo>>;
  /** The source range of each scope in `scopes` (the first: the whole function). */
  scopeRanges: Range[];
  readonly log: EventLog;
  readonly pos: WalkPosition;
  readonly out: FunctionOutcome;
  /** The last value computed for each expression, with the environment and its version it was
   * computed in (recall, remember). */
  readonly memo: Map<SyntaxNode, { env: Env; version: number; value: AV }>;
}

/** The evaluator and walker entry points (defined in expressions.ts, calls.ts, callee.ts and
 * statements.ts, assembled by extract.ts). */
export interface FlowOps {
  evalExpr(cx: FnContext, node: SyntaxNode, env: Env, ctx: Ctx, quiet?: boolean): AV;
  evalCall(cx: FnContext, call: SyntaxNode, env: Env, ctx: Ctx, form: CallFact['form'], quiet?: boolean): AV;
  calleeOf(cx: FnContext, f: SyntaxNode, env: Env, ctx: Ctx): CalleeFact;
  walkClosure(cx: FnContext, lit: SyntaxNode, env: Env, deferred: boolean): void;
  walkInline(cx: FnContext, lit: SyntaxNode, env: Env): void;
}

/**
 * The value `node` was last given in `env`, if nothing has written to `env` since. Asking the
 * value of an expression again is common: a method call asks its receiver's value to name the
 * callee, to find a procedure, to know whether the result carries it, and which object the result
 * points into. Each of those used to evaluate the receiver anew, and each receiver is a call
 * asking the same of its own receiver, so a chain `q.W(1).W(2)…W(n)` cost 3^n evaluations (16
 * links: over 30 s). Remembered, every subexpression is evaluated once per environment state.
 * Only a quiet evaluation (one that records nothing) may be answered from here.
 */
export function recall(cx: FnContext, node: SyntaxNode, env: Env): AV | undefined {
  const m = cx.memo.get(node);
  return m && m.env === env && m.version === env.version ? m.value : undefined;
}

/** Remembers the value `node` was just given in `env` (see recall). */
export function remember(cx: FnContext, node: SyntaxNode, env: Env, value: AV): AV {
  cx.memo.set(node, { env, version: env.version, value });
  return value;
}

/** Where `node` sits in the walk, for judging mitigations later. */
export function ctxOf(cx: FnContext, node: SyntaxNode): Ctx {
  const fn = cx.pos.fnStack[cx.pos.fnStack.length - 1] ?? 0;
  return {
    fn,
    path: cx.pos.path.slice(),
    loops: cx.pos.loops.slice(),
    start: node.startIndex,
    end: node.endIndex,
    deferred: cx.pos.deferredFn.has(fn),
  };
}

/** A Pinner that is passed on, stored or returned may be unpinned elsewhere. */
export function escapePinners(cx: FnContext, v: AV): void {
  if (!v.pinner) return;
  for (const use of cx.log.pinners.values()) use.escapes = true;
}

/** Logs a read of the variable `key` at `node` (see UseEvent). */
export function noteUse(cx: FnContext, key: string, node: SyntaxNode): void {
  if (cx.pos.noUse > 0) return;
  let at = cx.log.uses.get(key);
  if (!at) cx.log.uses.set(key, (at = new Map()));
  if (at.has(node.startIndex)) return;
  at.set(node.startIndex, { ctx: ctxOf(cx, node), span: spanOf(node) });
}
