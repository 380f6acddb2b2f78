import { KEEP_ALIVE, OS_ALLOCATORS, SINKS, sinkMethodNames } from '../knowledge/index.js';
export const DEFAULT_KNOWLEDGE = { sinks: SINKS, keepAlive: KEEP_ALIVE, osAllocators: OS_ALLOCATORS };
/** A file scope with its imports filled in; the declaration scan adds the declared names. */
export function newFileScope(facts, root, k) {
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
    return {
        facts, root, text: root.sourceText, k, imports, dotImports, pkgFuncNames, namedUintptrTypes,
        names: {
            isLocal: () => false,
            importPath: (name) => imports.get(name)?.path,
            dotImports,
            isPkgFunc: (name) => pkgFuncNames.has(name),
            isNamedUintptrType: (name) => namedUintptrTypes.has(name),
        },
        pinnerFieldNames: new Set(), procFieldNames: new Set(), pkgVarNames: new Set(), uintptrFuncTypes: new Set(),
        structFields: new Map(), pkgValueVars: new Set(),
        sinkMethodNames: sinkMethodNames(k.sinks),
        sinkFuncNames: new Set(Object.values(k.sinks.funcs).flat()),
        seq: { nextId: 1, varSeq: 0 },
    };
}
