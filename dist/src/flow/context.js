import { spanOf } from '../go/syntax.js';
/** Where `node` sits in the walk, for judging mitigations later. */
export function ctxOf(cx, node) {
    const fn = cx.pos.fnStack[cx.pos.fnStack.length - 1] ?? 0;
    return {
        fn,
        path: cx.pos.path.slice(),
        loops: cx.pos.loops.slice(),
        start: node.startIndex,
        end: node.endIndex,
        deferred: cx.pos.deferredFn.has(fn),
    };
}
/** A Pinner that is passed on, stored or returned may be unpinned elsewhere. */
export function escapePinners(cx, v) {
    if (!v.pinner)
        return;
    for (const use of cx.log.pinners.values())
        use.escapes = true;
}
/** Logs a read of the variable `key` at `node` (see UseEvent). */
export function noteUse(cx, key, node) {
    if (cx.pos.noUse > 0)
        return;
    let at = cx.log.uses.get(key);
    if (!at)
        cx.log.uses.set(key, (at = new Map()));
    if (at.has(node.startIndex))
        return;
    at.set(node.startIndex, { ctx: ctxOf(cx, node), span: spanOf(node) });
}
