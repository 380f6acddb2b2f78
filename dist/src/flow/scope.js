import { isPinnerType, isValueType } from './typing.js';
/** A fresh context for walking one function (or a package-level initializer) of the file. */
export function newFnContext(file, ops, fnId) {
    const cx = {
        file,
        ops,
        names: {
            isLocal: (name) => lookup(cx, name) !== undefined,
            importPath: file.names.importPath,
            dotImports: file.dotImports,
            isPkgFunc: file.names.isPkgFunc,
            isNamedUintptrType: file.names.isNamedUintptrType,
            isImportedUintptrType: file.names.isImportedUintptrType,
        },
        scopes: [new Map()],
        scopeRanges: [{ start: 0, end: Number.MAX_SAFE_INTEGER }],
        log: { keepAlives: [], pins: [], unpins: [], assigns: [], calls: [], pinners: new Map(), returns: [], uses: new Map(), globalStores: [] },
        pos: { path: [], loops: [], loopNest: 0, loopExits: [], fnStack: [fnId], deferredFn: new Set(), deferredNest: 0, inlineEnds: [], noUse: 0 },
        out: { inlineFixes: [], storesParam: false, foreignReturns: 0, otherReturns: 0, resultKeys: [], returns: [], exits: [] },
        memo: new Map(),
    };
    return cx;
}
export function declare(cx, name, kind, env, value, type, paramIndex, valueInit = false) {
    if (name === '_')
        return null;
    const key = `${name}#${++cx.file.seq.varSeq}`;
    const info = { key, name, kind };
    if (type !== undefined)
        info.type = type;
    if (valueInit || (type !== undefined && isValueType(cx.file, type)))
        info.isValue = true;
    if (paramIndex !== undefined)
        info.paramIndex = paramIndex;
    cx.scopes[cx.scopes.length - 1]?.set(name, info);
    // Parameter objects get their key now that it exists.
    const fixed = value.ptrs.length > 0
        ? { ...value, ptrs: value.ptrs.map((o) => (o.kind === 'param' && o.keys.length === 0 ? { ...o, keys: [key] } : o)) }
        : value;
    env.set(key, fixed);
    if (fixed.pinner || (type && isPinnerType(cx.file, type))) {
        cx.log.pinners.set(key, { name, key, escapes: kind === 'param', unpinned: false, pins: [] });
    }
    return info;
}
export function lookup(cx, name) {
    for (let i = cx.scopes.length - 1; i >= 0; i--) {
        const v = cx.scopes[i]?.get(name);
        if (v)
            return v;
    }
    return undefined;
}
/** Opens the scope of `node` (a block, an if/for/switch header, a case clause, a function
 * literal). Its range tells a fix which names are visible after a statement (fix-sites.ts). */
export function pushScope(cx, node) {
    cx.scopes.push(new Map());
    cx.scopeRanges.push({ start: node.startIndex, end: node.endIndex });
}
export function popScope(cx) {
    cx.scopes.pop();
    cx.scopeRanges.pop();
}
