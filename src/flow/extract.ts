// Extraction: one parse of one file → FileFacts. Declarations for the index, and for every
// function a forward, path-insensitive-but-order-aware abstract interpretation that follows
// where pointer-derived uintptr values flow (variables, fields, elements, slices, closures),
// plus the keep-alive and pin events the mitigations are judged from.
import type { SyntaxNode } from '../go/parse.js';
import { parseGo } from '../go/parse.js';
import type { Span } from '../model/findings.js';
import {
  callArguments, directivesOf, importsOf, isGeneratedFile, packageNameOf, spanOf, stringLiteralValue, typeText, unparen,
  type ImportSpec,
} from '../go/syntax.js';
import { parseSuppressions } from '../go/suppress.js';
import type {
  ArgFact, ArgSource, CalleeFact, CallFact, FileFacts, FuncFact, Mitigation, ObjFact, ParamFact,
  ParamFlow, PinnerLeak, PkgVarFact, RecvFact, TypeFact, UptrFact, UptrVia,
} from '../model/facts.js';
import {
  DLL_CONSTRUCTORS, DLL_PACKAGES, DLL_TYPES, KEEP_ALIVE, NAMED_UINTPTR_TYPES, OS_ALLOCATORS, PINNER,
  ASYNC_IO_HINTS, WAIT_IO_HINTS, PROC_METHODS, SYSCALL_WRAPPER_PACKAGES, PROC_TYPES, RETAINING_APIS, SINKS, sinkMethodNames, type SinkTable,
} from '../knowledge/index.js';
import { textForParser } from '../go/positions.js';

// ---------------------------------------------------------------------------------------------
// Abstract values

interface AV {
  uptrs: UptrFact[];
  /** Go objects this pointer-like value (pointer, unsafe.Pointer, slice, string) points into. */
  ptrs: ObjFact[];
  /** Known to have type unsafe.Pointer (a conversion `uintptr(v)` of it is protected). */
  unsafePtr: boolean;
  /** Memory the Go collector does not manage. */
  os: boolean;
  params: ParamFlow[];
  fields: Map<string, AV> | null;
  elems: AV | null;
  proc: boolean;
  dll: boolean;
  pinner: boolean;
  /** A function value: what it calls when known. */
  func: CalleeFact | null;
  /** For a proc: the DLL export name. */
  procName?: string;
  /** The call this value is the (first) result of, when nothing more is known about it. */
  from?: CalleeFact;
  /** Known to be a plain integer (a length, a handle, a constant): never a Go pointer. */
  int: boolean;
  /** A pointer-derived uintptr converted to another integer type (`uint64(u)`): a number now,
   * but a pointer again if converted straight back to uintptr. */
  numeric: UptrFact[];
  /** Element values at constant indexes (`a[2] = x`, positional literal elements); `elems`
   * holds what was written at unknown indexes. */
  slots: Map<number, AV> | null;
}

const EMPTY: AV = Object.freeze({
  uptrs: [], ptrs: [], unsafePtr: false, os: false, params: [], fields: null, elems: null,
  proc: false, dll: false, pinner: false, func: null, int: false, slots: null, numeric: [],
}) as AV;

function av(partial: Partial<AV>): AV {
  return { ...EMPTY, ...partial };
}

function isEmpty(v: AV): boolean {
  return v.uptrs.length === 0 && v.ptrs.length === 0 && !v.unsafePtr && !v.os && v.params.length === 0 &&
    !v.fields && !v.elems && !v.proc && !v.dll && !v.pinner && !v.func && !v.int && !v.slots && v.numeric.length === 0 && !v.from;
}

function uptrKey(u: UptrFact): string {
  return `${u.obj.keys.join(',')}|${u.conv.startLine}:${u.conv.startColumn}|${u.via}|${u.holder ?? ''}`;
}

function unionBy<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const seen = new Set(a.map(key));
  const out = a.slice();
  for (const x of b) if (!seen.has(key(x))) { seen.add(key(x)); out.push(x); }
  return out;
}

const objKey = (o: ObjFact): string => `${o.kind}:${o.keys.join(',')}`;
const paramKey = (p: ParamFlow): string => `${p.index}:${p.mode}`;

function join(a: AV, b: AV): AV {
  if (a === b) return a;
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  let fields: Map<string, AV> | null = null;
  if (a.fields || b.fields) {
    fields = new Map(a.fields ?? []);
    for (const [k, v] of b.fields ?? []) fields.set(k, fields.has(k) ? join(fields.get(k) as AV, v) : v);
  }
  return {
    uptrs: unionBy(a.uptrs, b.uptrs, uptrKey),
    ptrs: unionBy(a.ptrs, b.ptrs, objKey),
    unsafePtr: a.unsafePtr || b.unsafePtr,
    os: a.os || b.os,
    params: unionBy(a.params, b.params, paramKey),
    fields,
    elems: a.elems && b.elems ? join(a.elems, b.elems) : a.elems ?? b.elems,
    proc: a.proc || b.proc,
    dll: a.dll || b.dll,
    pinner: a.pinner || b.pinner,
    func: a.func ?? b.func,
    int: a.int && b.int,
    slots: joinSlots(a.slots, b.slots),
    numeric: unionBy(a.numeric, b.numeric, uptrKey),
  };
}

function joinSlots(a: Map<number, AV> | null, b: Map<number, AV> | null): Map<number, AV> | null {
  if (!a) return b;
  if (!b) return a;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? join(out.get(k) as AV, v) : v);
  return out;
}

/** Every element value a container may hold, wherever it was written. */
function allElems(v: AV): AV | null {
  let out = v.elems;
  for (const s of v.slots?.values() ?? []) out = out ? join(out, s) : s;
  return out;
}

/** The value read by `a[i]`: the slot for a constant index plus unknown-index writes. */
function elemAt(v: AV, index: number | null): AV | null {
  if (index === null) return allElems(v);
  const slot = v.slots?.get(index);
  if (slot && v.elems) return join(slot, v.elems);
  return slot ?? v.elems;
}

/** Marks the uintptrs of a value as now held in `holder`, stored at `store`. */
function held(v: AV, via: UptrVia, holder: string, store: Span): AV {
  if (v.uptrs.length === 0) return v;
  return { ...v, uptrs: v.uptrs.map((u) => (u.via === 'inline' || u.via === 'arith' || u.via === 'conv' ? { ...u, via, holder, store } : u)) };
}

/** Marks freshly computed uintptrs as altered by arithmetic or a further conversion. */
function altered(v: AV, via: 'arith' | 'conv'): AV {
  if (v.uptrs.length === 0) return v;
  return { ...v, uptrs: v.uptrs.map((u) => (u.via === 'inline' ? { ...u, via } : u)) };
}

