// The per-file facts that the extraction phase computes from one parse and hands to the index.
// They are plain data (structured-clone safe), so files can be processed independently, in
// worker threads, and no syntax tree outlives its file.
import type { Span, Notification } from './findings.js';

/** One import of a file. */
export interface ImportSpec {
  path: string;
  /** The explicit name (`u` in `u "unsafe"`), `.` for a dot import, `_` for a blank one. */
  alias: string | null;
  /** The name the file uses: the alias, or the package's presumed name. */
  name: string;
  span: Span;
}

/** A Go object a pointer may point into, as far as one function can tell. */
export interface ObjFact {
  /** How the code names it: `buf`, `sa`, `&T{...}`. */
  name: string;
  /** Variable keys that keep the object alive (the root variable and its pointer aliases). */
  keys: string[];
  /**
   * local: a variable of this function; param: a parameter; temp: an unnamed temporary (call
   * result, composite literal); global: package-level (static: never freed or moved);
   * os: memory from the OS or C, not managed by the Go collector.
   */
  kind: 'local' | 'param' | 'temp' | 'global' | 'os';
  /** The address of a local non-pointer variable was taken: it may live on the stack and move. */
  stack: boolean;
  /** For kind param: the parameter's index. */
  paramIndex?: number;
  /** Allocated by this function (make, new, a composite literal, a local variable's address). */
  fresh?: boolean;
  /** The call whose result the pointer is, when it came from a call: the index can tell whether
   * that function returns memory the Go collector does not manage. */
  from?: CalleeFact;
}

/** How a pointer-derived uintptr reached the place it is used. */
export type UptrVia =
  | 'inline' // `uintptr(unsafe.Pointer(p))` written right there
  | 'var' // held in a variable
  | 'field' // held in a struct field
  | 'elem' // held in an array or slice element
  | 'arith' // arithmetic around the conversion
  | 'conv' // an extra or named-type conversion around it
  | 'result'; // converted inside another function and returned by it (holder: the call)

export interface UptrFact {
  obj: ObjFact;
  /** Where `uintptr(...)` was written. */
  conv: Span;
  via: UptrVia;
  /** For var/field/elem: the expression that held it (`u`, `s.Base`, `args[1]`). */
  holder?: string;
  /** For var/field/elem: where it was stored. */
  store?: Span;
  /** Converted inside a function and returned by it: the call as written (`b.addr()`), kept
   * when the result is then stored in a variable or field. */
  returnedBy?: string;
  /** With returnedBy: the memory is the helper's own allocation, which nothing else holds. */
  helperAlloc?: boolean;
  /** The conversion was `uintptr(v)` of an unsafe.Pointer variable: protected only since Go 1.10
   * (golang/go#23051). */
  fromVar?: boolean;
  /** For a value held in a variable declared as `v := uintptr(unsafe.Pointer(e))` on a line of
   * its own: what a fix needs to move the conversion back into the call. */
  inlineFix?: {
    declLines: Range;
    convText: string;
    uses: number;
    operandPure: boolean;
    /** Where the statement after the declaration starts (-1: none): the only statement the
     * conversion can move into without anything running in between. */
    next: number;
  };
  /** For a call result or `&T{…}` converted right there (an object with no name): where a fix
   * can assign it to a new variable first, so a KeepAlive can name it (flow/fix-sites.ts). */
  hoist?: HoistSite;
}

/** Where the operand X of `uintptr(unsafe.Pointer(X))` can move to a statement of its own. */
export interface HoistSite {
  /** X in the file's text. */
  expr: Range;
  text: string;
  /** The start of the statement holding the conversion: the new statement goes before it. */
  stmtStart: number;
  indent: string;
  /** The block holding that statement: the new variable is visible to its end. */
  block: Range;
  /** Starts of operands of the same statement evaluated before X: hoist them too, in order. */
  after?: number[];
}

export type PinState = 'covered' | 'unpinned-before' | 'pinned-after' | 'none';

