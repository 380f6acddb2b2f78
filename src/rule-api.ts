// The one module rules import: the facts a rule may look at, the resolved call it judges, the
// report function, and the pieces rules share to fill a report in (the trail of locations from a
// conversion to the sink, the mechanical fixes). Rules never touch tree-sitter, the file system
// or the reporters.
import type { ArgFact, CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact } from './model/facts.js';
import type { Fix, Level, Span, RuleMeta, TextEdit } from './model/findings.js';
import type { Target, TreeIndex } from './index/tree-index.js';
import type { SuppressionUse } from './model/facts.js';

export type { ArgFact, ArgSource, CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact, PinnerLeak } from './model/facts.js';
export type { Target, Summary, Hop } from './index/tree-index.js';
export { FOREIGN_ADDRESS_PARAMS, RETAINING_APIS, RETAINING_SYSCALLS, RETAINING_WRAPPER_PACKAGES, type RetainingApi, type RetainingForm } from './knowledge/index.js';
export type { Fix, RuleMeta, Span, TextEdit } from './model/findings.js';
export type { SuppressionUse } from './model/facts.js';

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
  /** The file's text, for fixes that must look at it (read lazily, once). */
  fileText(): string | undefined;
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
  /** The conversion to uintptr the finding is about (suppressions on its statement apply). */
  conversion?: true;
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
  /** Mechanical fixes, best first. */
  fixes?: Fix[];
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
  const steps: RelatedInput[] = [{ span: u.conv, message: `${u.obj.name} converted to uintptr here`, conversion: true }];
  if (u.store && (u.store.startLine !== u.conv.startLine || u.store.startColumn !== u.conv.startColumn)) {
    steps.push({ span: u.store, message: `stored in ${u.holder ?? 'a variable'} here` });
  }
  return steps;
}

/** The related locations and code flow of a finding about converted pointers. */
export interface Trail {
  related: RelatedInput[];
  flow: RelatedInput[];
}

/** The trail of a finding about pointers converted to uintptr: both lists name where each was
 * converted (and stored). The related locations come after `lead`, what the finding is about
 * besides the conversion (where a pin was undone or made, where a wrapper reaches its sink);
 * the flow goes on with `then`, the steps after the conversion in the order they run (the
 * argument, the hops). */
export function conversionTrail(convs: UptrFact | UptrFact[], then: RelatedInput[], lead: RelatedInput[] = []): Trail {
  const steps = (Array.isArray(convs) ? convs : [convs]).flatMap((u) => conversionSteps(u));
  return { related: [...lead, ...steps], flow: [...steps, ...then] };
}

// ---------------------------------------------------------------------------------------------
// Fixes. Edits are UTF-16 offsets into the file's text; the engine attaches the file's path.

/** The fixes a finding offers, best first: those of `candidates` that could be built (a builder
 * returns undefined where its fix does not apply). `pinlint --fix` applies only the first. */
export function availableFixes(...candidates: Array<Fix | undefined>): Fix[] {
  return candidates.filter((f): f is Fix => f !== undefined);
}

