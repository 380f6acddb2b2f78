// The one module rules import: the facts a rule may look at, the resolved call it judges, the
// report function, and the pieces rules share to fill a report in (the trail of locations from a
// conversion to the sink, the mechanical fixes). Rules never touch tree-sitter, the file system
// or the reporters.
import type { ArgFact, CallFact, FileFacts, FuncFact, HoistSite, Mitigation, ObjFact, UptrFact } from './model/facts.js';
import { keepAliveRoot } from './model/names.js';
import type { Fix, Level, Severity, Span, RuleMeta, TextEdit } from './model/findings.js';
import type { Target, TreeIndex } from './index/tree-index.js';
import type { SuppressionUse } from './model/facts.js';

export type { ArgFact, ArgSource, CallFact, FileFacts, FuncFact, Mitigation, ObjFact, UptrFact, PinnerLeak } from './model/facts.js';
export type { Target, Summary, Hop } from './index/tree-index.js';
export { FOREIGN_ADDRESS_PARAMS, RETAINING_APIS, RETAINING_SYSCALLS, RETAINING_WRAPPER_PACKAGES, type RetainingApi, type RetainingForm } from './knowledge/index.js';
export type { Fix, LevelDoc, RuleMeta, Severity, Span, TextEdit } from './model/findings.js';
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
  /** Bug or rule violation, from the evidence (`judge`); the engine sets the level from it. */
  severity?: Severity;
  /** Why: appended to the message and carried in SARIF properties. */
  evidence?: string;
  /** The object the finding is about: one finding per rule, argument and object is kept. */
  object?: string;
  /** The line of the use or store the evidence names (SARIF properties). */
  evidenceLine?: number;
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

/** What the evidence says about one object a finding names (DESIGN.md §1c, issue 9). */
export interface Judgement {
  severity: Severity;
  evidence: string;
  object: string;
  /** The line of the use or store the evidence names. */
  evidenceLine?: number;
}

/**
 * Judges whether a finding about `obj` is a bug or a rule violation. A bug: nothing visible keeps
 * the object alive and in place during the call: no reference to it after the call, or it may
 * live on the stack (the address of a local that does not escape by any syntactic sign), which
 * moves when the stack grows: KeepAlive and later uses keep it alive, not in place. A rule
 * violation: the function visibly keeps a heap object alive, by a later use on some path or a
 * store in a package-level variable before the call. `mover` names the Go code that runs between
 * the conversion and the OS's use of the address and can grow the stack (a wrapper, cgo's
 * generated function); without one the stack can grow only before the call.
 */
export function judge(obj: ObjFact, mit: Mitigation, mover?: string): Judgement {
  const name = obj.name;
  if (mayMove(obj, mit)) {
    const moves = mover ? `which moves when ${mover} grows it` : 'which moves when it grows before the call';
    return { severity: 'bug', object: name, evidence: `${name} is a local whose address does not escape, so it may live on the stack, ${moves}; a later use or runtime.KeepAlive keeps it alive but not in place` };
  }
  const keeps = 'so the collector keeps it alive today; a refactor that drops';
  if (mit.storedGlobal) {
    const line = mit.storedGlobal.span.startLine;
    return { severity: 'rule-violation', object: name, evidenceLine: line, evidence: `${name} is stored in the package-level ${mit.storedGlobal.holder} at line ${line} before the call, ${keeps} that store turns this into a use-after-free` };
  }
  if (mit.usedAfter) {
    const line = mit.usedAfter.startLine;
    return { severity: 'rule-violation', object: name, evidenceLine: line, evidence: `${name} is used again at line ${line}, ${keeps} that use turns this into a use-after-free` };
  }
  if (obj.kind === 'param') {
    return { severity: 'bug', object: name, evidence: `nothing in this function refers to ${name} after the call, and whether its caller still holds it cannot be seen here, so it may be freed while the call runs` };
  }
  if (obj.keys.length === 0) {
    return { severity: 'bug', object: name, evidence: `${name} is a temporary that nothing refers to after the call, so it may be freed while the call runs` };
  }
  return { severity: 'bug', object: name, evidence: `nothing refers to ${name} after the call, so it may be freed while the call runs` };
}

/** Reports whether the object may live on the stack, which moves: the address of a local value
 * that escapes by no syntactic sign (stored in a package-level variable, returned) the walk saw. */
export function mayMove(obj: ObjFact, mit: Mitigation): boolean {
  return obj.stack && mit.storedGlobal === undefined && mit.returned !== true;
}

