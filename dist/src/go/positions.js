// Source positions: the line table and offset conversions shared by the parser copy, SARIF
// regions, fixes and the text format's excerpts, and the one rule for the BOM the parser must not
// see.
/** Go ignores a leading BOM; the parser does not, so it sees a space in its place (same offsets). */
export function textForParser(text) {
    return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}
/**
 * Offsets of the first UTF-16 unit of every line (index 0 = line 1). Lines end at LF, as
 * tree-sitter counts rows, so positions from the parser and from fixes agree.
 */
export function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** Converts a UTF-16 offset to a 0-based row and column, by binary search in `starts`. */
export function pointAt(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return { row: lo, column: offset - (starts[lo] ?? 0) };
}
/** Converts a UTF-16 offset to a 1-based line and column. */
export function positionAt(starts, offset) {
    const p = pointAt(starts, offset);
    return { line: p.row + 1, column: p.column + 1 };
}
/**
 * Line `n` (1-based) of `text` without its terminator (the LF, and a CR before it), or undefined
 * past the end; `starts` is `lineStarts(text)`, built once per file so that looking up many lines
 * costs no more than reading the text once.
 */
export function lineText(text, starts, n) {
    const start = n >= 1 ? starts[n - 1] : undefined;
    if (start === undefined)
        return undefined;
    const next = starts[n];
    let end = next === undefined ? text.length : next - 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d)
        end--;
    return text.slice(start, end);
}