/** What keeps an object alive across one call, as seen in the calling function. */
export interface Mitigation {
  keepAlive?: Span;
  /** The keep-alive is a call of this same-package function (the legacy `use(p)` idiom): it
   * counts only if that function is bodyless or stores its argument in a package variable. */
  keepAliveVia?: string;
  /** Pinned before the call by a Pinner that this function never unpins: the pin outlives it. */
  pinHeld?: boolean;
  /** A `return` after the call (on some path) hands the object to the caller. */
  returned?: boolean;
  /** The first read of a variable naming the object that can run after the call (on some path,
   * before any reassignment): the collector keeps the object alive across the call today. */
  usedAfter?: Span;
  /** The object was stored in a package-level variable, map or slice before the call (on the
   * path to it): it is on the heap and reachable from a root during the call. */
  storedGlobal?: { span: Span; holder: string };
  pin: PinState;
  pinner?: string;
  pinSpan?: Span;
  unpinSpan?: Span;
}

export interface ParamFlow {
  index: number;
  /** value: the parameter itself; elems: elements of a `...uintptr`/`[]uintptr` parameter. */
  mode: 'value' | 'elems';
}

export type ArgSource =
  | { kind: 'uptr'; u: UptrFact; mit: Mitigation }
  /** A typed Go pointer or slice (recorded for calls that may retain their arguments); `inner`:
   * the field of the argument's pointee that holds this pointer (a WSABUF's Buf). */
  | { kind: 'goptr'; obj: ObjFact; mit: Mitigation; inner?: string }
  /** The argument points at `container`, whose uintptr `field` holds a pointer to `u.obj`. */
  | { kind: 'hidden'; container: string; field: string; u: UptrFact; mit: Mitigation }
  | { kind: 'param'; flow: ParamFlow };

/** A range of UTF-16 offsets into the file's text, for fixes. */
export interface Range {
  start: number;
  end: number;
}

export interface ArgFact {
  span: Span;
  range: Range;
  text: string;
  /** The argument exactly as written (for fixes; `text` may be shortened for messages). */
  source: string;
  /** The argument is the `s` of a trailing `s...`. */
  spread: boolean;
  sources: ArgSource[];
}

export type RecvFact =
  | { kind: 'proc'; api?: string } // known to be a DLL procedure (constructor result); api: the DLL export name
  | { kind: 'type'; pkg: string | null; name: string; pointer: boolean } // declared type
  | { kind: 'pkgvar'; pkg: string | null; name: string } // a package-level variable
  | { kind: 'field'; owner: string; field: string } // a field of a value of the named type `owner` (this package)
  | { kind: 'unknown' };

export type CalleeFact =
  | { kind: 'func'; pkg: string | null; qualifier: string | null; name: string }
  | { kind: 'method'; name: string; recv: RecvFact; recvText: string; methodExpr?: boolean }
  /** A call through a value the compiler cannot resolve statically (golang/go#34684). */
  | { kind: 'indirect'; name: string; how: 'method-value' | 'func-var' | 'func-param' | 'func-field' | 'interface'; target?: CalleeFact; uintptrSignature?: boolean; typeName?: string; pkgVar?: boolean }
  /** What a function variable holds after an FFI registration (`purego.RegisterLibFunc(&fn, lib,
   * "write")`, knowledge/ffi-registration.ts): a C function behind a Go closure. Only ever the
   * value of a variable or field, never the callee of a call as written. */
  | { kind: 'registered'; pkg: string; api: string; symbol?: string }
  | { kind: 'unknown' };

/** Where a function value is kept: a package-level variable of this package, a field of this
 * package's struct type, or a field of a package-level variable (whose type the index knows). */
export type FuncSlot =
  | { kind: 'pkgvar'; name: string }
  | { kind: 'field'; type: string; field: string }
  | { kind: 'pkgvar-field'; name: string; field: string };

/**
 * A function value stored in a package-level variable or a struct field somewhere in the file: an
 * assignment in any function (`init` too), a keyed composite literal, an FFI registration. The
 * index joins the bindings of every file of the package, so a call through the variable or field
 * knows what it may call (a sink, a C function, a wrapper of the tree).
 */
export interface FuncBindingFact {
  slot: FuncSlot;
  value: CalleeFact;
  span: Span;
}

