// The one module rules import: the facts a rule may look at, the resolved call it judges, and
// the report function. Rules never touch tree-sitter, the file system or the reporters.
import type { CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact } from './facts-types.js';
import type { Level, Span, RuleMeta } from './types.js';
import type { Target, TreeIndex } from './tree-index.js';
import type { SuppressionUse } from './suppressions-apply.js';

export type { ArgFact, ArgSource, CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact, PinnerLeak } from './facts-types.js';
export type { Target, Summary, Hop } from './tree-index.js';
export { FOREIGN_ADDRESS_PARAMS, RETAINING_APIS, RETAINING_SYSCALLS, RETAINING_WRAPPER_PACKAGES } from './knowledge.js';
export type { RuleMeta, Span } from './types.js';
export type { SuppressionUse } from './suppressions-apply.js';

export interface FunctionView {
  file: FileFacts;
  fn: FuncFact;
  index: TreeIndex;
  /** The `go` directive of the nearest go.mod ("1.21"), or null when there is none. */
  goVersion: string | null;
  /** Reports whether a keep-alive or a covering pin protects the object across the call: a
   * `runtime.KeepAlive` after it, a legacy `use(p)` that really keeps p (bodyless, or storing it
   * in a package variable), or a Pin before it not undone before it. */
  isMitigated(mit: Mitigation): boolean;
  /** Reports whether the object is Go memory the collector may free or move: not static, not
   * from the OS, not returned by a function that hands out OS memory. */
  isGoMemory(obj: ObjFact): boolean;
}

export interface CallView extends FunctionView {
  call: CallFact;
  /** What the call resolves to in the scanned tree. */
  target: Target;
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
  /** Overrides the rule's level for this finding (e.g. a note for a weaker variant). */
  level?: Level;
  /** The file of the primary location, when it is not the file being checked. */
  path?: string;
}

export type Report<M extends string> = (r: ReportInput<M>) => void;

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  /** Judges the inline suppressions of the reported files after every other rule has run. */
  checkSuppressions?(uses: SuppressionUse[], report: Report<M>): void;
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

/** Reports whether the module's Go version is at least `want` ("1.21"); unknown counts as new. */
export function goAtLeast(version: string | null, want: string): boolean {
  if (!version) return true;
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** Advice to pin, offered only where runtime.Pinner exists (Go 1.21, golang/go#46787). */
export function pinAdvice(version: string | null, obj: string): string {
  return goAtLeast(version, '1.21') ? `, pin ${obj} with runtime.Pinner` : '';
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
