// The analysis's share of the per-file time limit (model/limits.ts, docs/robustness.md), checked
// from inside the walks: a single function or package-level initializer can be hostile on its
// own (a long method chain, a generated initializer), so checking only between declarations let
// one declaration run unbounded. Every unit of evaluation calls `visit`; one call in
// CHECK_EVERY reads the clock, so the check costs a counter increment almost always.
/** Thrown out of a walk when the file's analysis passes its deadline; the declaration scan
 * (declarations.ts) catches it and skips what is left, engine/extract.ts is the net under it. */
export class AnalysisTimeout extends Error {
    constructor() {
        super('the analysis of the file passed its time limit');
        this.name = 'AnalysisTimeout';
    }
}
/** A power of two: the clock is read once per this many visits (about a millisecond of work). */
const CHECK_EVERY = 1024;
let work = 0;
/** A budget with no deadline (tests, package-level helpers outside a file's analysis). */
export function unlimited() {
    return { deadline: Infinity, visits: 0 };
}
/** Counts one unit of evaluation; throws AnalysisTimeout once the deadline has passed. */
export function visit(b) {
    work++;
    if ((++b.visits & (CHECK_EVERY - 1)) !== 0)
        return;
    b.beat?.();
    if (performance.now() > b.deadline)
        throw new AnalysisTimeout();
}
/** The units of evaluation this thread has done so far: tests compare it across inputs of
 * growing size to show the work grows linearly (no timed assertions). */
export function flowWork() {
    return work;
}
