import { shorten, spanOf, typeText } from '../go/syntax.js';
import { escapePinners } from './context.js';
import { evalExpr } from './expressions.js';
import { rootVar } from './objects.js';
import { typedZero } from './typing.js';
import { lookup } from './scope.js';
import { EMPTY, INT, allElems, held, isEmpty, join } from './value.js';
/** The predeclared functions that move values (append, copy) or make fresh memory (make, new). */
export function evalBuiltin(cx, call, f, args, spread, env, ctx, quiet) {
    if (f.type === 'identifier' && !lookup(cx, f.text) && !cx.file.pkgFuncNames.has(f.text)) {
        switch (f.text) {
            case 'append': {
                const [first, ...rest] = args;
                const base = first ? evalExpr(cx, first, env, ctx, quiet) : EMPTY;
                let elems = allElems(base);
                for (const a of rest) {
                    const v = evalExpr(cx, a, env, ctx, quiet);
                    escapePinners(cx, v);
                    const contribution = spread ? allElems(v) ?? EMPTY : held(v, 'elem', `append(…)`, spanOf(a));
                    elems = elems ? join(elems, contribution) : contribution;
                }
                return { ...base, elems: elems && !isEmpty(elems) ? elems : base.elems, slots: null };
            }
            case 'copy': {
                const [dst, src] = args;
                if (dst && src) {
                    const sv = evalExpr(cx, src, env, ctx, quiet);
                    const root = rootVar(cx, dst);
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
                const obj = { name: shorten(call.text), keys: [], kind: 'temp', stack: false, fresh: true };
                return { ...typedZero(cx.file, t, EMPTY), ptrs: [obj] };
            }
            case 'len':
            case 'cap':
                // len(b) reads the length word only: it keeps nothing alive (no use, issue 9).
                cx.pos.noUse++;
                try {
                    for (const a of args)
                        evalExpr(cx, a, env, ctx, quiet);
                }
                finally {
                    cx.pos.noUse--;
                }
                return INT;
            case 'min':
            case 'max':
            case 'complex':
            case 'real':
            case 'imag':
            case 'print':
            case 'println':
            case 'panic':
            case 'recover':
            case 'clear':
            case 'delete':
            case 'close':
                for (const a of args)
                    evalExpr(cx, a, env, ctx, quiet);
                return EMPTY;
            default:
                break;
        }
    }
    return null;
}
