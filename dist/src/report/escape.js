// Strings from the scanned tree (file and directory names, source lines, comments, module paths and
// versions) are untrusted (DESIGN.md §5c), and several outputs are read by something that acts on
// what it reads:
//   a terminal    ESC and C1 sequences (colours, cursor moves, window titles, hyperlinks), and
//                 every line break (LF, CR, VT, FF, NEL, U+2028/2029); bidirectional overrides
//                 reorder what is shown (CVE-2021-42574, "Trojan Source");
//   a CI runner   GitHub Actions reads `::command ...::data` at the start of a line, after leading
//                 white space, and the older `##[command]data` anywhere in a line (actions/runner
//                 src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse), and splits lines
//                 at CR as well as LF;
//   Markdown      GitHub renders a pasted report: tags, links, images, code spans, table cells;
//   HTML          tags and attributes.
// This module owns those escapes; the reporters call it for every tree-derived string. JSON and
// SARIF escape by construction (JSON.stringify) and only need the code points it leaves raw.
/** What a terminal or a CI log reader may act on, as inclusive code point ranges: C0 controls but
 * tab, DEL and C1, the Unicode line and paragraph separators, and the bidirectional embedding,
 * override and isolate controls. Each is one UTF-16 unit. */
const CONTROLS = [
    [0x00, 0x08], [0x0a, 0x1f], [0x7f, 0x9f], [0x2028, 0x2029], [0x202a, 0x202e], [0x2066, 0x2069],
];
function u(cp) {
    return `\\u${cp.toString(16).padStart(4, '0')}`;
}
function controlClass(ranges) {
    return `[${ranges.map(([lo, hi]) => `${u(lo)}-${u(hi)}`).join('')}]`;
}
const CONTROL = new RegExp(controlClass(CONTROLS), 'g');
/** The same without LF, for a whole document whose own lines must stay lines. */
const CONTROL_BUT_LF = new RegExp(controlClass([[0x00, 0x08], [0x0b, 0x1f], ...CONTROLS.slice(2)]), 'g');
/** The second `#` of `##[`, GitHub's older workflow-command prefix, which counts anywhere in a line. */
const V1_COMMAND = /(?<=#)#(?=\[)/g;
/** A leading `:` (after white space, which the runner trims) that with a following `:`, here or in
 * what is printed right after, would start a `::command`. U+180E was white space before Unicode 6.3. */
const LINE_START_COMMAND = /^([\s\u180e]*):(?=:|$)/;
/** Anything terminalSafe changes; most strings hold none of it and are returned as they are. */
const NEEDS_ESCAPE = new RegExp(`${controlClass(CONTROLS)}|##\\[|^[\\s\\u180e]*:(?::|$)`);
function isControl(cp) {
    if (cp >= 0x20 && cp < 0x7f)
        return false;
    return CONTROLS.some(([lo, hi]) => cp >= lo && cp <= hi);
}
/** The visible form of control code point `cp`, as Go's strconv.Quote writes it: `\n`, `\r`,
 * `\x1b`, `\u2028`. */
function visibleEscape(cp) {
    if (cp === 0x0a)
        return '\\n';
    if (cp === 0x0d)
        return '\\r';
    return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : u(cp);
}
/**
 * How terminalSafe shows the UTF-16 unit at `i` of `s`: a visible escape, or undefined when the
 * unit is shown as it is. Every code point escaped is a single unit, so callers that map columns
 * (the text format's carets) can walk a line unit by unit.
 */
export function unitEscape(s, i) {
    const c = s.charCodeAt(i);
    if (isControl(c))
        return visibleEscape(c);
    if (c === 0x23 && s.charCodeAt(i - 1) === 0x23 && s.charCodeAt(i + 1) === 0x5b)
        return '\\x23';
    return undefined;
}
/** `s` with every control escaped visibly (tab kept), and nothing else changed. */
export function visibleControls(s) {
    return s.replace(CONTROL, (c) => visibleEscape(c.charCodeAt(0)));
}
/** `s` with the second `#` of every `##[` written `spelling`, an escape its reader decodes to `#`
 * (`\x23` for reading, `&#35;` in HTML, `\u0023` in JSON, `\043` in a quoted diff header). */
export function breakRunnerPrefix(s, spelling) {
    return s.replace(V1_COMMAND, spelling);
}
/** `s` made inert inside a line that pinlint's own text starts (a workflow command's message):
 * controls escaped visibly (tab kept) and `##[` broken as `#\x23[`. */
export function inlineSafe(s) {
    return breakRunnerPrefix(visibleControls(s), '\\x23');
}
/**
 * `s` made inert on a line of terminal or CI-log output: controls escaped visibly (tab kept), so
 * the string can never end the line or start another; `##[` broken as `#\x23[`; and a leading
 * `::` (or a lone `:`) written `\x3a:` so a string that begins a printed line cannot begin a
 * workflow command. The result is for reading: JSON and SARIF carry the true string.
 */
export function terminalSafe(s) {
    if (!NEEDS_ESCAPE.test(s))
        return s;
    return inlineSafe(s).replace(LINE_START_COMMAND, '$1\\x3a');
}
// ---- HTML --------------------------------------------------------------------------------------
const HTML_ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** HTML text or a quoted attribute value: the five characters HTML gives a meaning escaped. */
export function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => HTML_ENTITY[c] ?? c);
}
/** A tree-derived string in HTML: entities, controls made visible (no line break inside: the
 * document's lines start with pinlint's tags), `##[` written `#&#35;[`, which reads the same. */
