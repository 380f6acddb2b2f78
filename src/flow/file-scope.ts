// What the flow analysis knows about one file before it walks any function body: its imports,
// the names it declares at package level (so a body can tell a global from a local), the types
// that matter (named uintptr types, function types with uintptr parameters, struct fields that
// hold procedures or Pinners) and the knowledge tables in force. Built once per file by the
// declaration scan (declarations.ts) and read, never changed, by everything that runs after it
// except the two counters that keep keys unique across the file.
import { cgoPreamble, preambleTypeNames } from '../go/cgo.js';
import type { SyntaxNode } from '../go/parse.js';
import type { NameScope } from '../go/predicates.js';
import type { FileFacts, ImportSpec } from '../model/facts.js';
import { CGO_PACKAGE, KEEP_ALIVE, NAMED_UINTPTR_TYPES, OS_ALLOCATORS, SINKS, sinkMethodNames, type SinkTable } from '../knowledge/index.js';
import { PREDECLARED_TYPES, type TypeView, type ViewEntry, viewKey } from '../model/view.js';
import { type Budget, unlimited } from './budget.js';

/** The domain tables extraction consults: the built-in ones, extended by configuration. */
export interface Knowledge {
  sinks: SinkTable;
  keepAlive: readonly { pkg: string; name: string }[];
  osAllocators: Record<string, readonly string[]>;
}

export const DEFAULT_KNOWLEDGE: Knowledge = { sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS };

export interface FileScope {
  readonly facts: FileFacts;
  readonly root: SyntaxNode;
  readonly text: string;
  readonly k: Knowledge;
  /** Name resolution at package level: nothing is local there. */
  readonly names: NameScope;
  /** Import name → import (dot and blank imports excluded). */
  readonly imports: Map<string, ImportSpec>;
  readonly dotImports: string[];
  readonly namedUintptrTypes: Set<string>;
  readonly pinnerFieldNames: Set<string>;
  readonly procFieldNames: Set<string>;
  readonly pkgFuncNames: Set<string>;
  readonly pkgVarNames: Set<string>;
  /** Function types of this file whose parameters include uintptr. */
  readonly uintptrFuncTypes: Set<string>;
  /** Struct types of this file: field name → type text. */
  readonly structFields: Map<string, Record<string, string>>;
  /** Struct types of this file: their fields in order, as [name, type] (TypeFact.order). */
  readonly structOrder: Map<string, Array<[string, string]>>;
  /** Package-level variables of array or struct value type: reading one copies it. */
  readonly pkgValueVars: Set<string>;
  readonly sinkMethodNames: Set<string>;
  readonly sinkFuncNames: Set<string>;
  /** C type names the cgo preamble declares with typedef (`C.req_t(x)` is then a conversion). */
  readonly cTypes: ReadonlySet<string>;
  /** The import path of the file's package, when the engine knows it (an unqualified call in
   * package syscall may be syscall.Syscall). */
  readonly importPath: string | null;
  /** What the type layer knows of names declared elsewhere (empty on the first analysis). */
  readonly view: TypeView;
  /** The view keys asked about, whether the view answered or not (FileFacts.lookups). */
  readonly lookups: Set<string>;
  /** File-wide counters: branch/loop/closure ids and variable key suffixes (`name#n`). */
  readonly seq: { nextId: number; varSeq: number };
  /** The analysis's time budget, checked from inside the walks (budget.ts). */
  readonly budget: Budget;
}

/** A file scope with its imports filled in; the declaration scan adds the declared names. */
export function newFileScope(facts: FileFacts, root: SyntaxNode, k: Knowledge, view: TypeView = {}, importPath: string | null = null, budget: Budget = unlimited()): FileScope {
  const imports = new Map<string, ImportSpec>();
  const dotImports: string[] = [];
  for (const imp of facts.imports) {
    if (imp.alias === '.') dotImports.push(imp.path);
    else if (imp.alias !== '_') imports.set(imp.name, imp);
  }
  const pkgFuncNames = new Set<string>();
  const namedUintptrTypes = new Set<string>();
  const lookups = new Set<string>();
  const fs: FileScope = {
    facts, root, text: root.sourceText, k, imports, dotImports, pkgFuncNames, namedUintptrTypes, view, lookups, importPath,
    names: {
      isLocal: () => false,
      importPath: (name) => imports.get(name)?.path,
      dotImports,
      isPkgFunc: (name) => pkgFuncNames.has(name),
      isNamedUintptrType: (name) => namedUintptrTypes.has(name) || (!PREDECLARED_TYPES.has(name) && ask(fs, null, name)?.kind === 'uintptr-type'),
      isImportedUintptrType: (pkg, name) => (NAMED_UINTPTR_TYPES[pkg]?.includes(name) ?? false) || ask(fs, pkg, name)?.kind === 'uintptr-type',
    },
    pinnerFieldNames: new Set(), procFieldNames: new Set(), pkgVarNames: new Set(), uintptrFuncTypes: new Set(),
    structFields: new Map(), structOrder: new Map(), pkgValueVars: new Set(),
    sinkMethodNames: sinkMethodNames(k.sinks),
    sinkFuncNames: new Set(Object.values(k.sinks.funcs).flat()),
    cTypes: facts.imports.some((i) => i.path === CGO_PACKAGE) ? preambleTypeNames(cgoPreamble(root) ?? '') : new Set(),
    seq: { nextId: 1, varSeq: 0 },
    budget,
  };
  return fs;
}


/** Asks the type layer about `name` of package `pkg` (null: this file's package), recording the
 * question so the engine knows which answers this file's facts depend on. */
export function ask(fs: FileScope, pkg: string | null, name: string): ViewEntry | undefined {
  const key = viewKey(pkg, name);
  fs.lookups.add(key);
  return fs.view[key];
}

/** The fields of the struct type `T` or `pkg.T` in declaration order, as [name, type text]:
 * from the file's own declarations, else from the type layer. */
export function structFields(fs: FileScope, type: string): Array<[string, string]> | undefined {
  const m = /^(?:(\w+)\.)?(\w+)$/.exec(type);
  if (!m) return undefined;
  const [, qual, name] = m as unknown as [string, string | undefined, string];
  if (!qual) {
    const own = fs.structOrder.get(name);
    if (own) return own;
  }
  const pkg = qual ? fs.imports.get(qual)?.path : null;
  if (pkg === undefined) return undefined;
  const entry = ask(fs, pkg, `${name}!fields`);
  return entry?.kind === 'fields' ? entry.order : undefined;
}
