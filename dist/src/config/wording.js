// How configuration messages phrase things, shared by the schema, its error explainer and the
// loader: quoted names, "a, b or c" lists, a suggestion for a typo, and JSON pointers (RFC 6901
// escaping of "~" and "/" in keys).
export function escapePointer(key) {
    return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
export function pointerSegments(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
export function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export function quote(s) {
    return JSON.stringify(s);
}
export function listOr(items) {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
export function listAnd(items) {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** The candidate a typo most likely meant: case-insensitive edit distance within a third of its length. */
export function closest(word, candidates) {
    const w = word.toLowerCase();
    let best;
    let bestDist = Math.max(1, Math.floor(word.length / 3)) + 1;
    for (const c of candidates) {
        const d = editDistance(w, c.toLowerCase());
        if (d < bestDist) {
            best = c;
            bestDist = d;
        }
    }
    return best;
}
export function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
        }
        prev = cur;
    }
    return prev[b.length] ?? 0;
}
