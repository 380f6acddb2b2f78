import { escapeHtml } from './common.js';
import { htmlText } from '../report/escape.js';
/** Lines of context around the primary location, and around each related one. */
const PRIMARY_RADIUS = 2;
const RELATED_RADIUS = 1;
/**
 * The excerpt blocks for a finding's places, primary first: one block per run of nearby lines of
 * a file (ranges that overlap or touch are merged), each place marked where it is.
 */
export function excerptBlocks(marks) {
    const blocks = [];
    for (const m of marks) {
        const r = m.label === 0 ? PRIMARY_RADIUS : RELATED_RADIUS;
        const from = Math.max(1, m.location.startLine - r);
        const to = m.location.endLine + r;
        const near = blocks.find((b) => b.path === m.location.path && from <= b.to + 1 && to >= b.from - 1);
        if (near) {
            near.from = Math.min(near.from, from);
            near.to = Math.max(near.to, to);
            near.marks.push(m);
        }
        else {
            blocks.push({ path: m.location.path, from, to, marks: [m] });
        }
    }
    // Merging can make two earlier blocks touch; one more pass joins them.
    for (let i = 0; i < blocks.length; i++) {
        for (let j = i + 1; j < blocks.length; j++) {
            const a = blocks[i];
            const b = blocks[j];
            if (a.path !== b.path || b.from > a.to + 1 || b.to < a.from - 1)
                continue;
            a.from = Math.min(a.from, b.from);
            a.to = Math.max(a.to, b.to);
            a.marks.push(...b.marks);
            blocks.splice(j--, 1);
        }
    }
    return blocks;
}
/** Reports whether block `b` shows line `line` of `path`. */
export function blockShows(b, path, line) {
    return b.path === path && b.from <= line && line <= b.to;
}
/**
 * One block as `<pre>`, with line numbers, every place's span marked (the primary in the error
 * colour, related places numbered). Columns are UTF-16 units (types.ts), which is how JavaScript
 * strings index, so slicing needs no conversion. Returns '' when the source cannot be read.
 */
export function renderBlock(b, ctx) {
    const all = linesOf(b.path, ctx);
    if (all === undefined)
        return '';
    const last = Math.min(all.length, b.to);
    if (b.from > last)
        return '';
    const width = String(last).length;
    const out = [];
    for (let n = b.from; n <= last; n++) {
        const t = (all[n - 1] ?? '').replace(/\r$/, '');
        const spans = lineSpans(b.marks, n, t.length);
        const num = `<span class="ln">${String(n).padStart(width)}</span>`;
        out.push(spans.length === 0 ? `${num}${escapeHtml(t)}` : `<span class="hl">${num}${markLine(t, spans)}</span>`);
    }
    return `<pre class="code" data-path="${htmlText(b.path)}">${out.join('\n')}</pre>`;
}
/** Each file's lines, split once per report: a file with many findings has many blocks, and
 * splitting it for each made the HTML audit quadratic in its findings. */
const linesByContext = new WeakMap();
function linesOf(path, ctx) {
    let byPath = linesByContext.get(ctx);
    if (!byPath)
        linesByContext.set(ctx, (byPath = new Map()));
    if (!byPath.has(path)) {
        const text = ctx.readSource(path);
        const all = text?.split('\n');
        // The newline that ends the last line starts no line of its own.
        if (all && all.length > 1 && all[all.length - 1] === '')
            all.pop();
        byPath.set(path, all);
    }
    return byPath.get(path);
}
/** The marked column ranges of line `n`, sorted and without overlaps (the earlier place wins). */
function lineSpans(marks, n, length) {
    const spans = [];
    for (const m of marks) {
        const l = m.location;
        if (n < l.startLine || n > l.endLine)
            continue;
        const from = n === l.startLine ? Math.min(Math.max(l.startColumn - 1, 0), length) : 0;
        const to = n === l.endLine ? Math.min(Math.max(l.endColumn - 1, from), length) : length;
        spans.push({ from, to, label: m.label });
    }
    spans.sort((a, b) => a.from - b.from || a.label - b.label);
    const kept = [];
    for (const s of spans) {
        const prev = kept[kept.length - 1];
        if (prev && s.from < prev.to)
            continue;
        kept.push(s);
    }
    return kept;
}
function markLine(t, spans) {
    let out = '';
    let at = 0;
    for (const s of spans) {
        out += escapeHtml(t.slice(at, s.from));
        const body = escapeHtml(t.slice(s.from, s.to));
        const tag = s.label === 0 ? '' : `<sup class="label">${s.label}</sup>`;
        out += s.from === s.to
            ? `<mark class="${s.label === 0 ? 'empty' : 'rel empty'}"></mark>${tag}`
            : `<mark${s.label === 0 ? '' : ' class="rel"'}>${body}</mark>${tag}`;
        at = s.to;
    }
    return out + escapeHtml(t.slice(at));
}
