// Reachability between two places of one function, from their position in the walk: the branch
// arms (if/switch/select) and loops around each, and their text offsets. This is all the
// control flow the mitigation judgements need (DESIGN.md §3): Go liveness is "may be used
// later", so one path from the call to a KeepAlive is enough, while an Unpin or a reassignment
// counts only when it runs on every path.
/** Reports whether `b` can run after `a`: later in the text and not in a sibling branch, or both
 * inside one loop (the back edge). Go liveness is "may be used later", so one path is enough. */
export function isReachableAfter(a, b) {
    if (a.fn !== b.fn)
        return false;
    if (a.loops.some((l) => b.loops.includes(l)))
        return true;
    return b.start >= a.end && !isExclusive(a, b);
}
/** Reports whether two places sit in different arms of one if/switch/select. */
export function isExclusive(a, b) {
    const n = Math.min(a.path.length, b.path.length);
    for (let i = 0; i < n; i++) {
        const pa = a.path[i];
        const pb = b.path[i];
        if (pa[0] !== pb[0])
            return false;
        if (pa[1] !== pb[1])
            return true;
    }
    return false;
}
/** Reports whether `a` runs on every path that reaches `b` (its branch arms all contain `b`). */
export function dominates(a, b) {
    if (a.path.length > b.path.length)
        return false;
    for (let i = 0; i < a.path.length; i++) {
        const pa = a.path[i];
        const pb = b.path[i];
        if (pa[0] !== pb[0] || pa[1] !== pb[1])
            return false;
    }
    return a.loops.every((l) => b.loops.includes(l));
}
/** Reports whether an Unpin later in the same loop iteration as the Pin always undoes it
 * (`for … { pin.Pin(x); …; pin.Unpin() }` leaves nothing pinned after the loop). */
export function undoesInLoop(u, pin) {
    const loop = u.loops[u.loops.length - 1];
    if (loop === undefined || !pin.loops.includes(loop))
        return false;
    return dominates({ ...u, loops: [] }, { ...pin, loops: [] });
}
