import { compareText } from '../model/order.js';
import { createTwoFilesPatch } from 'diff';
import { breakRunnerPrefix, terminalSafe } from './escape.js';
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
/** A unified diff of two versions of a file: three lines of context, one hunk per change (hunks
 * closer than twice the context merge, as in diff -u). jsdiff's Myers diff costs O(N·D), so a
 * two-line change to a large file is a two-hunk diff, not a replacement of the file.
 *
 * The diff is printed (`--fix --dry-run`), so what comes from the tree is made inert for a terminal
 * or a CI log (escape.ts): jsdiff C-quotes a file name with controls or non-ASCII as git does, and a
 * `##[` in it is written `#\043[` inside quotes, which git and patch read as the same name; each
 * context or changed line is terminal-safe, so a line holding a control character or a CI command
 * is shown escaped and its hunk no longer applies as a patch (the CR of a CRLF line is its line
 * ending and stays). `--fix` itself writes the true bytes. */
export function unifiedDiff(path, before, after) {
    if (before === after)
        return '';
    const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
    // jsdiff starts the patch with a line of '=' (its Index-style separator); diff -u does not.
    const lines = patch.replace(/^=+\n/, '').split('\n');
    // The two file headers first, then hunk headers (`@@`), `\ No newline` notes and content lines
    // (a one-character mark, then the line).
    return lines.map((l, i) => (i < 2 ? headerLine(l) : l.startsWith('@@') || l.startsWith('\\') || l === '' ? l : l.charAt(0) + diffLine(l.slice(1)))).join('\n');
}
/** `--- name` or `+++ name`; a name without quotes needed none (no control, quote or backslash). */
function headerLine(l) {
    if (!l.includes('##['))
        return l;
    const name = l.slice(4);
    return l.slice(0, 4) + breakRunnerPrefix(name.startsWith('"') ? name : `"${name}"`, '\\043');
}
function diffLine(line) {
    const crlf = line.endsWith('\r');
    return crlf ? `${terminalSafe(line.slice(0, -1))}\r` : terminalSafe(line);
}
