import { isUnsafeMember, qualified } from '../go/predicates.js';
import { spanOf, unparen } from '../go/syntax.js';
import { PINNER } from '../knowledge/index.js';
import { evalExpr } from './expressions.js';
import { objOf, rootVar } from './objects.js';
import { lookup } from './scope.js';
import { EMPTY } from './value.js';
/** runtime.KeepAlive and Pinner.Pin/Unpin: logged for the mitigation judgements. Null when
 * `call` is neither. */
export function recordKeepAliveOrPin(cx, call, f, args, env, ctx, quiet) {
    const q = qualified(cx.names, f);
    if (q && cx.file.k.keepAlive.some((k) => k.pkg === q.pkg && k.name === q.name)) {
        const arg = args[0];
        if (arg) {
            const obj = objOf(cx, arg, env, ctx);
            const root = rootVar(cx, arg);
            const keys = [...(obj?.keys ?? []), ...(root ? [root.key] : [])];
            if (!quiet)
                cx.log.keepAlives.push({ keys, ctx, span: spanOf(call) });
        }
        return EMPTY;
    }
    if (f.type === 'selector_expression') {
        const method = f.childForFieldName('field')?.text ?? '';
        const recvNode = f.childForFieldName('operand');
        if (recvNode && (method === PINNER.pin || method === PINNER.unpin)) {
            const rv = evalExpr(cx, recvNode, env, ctx, true);
            const root = rootVar(cx, recvNode);
            if (rv.pinner && !quiet) {
                const pinnerKey = root && unparen(recvNode).type === 'identifier' ? root.key : `field:${unparen(recvNode).text}`;
                if (method === PINNER.pin) {
                    const arg = args[0];
                    const obj = arg ? objOf(cx, arg, env, ctx) : null;
                    const argRoot = arg ? rootVar(cx, arg) : undefined;
                    const keys = [...(obj?.keys ?? []), ...(argRoot ? [argRoot.key] : [])];
                    cx.log.pins.push({ pinner: pinnerKey, keys, ctx, span: spanOf(call) });
                    const use = cx.log.pinners.get(pinnerKey);
                    if (use)
                        use.pins.push({ obj: arg ? arg.text : '?', span: spanOf(call) });
                }
                else {
                    cx.log.unpins.push({ pinner: pinnerKey, ctx, span: spanOf(call) });
                    const use = cx.log.pinners.get(pinnerKey);
                    if (use)
                        use.unpinned = true;
                }
                return EMPTY;
            }
        }
    }
    return null;
}
/** The legacy `use(unsafe.Pointer(p))` keep-alive: a candidate, judged against the index
 * (it counts only if `use` is bodyless or stores its argument globally; DESIGN.md §3). */
export function noteLegacyUse(cx, call, f, args, env, ctx, quiet) {
    if (!quiet && f.type === 'identifier' && !lookup(cx, f.text) && args.length === 1) {
        const a0 = unparen(args[0]);
        const fa = a0.type === 'call_expression' ? a0.childForFieldName('function') : null;
        if (fa && isUnsafeMember(cx.names, unparen(fa), 'Pointer')) {
            const obj = objOf(cx, a0, env, ctx);
            if (obj)
                cx.log.keepAlives.push({ keys: obj.keys, ctx, span: spanOf(call), via: f.text });
        }
    }
}