export interface CallFact {
  callee: CalleeFact;
  /** The callee expression as written, e.g. `syscall.Syscall`, `procFoo.Call`. */
  calleeText: string;
  span: Span;
  args: ArgFact[];
  spread: boolean;
  /** The call is the operand of `defer`, `go` or `return`. */
  form: 'plain' | 'defer' | 'go' | 'return';
  /** The callee's name (the `ioctl` of `ioctl(...)` or `unix.ioctl(...)`), for renaming fixes. */
  nameRange?: Range;
  /** For `Syscall*(procX.Addr(), …)`: the package variable whose procedure is called (its DLL
   * export tells what the arguments after the trap are). */
  trapProc?: string;
  /** The statement holding the call: where a `runtime.KeepAlive` can go after it. */
  stmt?: {
    range: Range;
    indent: string;
    isReturn: boolean;
    inBlock: boolean;
    /** Where a line after the statement can be inserted (the end of its last line, past a
     * trailing comment), -1 when code follows on that line. */
    after: number;
    /** For the root name of each object the arguments point into: the variable key it denotes
     * right after the statement ('' for none), so a KeepAlive there names the same object. */
    names: Record<string, string>;
  };
  /** For a call that may retain its arguments: the handle it is given (its first argument) was
   * opened in this function with the overlapped flag, or with known flags without it. */
  handle?: 'overlapped' | 'sync';
}

export interface PinnerLeak {
  pinner: string;
  obj: string;
  pinSpan: Span;
}

export interface ParamFact {
  name: string;
  type: string;
  variadic: boolean;
  /** The declared type is an integer type built on uintptr (`uintptr`, `type LPARAM uintptr`,
   * an alias, a type of another package), as far as the declared types of the tree tell. */
  uintptr?: boolean;
}

/** A write the function makes through a pointer parameter (`p.name = uintptr(unsafe.Pointer(&s[0]))`,
 * `*addr = uintptr(...)`): into parameter `param`'s pointee (-1: the receiver), at `path` below it
 * (field names; `[]` for the pointee itself or an element), an integer made from the pointee of
 * parameter `source`. */
export interface StoreFact {
  param: number;
  path: string[];
  source: number;
}

/** What one result of a function carries, summarized over every `return` of its body. */
export interface ReturnFact {
  /** Parameters (-1: the receiver) whose pointee the result holds as a pointer-derived integer. */
  uptrParams?: number[];
  /** The result holds a pointer-derived integer to memory the function allocated itself. */
  uptrFresh?: boolean;
  /** Pointer-derived integers the result hides inside it (in fields, elements, fields of
   * elements): where (`[]` for an element, else a field name) and whose pointee (a parameter
   * index, -1 the receiver). */
  hidden?: Array<{ path: string[]; param: number }>;
  /** The result is a container whose elements hold these uintptr parameters as they came in. */
  elemParams?: number[];
  /** The result points into the memory of these pointer parameters (`&dest[i]`, `unsafe.Pointer(p)`). */
  ptrParams?: number[];
  /** The result is one of these uintptr parameters as it came in. */
  valueParams?: number[];
  /** Every return yields memory the Go collector does not manage. */
  os?: boolean;
  /** Every return yields a DLL procedure. */
  proc?: boolean;
}

export interface FuncFact {
  name: string;
  /** Receiver base type name for methods (`Proc` for `func (p *Proc) Call`). */
  recv: string | null;
  params: ParamFact[];
  hasBody: boolean;
  directives: string[];
  span: Span;
  nameSpan: Span;
  /** Calls worth resolving: those with pointer-derived or parameter-derived arguments, and every
   * call that may be a sink. */
  calls: CallFact[];
  leaks: PinnerLeak[];
  /** The function stores a parameter into a package-level variable (a working legacy `use`). */
  storesParam: boolean;
  /** Every `return` yields a pointer into memory the Go collector does not manage as the first
   * result (a pointer computed from an OS address), e.g. a ring buffer in VirtualAlloc memory. */
  returnsForeign: boolean;
  /** The body shows overlapped I/O handled asynchronously (ASYNC_IO_HINTS). */
  asyncIO: boolean;
  /** The body waits for I/O completion (a call of WAIT_IO_CALLS that is no poll). */
  waitsForIO: boolean;
  /** The declared results, in order (unnamed ones as `_`). */
  results?: ParamFact[];
  /** What each result carries, when anything pinlint follows (index → summary). */
  returns?: Record<number, ReturnFact>;
  /** Pointer-derived integers the function writes into what a pointer parameter points to. */
  stores?: StoreFact[];
}

