import { spanOf } from '../go/syntax.js';
/**
 * The value `node` was last given in `env`, if nothing has written to `env` since. Asking the
 * value of an expression again is common: a method call asks its receiver's value to name the
 * callee, to find a procedure, to know whether the result carries it, and which object the result
 * points into. Each of those used to evaluate the receiver anew, and each receiver is a call
 * asking the same of its own receiver, so a chain `q.W(1).W(2)…W(n)` cost 3^n evaluations (16
 * links: over 30 s). Remembered, every subexpression is evaluated once per environment state.
 * Only a quiet evaluation (one that records nothing) may be answered from here.
 */
export function recall(cx, node, env) {
    const m = cx.memo.get(node);
    return m && m.env === env && m.version === env.version ? m.value : undefined;
}
/** Remembers the value `node` was just given in `env` (see recall). */
export function remember(cx, node, env, value) {
    cx.memo.set(node, { env, version: env.version, value });
    return value;
}
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
