import { visit } from './budget.js';
import { dominates, isReachableAfter, undoesInLoop } from './reach.js';
export function pinnerName(key) {
    return key.startsWith('field:') ? key.slice(6) : key.replace(/#\d+$/, '');
}
export function finishCalls(cx) {
    for (const pc of cx.log.calls) {
        // `f := syscall.Syscall` is a static callee only if f is never assigned again (cmd/compile
        // ir.StaticValue); otherwise the call is dynamic.
        if (pc.funcVar && pc.fact.callee.kind === 'func' && cx.log.assigns.some((a) => a.key === pc.funcVar)) {
            pc.fact.callee = { kind: 'indirect', name: pc.fact.calleeText, how: 'func-var', target: pc.fact.callee };
        }
        for (const p of pc.pending) {
            if (p.src.kind === 'param')
                continue;
            p.src.mit = mitigationFor(cx, pc.ctx, p.keys);
        }
    }
    // A call inside a loop is walked once per round; the last walk saw the joined values.
    const bySpan = new Map();
    for (const c of cx.log.calls)
        bySpan.set(`${c.fact.span.startLine}:${c.fact.span.startColumn}:${c.fact.span.endLine}:${c.fact.span.endColumn}`, c.fact);
    return [...bySpan.values()];
}
/** Judges what keeps the object named by `keys` alive across the call at `call` (DESIGN.md §3). */
export function mitigationFor(cx, call, keys) {
    visit(cx.file.budget);
    const mit = { pin: 'none' };
    if (keys.length === 0)
        return mit;
    const names = new Set(keys);
    const match = (ks) => ks.some((k) => names.has(k));
    // runtime.KeepAlive after the call on some path, with the variable not reassigned in between;
    // or deferred anywhere in the function (the deferred call holds its argument until return).
    for (const ka of cx.log.keepAlives) {
        // Calls × events × assignments: bounded by the file's time limit, not by the walk's.
        visit(cx.file.budget);
        if (!match(ka.keys) || ka.ctx.fn !== call.fn)
            continue;
        if (ka.ctx.deferred || (isReachableAfter(call, ka.ctx) && !isReassignedBetween(cx, keys, call, ka.ctx))) {
            mit.keepAlive = ka.span;
            if (ka.via)
                mit.keepAliveVia = ka.via;
            else {
                delete mit.keepAliveVia;
                break;
            }
        }
    }
    judgeUses(cx, call, keys, mit);
    // Handed to the caller by a return after the call: the caller holds it from then on.
    if (cx.log.returns.some((r) => match(r.keys) && r.ctx.fn === call.fn && isReachableAfter(call, r.ctx)))
        mit.returned = true;
    // runtime.Pinner: Pin before the call and no Unpin between Pin and the call.
    const before = cx.log.pins.filter((p) => match(p.keys) && p.ctx.end <= call.start && isReachableAfter(p.ctx, call));
    const after = cx.log.pins.filter((p) => match(p.keys) && p.ctx.start >= call.end && !before.includes(p));
    for (const pin of before) {
        const unpin = cx.log.unpins.find((u) => u.pinner === pin.pinner && !u.ctx.deferred && u.ctx.fn === call.fn &&
            u.ctx.start >= pin.ctx.end && u.ctx.end <= call.start && (dominates(u.ctx, call) || undoesInLoop(u.ctx, pin.ctx)));
        mit.pinner = pinnerName(pin.pinner);
        mit.pinSpan = pin.span;
        if (unpin) {
            mit.pin = 'unpinned-before';
            mit.unpinSpan = unpin.span;
        }
        else {
            mit.pin = 'covered';
            delete mit.unpinSpan;
            // For pointers the OS keeps after the call, only a pin this function never releases helps.
            if (!cx.log.unpins.some((u) => u.pinner === pin.pinner))
                mit.pinHeld = true;
            break;
        }
    }
    if (mit.pin === 'none' && after.length > 0) {
        const pin = after[0];
        mit.pin = 'pinned-after';
        mit.pinner = pinnerName(pin.pinner);
        mit.pinSpan = pin.span;
    }
    return mit;
}
/** What visibly keeps the object alive across the call without being meant to (issue 9): a
 * later read of a variable naming it, a store in a package-level variable before the call. */
function judgeUses(cx, call, keys, mit) {
    // A later use in the text comes first; one only the loop's back edge reaches, else.
    const order = (u) => (u.ctx.start >= call.end ? u.ctx.start : Number.MAX_SAFE_INTEGER / 2 + u.ctx.start);
    let first;
    for (const k of keys) {
        for (const use of cx.log.uses.get(k)?.values() ?? []) {
            visit(cx.file.budget);
            if (use.ctx.fn !== call.fn || (first && order(first) <= order(use)))
                continue;
            // Inside the call itself (its own arguments) is not after it.
            if (use.ctx.start >= call.start && use.ctx.end <= call.end)
                continue;
            if (!isReachableAfter(call, use.ctx) || isReassignedBetween(cx, keys, call, use.ctx))
                continue;
            first = use;
        }
    }
    if (first)
        mit.usedAfter = first.span;
    const names = new Set(keys);
    const store = cx.log.globalStores.find((g) => g.ctx.fn === call.fn && g.ctx.end <= call.start && g.keys.some((k) => names.has(k)) &&
        isReachableAfter(g.ctx, call) && !isReassignedBetween(cx, keys, g.ctx, call));
    if (store)
        mit.storedGlobal = { span: store.span, holder: store.holder };
}
/** Reports whether any of `keys` is assigned after `from` and before `to` on every path to `to`. */
export function isReassignedBetween(cx, keys, from, to) {
    return cx.log.assigns.some((a) => keys.includes(a.key) && a.ctx.fn === to.fn && a.ctx.start >= from.end && a.ctx.end <= to.start && dominates(a.ctx, to));
}
export function pinnerLeaks(cx) {
    const out = [];
    for (const use of cx.log.pinners.values()) {
        if (use.escapes || use.unpinned || use.pins.length === 0)
            continue;
        const first = use.pins[0];
        out.push({ pinner: use.name, obj: first.obj, pinSpan: first.span });
    }
    return out;
}
