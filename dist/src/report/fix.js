import { compareText } from '../model/order.js';
function overlaps(a, b) {
    if (a.start === a.end && b.start === b.end)
        return false; // two insertions at one point
    return a.start < b.end && b.start < a.end;
}
function sameEdit(a, b) {
    return a.start === b.start && a.end === b.end && a.newText === b.newText;
}
/** Plans the fixes of the shown (unsuppressed) findings, file by file, in a stable order. */
export function planFixes(findings, readSource) {
    const byPath = new Map();
    for (const f of findings) {
        const fix = f.suppression ? undefined : f.fixes?.[0];
        if (!fix)
            continue;
        const list = byPath.get(fix.path) ?? [];
        list.push(fix);
        byPath.set(fix.path, list);
    }
    const plans = [];
    for (const [path, fixes] of [...byPath].sort((a, b) => compareText(a[0], b[0]))) {
        const before = readSource(path);
        if (before === undefined)
            continue;
        const taken = [];
        const applied = [];
        const skipped = [];
        for (const fix of fixes) {
            const fresh = fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
            const inRange = fix.edits.every((e) => e.start >= 0 && e.end <= before.length && e.start <= e.end);
            if (!inRange || fresh.some((e) => taken.some((t) => overlaps(t, e)))) {
                skipped.push(fix);
                continue;
            }
            taken.push(...fresh);
            applied.push(fix);
        }
        // Apply from the end so earlier offsets stay valid; insertions at one point keep their order.
        const ordered = taken.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
        let after = before;
        for (const { e } of ordered)
            after = after.slice(0, e.start) + e.newText + after.slice(e.end);
        plans.push({ path, before, after, applied, skipped });
    }
    return plans;
}
/** A unified diff of two versions of a file (three lines of context). */
export function unifiedDiff(path, before, after) {
    if (before === after)
        return '';
    const a = before.split('\n');
    const b = after.split('\n');
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre])
        pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
        suf++;
    const am = a.slice(pre, a.length - suf);
    const bm = b.slice(pre, b.length - suf);
    const ops = [];
    if (am.length * bm.length <= 4_000_000) {
        const dp = Array.from({ length: am.length + 1 }, () => new Uint32Array(bm.length + 1));
        for (let i = am.length - 1; i >= 0; i--) {
            for (let j = bm.length - 1; j >= 0; j--) {
                dp[i][j] = am[i] === bm[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
            }
        }
        let i = 0;
        let j = 0;
        while (i < am.length || j < bm.length) {
            if (i < am.length && j < bm.length && am[i] === bm[j])
                ops.push({ kind: ' ', text: am[i++] }), j++;
            else if (i < am.length && (j === bm.length || dp[i + 1][j] >= dp[i][j + 1]))
                ops.push({ kind: '-', text: am[i++] });
            else
                ops.push({ kind: '+', text: bm[j++] });
        }
    }
    else {
        for (const t of am)
            ops.push({ kind: '-', text: t });
        for (const t of bm)
            ops.push({ kind: '+', text: t });
    }
    const all = [...a.slice(0, pre).map((t) => ({ kind: ' ', text: t })), ...ops, ...a.slice(a.length - suf).map((t) => ({ kind: ' ', text: t }))];
    // Group into hunks with 3 lines of context.
    const out = [`--- a/${path}`, `+++ b/${path}`];
    const changed = all.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
    let k = 0;
    while (k < changed.length) {
        const first = changed[k];
        let last = first;
        while (k + 1 < changed.length && changed[k + 1] - last <= 7)
            last = changed[++k];
        k++;
        const from = Math.max(0, first - 3);
        const to = Math.min(all.length, last + 4);
        let aStart = 1;
        let bStart = 1;
        for (let x = 0; x < from; x++) {
            if (all[x]?.kind !== '+')
                aStart++;
            if (all[x]?.kind !== '-')
                bStart++;
        }
        const slice = all.slice(from, to);
        const aLen = slice.filter((o) => o.kind !== '+').length;
        const bLen = slice.filter((o) => o.kind !== '-').length;
        out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
        for (const o of slice)
            out.push(`${o.kind}${o.text}`);
    }
    return out.join('\n') + '\n';
}