/** The judgement of a finding about several objects: a bug if any of them is one. */
export function judgeAll(list: Array<{ obj: ObjFact; mit: Mitigation }>, mover?: string): Judgement {
  const all = list.map((x) => judge(x.obj, x.mit, mover));
  return all.find((j) => j.severity === 'bug') ?? all[0] ?? { severity: 'bug', object: '', evidence: '' };
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

/** Advice that keeps `obj` alive across the call, for messages: a KeepAlive of the object when
 * it has a name, else how to give it one (a KeepAlive of a call would keep a new result alive,
 * not the one passed). */
export function keepAliveAdvice(obj: ObjFact): string {
  // An element (`bufs[i]`) can be named too, as long as the index still selects it then.
  return keepAliveRoot(obj.name) || /^[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[[\w.]*\])*$/.test(obj.name)
    ? `call runtime.KeepAlive(${obj.name}) after the call`
    : `assign ${obj.name} to a variable, convert that variable, and call runtime.KeepAlive on it after the call`;
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

/** What a KeepAlive fix protects: an object, and for an object with no name (a call result
 * converted right there) where its value can be given one. A UptrFact is one. */
export interface KeepTarget {
  obj: ObjFact;
  hoist?: HoistSite;
}

/** Identifiers a new variable must not take: keywords and predeclared names (Go spec). */
const RESERVED = new Set(('break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var ' +
  'any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr ' +
  'true false iota nil append cap clear close complex copy delete imag len make max min new panic print println real recover').split(' '));

/** A name for the value of `expr` that no file of the package uses yet (so it shadows nothing
 * and nothing shadows it), derived from the expression: `StringToUTF16Ptr(name)` → `namePtr`. */
function freshName(view: CallView, expr: string, text: string): string {
  const call = /^(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\((?:\s*([A-Za-z_]\w*)\s*)?\)$/.exec(expr);
  const lit = /^&\s*(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)\s*\{/.exec(expr);
  let base = call?.[2] && /ptr$|pointer$/i.test(call[1] ?? '') ? `${call[2]}Ptr` : (call?.[1] ?? lit?.[1] ?? 'obj');
  base = base.charAt(0).toLowerCase() + base.slice(1);
  if (RESERVED.has(base)) base = `${base}Obj`;
  const pkg = view.index.packageOf(view.file);
  const taken = (n: string): boolean => RESERVED.has(n) || new RegExp(`(?<![\\w$])${n}(?![\\w$])`).test(text) ||
    !!pkg && (pkg.funcs.has(n) || pkg.vars.has(n) || pkg.types.has(n));
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}${i}`;
  return name;
}

/** A fix that keeps every object of `targets` alive until the call has returned:
 * `runtime.KeepAlive(x)` after the statement holding the call (`defer runtime.KeepAlive(x)`
 * before a return). Each name it writes must denote that object there (scope-resolved, recorded
 * by the walk in CallFact.stmt.names); an object with no name gets a new variable at its
 * conversion. If one target cannot be protected, no fix: a fix must clear the whole finding. */
export function keepAliveFix(view: CallView, targets: KeepTarget | readonly KeepTarget[]): Fix | undefined {
  const stmt = view.call.stmt;
  const rt = runtimeName(view.file);
  const text = view.fileText();
  if (!stmt || !stmt.inBlock || !rt || text === undefined) return undefined;
  const nl = lineEnding(text);
  const kept: string[] = [];
  const hoists: Array<{ site: HoistSite; name: string }> = [];
  for (const t of Array.isArray(targets) ? targets : [targets as KeepTarget]) {
    const root = keepAliveRoot(t.obj.name);
    const key = root ? stmt.names[root] : undefined;
    if (root && key && t.obj.keys.includes(key)) {
      if (!kept.includes(t.obj.name)) kept.push(t.obj.name);
      continue;
    }
    const site = t.obj.kind === 'temp' ? t.hoist : undefined;
    // The new variable is visible after the call only if its statement's block holds the call.
    if (!site || site.block.start > stmt.range.start || site.block.end < stmt.range.end || site.stmtStart > stmt.range.start) return undefined;
    if (hoists.some((h) => h.site.expr.start === site.expr.start)) continue;
    const name = freshName(view, site.text, text + hoists.map((h) => ` ${h.name}`).join(''));
    hoists.push({ site, name });
    kept.push(name);
  }
  // Operands evaluated before a hoisted one must move too, or the calls would run out of order.
  const moved = new Set(hoists.map((h) => h.site.expr.start));
  if (kept.length === 0 || hoists.some((h) => h.site.after?.some((a) => !moved.has(a)))) return undefined;
  hoists.sort((a, b) => a.site.expr.start - b.site.expr.start);
  const edits: TextEdit[] = [];
  for (const h of hoists) {
    edits.push({ start: h.site.stmtStart, end: h.site.stmtStart, newText: `${h.name} := ${h.site.text}${nl}${h.site.indent}` });
    edits.push({ start: h.site.expr.start, end: h.site.expr.end, newText: h.name });
  }
  const calls = kept.map((k) => `${rt.name}.KeepAlive(${k})`);
  if (stmt.isReturn) edits.push({ start: stmt.range.start, end: stmt.range.start, newText: calls.map((c) => `defer ${c}${nl}${stmt.indent}`).join('') });
  else if (stmt.after >= 0) edits.push({ start: stmt.after, end: stmt.after, newText: calls.map((c) => `${nl}${stmt.indent}${c}`).join('') });
  else return undefined;
  if (!rt.imported) {
    const imp = addRuntimeImport(view.file, text);
    if (!imp) return undefined;
    edits.push(imp);
  }
  const what = hoists.length ? `Assign ${hoists.map((h) => `${h.site.text} to ${h.name}`).join(', ')} and call ` : 'Call ';
  return { description: `${what}${calls.join(', ')} after the call so ${kept.join(' and ')} ${kept.length > 1 ? 'stay' : 'stays'} alive until it returns`, path: view.file.path, edits };
}

/** A fix that moves `v := uintptr(unsafe.Pointer(e))` back into the call's argument list, when
 * `v` is used only there and `e` can move without changing behaviour. */
export function inlineConversionFix(view: CallView, arg: ArgFact, u: UptrFact): Fix | undefined {
  const f = u.inlineFix;
  if (!f || f.uses !== 1 || !f.operandPure || u.via !== 'var' || arg.source !== u.holder) return undefined;
  // The conversion must name the same object at the call: only the statement right after the
  // declaration qualifies (not a closure inside it, which runs later), so nothing in between
  // can reassign or shadow what it names.
  if (u.obj.keys.length === 0 || f.next < 0 || view.call.stmt?.range.start !== f.next) return undefined;
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