export function htmlText(s) {
    return breakRunnerPrefix(escapeHtml(visibleControls(s)), '&#35;');
}
/** A whole HTML document made inert for a terminal or a CI log, whatever rendered its parts
 * (source excerpts): controls other than LF and tab made visible, `##[` written `#&#35;[`. The
 * document's own markup, styles and scripts hold neither. */
export function inertHtml(doc) {
    return breakRunnerPrefix(doc.replace(CONTROL_BUT_LF, (c) => visibleEscape(c.charCodeAt(0))), '&#35;');
}
// ---- JSON --------------------------------------------------------------------------------------
/** What JSON.stringify leaves raw that a terminal acts on: the controls above C0 (DEL, C1,
 * U+2028/2029, bidi controls); it writes C0 as escapes itself. */
const JSON_RAW = new RegExp(controlClass(CONTROLS.slice(2)), 'g');
/**
 * JSON text (from JSON.stringify) made inert for a terminal or a CI log without changing its value:
 * the code points above written as `\u` escapes and `##[` as `#\u0023[`. Outside strings JSON is
 * ASCII without `#`, so only string contents change, and only in how they are spelled.
 */
export function inertJson(json) {
    return breakRunnerPrefix(json.replace(JSON_RAW, (c) => u(c.charCodeAt(0))), '\\u0023');
}
// ---- Markdown (GitHub-flavoured) -----------------------------------------------------------------
/** ASCII punctuation Markdown gives a meaning to (CommonMark backslash escapes), and `|`, which
 * ends a GFM table cell. `<`, `>` and `&` become entities instead, which also hold in HTML blocks. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~:@$]/g;
/**
 * A tree-derived string as inert inline Markdown text: terminalSafe (no line break can end a
 * paragraph or a table row), then every Markdown punctuation character backslash-escaped and
 * `<`, `>`, `&` written as entities, so no tag, link, image, emphasis, code span or cell break can
 * form. Usable in paragraphs, list items, headings and table cells.
 */
export function markdownText(s) {
    return terminalSafe(s).replace(MARKDOWN_PUNCTUATION, '\\$&').replace(/[&<>]/g, (c) => HTML_ENTITY[c] ?? c);
}
function longestRun(s, ch) {
    let best = 0;
    let run = 0;
    for (const c of s) {
        run = c === ch ? run + 1 : 0;
        best = Math.max(best, run);
    }
    return best;
}
/**
 * A tree-derived string as a Markdown code span: a fence of backticks longer than any run inside
 * (CommonMark: a span closes only at a run of the same length), padded with a space when the text
 * starts or ends with a backtick or a space (one space each side is stripped again). Nothing is
 * interpreted inside a span, and GitHub links no mention or reference there; terminalSafe keeps
 * it on one line. In a GFM table a `|` ends the cell even inside a span and a backslash before it
 * cannot be written, so `table` strings with a `|` fall back to escaped text in `<code>`.
 */
export function markdownCode(s, where = 'inline') {
    const t = terminalSafe(s);
    if (t === '')
        return '';
    if (where === 'table' && t.includes('|'))
        return `<code>${markdownText(s)}</code>`;
    const fence = '`'.repeat(longestRun(t, '`') + 1);
    const pad = /^[` ]|[` ]$/.test(t) ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}
/** The fence for a fenced code block holding `text`: backticks, longer than any run inside and at
 * least three, so no line of the text can close the block. */
export function markdownFence(text) {
    return '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
}
