// The one module rules import: the facts a rule may look at, the resolved call it judges, and
// the report function. Rules never touch tree-sitter, the file system or the reporters.
import type { CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact } from './facts-types.js';
import type { Span, RuleMeta } from './types.js';
import type { Target, TreeIndex } from './tree-index.js';

export type { ArgFact, ArgSource, CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact, PinnerLeak } from './facts-types.js';
export type { Target, Summary } from './tree-index.js';
export type { RuleMeta, Span } from './types.js';

export interface CallView {
  file: FileFacts;
  fn: FuncFact;
  call: CallFact;
  /** What the call resolves to in the scanned tree. */
  target: Target;
  index: TreeIndex;
}

export interface FunctionView {
  file: FileFacts;
  fn: FuncFact;
  index: TreeIndex;
}

export interface RelatedInput {
  span: Span;
  message: string;
  /** Defaults to the reported file. */
  path?: string;
}

export interface ReportInput<M extends string> {
  messageId: M;
  data: Record<string, string>;
  span: Span;
  related?: RelatedInput[];
  /** Steps from the conversion to the sink, in order, for SARIF codeFlows. */
  flow?: RelatedInput[];
}

export type Report<M extends string> = (r: ReportInput<M>) => void;

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  /** Judges one recorded call of a reported file. */
  checkCall?(view: CallView, report: Report<M>): void;
  /** Judges one function of a reported file. */
  checkFunction?(view: FunctionView, report: Report<M>): void;
}

/** Declares a rule, inferring its message ids so a typo in `messageId` fails to compile. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Reports whether the object is one the Go collector can free or move: not static, not OS memory. */
export function isCollectable(obj: ObjFact): boolean {
  return obj.kind !== 'global' && obj.kind !== 'os';
}

/** Reports whether something after the call keeps the object alive: KeepAlive, or a covering pin. */
export function isMitigated(mit: Mitigation): boolean {
  return mit.keepAlive !== undefined || mit.pin === 'covered';
}

/** Reports whether the pin state is one the pinner-misuse rule owns. */
export function isPinMisuse(mit: Mitigation): boolean {
  return mit.pin === 'unpinned-before' || mit.pin === 'pinned-after';
}

/** The related location and flow step for where a pointer was converted and where it was stored. */
export function conversionSteps(u: UptrFact): RelatedInput[] {
  const steps: RelatedInput[] = [{ span: u.conv, message: `${u.obj.name} converted to uintptr here` }];
  if (u.store && (u.store.startLine !== u.conv.startLine || u.store.startColumn !== u.conv.startColumn)) {
    steps.push({ span: u.store, message: `stored in ${u.holder ?? 'a variable'} here` });
  }
  return steps;
}