/** All pointer-derived uintptrs hidden inside a container value, with the field that holds each. */
function hiddenIn(v: AV, prefix = ''): Array<{ field: string; u: UptrFact }> {
  const out: Array<{ field: string; u: UptrFact }> = [];
  if (v.fields) {
    for (const [name, fv] of v.fields) {
      const path = prefix ? `${prefix}.${name}` : name;
      // A pointer kept as uintptr, or as another integer type (bpf_attr's u64 fields), is
      // equally invisible to the collector.
      for (const u of [...fv.uptrs, ...fv.numeric]) out.push({ field: `field ${path}`, u });
      out.push(...hiddenIn(fv, path));
    }
  }
  const elems = allElems(v);
  if (elems) {
    const path = prefix ? `${prefix}[…]` : 'element';
    for (const u of [...elems.uptrs, ...elems.numeric]) out.push({ field: prefix ? `field ${path}` : 'element', u });
    out.push(...hiddenIn(elems, prefix ? path : ''));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scopes and control-flow context

interface VarInfo {
  key: string;
  name: string;
  kind: 'local' | 'param';
  type?: string;
  paramIndex?: number;
  /** Known to hold a struct, array or scalar value (not a pointer or slice): `&v` is the
   * variable's own memory, which may be on the stack. */
  isValue?: boolean;
}

/** Where a statement or call sits: its function, the branch arms and loops around it. */
interface Ctx {
  fn: number;
  path: Array<[number, number]>;
  loops: number[];
  start: number;
  end: number;
  deferred: boolean;
}

interface KeepAliveEvent { keys: string[]; ctx: Ctx; span: Span; via?: string }
interface PinEvent { pinner: string; keys: string[]; ctx: Ctx; span: Span }
interface UnpinEvent { pinner: string; ctx: Ctx; span: Span }
interface AssignEvent { key: string; ctx: Ctx }

interface PendingCall {
  fact: CallFact;
  ctx: Ctx;
  /** For a call through a local variable: its key (a reassigned one is not a static callee). */
  funcVar?: string;
  /** Per argument, the objects whose mitigation must be judged, and the sources to fill. */
  pending: Array<{ src: ArgSource; keys: string[] }>;
}

interface PinnerUse { name: string; key: string; escapes: boolean; unpinned: boolean; pins: Array<{ obj: string; span: Span }> }

type Env = Map<string, AV>;

const INT: AV = Object.freeze({ ...EMPTY, int: true }) as AV;
const NARROW_INTEGER_TYPES = new Set(['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32', 'byte', 'rune']);
const INTEGER_TYPES = new Set(['uintptr', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'byte', 'rune']);
const RETAINING_NAMES = new Set(RETAINING_APIS.map((a) => a.name));

// ---------------------------------------------------------------------------------------------

/** The domain tables extraction consults: the built-in ones, extended by configuration. */
export interface Knowledge {
  sinks: SinkTable;
  keepAlive: readonly { pkg: string; name: string }[];
  osAllocators: Record<string, readonly string[]>;
}

export const DEFAULT_KNOWLEDGE: Knowledge = { sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS };

/** Extracts the facts of one Go file. Never throws on odd input: problems become notifications. */
export function extractFacts(path: string, dir: string, text: string, knowledge: Knowledge = DEFAULT_KNOWLEDGE): FileFacts {
  const parsed = parseGo(textForParser(text));
  const root = parsed.root;
  const facts: FileFacts = {
    path,
    dir,
    pkgName: packageNameOf(root),
    imports: importsOf(root),
    generated: isGeneratedFile(text),
    funcs: [],
    pkgVars: [],
    types: [],
    notifications: [],
    suppressions: parseSuppressions(text),
  };
  for (const err of parsed.errors.slice(0, 5)) {
    const s = spanOf(err);
    facts.notifications.push({
      level: 'warning',
      id: 'parse-error',
      message: err.isMissing
        ? `syntax error: missing ${err.type} at ${s.startLine}:${s.startColumn}; the rest of the file is still analyzed`
        : `syntax error at ${s.startLine}:${s.startColumn}; code around it may be skipped`,
      path,
      span: s,
    });
  }
  if (parsed.errors.length > 5) {
    facts.notifications.push({ level: 'warning', id: 'parse-error', message: `${parsed.errors.length - 5} more syntax errors`, path });
  }
  if (!facts.pkgName) {
    facts.notifications.push({ level: 'warning', id: 'parse-error', message: 'no package clause: is this a Go file?', path });
  }
  facts.importSite = importSiteOf(root);
  const fx = new FileExtractor(facts, root, knowledge);
  fx.run();
  return facts;
}

class FileExtractor {
  private imports = new Map<string, ImportSpec>();
  private dotImports: string[] = [];
  private namedUintptrTypes = new Set<string>();
  private pinnerFieldNames = new Set<string>();
  private procFieldNames = new Set<string>();
  private pkgFuncNames = new Set<string>();
  private pkgVarNames = new Set<string>();
  /** Function types of this file whose parameters include uintptr. */
  private uintptrFuncTypes = new Set<string>();
  /** Struct types of this file: field name → type text. */
  private structFields = new Map<string, Record<string, string>>();
  /** Package-level variables of array or struct value type: reading one copies it. */
  private pkgValueVars = new Set<string>();

  // per-function state
  private scopes: Array<Map<string, VarInfo>> = [];
  private keepAlives: KeepAliveEvent[] = [];
  private pins: PinEvent[] = [];
  private unpins: UnpinEvent[] = [];
  private assigns: AssignEvent[] = [];
  private calls: PendingCall[] = [];
  private pinners = new Map<string, PinnerUse>();
  private path: Array<[number, number]> = [];
  private loops: number[] = [];
  private loopExits: Env[][] = [];
  private fnStack: number[] = [];
  private deferredFn = new Set<number>();
  private nextId = 1;
  private varSeq = 0;
  /** Hoisted conversions a fix could move inline; their use counts are set after the walk. */
  private inlineFixes: Array<{ name: string; key: string; after: number; fix: { uses: number } }> = [];
  /** Whether the function being walked stores a parameter into a package-level variable. */
  private storesParam = false;
  private foreignReturns = 0;
  private otherReturns = 0;

  private sinkMethodNames: Set<string>;
  private sinkFuncNames: Set<string>;

  private text: string;

  constructor(private facts: FileFacts, private root: SyntaxNode, private k: Knowledge) {
    this.text = root.sourceText;
    this.sinkMethodNames = sinkMethodNames(k.sinks);
    this.sinkFuncNames = new Set(Object.values(k.sinks.funcs).flat());
    for (const imp of facts.imports) {
      if (imp.alias === '.') this.dotImports.push(imp.path);
      else if (imp.alias !== '_') this.imports.set(imp.name, imp);
    }
  }

  run(): void {
    // Pass 1: package-level declarations, so function bodies can tell globals from locals.
    for (const decl of this.root.namedChildren) {
      if (decl.type === 'function_declaration') {
        const n = decl.childForFieldName('name');
        if (n) this.pkgFuncNames.add(n.text);
      } else if (decl.type === 'var_declaration' || decl.type === 'const_declaration') {
        for (const spec of decl.descendantsOfType(['var_spec', 'const_spec'])) {
          const t = spec.childForFieldName('type');
          const v0 = spec.childForFieldName('value')?.namedChildren[0];
          const litType = v0 && v0.type === 'composite_literal' ? v0.childForFieldName('type') : null;
          const valueType = [t?.type, litType?.type].some((x) => x === 'array_type' || x === 'struct_type') || (!!litType && litType.type === 'type_identifier');
          for (const n of spec.childrenForFieldName('name')) {
            this.pkgVarNames.add(n.text);
            if (valueType) this.pkgValueVars.add(n.text);
          }
        }
      } else if (decl.type === 'type_declaration') {
        for (const spec of decl.namedChildren) if (spec.type === 'type_spec' || spec.type === 'type_alias') this.typeSpec(spec);
      }
    }
    for (const decl of this.root.namedChildren) {
      if (decl.type === 'var_declaration') this.pkgVarDecl(decl);
    }
    for (const decl of this.root.namedChildren) {
      if (decl.type === 'function_declaration' || decl.type === 'method_declaration') this.funcDecl(decl);
    }
  }

  // ---- declarations -----------------------------------------------------------------------

  private typeSpec(spec: SyntaxNode): void {
    const name = spec.childForFieldName('name')?.text;
    const t = spec.childForFieldName('type');
    if (!name || !t) return;
    const fact: TypeFact = { name, kind: 'other' };
    if (t.type === 'struct_type') {
      fact.kind = 'struct';
      fact.fields = {};
      this.structFields.set(name, fact.fields);
      for (const fd of t.descendantsOfType('field_declaration')) {
        const ft = typeText(fd.childForFieldName('type')) ?? '';
        const names = fd.childrenForFieldName('name');
        if (names.length === 0) fact.fields[ft.replace(/^\*/, '').split('.').pop() ?? ft] = ft;
        for (const n of names) {
          fact.fields[n.text] = ft;
          if (this.isPinnerType(ft)) this.pinnerFieldNames.add(n.text);
          if (this.isProcType(ft)) this.procFieldNames.add(n.text);
        }
      }
    } else if (t.type === 'interface_type') {
      fact.kind = 'interface';
      const elems = t.descendantsOfType('method_elem');
      fact.methods = elems.map((m) => m.childForFieldName('name')?.text ?? '').filter(Boolean);
      fact.uintptrMethods = elems.filter((m) => /\buintptr\b/.test(m.childForFieldName('parameters')?.text ?? '')).map((m) => m.childForFieldName('name')?.text ?? '');
    } else if (t.type === 'function_type') {
      fact.kind = 'func';
      if (/\buintptr\b/.test(t.childForFieldName('parameters')?.text ?? '')) {
        fact.uintptrSignature = true;
        this.uintptrFuncTypes.add(name);
      }
    } else if (t.text === 'uintptr') {
      fact.kind = 'uintptr';
      this.namedUintptrTypes.add(name);
    }
    this.facts.types.push(fact);
  }

  private pkgVarDecl(decl: SyntaxNode): void {
    for (const spec of decl.descendantsOfType('var_spec')) {
      const names = spec.childrenForFieldName('name');
      const values = spec.childForFieldName('value')?.namedChildren ?? [];
      const type = typeText(spec.childForFieldName('type'));
      names.forEach((n, i) => {
        const value = values[i];
        const fact: PkgVarFact = { name: n.text, kind: 'other', span: spanOf(n) };
        const litType = value ? this.inferType(unparen(value)) : undefined;
        if (type ?? litType) fact.type = (type ?? litType) as string;
        if (value) {
          const v = this.classifyStatic(value);
          // `var p proc = dll.NewProc(...)` with `proc` an interface: every call on p is dynamic.
          if (v.proc && type && !this.isProcType(type)) fact.kind = 'iface-proc';
          else if (v.proc) { fact.kind = 'proc'; if (v.procName) fact.api = v.procName; }
          else if (v.dll) fact.kind = 'dll';
          else if (v.func) { fact.kind = 'func'; fact.target = v.func; }
        } else if (type) {
          if (this.isProcType(type)) fact.kind = 'proc';
          else if (type.startsWith('func(')) fact.kind = 'func';
        }
        this.facts.pkgVars.push(fact);
      });
    }
  }

  /** Classifies a package-level initializer without a function context. */
  private classifyStatic(expr: SyntaxNode): AV {
    this.scopes = [new Map()];
    this.fnStack = [0];
    const saveCalls = this.calls;
    this.calls = [];
    const v = this.eval(expr, new Map(), this.ctxOf(expr));
    this.calls = saveCalls;
    this.scopes = [];
    return v;
  }

  private funcDecl(decl: SyntaxNode): void {
    const nameNode = decl.childForFieldName('name');
    if (!nameNode) return;
    const body = decl.childForFieldName('body');
    const params = this.paramFacts(decl.childForFieldName('parameters'));
    const resultList = decl.childForFieldName('result');
    const results = resultList?.type === 'parameter_list' ? this.paramFacts(resultList) : [];
    let recv: string | null = null;
    let recvParam: { name: string; type: string } | null = null;
    if (decl.type === 'method_declaration') {
      const r = decl.childForFieldName('receiver')?.namedChildren[0];
      const rt = typeText(r?.childForFieldName('type')) ?? '';
      recv = rt.replace(/^\*/, '').replace(/\[.*$/, '');
      const rn = r?.childForFieldName('name')?.text;
      if (rn) recvParam = { name: rn, type: rt };
    }
    const fact: FuncFact = {
      name: nameNode.text,
      recv,
      params,
      hasBody: !!body,
      directives: directivesOf(decl),
      span: spanOf(decl),
      nameSpan: spanOf(nameNode),
      calls: [],
      leaks: [],
      storesParam: false,
      returnsForeign: false,
      asyncIO: !!body && ASYNC_IO_HINTS.test(body.text),
      waitsForIO: !!body && WAIT_IO_HINTS.test(body.text),
    };
    if (body) {
      this.walkFunctionBody(fact, body, recvParam, results);
      fact.storesParam = this.storesParam;
      fact.returnsForeign = this.foreignReturns > 0 && this.otherReturns === 0;
    }
    this.facts.funcs.push(fact);
  }

  private paramFacts(list: SyntaxNode | null): ParamFact[] {
    const out: ParamFact[] = [];
    if (!list) return out;
    for (const p of list.namedChildren) {
      if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration') continue;
      const type = typeText(p.childForFieldName('type')) ?? '';
      const variadic = p.type === 'variadic_parameter_declaration';
      const names = p.childrenForFieldName('name');
      if (names.length === 0) out.push({ name: '_', type, variadic });
      for (const n of names) out.push({ name: n.text, type, variadic });
    }
    return out;
  }

  // ---- function walk ----------------------------------------------------------------------

  private walkFunctionBody(fact: FuncFact, body: SyntaxNode, recv: { name: string; type: string } | null, results: ParamFact[] = []): void {
    this.storesParam = false;
    this.foreignReturns = 0;
    this.otherReturns = 0;
    this.keepAlives = [];
    this.pins = [];
    this.unpins = [];
    this.assigns = [];
    this.calls = [];
    this.pinners = new Map();
    this.path = [];
    this.loops = [];
    this.loopExits = [];
    this.deferredFn = new Set();
    const fnId = this.nextId++;
    this.fnStack = [fnId];
    const scope = new Map<string, VarInfo>();
    this.scopes = [scope];
    const env: Env = new Map();
    if (recv) this.declare(recv.name, 'param', env, EMPTY, recv.type);
    // Named results are locals: `func f() (st stat, err error)` then `&st`.
    for (const r of results) if (r.name !== '_') this.declare(r.name, 'local', env, this.typedZero(r.type, EMPTY), r.type);
    fact.params.forEach((p, index) => {
      if (p.name === '_') return;
      this.declare(p.name, 'param', env, this.paramValue(p, index), p.variadic ? `[]${p.type}` : p.type, index);
    });
    this.inlineFixes = [];
    this.walkBlock(body, env);
    // Uses of each hoisted variable after its declaration (any same-named identifier counts, so
    // shadowing can only make the fix less likely, never wrong).
    if (this.inlineFixes.length) {
      const ids = body.descendantsOfType('identifier');
      for (const f of this.inlineFixes) f.fix.uses = ids.filter((id) => id.text === f.name && id.startIndex > f.after).length;
    }
    fact.calls = this.finishCalls();
    fact.leaks = this.pinnerLeaks();
    this.scopes = [];
  }

  private paramValue(p: ParamFact, index: number): AV {
    if (p.variadic) {
      return p.type === 'uintptr' ? av({ elems: av({ params: [{ index, mode: 'value' }] }), params: [{ index, mode: 'elems' }] }) : EMPTY;
    }
    const t = p.type;
    if (t === 'uintptr') return av({ params: [{ index, mode: 'value' }] });
    if (t === '[]uintptr') return av({ elems: av({ params: [{ index, mode: 'value' }] }), params: [{ index, mode: 'elems' }] });
    const isPtr = t.startsWith('*') || this.isUnsafePointerType(t) || t.startsWith('[]');
    const value: Partial<AV> = {};
    if (isPtr) {
      value.ptrs = [{ name: p.name, keys: [], kind: 'param', stack: false, paramIndex: index }];
      value.unsafePtr = this.isUnsafePointerType(t);
    }
    if (this.isProcType(t)) value.proc = true;
    if (this.isPinnerType(t)) value.pinner = true;
    return av(value);
  }

  private declare(name: string, kind: 'local' | 'param', env: Env, value: AV, type?: string, paramIndex?: number, valueInit = false): VarInfo | null {
    if (name === '_') return null;
    const key = `${name}#${++this.varSeq}`;
    const info: VarInfo = { key, name, kind };
    if (type !== undefined) info.type = type;
    if (valueInit || (type !== undefined && this.isValueType(type))) info.isValue = true;
    if (paramIndex !== undefined) info.paramIndex = paramIndex;
    this.scopes[this.scopes.length - 1]?.set(name, info);
    // Parameter objects get their key now that it exists.
    const fixed = value.ptrs.length > 0
      ? { ...value, ptrs: value.ptrs.map((o) => (o.kind === 'param' && o.keys.length === 0 ? { ...o, keys: [key] } : o)) }
      : value;
    env.set(key, fixed);
    if (fixed.pinner || (type && this.isPinnerType(type))) {
      this.pinners.set(key, { name, key, escapes: kind === 'param', unpinned: false, pins: [] });
    }
    return info;
  }

  private lookup(name: string): VarInfo | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]?.get(name);
      if (v) return v;
    }
    return undefined;
  }

  private pushScope(): void { this.scopes.push(new Map()); }
  private popScope(): void { this.scopes.pop(); }

  private ctxOf(node: SyntaxNode): Ctx {
    const fn = this.fnStack[this.fnStack.length - 1] ?? 0;
    return {
      fn,
      path: this.path.slice(),
      loops: this.loops.slice(),
      start: node.startIndex,
      end: node.endIndex,
      deferred: this.deferredFn.has(fn),
    };
  }

  // ---- statements -------------------------------------------------------------------------

  /** Walks a block in a new scope; returns the environment after it, or null if it never falls through. */
  private walkBlock(block: SyntaxNode, env: Env | null): Env | null {
    this.pushScope();
    let cur = env;
    const list = block.type === 'block' ? (block.namedChildren.find((c) => c.type === 'statement_list') ?? block) : block;
    for (const stmt of list.namedChildren) {
      if (!cur) break;
      cur = this.walkStmt(stmt, cur);
    }
    this.popScope();
    return cur;
  }

  private walkStmt(stmt: SyntaxNode, env: Env): Env | null {
    switch (stmt.type) {
      case 'block':
        return this.walkBlock(stmt, env);
      case 'statement_list': {
        let cur: Env | null = env;
        for (const s of stmt.namedChildren) { if (!cur) break; cur = this.walkStmt(s, cur); }
        return cur;
      }
      case 'expression_statement': {
        const e = stmt.namedChildren[0];
        if (e) {
          this.eval(e, env, this.ctxOf(e));
          if (this.isPanic(e)) return null;
        }
        return env;
      }
      case 'short_var_declaration':
        this.assign(stmt.childForFieldName('left'), stmt.childForFieldName('right'), env, true, stmt);
        return env;
      case 'assignment_statement': {
        const op = stmt.childForFieldName('operator')?.text ?? '=';
        this.assign(stmt.childForFieldName('left'), stmt.childForFieldName('right'), env, false, stmt, op !== '=');
        return env;
      }
      case 'var_declaration':
        for (const spec of stmt.descendantsOfType('var_spec')) this.varSpec(spec, env);
        return env;
      case 'inc_statement':
      case 'dec_statement':
      case 'send_statement':
        for (const c of stmt.namedChildren) this.eval(c, env, this.ctxOf(c));
        return env;
      case 'go_statement':
      case 'defer_statement': {
        const call = stmt.namedChildren[0];
        if (call) this.evalCallStmt(call, env, stmt.type === 'defer_statement' ? 'defer' : 'go');
        return env;
      }
      case 'return_statement': {
        const list = stmt.namedChildren[0];
        const exprs = list?.type === 'expression_list' ? list.namedChildren : list ? [list] : [];
        exprs.forEach((e, i) => {
          const u = unparen(e);
          const v = u.type === 'call_expression' ? this.evalCall(u, env, this.ctxOf(u), 'return') : this.eval(e, env, this.ctxOf(e));
          if (u.type !== 'call_expression') this.escapePinners(v, e);
          if (i === 0 && this.fnStack.length === 1) {
            if (v.os) this.foreignReturns++;
            else this.otherReturns++;
          }
        });
        return null;
      }
      case 'if_statement':
        return this.walkIf(stmt, env);
      case 'for_statement':
        return this.walkFor(stmt, env);
      case 'expression_switch_statement':
      case 'type_switch_statement':
      case 'select_statement':
        return this.walkSwitch(stmt, env);
      case 'labeled_statement': {
        const inner = stmt.namedChildren.find((c) => c.type !== 'label_name');
        return inner ? this.walkStmt(inner, env) : env;
      }
      case 'break_statement': {
        const exits = this.loopExits[this.loopExits.length - 1];
        if (exits) exits.push(env);
        return null;
      }
      case 'continue_statement':
      case 'goto_statement':
        return null;
      default:
        return env;
    }
  }

  private isPanic(e: SyntaxNode): boolean {
    if (e.type !== 'call_expression') return false;
    const f = e.childForFieldName('function');
    return !!f && f.type === 'identifier' && (f.text === 'panic' || f.text === 'log.Fatal') && !this.lookup(f.text);
  }

  private walkIf(stmt: SyntaxNode, env: Env): Env | null {
    this.pushScope();
    let cur: Env = env;
    const init = stmt.childForFieldName('initializer');
    if (init) cur = this.walkStmt(init, cur) ?? cur;
    const cond = stmt.childForFieldName('condition');
    if (cond) this.eval(cond, cur, this.ctxOf(cond));
    const id = this.nextId++;
    this.path.push([id, 0]);
    const thenEnv = this.walkBlockOrStmt(stmt.childForFieldName('consequence'), new Map(cur));
    this.path.pop();
    const alt = stmt.childForFieldName('alternative');
    let elseEnv: Env | null = cur;
    if (alt) {
      this.path.push([id, 1]);
      elseEnv = this.walkBlockOrStmt(alt, new Map(cur));
      this.path.pop();
    }
    this.popScope();
    return joinEnvs([thenEnv, elseEnv]);
  }

  private walkBlockOrStmt(node: SyntaxNode | null, env: Env): Env | null {
    if (!node) return env;
    return node.type === 'block' ? this.walkBlock(node, env) : this.walkStmt(node, env);
  }

  private walkFor(stmt: SyntaxNode, env: Env): Env | null {
    this.pushScope();
    let cur: Env = env;
    const clause = stmt.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
    const body = stmt.childForFieldName('body');
    const id = this.nextId++;
    this.loops.push(id);
    if (clause?.type === 'for_clause') {
      const init = clause.childForFieldName('initializer');
      if (init) cur = this.walkStmt(init, cur) ?? cur;
    } else if (clause?.type === 'range_clause') {
      const right = clause.childForFieldName('right');
      const rv = right ? this.eval(right, cur, this.ctxOf(right)) : EMPTY;
      const left = clause.childForFieldName('left');
      const isDecl = clause.children.some((c) => c.type === ':=');
      const names = left?.namedChildren ?? [];
      // `for i, v := range xs`: v takes the elements (golang.org/ref/spec#For_range).
      const values = [INT, allElems(rv) ?? (rv.os ? av({ os: true }) : EMPTY)];
      names.forEach((n, i) => {
        const val = values[i] ?? EMPTY;
        if (isDecl && n.type === 'identifier') this.declare(n.text, 'local', cur, held(val, 'var', n.text, spanOf(n)));
        else this.store(n, val, cur, clause);
      });
    }
    // Two rounds over the body reach the fixed point for values carried around the back edge
    // in every shape pinlint tracks (a value needs at most one extra trip to reach a use).
    let result: Env = cur;
    this.loopExits.push([]);
    // Deeply nested loops get one round: two rounds at every level would cost 2^depth walks.
    const rounds = this.loops.length > 6 ? 1 : 2;
    for (let round = 0; round < rounds; round++) {
      const cond = clause?.type === 'for_clause' ? clause.childForFieldName('condition') : clause ? null : stmt.namedChildren.find((c) => c !== body) ?? null;
      if (cond) this.eval(cond, result, this.ctxOf(cond));
      const before = result;
      const after = body ? this.walkBlock(body, new Map(before)) : before;
      if (clause?.type === 'for_clause') {
        const update = clause.childForFieldName('update');
        if (update && after) this.walkStmt(update, after);
      }
      result = joinEnvs([before, after]) ?? before;
      if (round === 0) this.loopExits[this.loopExits.length - 1] = [];
    }
    const exits = this.loopExits.pop() ?? [];
    this.loops.pop();
    this.popScope();
    return joinEnvs([result, ...exits]);
  }

  private walkSwitch(stmt: SyntaxNode, env: Env): Env | null {
    this.pushScope();
    let cur: Env = env;
    const init = stmt.childForFieldName('initializer');
    if (init) cur = this.walkStmt(init, cur) ?? cur;
    const value = stmt.childForFieldName('value');
    if (value) this.eval(value, cur, this.ctxOf(value));
    const id = this.nextId++;
    const outs: Array<Env | null> = [];
    let hasDefault = false;
    let arm = 0;
    this.loopExits.push([]); // `break` inside a switch leaves the switch
    for (const c of stmt.namedChildren) {
      if (!['expression_case', 'type_case', 'default_case', 'communication_case'].includes(c.type)) continue;
      if (c.type === 'default_case') hasDefault = true;
      this.path.push([id, arm++]);
      this.pushScope();
      let caseEnv: Env | null = new Map(cur);
      const comm = c.childForFieldName('communication');
      if (comm) caseEnv = this.walkStmt(comm, caseEnv);
      const val = c.childForFieldName('value');
      if (val && c.type === 'expression_case' && caseEnv) this.eval(val, caseEnv, this.ctxOf(val));
      for (const s of c.namedChildren) {
        if (!caseEnv) break;
        if (s === comm || s === val || s.type === 'comment') continue;
        if (s.type === 'statement_list' || s.type.endsWith('_statement') || s.type === 'block' || s.type.endsWith('_declaration')) {
          caseEnv = this.walkStmt(s, caseEnv);
        }
      }
      this.popScope();
      this.path.pop();
      outs.push(caseEnv);
    }
    const exits = this.loopExits.pop() ?? [];
    if (!hasDefault || stmt.type === 'select_statement') outs.push(cur);
    this.popScope();
    return joinEnvs([...outs, ...exits]);
  }

  private varSpec(spec: SyntaxNode, env: Env): void {
    const names = spec.childrenForFieldName('name');
    const type = typeText(spec.childForFieldName('type'));
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    const vals = this.evalRhs(values, names.length, env);
    names.forEach((n, i) => {
      let v = vals[i] ?? EMPTY;
      if (type) v = this.typedZero(type, v);
      // A proc stored in a variable of an interface type is called dynamically.
      if (type && v.proc && !this.isProcType(type)) v = { ...v, proc: false };
      const init = values[i] ? unparen(values[i] as SyntaxNode) : undefined;
      this.declare(n.text, 'local', env, held(v, 'var', n.text, spanOf(n)), type, undefined, init?.type === 'composite_literal');
    });
  }

  /** Adds what a declared type says about a value: a Pinner, a proc, an unsafe.Pointer. */
  private typedZero(type: string, v: AV): AV {
    const extra: Partial<AV> = {};
    if (this.isPinnerType(type)) extra.pinner = true;
    if (this.isProcType(type)) extra.proc = true;
    if (this.isUnsafePointerType(type)) extra.unsafePtr = true;
    return Object.keys(extra).length ? { ...v, ...extra } : v;
  }

  private evalRhs(values: SyntaxNode[], count: number, env: Env): AV[] {
    if (values.length === 1 && count > 1) {
      // `a, b := f()`: the first result of an allocator is OS memory, of a DLL lookup a proc.
      const only = values[0] as SyntaxNode;
      const v = this.eval(only, env, this.ctxOf(only));
      return [v];
    }
    return values.map((e) => this.eval(e, env, this.ctxOf(e)));
  }

  private assign(left: SyntaxNode | null, right: SyntaxNode | null, env: Env, define: boolean, stmt: SyntaxNode, compound = false): void {
    if (!left || !right) return;
    const lhs = left.namedChildren;
    const vals = this.evalRhs(right.namedChildren, lhs.length, env);
    lhs.forEach((l, i) => {
      let v = vals[i] ?? EMPTY;
      if (define && l.type === 'identifier') {
        const existing = this.scopes[this.scopes.length - 1]?.get(l.text);
        if (!existing) {
          const r = right.namedChildren.length === lhs.length ? right.namedChildren[i] : undefined;
          const ru = r ? unparen(r) : undefined;
          const valueInit = !!ru && (ru.type === 'composite_literal' || (ru.type === 'unary_expression' && ru.child(0)?.type === '*'));
          const info = this.declare(l.text, 'local', env, held(v, 'var', l.text, spanOf(l)), ru ? this.inferType(ru) : undefined, undefined, valueInit);
          if (info && ru && lhs.length === 1 && this.isUintptrConversion(ru)) this.noteInlineFix(info, ru, stmt, env);
          return;
        }
      }
      if (compound) {
        const old = this.eval(l, env, this.ctxOf(l), true);
        v = join(old, altered(v, 'arith'));
      }
      this.store(l, v, env, stmt);
    });
  }

  /** Writes a value to an assignable expression: a variable, a field, an element, `*p`. */
  private store(target: SyntaxNode, value: AV, env: Env, stmt: SyntaxNode): void {
    const t = unparen(target);
    const where = spanOf(t);
    if (t.type === 'identifier') {
      const info = this.lookup(t.text);
      if (!info) {
        this.escapePinners(value, t);
        if (value.ptrs.some((o) => o.kind === 'param') || value.uptrs.some((u) => u.obj.kind === 'param')) this.storesParam = true;
        return;
      }
      // The variable now names another object: earlier conversions of the old one no longer
      // answer to it (a KeepAlive of the new value protects nothing converted before).
      if (!this.isReslice(target, info)) forgetKey(env, info.key);
      env.set(info.key, held(value, 'var', t.text, where));
      this.assigns.push({ key: info.key, ctx: this.ctxOf(stmt) });
      return;
    }
    if (t.type === 'selector_expression') {
      const root = this.rootVar(t);
      if (!root) {
        this.escapePinners(value, t);
        return;
      }
      const path = fieldPath(t);
      const cur = env.get(root.key) ?? EMPTY;
      env.set(root.key, setField(cur, path, held(value, 'field', t.text, where)));
      this.escapePinners(value, t);
      return;
    }
    if (t.type === 'index_expression') {
      const root = this.rootVar(t);
      if (!root) return;
      const cur = env.get(root.key) ?? EMPTY;
      const operand = unparen(t.childForFieldName('operand') ?? t);
      const fv = held(value, 'elem', t.text, where);
      if (operand.type === 'selector_expression') {
        const path = fieldPath(operand);
        env.set(root.key, setField(cur, path, av({ elems: fv }), true));
      } else {
        const k = constIndex(t.childForFieldName('index'));
        if (k !== null) {
          // a[2] = x replaces what slot 2 held (a strong update: one array, one slot).
          const slots = new Map(cur.slots ?? []);
          slots.set(k, fv);
          env.set(root.key, { ...cur, slots });
        } else {
          env.set(root.key, { ...cur, elems: cur.elems ? join(cur.elems, fv) : fv });
        }
      }
      return;
    }
    if (t.type === 'unary_expression' && t.child(0)?.type === '*') {
      // `*(*uintptr)(unsafe.Pointer(&buf[8])) = v` writes into buf: the pointer is hidden in noscan
      // memory (x/sys #44662).
      const operand = t.childForFieldName('operand');
      if (!operand) return;
      const root = this.pointeeRoot(operand);
      if (!root) return;
      const cur = env.get(root.key) ?? EMPTY;
      const fv = held(value, 'elem', t.text, where);
      env.set(root.key, { ...cur, elems: cur.elems ? join(cur.elems, fv) : fv });
    }
  }

  /** Reports whether the statement assigning `target` reslices the same variable (`b = b[n:]`),
   * which keeps the backing array and so the object. */
  private isReslice(target: SyntaxNode, info: VarInfo): boolean {
    const stmt = target.parent?.parent;
    const right = stmt?.childForFieldName('right')?.namedChildren ?? [];
    const left = stmt?.childForFieldName('left')?.namedChildren ?? [];
    const i = left.indexOf(target);
    const r = i >= 0 ? right[i] : undefined;
    if (!r) return false;
    const u = unparen(r);
    return u.type === 'slice_expression' && this.rootVar(u)?.key === info.key;
  }

  /** The variable that `*x` writes into, looking through conversions and `&v[i]`. */
  private pointeeRoot(expr: SyntaxNode): VarInfo | undefined {
    let e = unparen(expr);
    for (;;) {
      if (e.type === 'call_expression') {
        const conv = this.conversionOperand(e);
        if (!conv) return undefined;
        e = unparen(conv);
        continue;
      }
      if (e.type === 'unary_expression' && e.child(0)?.type === '&') {
        const op = e.childForFieldName('operand');
        return op ? this.rootVar(op) : undefined;
      }
      if (e.type === 'identifier') return this.lookup(e.text);
      return undefined;
    }
  }

  /** The local variable at the root of `x.f[i].g`. */
  private rootVar(expr: SyntaxNode): VarInfo | undefined {
    let e = unparen(expr);
    for (;;) {
      if (e.type === 'identifier') return this.lookup(e.text);
      const next = e.type === 'selector_expression' || e.type === 'index_expression' || e.type === 'slice_expression'
        ? e.childForFieldName('operand')
        : e.type === 'unary_expression' && e.child(0)?.type === '*' ? e.childForFieldName('operand') : null;
      if (!next) return undefined;
      e = unparen(next);
    }
  }

  // ---- expressions ------------------------------------------------------------------------

  private evalCallStmt(call: SyntaxNode, env: Env, form: 'defer' | 'go'): void {
    const c = unparen(call);
    if (c.type !== 'call_expression') {
      this.eval(c, env, this.ctxOf(c));
      return;
    }
    const fn = c.childForFieldName('function');
    if (form === 'defer' && fn && unparen(fn).type === 'func_literal') {
      // `defer func() { runtime.KeepAlive(x) }()`: the closure runs when the function returns.
      this.walkClosure(unparen(fn), env, true);
      for (const a of callArguments(c).args) this.eval(a, env, this.ctxOf(a));
      return;
    }
    const ctx = this.ctxOf(c);
    const inlineEnd = this.inlineEnds[this.inlineEnds.length - 1];
    if (form === 'defer' && inlineEnd !== undefined) {
      // Deferred inside an immediately invoked closure: runs when that closure returns.
      ctx.start = inlineEnd;
      ctx.end = inlineEnd;
    } else if (form === 'defer') ctx.deferred = true;
    this.evalCall(c, env, ctx, form);
  }

  /** Evaluates an expression to the abstract value it may hold, recording calls on the way. */
  private eval(node: SyntaxNode, env: Env, ctx: Ctx, quiet = false): AV {
    const e = unparen(node);
    switch (e.type) {
      case 'identifier': {
        const info = this.lookup(e.text);
        if (!info) {
          if (e.text === 'nil') return EMPTY;
          // Reading a package-level array or struct copies it: the copy is not static memory.
          if (this.pkgValueVars.has(e.text)) return EMPTY;
          return this.pkgVarNames.has(e.text) || !this.pkgFuncNames.has(e.text)
            ? av({ ptrs: [{ name: e.text, keys: [`global:${e.text}`], kind: 'global', stack: false }] })
            : av({ func: { kind: 'func', pkg: null, qualifier: null, name: e.text } });
        }
        return env.get(info.key) ?? EMPTY;
      }
      case 'call_expression':
        return this.evalCall(e, env, ctx, 'plain', quiet);
      case 'unary_expression': {
        const op = e.child(0)?.type;
        const operand = e.childForFieldName('operand');
        if (!operand) return EMPTY;
        if (op === '&') return this.addressOf(operand, env, ctx);
        const v = this.eval(operand, env, ctx, quiet);
        // *p is the pointee: what p's target holds, not p's own provenance.
        if (op === '*') return v.fields || v.elems || v.slots ? av({ fields: v.fields, elems: v.elems, slots: v.slots, os: v.os }) : v.os ? av({ os: true }) : EMPTY;
        return altered(v, 'arith');
      }
      case 'binary_expression': {
        const op = e.childForFieldName('operator')?.text ?? e.child(1)?.type ?? '';
        const l = e.childForFieldName('left');
        const r = e.childForFieldName('right');
        const lv = l ? this.eval(l, env, ctx, quiet) : EMPTY;
        const rv = r ? this.eval(r, env, ctx, quiet) : EMPTY;
        if (['==', '!=', '<', '>', '<=', '>=', '&&', '||'].includes(op)) return EMPTY;
        // `p - base` with a non-constant base is an offset between two addresses, not an address;
        // masks, shifts and division make a number too (a hash, an alignment check).
        const rightConst = r ? unparen(r).type === 'int_literal' || rv.int : false;
        if ((op === '-' && lv.uptrs.length > 0 && !rightConst) || ['>>', '<<', '/', '%', '^', '&'].includes(op) && lv.uptrs.length > 0 && op !== '&^') {
          if (!(op === '&' && rightConst && /^\^/.test(r?.text ?? ''))) return INT;
        }
        const both = join(lv, rv);
        return av({ uptrs: altered(both, 'arith').uptrs, params: both.params, os: lv.os || rv.os, int: both.uptrs.length === 0 && both.params.length === 0 && (lv.int || rv.int) });
      }
      case 'selector_expression': {
        const operand = e.childForFieldName('operand');
        const field = e.childForFieldName('field')?.text ?? '';
        if (operand && unparen(operand).type === 'identifier' && !this.lookup(unparen(operand).text)) {
          // pkg.Name: a package-level entity of another package.
          const imp = this.imports.get(unparen(operand).text);
          if (imp) {
            // `f := syscall.Syscall` holds a function; `&pkg.Var` is static memory.
            if (this.k.sinks.funcs[imp.path]?.includes(field)) return av({ func: { kind: 'func', pkg: imp.path, qualifier: unparen(operand).text, name: field } });
            return av({ ptrs: [{ name: e.text, keys: [`global:${imp.path}.${field}`], kind: 'global', stack: false }] });
          }
        }
        const base = operand ? this.eval(operand, env, ctx, quiet) : EMPTY;
        const fv = base.fields?.get(field);
        if (fv) return fv;
        // `c := proc.Call`: a method value, which the compiler cannot call statically (#34684).
        const opNode = operand ? unparen(operand) : null;
        if (opNode && opNode.type === 'identifier' && !this.lookup(opNode.text) && !this.imports.has(opNode.text) && this.sinkMethodNames.has(field) && !this.pkgFuncNames.has(opNode.text)) {
          return av({ func: { kind: 'method', name: field, recv: { kind: 'pkgvar', pkg: null, name: opNode.text }, recvText: opNode.text } });
        }
        if (base.proc && this.sinkMethodNames.has(field)) {
          return av({ func: { kind: 'method', name: field, recv: { kind: 'proc', ...(base.procName ? { api: base.procName } : {}) }, recvText: unparen(operand as SyntaxNode).text } });
        }
        if (this.procFieldNames.has(field)) return av({ proc: true });
        if (this.pinnerFieldNames.has(field)) return av({ pinner: true });
        if (base.os) return av({ os: true });
        return EMPTY;
      }
      case 'index_expression': {
        const operand = e.childForFieldName('operand');
        const idx = e.childForFieldName('index');
        if (idx) this.eval(idx, env, ctx, quiet);
        const base = operand ? this.eval(operand, env, ctx, quiet) : EMPTY;
        if (base.os) return av({ os: true });
        return elemAt(base, constIndex(idx)) ?? EMPTY;
      }
      case 'slice_expression': {
        const operand = e.childForFieldName('operand');
        for (const f of ['start', 'end', 'capacity']) { const n = e.childForFieldName(f); if (n) this.eval(n, env, ctx, quiet); }
        return operand ? this.eval(operand, env, ctx, quiet) : EMPTY;
      }
      case 'composite_literal':
        return this.compositeLiteral(e, env, ctx);
      case 'func_literal':
        this.walkClosure(e, env, false);
        return EMPTY;
      case 'type_conversion_expression':
      case 'type_assertion_expression': {
        const operand = e.childForFieldName('operand');
        const v = operand ? this.eval(operand, env, ctx, quiet) : EMPTY;
        // []byte(s): the conversion allocates a fresh slice.
        if (e.type === 'type_conversion_expression' && e.childForFieldName('type')?.type === 'slice_type') {
          return av({ ptrs: [{ name: shorten(e.text), keys: [], kind: 'temp', stack: false, fresh: true }] });
        }
        return v;
      }
      case 'int_literal':
      case 'rune_literal':
        return INT;
      case 'expression_list': {
        let v = EMPTY;
        for (const c of e.namedChildren) v = join(v, this.eval(c, env, ctx, quiet));
        return v;
      }
      default:
        return EMPTY;
    }
  }

  private compositeLiteral(e: SyntaxNode, env: Env, ctx: Ctx): AV {
    const body = e.childForFieldName('body');
    const type = e.childForFieldName('type');
    const typeStr = typeText(type) ?? '';
    const isList = type?.type === 'slice_type' || type?.type === 'array_type' || type?.type === 'implicit_length_array_type';
    let fields: Map<string, AV> | null = null;
    let elems: AV | null = null;
    let slots: Map<number, AV> | null = null;
    let position = 0;
    for (const el of body?.namedChildren ?? []) {
      if (el.type === 'keyed_element') {
        const [k, v] = el.namedChildren;
        const key = k ? unparen(k.namedChildren[0] ?? k).text : '';
        const valueNode = v?.namedChildren[0] ?? v;
        const val = valueNode ? this.eval(valueNode, env, ctx) : EMPTY;
        if (isList) {
          const k = constIndex(k0(el));
          const hv = held(val, 'elem', `${typeStr}{…}`, spanOf(el));
          if (k !== null) { slots ??= new Map(); slots.set(k, hv); position = k + 1; continue; }
          elems = elems ? join(elems, hv) : hv;
        } else {
          fields ??= new Map();
          fields.set(key, held(val, 'field', key, spanOf(el)));
        }
      } else if (el.type === 'literal_element') {
        const inner = el.namedChildren[0];
        const val = inner ? this.eval(inner, env, ctx) : EMPTY;
        const where = spanOf(el);
        if (isList) {
          slots ??= new Map();
          slots.set(position, held(val, 'elem', `${typeStr}{…}`, where));
        } else {
          fields ??= new Map();
          fields.set(`#${position}`, held(val, 'field', `#${position}`, where));
        }
        position++;
      }
    }
    const extra = this.typedZero(typeStr, EMPTY);
    return { ...extra, fields, elems, slots };
  }

  private addressOf(operand: SyntaxNode, env: Env, ctx: Ctx): AV {
    const o = unparen(operand);
    if (o.type === 'composite_literal') {
      const v = this.compositeLiteral(o, env, ctx);
      const obj: ObjFact = { name: `&${shorten(o.text)}`, keys: [], kind: 'temp', stack: false, fresh: true };
      return { ...v, ptrs: [obj] };
    }
    const obj = this.objOf(o, env, ctx, true);
    const root = this.rootVar(o);
    const base = root ? env.get(root.key) ?? EMPTY : EMPTY;
    // &x keeps what x holds visible to a callee that reads through the pointer.
    // &x and &x[i] point into all of x's memory; &x.f into the field's value.
    const contents = o.type === 'identifier' || o.type === 'index_expression' ? base : o.type === 'selector_expression' ? (base.fields?.get(fieldPath(o).join('.')) ?? EMPTY) : EMPTY;
    return av({ ptrs: obj ? [obj] : [], fields: contents.fields, elems: contents.elems, slots: contents.slots, os: obj?.kind === 'os', pinner: contents.pinner, proc: contents.proc });
  }

  /**
   * The Go object a pointer-valued expression points into. `addr` is true for the operand of `&`:
   * then a local variable itself is the object (and may live on the stack).
   */
  private objOf(expr: SyntaxNode, env: Env, ctx: Ctx, addr = false): ObjFact | null {
    const e = unparen(expr);
    if (e.type === 'identifier') {
      const info = this.lookup(e.text);
      if (!info) {
        if (e.text === 'nil') return null;
        return { name: e.text, keys: [`global:${e.text}`], kind: 'global', stack: false };
      }
      const v = env.get(info.key) ?? EMPTY;
      if (v.os) return { name: e.text, keys: [info.key], kind: 'os', stack: false };
      if (!addr && v.ptrs.length > 0) {
        const first = v.ptrs[0] as ObjFact;
        if (first.kind === 'global' || first.kind === 'os') return first;
        const keys = Array.from(new Set([...v.ptrs.flatMap((p) => p.keys), info.key]));
        return {
          name: e.text, keys, kind: first.kind === 'param' && v.ptrs.length === 1 ? 'param' : 'local', stack: v.ptrs.some((p) => p.stack),
          fresh: v.ptrs.every((p) => p.fresh),
          ...(first.paramIndex !== undefined && v.ptrs.length === 1 ? { paramIndex: first.paramIndex } : {}),
          ...(first.from ? { from: first.from } : {}),
        };
      }
      const isParam = info.kind === 'param';
      const stack = addr && !isParam && info.isValue === true;
      const pf: ObjFact = { name: e.text, keys: [info.key], kind: isParam ? 'param' : 'local', stack, fresh: stack };
      if (!isParam && v.from) pf.from = v.from;
      if (isParam && info.paramIndex !== undefined) pf.paramIndex = info.paramIndex;
      return pf;
    }
    if (e.type === 'selector_expression' || e.type === 'index_expression' || e.type === 'slice_expression') {
      const operand = e.childForFieldName('operand');
      if (!operand) return null;
      const op = unparen(operand);
      if (e.type === 'selector_expression' && op.type === 'identifier' && !this.lookup(op.text) && this.imports.has(op.text)) {
        return { name: e.text, keys: [`global:${e.text}`], kind: 'global', stack: false };
      }
      // Elements and fields of a value live in the object that holds them; through a pointer or
      // slice they live in what it points to.
      const inner = this.objOf(op, env, ctx, addr && e.type === 'selector_expression');
      if (!inner) return null;
      if (e.type === 'index_expression' || e.type === 'slice_expression') {
        const root = this.rootVar(op);
        const rv = root ? env.get(root.key) ?? EMPTY : EMPTY;
        if (rv.os) return { ...inner, kind: 'os' };
        return { ...inner, name: inner.name, stack: inner.stack && addr && !(root && this.isSliceish(root)) };
      }
      return inner;
    }
    if (e.type === 'call_expression') {
      const operand = this.conversionOperand(e) ?? this.unsafeHelperOperand(e);
      if (operand) return this.objOf(operand, env, ctx, false);
      const v = this.evalCall(e, env, ctx, 'plain', true);
      if (v.os) return { name: shorten(e.text), keys: [], kind: 'os', stack: false };
      if (v.ptrs.length > 0) return v.ptrs[0] as ObjFact;
      const fn = e.childForFieldName('function');
      const from = fn ? this.calleeOf(unparen(fn), env, ctx) : undefined;
      return { name: shorten(e.text), keys: [], kind: 'temp', stack: false, ...(from ? { from } : {}) };
    }
    if (e.type === 'unary_expression') {
      const op = e.child(0)?.type;
      const operand = e.childForFieldName('operand');
      if (!operand) return null;
      if (op === '&') return this.objOf(operand, env, ctx, true);
      if (op === '*') return this.objOf(operand, env, ctx, false);
      return null;
    }
    if (e.type === 'composite_literal') return { name: shorten(e.text), keys: [], kind: 'temp', stack: false };
    return null;
  }

  /**
   * Records what a fix needs to move `v := uintptr(unsafe.Pointer(e))` back into the call that
   * uses v: the declaration's lines, the conversion's text, whether e is free of side effects.
   * The use count is filled in when the function's walk ends.
   */
  private noteInlineFix(info: VarInfo, conv: SyntaxNode, stmt: SyntaxNode, env: Env): void {
    if (stmt.parent?.type !== 'statement_list') return;
    const lineStart = this.text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
    if (!/^[ \t]*$/.test(this.text.slice(lineStart, stmt.startIndex))) return;
    const nl = this.text.indexOf('\n', stmt.endIndex);
    if (nl < 0 || this.text.slice(stmt.endIndex, nl).trim() !== '') return;
    const operand = callArguments(conv).args[0];
    const fix = { declLines: { start: lineStart, end: nl + 1 }, convText: conv.text, uses: 0, operandPure: !!operand && isPure(operand) };
    this.inlineFixes.push({ name: info.name, key: info.key, after: stmt.endIndex, fix });
    const v = env.get(info.key);
    if (v) env.set(info.key, { ...v, uptrs: v.uptrs.map((u) => ({ ...u, inlineFix: fix })) });
  }

  /** The type of `T{...}`, `&T{...}` or `new(T)`, when written out. */
  private inferType(e: SyntaxNode): string | undefined {
    if (e.type === 'composite_literal') return typeText(e.childForFieldName('type'));
    if (e.type === 'unary_expression' && e.child(0)?.type === '&') {
      const op = e.childForFieldName('operand');
      const inner = op ? unparen(op) : null;
      if (inner?.type === 'composite_literal') {
        const t = typeText(inner.childForFieldName('type'));
        return t ? `*${t}` : undefined;
      }
    }
    if (e.type === 'call_expression') {
      const f = e.childForFieldName('function');
      const args = callArguments(e).args;
      if (f && f.type === 'identifier' && f.text === 'new' && !this.lookup('new') && args[0]) {
        const t = typeText(args[0]);
        return t ? `*${t}` : undefined;
      }
    }
    return undefined;
  }

  /** Reports whether a declared type is a value type (its variables hold their own memory). */
  private isValueType(t: string): boolean {
    if (!t || t.startsWith('*') || t.startsWith('[]') || t.startsWith('map[') || t.startsWith('chan') || t.startsWith('<-') || t.startsWith('func') || t.startsWith('interface')) return false;
    if (['string', 'error', 'any'].includes(t) || this.isUnsafePointerType(t)) return false;
    return true;
  }


  private isSliceish(info: VarInfo): boolean {
    return (info.type ?? '').startsWith('[]');
  }

  // ---- calls ------------------------------------------------------------------------------

  /** If `call` is a conversion `T(x)` to a pointer type or unsafe.Pointer, returns `x`. */
  private conversionOperand(call: SyntaxNode): SyntaxNode | null {
    const fn = call.childForFieldName('function');
    const { args } = callArguments(call);
    if (!fn || args.length !== 1) return null;
    const f = unparen(fn);
    if (this.isUnsafeMember(f, 'Pointer')) return args[0] ?? null;
    // (*T)(x) parses as a call of a parenthesized dereference.
    if (fn.type === 'parenthesized_expression' && (f.type === 'pointer_type' || (f.type === 'unary_expression' && f.child(0)?.type === '*'))) return args[0] ?? null;
    return null;
  }

  /** unsafe.Add(p, n), unsafe.Slice(p, n), unsafe.SliceData(b), unsafe.StringData(s): the p/b/s. */
  private unsafeHelperOperand(call: SyntaxNode): SyntaxNode | null {
    const fn = call.childForFieldName('function');
    if (!fn) return null;
    const f = unparen(fn);
    for (const name of ['Add', 'Slice', 'SliceData', 'StringData', 'String']) {
      if (this.isUnsafeMember(f, name)) return callArguments(call).args[0] ?? null;
    }
    return null;
  }

  /** Reports whether `node` is `unsafe.<member>` with `unsafe` (or its alias) the real import. */
  private isUnsafeMember(node: SyntaxNode, member: string): boolean {
    return this.isPkgMember(node, 'unsafe', member);
  }

  private isPkgMember(node: SyntaxNode, pkg: string, member: string): boolean {
    if (node.type === 'identifier') {
      return node.text === member && !this.lookup(member) && !this.pkgFuncNames.has(member) && this.dotImports.includes(pkg);
    }
    if (node.type !== 'selector_expression') return false;
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field');
    if (!operand || !field || field.text !== member) return false;
    const q = unparen(operand);
    if (q.type !== 'identifier' || this.lookup(q.text)) return false;
    return this.imports.get(q.text)?.path === pkg;
  }

  /** The import path and name `pkg.Name` refers to, if `node` is a qualified identifier. */
  private qualified(node: SyntaxNode): { pkg: string; name: string } | null {
    if (node.type !== 'selector_expression') return null;
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field');
    if (!operand || !field) return null;
    const q = unparen(operand);
    if (q.type !== 'identifier' || this.lookup(q.text)) return null;
    const imp = this.imports.get(q.text);
    return imp ? { pkg: imp.path, name: field.text } : null;
  }

  /** Reports whether `uintptr` in `uintptr(x)` is the predeclared type (not shadowed). */
  private isUintptrConversion(call: SyntaxNode): boolean {
    const fn = call.childForFieldName('function');
    if (!fn || callArguments(call).args.length !== 1) return false;
    const f = unparen(fn);
    return f.type === 'identifier' && f.text === 'uintptr' && !this.lookup('uintptr') && !this.pkgFuncNames.has('uintptr') && !this.namedUintptrTypes.has('uintptr');
  }

  /** Reports whether the call converts to a predeclared integer type other than uintptr. */
  private isIntegerConversion(call: SyntaxNode): boolean {
    const fn = call.childForFieldName('function');
    if (!fn || callArguments(call).args.length !== 1) return false;
    const f = unparen(fn);
    return f.type === 'identifier' && INTEGER_TYPES.has(f.text) && f.text !== 'uintptr' && !this.lookup(f.text) && !this.pkgFuncNames.has(f.text);
  }

  /** Reports whether the call converts to a named uintptr type (`H(x)` with `type H uintptr`). */
  private isNamedUintptrConversion(call: SyntaxNode): boolean {
    const fn = call.childForFieldName('function');
    if (!fn || callArguments(call).args.length !== 1) return false;
    const f = unparen(fn);
    if (f.type === 'identifier') return this.namedUintptrTypes.has(f.text) && !this.lookup(f.text);
    const q = this.qualified(f);
    return !!q && (NAMED_UINTPTR_TYPES[q.pkg]?.includes(q.name) ?? false);
  }

  /** Reports whether an expression has type unsafe.Pointer, as far as syntax and flow tell. */
  private isUnsafePointerExpr(expr: SyntaxNode, env: Env): boolean {
    const e = unparen(expr);
    if (e.type === 'call_expression') {
      const fn = e.childForFieldName('function');
      if (!fn) return false;
      const f = unparen(fn);
      return this.isUnsafeMember(f, 'Pointer') || this.isUnsafeMember(f, 'Add');
    }
    if (e.type === 'identifier') {
      const info = this.lookup(e.text);
      if (!info) return false;
      if (info.type && this.isUnsafePointerType(info.type)) return true;
      return (env.get(info.key) ?? EMPTY).unsafePtr;
    }
    return false;
  }

  private isUnsafePointerType(t: string): boolean {
    const m = /^([A-Za-z_]\w*)\.Pointer$/.exec(t);
    return !!m && this.imports.get(m[1] as string)?.path === 'unsafe';
  }

  private typeRef(t: string): { pkg: string | null; name: string; pointer: boolean } | null {
    const m = /^(\*?)(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(t);
    if (!m) return null;
    const pkg = m[2] ? this.imports.get(m[2])?.path ?? null : null;
    if (m[2] && !pkg) return null;
    return { pkg, name: m[3] as string, pointer: m[1] === '*' };
  }

  private isPinnerType(t: string): boolean {
    const r = this.typeRef(t);
    return !!r && r.pkg === PINNER.pkg && r.name === PINNER.type;
  }

  private isProcType(t: string): boolean {
    const r = this.typeRef(t);
    return !!r && !!r.pkg && DLL_PACKAGES.includes(r.pkg) && PROC_TYPES.includes(r.name);
  }


  /**
   * Evaluates a call: conversions, unsafe helpers, builtins, keep-alive and pin APIs, DLL
   * constructors, allocators; records the call when it may matter to a rule.
   */
  private evalCall(call: SyntaxNode, env: Env, ctx: Ctx, form: CallFact['form'], quiet = false): AV {
    const fn = call.childForFieldName('function');
    if (!fn) return EMPTY;
    const f = unparen(fn);
    const { args, spread } = callArguments(call);

    // uintptr(x): the conversion the whole bug class is about (unsafe.Pointer rule 4).
    if (this.isUintptrConversion(call)) {
      const arg = args[0] as SyntaxNode;
      if (this.isUnsafePointerExpr(arg, env)) {
        const obj = this.objOf(arg, env, ctx);
        const inner = this.eval(arg, env, ctx, quiet);
        if (!obj || obj.kind === 'os' || inner.os) return av({ os: true });
        if (obj.kind === 'global') return EMPTY;
        const u: UptrFact = { obj, conv: spanOf(call), via: 'inline' };
        if (unparen(arg).type === 'identifier') u.fromVar = true;
        return av({ uptrs: [u] });
      }
      const v = this.eval(arg, env, ctx, quiet);
      // uintptr(uint64(uintptr(unsafe.Pointer(p)))): back to an address, through a conversion
      // the compiler does not protect (go-semantics.md §2.5).
      if (v.numeric.length > 0 && unparen(arg).type !== 'binary_expression') return av({ uptrs: v.numeric.map((u) => ({ ...u, via: 'conv' as const })) });
      if (v.uptrs.length === 0 && v.params.length === 0 && !v.os) return INT;
      return altered(v, 'conv');
    }
    // Conversions to other integer types keep what they convert (a pointer-derived value
    // stays one) but lose the protected shape (go-semantics.md §2.5: extra conversion).
    if (this.isIntegerConversion(call)) {
      const v = this.eval(args[0] as SyntaxNode, env, ctx, quiet);
      if (v.uptrs.length === 0 && v.params.length === 0) return v.os ? v : v.numeric.length ? v : INT;
      // Narrower than a pointer: an offset or a hash, never an address on 64-bit platforms.
      if (NARROW_INTEGER_TYPES.has(unparen(call.childForFieldName('function') as SyntaxNode).text)) return INT;
      // A pointer turned into another integer type is a number (a seed, a hash, a bpf u64
      // field): it only matters if converted straight back to uintptr.
      return av({ numeric: [...v.uptrs, ...v.numeric], params: v.params });
    }
    if (this.isNamedUintptrConversion(call)) {
      const arg = args[0] as SyntaxNode;
      if (this.isUnsafePointerExpr(arg, env)) {
        const obj = this.objOf(arg, env, ctx);
        if (!obj || obj.kind === 'os') return av({ os: true });
        if (obj.kind === 'global') return EMPTY;
        return av({ uptrs: [{ obj, conv: spanOf(call), via: 'conv' }] });
      }
      return altered(this.eval(arg, env, ctx, quiet), 'conv');
    }
    const convOperand = this.conversionOperand(call);
    if (convOperand) {
      let v = this.eval(convOperand, env, ctx, quiet);
      const isUnsafe = this.isUnsafeMember(f, 'Pointer');
      // unsafe.Pointer(u) of a pointer-derived uintptr is a pointer again (unsafe.Pointer rule 3:
      // conversion, arithmetic and conversion back in one expression), visible to the collector.
      if (v.uptrs.length > 0) v = av({ ptrs: v.uptrs.map((u) => u.obj), fields: v.fields, elems: v.elems, slots: v.slots });
      // unsafe.Pointer(u) of a uintptr that is not pointer-derived: memory the OS handed out.
      const fromInt = v.uptrs.length === 0 && v.ptrs.length === 0 && !v.unsafePtr && this.looksIntegral(convOperand, env);
      const base = fromInt ? av({ os: true }) : v;
      return isUnsafe ? { ...base, unsafePtr: true } : base;
    }
    const helper = this.unsafeHelperOperand(call);
    if (helper) {
      for (const a of args.slice(1)) this.eval(a, env, ctx, quiet);
      const v = this.eval(helper, env, ctx, quiet);
      const base = v.uptrs.length === 0 && v.ptrs.length === 0 && !v.unsafePtr && this.looksIntegral(helper, env) ? av({ os: true }) : v;
      return this.isUnsafeMember(f, 'Add') ? { ...base, unsafePtr: true } : { ...base, unsafePtr: false };
    }
    // []byte(s), []uint16(...): a conversion that allocates a fresh slice.
    if (f.type === 'slice_type' && args.length === 1) {
      this.eval(args[0] as SyntaxNode, env, ctx, quiet);
      return av({ ptrs: [{ name: shorten(call.text), keys: [], kind: 'temp', stack: false, fresh: true }] });
    }
    if (f.type === 'func_literal') {
      // An immediately invoked closure runs here and now: walk it as part of this function.
      for (const a of args) this.eval(a, env, ctx, quiet);
      if (!quiet) this.walkInline(f, env);
      return EMPTY;
    }

    // Builtins.
    if (f.type === 'identifier' && !this.lookup(f.text) && !this.pkgFuncNames.has(f.text)) {
      switch (f.text) {
        case 'append': {
          const [first, ...rest] = args;
          const base = first ? this.eval(first, env, ctx, quiet) : EMPTY;
          let elems = allElems(base);
          for (const a of rest) {
            const v = this.eval(a, env, ctx, quiet);
            this.escapePinners(v, a);
            const contribution = spread ? allElems(v) ?? EMPTY : held(v, 'elem', `append(…)`, spanOf(a));
            elems = elems ? join(elems, contribution) : contribution;
          }
          return { ...base, elems: elems && !isEmpty(elems) ? elems : base.elems, slots: null };
        }
        case 'copy': {
          const [dst, src] = args;
          if (dst && src) {
            const sv = this.eval(src, env, ctx, quiet);
            const root = this.rootVar(dst);
            const se = allElems(sv);
            if (root && se) {
              const cur = env.get(root.key) ?? EMPTY;
              env.set(root.key, { ...cur, elems: cur.elems ? join(cur.elems, se) : se });
            }
          }
          return EMPTY;
        }
        case 'make':
        case 'new': {
          const t = typeText(args[0]) ?? '';
          const obj: ObjFact = { name: shorten(call.text), keys: [], kind: 'temp', stack: false, fresh: true };
          return { ...this.typedZero(t, EMPTY), ptrs: [obj] };
        }
        case 'len': case 'cap':
          for (const a of args) this.eval(a, env, ctx, quiet);
          return INT;
        case 'min': case 'max': case 'complex': case 'real': case 'imag': case 'print': case 'println': case 'panic': case 'recover': case 'clear': case 'delete': case 'close':
          for (const a of args) this.eval(a, env, ctx, quiet);
          return EMPTY;
        default:
          break;
      }
    }

    // Keep-alive and pin APIs.
    const q = this.qualified(f);
    if (q && this.k.keepAlive.some((k) => k.pkg === q.pkg && k.name === q.name)) {
      const arg = args[0];
      if (arg) {
        const obj = this.objOf(arg, env, ctx);
        const root = this.rootVar(arg);
        const keys = [...(obj?.keys ?? []), ...(root ? [root.key] : [])];
        if (!quiet) this.keepAlives.push({ keys, ctx, span: spanOf(call) });
      }
      return EMPTY;
    }
    if (f.type === 'selector_expression') {
      const method = f.childForFieldName('field')?.text ?? '';
      const recvNode = f.childForFieldName('operand');
      if (recvNode && (method === PINNER.pin || method === PINNER.unpin)) {
        const rv = this.eval(recvNode, env, ctx, true);
        const root = this.rootVar(recvNode);
        if (rv.pinner && !quiet) {
          const pinnerKey = root && unparen(recvNode).type === 'identifier' ? root.key : `field:${unparen(recvNode).text}`;
          if (method === PINNER.pin) {
            const arg = args[0];
            const obj = arg ? this.objOf(arg, env, ctx) : null;
            const argRoot = arg ? this.rootVar(arg) : undefined;
            const keys = [...(obj?.keys ?? []), ...(argRoot ? [argRoot.key] : [])];
            this.pins.push({ pinner: pinnerKey, keys, ctx, span: spanOf(call) });
            const use = this.pinners.get(pinnerKey);
            if (use) use.pins.push({ obj: arg ? arg.text : '?', span: spanOf(call) });
          } else {
            this.unpins.push({ pinner: pinnerKey, ctx, span: spanOf(call) });
            const use = this.pinners.get(pinnerKey);
            if (use) use.unpinned = true;
          }
          return EMPTY;
        }
      }
    }

    // The legacy `use(unsafe.Pointer(p))` keep-alive: a candidate, judged against the index
    // (it counts only if `use` is bodyless or stores its argument globally; DESIGN.md §3).
    if (!quiet && f.type === 'identifier' && !this.lookup(f.text) && args.length === 1) {
      const a0 = unparen(args[0] as SyntaxNode);
      const fa = a0.type === 'call_expression' ? a0.childForFieldName('function') : null;
      if (fa && this.isUnsafeMember(unparen(fa), 'Pointer')) {
        const obj = this.objOf(a0, env, ctx);
        if (obj) this.keepAlives.push({ keys: obj.keys, ctx, span: spanOf(call), via: f.text });
      }
    }

    // Everything else: evaluate arguments, resolve the callee syntactically, maybe record.
    const argVals = args.map((a) => this.eval(a, env, ctx, quiet));
    const callee = this.calleeOf(f, env, ctx);
    for (const v of argVals) this.escapePinners(v, call);
    if (!quiet) this.maybeRecord(call, f, callee, args, argVals, spread, env, ctx, form);
    if (this.mayCallOS(callee)) for (const a of args) this.markOutParam(a, env);
    const result = this.callResult(f, callee, env, ctx, args);
    return isEmpty(result) && callee.kind !== 'unknown' ? av({ from: callee }) : result;
  }

  /** Reports whether an expression is an integer that never was a Go pointer (a call result, a
   * constant, a uintptr parameter...), so unsafe.Pointer of it is foreign memory. */
  private looksIntegral(expr: SyntaxNode, env: Env): boolean {
    const e = unparen(expr);
    if (e.type === 'identifier') {
      const info = this.lookup(e.text);
      if (!info) return false;
      const v = env.get(info.key) ?? EMPTY;
      if (v.uptrs.length > 0 || v.ptrs.length > 0 || v.unsafePtr) return false;
      return v.os || v.int || (info.type !== undefined && INTEGER_TYPES.has(info.type)) || v.params.length > 0;
    }
    if (e.type === 'call_expression') {
      const v = this.eval(e, env, this.ctxOf(e), true);
      return v.os || v.int;
    }
    return e.type === 'int_literal' || this.eval(e, env, this.ctxOf(e), true).int;
  }

  /** What a call returns, as far as pinlint cares: OS memory, DLL objects, procs. */
  private callResult(f: SyntaxNode, callee: CalleeFact, env: Env, ctx: Ctx, args: SyntaxNode[]): AV {
    // What a system call or DLL procedure returns is an integer or memory the OS owns.
    if (callee.kind === 'func' && callee.pkg && this.k.sinks.funcs[callee.pkg]?.includes(callee.name)) return av({ os: true, int: true });
    if (callee.kind === 'method' && callee.recv.kind !== 'unknown' && this.sinkMethodNames.has(callee.name)) return av({ os: true, int: true });
    if (callee.kind === 'func' && callee.pkg) {
      if (this.k.osAllocators[callee.pkg]?.includes(callee.name)) return av({ os: true });
      if (DLL_PACKAGES.includes(callee.pkg) && DLL_CONSTRUCTORS.includes(callee.name)) return av({ dll: true });
      if (callee.pkg === 'C') return av({ os: true });
    }
    if (callee.kind === 'method' && PROC_METHODS.includes(callee.name)) {
      // NewProc/FindProc on a DLL object: a procedure whose Call is a sink.
      const operand = f.childForFieldName('operand');
      const rv = operand ? this.eval(operand, env, ctx, true) : EMPTY;
      if (rv.dll || callee.recv.kind === 'pkgvar' || (callee.recv.kind === 'type' && DLL_TYPES.includes(callee.recv.name))) {
        const nameArg = args[0] ? unparen(args[0]) : null;
        const api = nameArg && nameArg.type === 'interpreted_string_literal' ? stringLiteralValue(nameArg) : undefined;
        return av({ proc: true, ...(api ? { procName: api } : {}) });
      }
    }
    return EMPTY;
  }

  private calleeOf(f: SyntaxNode, env: Env, ctx: Ctx): CalleeFact {
    if (f.type === 'identifier') {
      const info = this.lookup(f.text);
      if (info) {
        const v = env.get(info.key) ?? EMPTY;
        const t = info.type ?? '';
        const uintptrSignature = (/uintptr\b/.test(t) && t.startsWith('func')) || this.uintptrFuncTypes.has(t);
        const typeName = /^[A-Za-z_]\w*$/.test(t) ? { typeName: t } : {};
        if (info.kind === 'param') return { kind: 'indirect', name: f.text, how: 'func-param', uintptrSignature, ...typeName };
        // A local variable holding a named function is a static call (cmd/compile
        // StaticValue); one holding a method value is not (golang/go#34684).
        if (v.func && v.func.kind === 'func') {
          // Static only while assigned once: finishCalls turns it indirect if reassigned.
          return v.func;
        }
        if (v.func) return { kind: 'indirect', name: f.text, how: 'method-value', target: v.func };
        return { kind: 'indirect', name: f.text, how: 'func-var', uintptrSignature, ...typeName };
      }
      if (this.pkgVarNames.has(f.text)) return { kind: 'indirect', name: f.text, how: 'func-var' };
      const dot = this.dotImports.find((p) => this.k.sinks.funcs[p]?.includes(f.text));
      return { kind: 'func', pkg: dot ?? null, qualifier: null, name: f.text };
    }
    if (f.type === 'selector_expression') {
      const q = this.qualified(f);
      if (q) return { kind: 'func', pkg: q.pkg, qualifier: unparen(f.childForFieldName('operand') as SyntaxNode).text, name: q.name };
      const operand = f.childForFieldName('operand') as SyntaxNode;
      const name = f.childForFieldName('field')?.text ?? '';
      const op = unparen(operand);
      if (op.type === 'identifier' && !this.lookup(op.text) && !this.imports.has(op.text)) {
        // A package-level variable of this package (maybe declared in a sibling file).
        return { kind: 'method', name, recv: { kind: 'pkgvar', pkg: null, name: op.text }, recvText: op.text };
      }
      if (op.type === 'selector_expression') {
        const oq = this.qualified(op);
        if (oq) return { kind: 'method', name, recv: { kind: 'pkgvar', pkg: oq.pkg, name: oq.name }, recvText: op.text };
      }
      // A method expression `(*T).M(recv, args...)`: a static call of T's method.
      if (operand.type === 'parenthesized_expression' && op.type === 'unary_expression' && op.child(0)?.type === '*') {
        const inner = op.childForFieldName('operand');
        const tr = inner ? this.typeRef(inner.text.replace(/\s+/g, '')) : null;
        if (tr) return { kind: 'method', name, recv: { kind: 'type', pkg: tr.pkg, name: tr.name, pointer: true }, recvText: op.text, methodExpr: true };
      }
      const rv = this.eval(operand, env, ctx, true);
      if (rv.proc) return { kind: 'method', name, recv: { kind: 'proc', ...(rv.procName ? { api: rv.procName } : {}) }, recvText: op.text };
      if (rv.func && !rv.fields) return { kind: 'indirect', name: op.text + '.' + name, how: 'func-field', target: rv.func };
      let recv: RecvFact = { kind: 'unknown' };
      if (op.type === 'identifier') {
        const info = this.lookup(op.text);
        const tr = info?.type ? this.typeRef(info.type) : null;
        if (tr) recv = { kind: 'type', pkg: tr.pkg, name: tr.name, pointer: tr.pointer };
      } else if (op.type === 'selector_expression') {
        // t.dev.ioctl(...): the field's declared type, from this file or via the index.
        const base = op.childForFieldName('operand');
        const fieldName = op.childForFieldName('field')?.text ?? '';
        const bn = base ? unparen(base) : null;
        const owner = bn?.type === 'identifier' ? this.typeRef(this.lookup(bn.text)?.type ?? '') : null;
        if (owner && owner.pkg === null) {
          const ft = this.structFields.get(owner.name)?.[fieldName];
          const fr = ft ? this.typeRef(ft) : null;
          if (ft && (ft.startsWith('func') || this.uintptrFuncTypes.has(ft))) {
            if (/uintptr\b/.test(ft) || this.uintptrFuncTypes.has(ft)) return { kind: 'indirect', name: `${op.text}.${name}`, how: 'func-field', uintptrSignature: true };
          }
          if (fr) recv = { kind: 'type', pkg: fr.pkg, name: fr.name, pointer: fr.pointer };
          else recv = { kind: 'field', owner: owner.name, field: fieldName };
        }
      } else if (op.type === 'call_expression' || op.type === 'composite_literal' || op.type === 'unary_expression') {
        const cv = this.eval(op, env, ctx, true);
        if (cv.proc) recv = { kind: 'proc' };
      }
      return { kind: 'method', name, recv, recvText: op.text };
    }
    if (f.type === 'func_literal') return { kind: 'indirect', name: 'func literal', how: 'func-var' };
    return { kind: 'unknown' };
  }

  /**
   * Records a call for the index when it may matter: it carries a pointer-derived, hidden or
   * parameter-derived argument, or its callee could be a sink.
   */
  private maybeRecord(call: SyntaxNode, f: SyntaxNode, callee: CalleeFact, args: SyntaxNode[], vals: AV[], spread: boolean, env: Env, ctx: Ctx, form: CallFact['form']): void {
    const argFacts: ArgFact[] = [];
    const pending: PendingCall['pending'] = [];
    let interesting = false;
    const calleeName = callee.kind === 'func' || callee.kind === 'method' ? callee.name : '';
    const mayRetain = RETAINING_NAMES.has(calleeName) || (callee.kind === 'method' && callee.recv.kind === 'proc' && RETAINING_NAMES.has(callee.recv.api ?? ''));
    args.forEach((a, i) => {
      const v = vals[i] ?? EMPTY;
      const isSpread = spread && i === args.length - 1;
      const sources: ArgSource[] = [];
      const uptrs = isSpread ? this.spreadUptrs(a, v, env, ctx) : v.uptrs;
      for (const u0 of uptrs) {
        const u = isSpread && u0.via === 'inline' && unparen(a).type !== 'composite_literal' ? { ...u0, via: 'elem' as const, holder: u0.holder ?? a.text, store: u0.store ?? spanOf(a) } : u0;
        const src: ArgSource = { kind: 'uptr', u, mit: { pin: 'none' } };
        sources.push(src);
        pending.push({ src, keys: u.obj.keys });
      }
      // Pointers hidden in what the argument points to (or, when spread, in the elements).
      const containers: Array<{ name: string; value: AV }> = [];
      if (!isSpread && v.ptrs.length > 0 && (v.fields || v.elems || v.slots)) containers.push({ name: v.ptrs[0]?.name.replace(/^&/, '') ?? a.text, value: v });
      for (const u of v.uptrs) {
        if (u.via !== 'inline' && u.via !== 'arith' && u.via !== 'conv') continue;
        const root = u.obj.keys.map((k) => env.get(k)).find((x) => x && (x.fields || x.elems || x.slots));
        if (root) containers.push({ name: u.obj.name, value: root });
      }
      for (const c of containers) {
        for (const h of hiddenIn(c.value)) {
          const src: ArgSource = { kind: 'hidden', container: c.name, field: h.field, u: h.u, mit: { pin: 'none' } };
          sources.push(src);
          pending.push({ src, keys: h.u.obj.keys });
        }
      }
      if (mayRetain && !isSpread && v.ptrs.length > 0 && !v.os) {
        const o = this.objOf(a, env, ctx);
        if (o && o.kind !== 'global' && o.kind !== 'os') {
          const src: ArgSource = { kind: 'goptr', obj: o, mit: { pin: 'none' } };
          sources.push(src);
          pending.push({ src, keys: o.keys });
        }
      }
      const params = isSpread ? [...(allElems(v)?.params ?? []), ...v.params.filter((p) => p.mode === 'elems')] : v.params.filter((p) => p.mode === 'value');
      for (const p of params) sources.push({ kind: 'param', flow: p });
      // A typed pointer parameter handed on as is (for pointer-parameter summaries).
      for (const o of v.ptrs) {
        if (o.kind === 'param' && o.paramIndex !== undefined && !v.uptrs.length) sources.push({ kind: 'param', flow: { index: o.paramIndex, mode: 'value' } });
      }
      if (sources.length) interesting = true;
      argFacts.push({ span: spanOf(a), range: { start: a.startIndex, end: a.endIndex }, text: shorten(a.text), source: a.text, spread: isSpread, sources });
    });
    const possibleSink = (callee.kind === 'method' && this.sinkMethodNames.has(callee.name)) ||
      (callee.kind === 'func' && this.sinkFuncNames.has(callee.name)) || callee.kind === 'indirect';
    if (!interesting && !possibleSink) return;
    const funcVar = f.type === 'identifier' ? this.lookup(f.text)?.key : undefined;
    const fact: CallFact = { callee, calleeText: shorten(f.text), span: spanOf(call), args: argFacts, spread, form };
    const nameNode = f.type === 'selector_expression' ? f.childForFieldName('field') : f.type === 'identifier' ? f : null;
    if (nameNode) fact.nameRange = { start: nameNode.startIndex, end: nameNode.endIndex };
    const stmt = enclosingStatement(call);
    if (stmt) {
      const lineStart = this.text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
      const indent = this.text.slice(lineStart, stmt.startIndex);
      fact.stmt = { range: { start: stmt.startIndex, end: stmt.endIndex }, indent: /^[ \t]*$/.test(indent) ? indent : '', isReturn: stmt.type === 'return_statement', inBlock: /^[ \t]*$/.test(indent) };
    }
    this.calls.push({ fact, ctx, pending, ...(funcVar ? { funcVar } : {}) });
  }

  /**
   * The uintptrs a `s...` argument passes. A slice literal written in the call keeps each
   * element's own shape: the compiler peels it like a variadic list (escape/call.go, verified in
   * go-semantics.md §2.5), so `[]uintptr{uintptr(unsafe.Pointer(p))}...` is protected.
   */
  private spreadUptrs(a: SyntaxNode, v: AV, env: Env, ctx: Ctx): UptrFact[] {
    const lit = unparen(a);
    if (lit.type !== 'composite_literal') return [...(allElems(v)?.uptrs ?? []), ...v.uptrs];
    const out: UptrFact[] = [];
    for (const el of lit.childForFieldName('body')?.namedChildren ?? []) {
      const valueNode = el.type === 'keyed_element' ? el.namedChildren[1]?.namedChildren[0] : el.namedChildren[0];
      if (valueNode) out.push(...this.eval(valueNode, env, ctx, true).uptrs);
    }
    return out;
  }

  /** Reports whether a call may go to the OS: a sink-like name, an indirect call, x/sys. */
  private mayCallOS(callee: CalleeFact): boolean {
    if (callee.kind === 'indirect') return true;
    if (callee.kind === 'method') return this.sinkMethodNames.has(callee.name);
    if (callee.kind === 'func') return this.sinkFuncNames.has(callee.name) || (!!callee.pkg && SYSCALL_WRAPPER_PACKAGES.includes(callee.pkg));
    return false;
  }

  /**
   * `&p` handed to the OS where p is a pointer variable: an out-parameter the OS fills with its
   * own memory (CredRead's PCREDENTIAL, a returned buffer), so p holds foreign memory afterwards.
   */
  private markOutParam(arg: SyntaxNode, env: Env): void {
    let e = unparen(arg);
    while (e.type === 'call_expression') {
      const inner = this.isUintptrConversion(e) ? callArguments(e).args[0] ?? null : this.conversionOperand(e);
      if (!inner) return;
      e = unparen(inner);
    }
    if (e.type !== 'unary_expression' || e.child(0)?.type !== '&') return;
    const op = e.childForFieldName('operand');
    const target = op ? unparen(op) : null;
    if (!target || target.type !== 'identifier') return;
    const info = this.lookup(target.text);
    const t = info?.type ?? '';
    if (info && (t.startsWith('*') || this.isUnsafePointerType(t) || t === 'uintptr')) env.set(info.key, av({ os: true, int: t === 'uintptr' }));
  }

  /** A Pinner that is passed on, stored or returned may be unpinned elsewhere. */
  private escapePinners(v: AV, _at: SyntaxNode): void {
    if (!v.pinner) return;
    for (const use of this.pinners.values()) use.escapes = true;
  }

  private walkClosure(lit: SyntaxNode, env: Env, deferred: boolean): void {
    const id = this.nextId++;
    if (deferred) this.deferredFn.add(id);
    const outerFn = this.fnStack[this.fnStack.length - 1] ?? 0;
    // A deferred closure runs at return: its keep-alives count for the enclosing function.
    this.fnStack.push(deferred ? outerFn : id);
    if (deferred) this.deferredFn.add(outerFn), this.deferredNest++;
    const savePath = this.path;
    const saveLoops = this.loops;
    const saveExits = this.loopExits;
    this.path = deferred ? this.path.slice() : [];
    this.loops = deferred ? this.loops.slice() : [];
    this.loopExits = [];
    this.pushScope();
    const inner: Env = new Map(env);
    const params = this.paramFacts(lit.childForFieldName('parameters'));
    for (const p of params) this.declare(p.name, 'local', inner, EMPTY, p.variadic ? `[]${p.type}` : p.type);
    const body = lit.childForFieldName('body');
    if (body) this.walkBlock(body, inner);
    this.popScope();
    this.path = savePath;
    this.loops = saveLoops;
    this.loopExits = saveExits;
    this.fnStack.pop();
    if (deferred) { this.deferredNest--; if (this.deferredNest === 0) this.deferredFn.delete(outerFn); }
  }
  private deferredNest = 0;

  /** Ends of the immediately invoked closures being walked: a `defer` inside one runs at its end. */
  private inlineEnds: number[] = [];

  private walkInline(lit: SyntaxNode, env: Env): void {
    this.inlineEnds.push(lit.endIndex);
    this.pushScope();
    const params = this.paramFacts(lit.childForFieldName('parameters'));
    for (const p of params) this.declare(p.name, 'local', env, EMPTY, p.variadic ? `[]${p.type}` : p.type);
    const body = lit.childForFieldName('body');
    // Return inside the closure ends the closure, not the function: ignore its null result.
    if (body) this.walkBlock(body, env);
    this.popScope();
    this.inlineEnds.pop();
  }

  // ---- mitigations ------------------------------------------------------------------------

  private finishCalls(): CallFact[] {
    for (const pc of this.calls) {
      // `f := syscall.Syscall` is a static callee only if f is never assigned again (cmd/compile
      // ir.StaticValue); otherwise the call is dynamic.
      if (pc.funcVar && pc.fact.callee.kind === 'func' && this.assigns.some((a) => a.key === pc.funcVar)) {
        pc.fact.callee = { kind: 'indirect', name: pc.fact.calleeText, how: 'func-var', target: pc.fact.callee };
      }
      for (const p of pc.pending) {
        if (p.src.kind === 'param') continue;
        p.src.mit = this.mitigationFor(pc.ctx, p.keys);
      }
    }
    // A call inside a loop is walked once per round; the last walk saw the joined values.
    const bySpan = new Map<string, CallFact>();
    for (const c of this.calls) bySpan.set(`${c.fact.span.startLine}:${c.fact.span.startColumn}:${c.fact.span.endLine}:${c.fact.span.endColumn}`, c.fact);
    return [...bySpan.values()];
  }

  /** Judges what keeps the object named by `keys` alive across the call at `call` (DESIGN.md §3). */
  private mitigationFor(call: Ctx, keys: string[]): Mitigation {
    const mit: Mitigation = { pin: 'none' };
    if (keys.length === 0) return mit;
    const names = new Set(keys);
    const match = (ks: string[]): boolean => ks.some((k) => names.has(k));
    // runtime.KeepAlive after the call on some path, with the variable not reassigned in between;
    // or deferred anywhere in the function (the deferred call holds its argument until return).
    for (const ka of this.keepAlives) {
      if (!match(ka.keys) || ka.ctx.fn !== call.fn) continue;
      if (ka.ctx.deferred || (isReachableAfter(call, ka.ctx) && !this.isReassignedBetween(keys, call, ka.ctx))) {
        mit.keepAlive = ka.span;
        if (ka.via) mit.keepAliveVia = ka.via;
        else { delete mit.keepAliveVia; break; }
      }
    }
    // runtime.Pinner: Pin before the call and no Unpin between Pin and the call.
    const before = this.pins.filter((p) => match(p.keys) && p.ctx.end <= call.start && isReachableAfter(p.ctx, call));
    const after = this.pins.filter((p) => match(p.keys) && p.ctx.start >= call.end && !before.includes(p));
    for (const pin of before) {
      const unpin = this.unpins.find((u) => u.pinner === pin.pinner && !u.ctx.deferred && u.ctx.fn === call.fn &&
        u.ctx.start >= pin.ctx.end && u.ctx.end <= call.start && (dominates(u.ctx, call) || undoesInLoop(u.ctx, pin.ctx)));
      mit.pinner = pinnerName(pin.pinner);
      mit.pinSpan = pin.span;
      if (unpin) {
        mit.pin = 'unpinned-before';
        mit.unpinSpan = unpin.span;
      } else {
        mit.pin = 'covered';
        delete mit.unpinSpan;
        // For pointers the OS keeps after the call, only a pin this function never releases helps.
        if (!this.unpins.some((u) => u.pinner === pin.pinner)) mit.pinHeld = true;
        break;
      }
    }
    if (mit.pin === 'none' && after.length > 0) {
      const pin = after[0] as PinEvent;
      mit.pin = 'pinned-after';
      mit.pinner = pinnerName(pin.pinner);
      mit.pinSpan = pin.span;
    }
    return mit;
  }

  /** Reports whether any of `keys` is assigned after `from` and before `to` on every path to `to`. */
  private isReassignedBetween(keys: string[], from: Ctx, to: Ctx): boolean {
    return this.assigns.some((a) => keys.includes(a.key) && a.ctx.fn === to.fn && a.ctx.start >= from.end && a.ctx.end <= to.start && dominates(a.ctx, to));
  }

  private pinnerLeaks(): PinnerLeak[] {
    const out: PinnerLeak[] = [];
    for (const use of this.pinners.values()) {
      if (use.escapes || use.unpinned || use.pins.length === 0) continue;
      const first = use.pins[0] as { obj: string; span: Span };
      out.push({ pinner: use.name, obj: first.obj, pinSpan: first.span });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers over contexts and values

function pinnerName(key: string): string {
  return key.startsWith('field:') ? key.slice(6) : key.replace(/#\d+$/, '');
}

/** Reports whether `b` can run after `a`: later in the text and not in a sibling branch, or both
 * inside one loop (the back edge). Go liveness is "may be used later", so one path is enough. */
export function isReachableAfter(a: Ctx, b: Ctx): boolean {
  if (a.fn !== b.fn) return false;
  if (a.loops.some((l) => b.loops.includes(l))) return true;
  return b.start >= a.end && !isExclusive(a, b);
}

/** Reports whether two places sit in different arms of one if/switch/select. */
function isExclusive(a: Ctx, b: Ctx): boolean {
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const pa = a.path[i] as [number, number];
    const pb = b.path[i] as [number, number];
    if (pa[0] !== pb[0]) return false;
    if (pa[1] !== pb[1]) return true;
  }
  return false;
}

/** Reports whether `a` runs on every path that reaches `b` (its branch arms all contain `b`). */
function dominates(a: Ctx, b: Ctx): boolean {
  if (a.path.length > b.path.length) return false;
  for (let i = 0; i < a.path.length; i++) {
    const pa = a.path[i] as [number, number];
    const pb = b.path[i] as [number, number];
    if (pa[0] !== pb[0] || pa[1] !== pb[1]) return false;
  }
  return a.loops.every((l) => b.loops.includes(l));
}

/** Reports whether an Unpin later in the same loop iteration as the Pin always undoes it
 * (`for … { pin.Pin(x); …; pin.Unpin() }` leaves nothing pinned after the loop). */
function undoesInLoop(u: Ctx, pin: Ctx): boolean {
  const loop = u.loops[u.loops.length - 1];
  if (loop === undefined || !pin.loops.includes(loop)) return false;
  return dominates({ ...u, loops: [] }, { ...pin, loops: [] });
}

function joinEnvs(envs: Array<Env | null>): Env | null {
  const live = envs.filter((e): e is Env => e !== null);
  if (live.length === 0) return null;
  if (live.length === 1) return live[0] as Env;
  const out: Env = new Map(live[0]);
  for (const e of live.slice(1)) {
    for (const [k, v] of e) {
      const cur = out.get(k);
      out.set(k, cur ? join(cur, v) : v);
    }
  }
  return out;
}

/** `s.a.b` → ['a', 'b'] (the fields below the root variable). */
function fieldPath(sel: SyntaxNode): string[] {
  const out: string[] = [];
  let e: SyntaxNode | null = unparen(sel);
  while (e && e.type === 'selector_expression') {
    out.unshift(e.childForFieldName('field')?.text ?? '');
    const op: SyntaxNode | null = e.childForFieldName('operand');
    e = op ? unparen(op) : null;
    if (e && e.type === 'index_expression') e = e.childForFieldName('operand');
  }
  return out;
}

function setField(base: AV, path: string[], value: AV, weak = false): AV {
  if (path.length === 0) return weak ? join(base, value) : value;
  const [head, ...rest] = path as [string, ...string[]];
  const fields = new Map(base.fields ?? []);
  const cur = fields.get(head) ?? EMPTY;
  fields.set(head, setField(cur, rest, value, weak));
  return { ...base, fields };
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? one.slice(0, 57) + '…' : one;
}

/** The value of a constant integer index expression, or null. */
function constIndex(node: SyntaxNode | null | undefined): number | null {
  if (!node) return null;
  const n = unparen(node);
  if (n.type !== 'int_literal') return null;
  const v = Number(n.text.replace(/_/g, ''));
  return Number.isSafeInteger(v) ? v : null;
}

/** The key expression of a keyed literal element. */
function k0(el: SyntaxNode): SyntaxNode | null {
  const k = el.namedChildren[0];
  return k ? (k.namedChildren[0] ?? k) : null;
}

/** Removes a variable key from every object an environment's values refer to. */
function forgetKey(env: Env, key: string): void {
  for (const [k, v] of env) {
    if (mentions(v, key)) env.set(k, dropKey(v, key));
  }
}

function mentions(v: AV, key: string, depth = 0): boolean {
  if (depth > 6) return false;
  if (v.uptrs.some((u) => u.obj.keys.includes(key)) || v.ptrs.some((o) => o.keys.includes(key))) return true;
  for (const f of v.fields?.values() ?? []) if (mentions(f, key, depth + 1)) return true;
  for (const f of v.slots?.values() ?? []) if (mentions(f, key, depth + 1)) return true;
  return !!v.elems && mentions(v.elems, key, depth + 1);
}

function dropKey(v: AV, key: string): AV {
  const fix = (o: ObjFact): ObjFact => (o.keys.includes(key) ? { ...o, keys: o.keys.filter((k) => k !== key) } : o);
  const mapVals = <K>(m: Map<K, AV> | null): Map<K, AV> | null => (m ? new Map([...m].map(([k, x]) => [k, dropKey(x, key)])) : null);
  return {
    ...v,
    uptrs: v.uptrs.map((u) => (u.obj.keys.includes(key) ? { ...u, obj: fix(u.obj) } : u)),
    ptrs: v.ptrs.map(fix),
    fields: mapVals(v.fields),
    slots: mapVals(v.slots),
    elems: v.elems ? dropKey(v.elems, key) : null,
  };
}

/** The statement a call belongs to (the child of a statement list or block). */
function enclosingStatement(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node;
  while (n && n.parent && n.parent.type !== 'statement_list' && n.parent.type !== 'block') n = n.parent;
  return n && n.parent ? n : null;
}

/** Reports whether an expression can be moved without changing behaviour: names, fields,
 * constant or variable indexes, address-of and conversions of those. */
function isPure(node: SyntaxNode): boolean {
  const n = unparen(node);
  switch (n.type) {
    case 'identifier':
    case 'int_literal':
    case 'field_identifier':
      return true;
    case 'selector_expression':
      return isPure(n.childForFieldName('operand') as SyntaxNode);
    case 'index_expression': {
      const idx = n.childForFieldName('index');
      return isPure(n.childForFieldName('operand') as SyntaxNode) && !!idx && ['identifier', 'int_literal'].includes(unparen(idx).type);
    }
    case 'unary_expression':
      return ['&', '*'].includes(n.child(0)?.type ?? '') && isPure(n.childForFieldName('operand') as SyntaxNode);
    case 'call_expression': {
      const f = n.childForFieldName('function');
      const args = callArguments(n).args;
      // unsafe.Pointer(x) and (*T)(x) conversions; no other calls.
      return args.length === 1 && !!f && (unparen(f).type === 'selector_expression' && unparen(f).text.endsWith('.Pointer') || f.type === 'parenthesized_expression') && isPure(args[0] as SyntaxNode);
    }
    default:
      return false;
  }
}

/** Where a fix can add an import (the first import declaration), with its specs' lines. */
function importSiteOf(root: SyntaxNode): FileFacts['importSite'] {
  const decl = root.namedChildren.find((c) => c.type === 'import_declaration');
  if (!decl) return null;
  const text = root.sourceText;
  const list = decl.namedChildren.find((c) => c.type === 'import_spec_list');
  const specs = decl.descendantsOfType('import_spec').map((sp) => ({
    path: (sp.childForFieldName('path')?.text ?? '').replace(/^["`]|["`]$/g, ''),
    lineStart: text.lastIndexOf('\n', sp.startIndex - 1) + 1,
  }));
  if (list) {
    const open = list.children.find((c) => c.type === '(');
    const openEnd = open ? text.indexOf('\n', open.endIndex) + 1 : list.startIndex;
    return { openEnd, specs, parenthesized: true, declRange: { start: decl.startIndex, end: decl.endIndex } };
  }
  return { openEnd: decl.startIndex, specs, parenthesized: false, declRange: { start: decl.startIndex, end: decl.endIndex } };
}