/** The file's line ending, so inserted lines match it (CRLF files stay CRLF). */
function lineEnding(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** The name `runtime` is imported under in this file, or null when it is not imported by name. */
function runtimeName(file: FileFacts): { name: string; imported: boolean } | null {
  const imp = file.imports.find((i) => i.path === 'runtime');
  if (!imp) return { name: 'runtime', imported: false };
  if (imp.alias === '_' || imp.alias === '.') return null;
  return { name: imp.name, imported: true };
}

/** The edit that adds `import "runtime"` where gofmt would keep it (sorted into the standard
 * library group), or null when the file's imports have a shape this does not handle. */
function addRuntimeImport(file: FileFacts, text: string): TextEdit | null {
  const site = file.importSite;
  if (!site) return null;
  const nl = lineEnding(text);
  const isStd = (p: string): boolean => !p.split('/')[0]?.includes('.');
  if (!site.parenthesized) {
    const only = site.specs[0];
    if (!only || site.specs.length !== 1) return null;
    const other = `\t"${only.path}"${nl}`;
    const body = isStd(only.path)
      ? [`\t"runtime"${nl}`, other].sort().join('')
      : `\t"runtime"${nl}${nl}${other}`;
    return { start: site.declRange.start, end: site.declRange.end, newText: `import (${nl}${body})` };
  }
  const std = site.specs.filter((s) => isStd(s.path));
  const before = std.find((s) => s.path > 'runtime');
  if (before) return { start: before.lineStart, end: before.lineStart, newText: `\t"runtime"${nl}` };
  const last = std[std.length - 1];
  if (last) {
    const lineEnd = text.indexOf('\n', last.lineStart) + 1;
    return { start: lineEnd, end: lineEnd, newText: `\t"runtime"${nl}` };
  }
  return { start: site.openEnd, end: site.openEnd, newText: `\t"runtime"${nl}${nl}` };
}

/** A fix that keeps `obj` alive until the call has returned: `runtime.KeepAlive(obj)` after the
 * statement holding the call (or `defer runtime.KeepAlive(obj)` before a return). */
export function keepAliveFix(view: CallView, obj: ObjFact): Fix | undefined {
  const stmt = view.call.stmt;
  if (!stmt || !stmt.inBlock || !/^[A-Za-z_]\w*$/.test(obj.name) || obj.keys.length === 0) return undefined;
  const rt = runtimeName(view.file);
  if (!rt) return undefined;
  const text = view.fileText();
  if (text === undefined) return undefined;
  const edits: TextEdit[] = [];
  const call = `${rt.name}.KeepAlive(${obj.name})`;
  const nl = lineEnding(text);
  if (stmt.isReturn) edits.push({ start: stmt.range.start, end: stmt.range.start, newText: `defer ${call}${nl}${stmt.indent}` });
  else edits.push({ start: stmt.range.end, end: stmt.range.end, newText: `${nl}${stmt.indent}${call}` });
  if (!rt.imported) {
    const imp = addRuntimeImport(view.file, text);
    if (!imp) return undefined;
    edits.push(imp);
  }
  return { description: `Call ${call} after the call so ${obj.name} stays alive until it returns`, path: view.file.path, edits };
}

/** A fix that moves `v := uintptr(unsafe.Pointer(e))` back into the call's argument list, when
 * `v` is used only there and `e` can move without changing behaviour. */
export function inlineConversionFix(view: CallView, arg: ArgFact, u: UptrFact): Fix | undefined {
  const f = u.inlineFix;
  if (!f || f.uses !== 1 || !f.operandPure || u.via !== 'var' || arg.source !== u.holder) return undefined;
  // The conversion must still name the same object at the call: no reassignment in between.
  if (u.obj.keys.length === 0) return undefined;
  return {
    description: `Write ${f.convText} in the argument list`,
    path: view.file.path,
    edits: [
      { start: f.declLines.start, end: f.declLines.end, newText: '' },
      { start: arg.range.start, end: arg.range.end, newText: f.convText },
    ],
  };
}

/** A fix that calls the `…Ptr` twin of a wrapper with an unsafe.Pointer instead of a uintptr. */
export function twinFix(view: CallView, arg: ArgFact, twin: string): Fix | undefined {
  const name = view.call.nameRange;
  const m = /^uintptr\(((\w+)\.Pointer\(.*\))\)$/s.exec(arg.source);
  const unsafeName = view.file.imports.find((i) => i.path === 'unsafe')?.name;
  if (!name || !m || m[2] !== unsafeName) return undefined;
  return {
    description: `Call ${twin}, which takes unsafe.Pointer and converts it inline`,
    path: view.file.path,
    edits: [
      { start: name.start, end: name.end, newText: twin },
      { start: arg.range.start, end: arg.range.end, newText: m[1] as string },
    ],
  };
}