export interface PkgVarFact {
  name: string;
  /** proc: a DLL procedure (`NewProc`/`FindProc` result); dll: a DLL object; func: holds a function value. */
  /** iface-proc: a procedure stored in a variable of another (interface) type: calls on it are dynamic. */
  kind: 'proc' | 'dll' | 'func' | 'iface-proc' | 'other';
  /** For kind func: the function it was initialised with, when written as a name. */
  target?: CalleeFact;
  /** For kind proc: the DLL export name given to NewProc/FindProc. */
  api?: string;
  /** The declared type, or the type of a composite-literal initializer. */
  type?: string;
  span: Span;
}

export interface TypeFact {
  name: string;
  kind: 'struct' | 'interface' | 'uintptr' | 'func' | 'other';
  /** For other named types and aliases: the type they are declared with (`HANDLE` of
   * `type HWND HANDLE`), resolved across files and packages by the type layer. */
  underlying?: string;
  /** For structs: field name → type text. */
  fields?: Record<string, string>;
  /** For structs: the fields in declaration order as [name, type text], blank (`_`) and
   * embedded ones included (named after their type): what a positional literal's N-th element
   * initializes. */
  order?: Array<[string, string]>;
  /** For interfaces: method names. */
  methods?: string[];
  /** For interfaces: methods with uintptr parameters (`Call(a ...uintptr)`). */
  uintptrMethods?: string[];
  /** For function types: the signature takes uintptr parameters. */
  uintptrSignature?: boolean;
}

/**
 * A build constraint as a boolean expression over build tags (`go help buildconstraint`): the
 * file name's GOOS/GOARCH suffixes and the `//go:build` line (or legacy `// +build` lines),
 * joined by `and`. Plain data, so it crosses to workers as a structured clone.
 */
export type BuildExpr =
  | { tag: string }
  | { not: BuildExpr }
  | { and: BuildExpr[] }
  | { or: BuildExpr[] };

export interface FileFacts {
  /** Repository-relative path with `/` separators. */
  path: string;
  /** Directory of the file, repository-relative. */
  dir: string;
  pkgName: string | null;
  imports: ImportSpec[];
  generated: boolean;
  funcs: FuncFact[];
  pkgVars: PkgVarFact[];
  /** Function values stored in package-level variables and struct fields (FuncBindingFact). */
  funcBindings: FuncBindingFact[];
  types: TypeFact[];
  notifications: Notification[];
  /** Inline `//pinlint:ignore` and `//pinlint:file-ignore` comments. */
  suppressions: SuppressionFact[];
  /** [first, last] lines of the statements spanning several lines (compound ones by header),
   * set only when the file has suppressions: a directive covers the statement of its line. */
  stmtRanges?: Array<[number, number]>;
  /** The file's build constraint; absent when the file builds everywhere. */
  build?: BuildExpr;
  /** Names this file's analysis asked the type layer about (src/types/), in the keys of
   * TypeView: the file is analyzed again when the tree knows something new about one. */
  lookups?: string[];
  /** SHA-256 of the text the facts were extracted from (engine: a file that changed before its
   * report is written is caught, not reported with lines that are no longer there). */
  digest?: string;
  /** Where to add an import, for fixes: after `import (` or the single import line; the
   * offsets of the existing specs' lines and their paths, in order. */
  importSite?: { openEnd: number; specs: Array<{ path: string; lineStart: number }>; parenthesized: boolean; declRange: Range } | null;
}

export interface SuppressionFact {
  rules: string[];
  reason: string;
  /** `//pinlint:ignore` covers a statement, `//pinlint:file-ignore` the whole file. */
  scope: 'statement' | 'file';
  /** The line the comment applies to: its own line when trailing code, else the next line; a
   * statement directive covers the statement holding that line (FileFacts.stmtRanges). */
  appliesTo: number;
  span: Span;
  malformed?: string;
  /** A `//pinlint:<verb>` comment whose verb is no directive, as written (`//pinlint:ingore`). */
  unknownDirective?: string;
}

/** How one suppression comment fared against the findings (for the bad-suppression rule). */
export interface SuppressionUse {
  file: FileFacts;
  fact: SuppressionFact;
  used: boolean;
  /** Names in the comment that are no rule at all. */
  unknown: string[];
}
