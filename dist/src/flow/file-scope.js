// What the flow analysis knows about one file before it walks any function body: its imports,
// the names it declares at package level (so a body can tell a global from a local), the types
// that matter (named uintptr types, function types with uintptr parameters, struct fields that
// hold procedures or Pinners) and the knowledge tables in force. Built once per file by the
// declaration scan (declarations.ts) and read, never changed, by everything that runs after it
// except the two counters that keep keys unique across the file.
import { cgoPreamble, preambleTypeNames } from '../go/cgo.js';
import { CGO_PACKAGE, KEEP_ALIVE, NAMED_UINTPTR_TYPES, OS_ALLOCATORS, SINKS, sinkMethodNames } from '../knowledge/index.js';
import { PREDECLARED_TYPES, viewKey } from '../model/view.js';
import { unlimited } from './budget.js';
export const DEFAULT_KNOWLEDGE = { sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS };
/** A file scope with its imports filled in; the declaration scan adds the declared names. */
export function newFileScope(facts, root, k, view = {}, importPath = null, budget = unlimited()) {
    const imports = new Map();
    const dotImports = [];
    for (const imp of facts.imports) {
        if (imp.alias === '.')
            dotImports.push(imp.path);
        else if (imp.alias !== '_')
            imports.set(imp.name, imp);
    }
    const pkgFuncNames = new Set();
    const namedUintptrTypes = new Set();
    const lookups = new Set();
    const fs = {
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
export function ask(fs, pkg, name) {
    const key = viewKey(pkg, name);
    fs.lookups.add(key);
    return fs.view[key];
}
/** The fields of the struct type `T` or `pkg.T` in declaration order, as [name, type text]:
 * from the file's own declarations, else from the type layer. */
export function structFields(fs, type) {
    const m = /^(?:(\w+)\.)?(\w+)$/.exec(type);
    if (!m)
        return undefined;
    const [, qual, name] = m;
    if (!qual) {
        const own = fs.structOrder.get(name);
        if (own)
            return own;
    }
    const pkg = qual ? fs.imports.get(qual)?.path : null;
    if (pkg === undefined)
        return undefined;
    const entry = ask(fs, pkg, `${name}!fields`);
    return entry?.kind === 'fields' ? entry.order : undefined;
}
