// Human-readable output, in the compiler style people already parse by eye and by editor
// (`path:line:col: ...` first, then an excerpt with carets, notes indented below, as rustc and
// ruff print them):
//
//   src/a.go:12:20: PL001 [hoisted-uintptr] The pointer ... returns.
//      |
//   12 |     r, _, _ := syscall.Syscall(sys, u, 0, 0)
//      |                                     ^
//     = note: converted to uintptr here at src/a.go:10:7
//      |
//   10 |     u := uintptr(unsafe.Pointer(p))
//      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^
//
// Columns are UTF-16 units (types.ts); the carets are placed by display width instead, with tabs
// shown as four spaces and East Asian wide characters as two cells.
//
// Paths, messages and source lines come from the scanned tree and go through escape.ts: a control
// character is shown escaped (`\x1b`, `\r`) and counted at the width it is shown, so a string from
// the tree can neither end a line nor begin a workflow command, and no terminal acts on it.
import { lineStarts, lineText } from '../go/positions.js';
import { terminalSafe, unitEscape } from './escape.js';
const TAB_WIDTH = 4;
const ESC = '\u001b[';
const PLAIN = { bold: (s) => s, level: (_l, s) => s, gutter: (s) => s, caret: (_l, s) => s };
const LEVEL_COLOR = { error: '31', warning: '33', note: '36' };
const ANSI = {
    bold: (s) => `${ESC}1m${s}${ESC}0m`,
    level: (l, s) => `${ESC}1;${LEVEL_COLOR[l]}m${s}${ESC}0m`,
    gutter: (s) => `${ESC}34m${s}${ESC}0m`,
    caret: (l, s) => `${ESC}${LEVEL_COLOR[l]}m${s}${ESC}0m`,
};
/** Reports whether a code point takes two terminal cells (East Asian Wide/Fullwidth, emoji). */
function isWide(cp) {
    return ((cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0x303e) ||
        (cp >= 0x3041 && cp <= 0x33ff) ||
        (cp >= 0x3400 && cp <= 0x4dbf) ||
        (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xa000 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) ||
        (cp >= 0x20000 && cp <= 0x3fffd));
}
/**
 * Expands a source line for display and maps UTF-16 columns to display cells: `cells[k]` is the
 * display offset of UTF-16 unit k (and `cells[line.length]` the width of the whole line). Controls
 * are shown escaped (terminalSafe's escapes, one unit each) and take the cells of their escape.
 */
function layout(line) {
    let shown = '';
    const cells = [];
    let width = 0;
    for (let k = 0; k < line.length;) {
        const cp = line.codePointAt(k) ?? 0;
        const units = cp > 0xffff ? 2 : 1;
        for (let u = 0; u < units; u++)
            cells.push(width);
        const escaped = unitEscape(line, k);
        if (escaped !== undefined) {
            shown += escaped;
            width += escaped.length;
        }
        else if (cp === 0x09) {
            shown += ' '.repeat(TAB_WIDTH);
            width += TAB_WIDTH;
        }
        else {
            shown += String.fromCodePoint(cp);
            width += isWide(cp) ? 2 : 1;
        }
        k += units;
    }
    cells.push(width);
    return { shown, cells };
}
/** Each file's text and line starts, read once: a file with many findings is scanned once, not
 * once per finding. */
class Sources {
    read;
    cache = new Map();
    constructor(read) {
        this.read = read;
    }
    /** Line `n` (1-based) of `path`, or undefined when the file or the line is unavailable. */
    line(path, n) {
        if (!this.cache.has(path)) {
            const text = this.read(path);
            this.cache.set(path, text === undefined ? undefined : { text, starts: lineStarts(text) });
        }
        const src = this.cache.get(path);
        return src === undefined ? undefined : lineText(src.text, src.starts, n);
    }
}
/**
 * The gutter and the underlined line for `loc`; empty when the source is unavailable. Multi-line
 * spans are underlined to the end of their first line; an empty span gets one caret.
 */
function excerpt(loc, level, gutterWidth, sources, p) {
    const line = sources.line(loc.path, loc.startLine);
    if (line === undefined)
        return [];
    const { shown, cells } = layout(line);
    const clamp = (col) => Math.min(Math.max(col - 1, 0), line.length);
    const from = cells[clamp(loc.startColumn)] ?? 0;
    const toCol = loc.endLine === loc.startLine ? clamp(loc.endColumn) : line.length;
    const to = Math.max(cells[toCol] ?? 0, from);
    const carets = '^'.repeat(Math.max(1, to - from));
    const pad = ' '.repeat(gutterWidth);
    return [
        p.gutter(`${pad} |`),
        `${p.gutter(`${String(loc.startLine).padStart(gutterWidth)} |`)} ${shown}`,
        `${p.gutter(`${pad} |`)} ${' '.repeat(from)}${p.caret(level, carets)}`,
    ];
}
function at(loc, shown) {
    return `${shown(loc.path)}:${loc.startLine}:${loc.startColumn}`;
}
function renderFinding(f, sources, p, shown) {
    const gutterWidth = Math.max(String(f.location.startLine).length, ...f.related.map((r) => String(r.location.startLine).length));
    const suppressed = f.suppression === undefined ? '' : ` (suppressed: ${terminalSafe(f.suppression.justification.replace(/\s+/g, ' ').trim())})`;
    const out = [
        `${p.bold(`${at(f.location, shown)}:`)} ${p.level(f.level, f.ruleId)} [${f.ruleName}] ${terminalSafe(f.message)}${suppressed}`,
        ...excerpt(f.location, f.level, gutterWidth, sources, p),
    ];
    for (const r of f.related) {
        out.push(`${' '.repeat(gutterWidth)} ${p.gutter('=')} ${p.bold('note')}: ${terminalSafe(r.message)} at ${at(r.location, shown)}`);
        out.push(...excerpt(r.location, 'note', gutterWidth, sources, p));
    }
    return out;
}
function renderNotification(n, p, shown) {
    const where = n.path === undefined ? 'pinlint' : n.span === undefined ? shown(n.path) : `${shown(n.path)}:${n.span.startLine}:${n.span.startColumn}`;
    return `${p.bold(`${where}:`)} ${p.level(n.level, n.level)}: ${terminalSafe(n.message)} [${n.id}]`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** Counts for the summary; suppressed findings are counted apart whether or not shown. */
export function summarize(report) {
    const active = report.findings.filter((f) => f.suppression === undefined);
    const byRule = new Map(report.rules.map((r) => [r.id, 0]));
    for (const f of active)
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    return {
        findings: active.length,
        errors: active.filter((f) => f.level === 'error').length,
        warnings: active.filter((f) => f.level === 'warning').length,
        notes: active.filter((f) => f.level === 'note').length,
        filesWithFindings: new Set(active.map((f) => f.location.path)).size,
        ...(report.counts ? { filesScanned: report.counts.scanned, filesParsed: report.counts.parsed } : {}),
        suppressed: report.findings.filter((f) => f.suppression !== undefined).length,
        fixable: active.filter((f) => (f.fixes?.length ?? 0) > 0).length,
        byRule: Object.fromEntries([...byRule].filter(([, n]) => n > 0)),
        notifications: report.notifications.length,
    };
}
/** "2 findings (1 error, 1 warning) in 2 files; 1 suppressed; 1 notification; 3 files scanned,
 * 3 parsed." or "No findings; …", then "1 fixable with `pinlint --fix`." when some are. */
export function summaryLines(s) {
    const parts = [];
    if (s.findings === 0) {
        parts.push('No findings');
    }
    else {
        const byLevel = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.notes, 'note')].filter((x) => !x.startsWith('0 '));
        parts.push(`${plural(s.findings, 'finding')} (${byLevel.join(', ')}) in ${plural(s.filesWithFindings, 'file')}`);
    }
    if (s.suppressed > 0)
        parts.push(`${s.suppressed} suppressed`);
    if (s.notifications > 0)
        parts.push(plural(s.notifications, 'notification'));
    if (s.filesScanned !== undefined)
        parts.push(`${plural(s.filesScanned, 'file')} scanned, ${s.filesParsed ?? 0} parsed`);
    const out = [`${parts.join('; ')}.`];
    if (s.fixable > 0)
        out.push(`${s.fixable} fixable with \`pinlint --fix\` (\`--fix --dry-run\` shows the changes).`);
    return out;
}
/** The summary as one line (the first of summaryLines). */
export function summaryLine(s) {
    return summaryLines(s)[0] ?? '';
}
/** `--statistics`: findings per rule, most first (ruff's layout: count, code, name, fixable). */
export function statisticsLines(report) {
    const active = report.findings.filter((f) => f.suppression === undefined);
    const rows = report.rules.map((r) => {
        const mine = active.filter((f) => f.ruleId === r.id);
        return { r, n: mine.length, fixable: mine.filter((f) => (f.fixes?.length ?? 0) > 0).length };
    }).filter((x) => x.n > 0).sort((a, b) => b.n - a.n);
    const w = Math.max(1, ...rows.map((x) => String(x.n).length));
    const nameW = Math.max(0, ...rows.map((x) => x.r.name.length));
    return rows.map((x) => `${String(x.n).padStart(w)}  ${x.r.id}  ${x.r.name.padEnd(nameW)}${x.fixable ? `  (${x.fixable} fixable)` : ''}`.trimEnd());
}
function tail(report, opts, p, shown) {
    const out = [];
    if (report.notifications.length > 0) {
        out.push(...report.notifications.map((n) => renderNotification(n, p, shown)), '');
    }
    if (opts.statistics === true) {
        const stats = statisticsLines(report);
        if (stats.length)
            out.push(...stats, '');
    }
    out.push(...summaryLines(summarize(report)));
    return out;
}
/** How the text formats show a path: as the caller displays it, made terminal-safe. */
function shownPath(opts) {
    const display = opts.displayPath ?? ((x) => x);
    return (x) => terminalSafe(display(x));
}
export function renderText(report, opts = {}) {
    const p = opts.color === true ? ANSI : PLAIN;
    const shown = shownPath(opts);
    const sources = new Sources((path) => report.readSource(path));
    const blocks = [];
    for (const f of report.findings) {
        if (f.suppression !== undefined && opts.includeSuppressed !== true)
            continue;
        blocks.push(renderFinding(f, sources, p, shown).join('\n'));
    }
    const out = [];
    if (blocks.length > 0)
        out.push(blocks.join('\n\n'), '');
    out.push(...tail(report, opts, p, shown));
    return `${out.join('\n')}\n`;
}
/** `--format concise` (ruff's name): one line per finding, `path:line:col: PL001 message`, then
 * the notifications and the summary, as in the text format. */
export function renderConcise(report, opts = {}) {
    const p = opts.color === true ? ANSI : PLAIN;
    const shown = shownPath(opts);
    const out = [];
    for (const f of report.findings) {
        if (f.suppression !== undefined && opts.includeSuppressed !== true)
            continue;
        const suppressed = f.suppression === undefined ? '' : ' (suppressed)';
        out.push(`${p.bold(`${at(f.location, shown)}:`)} ${p.level(f.level, f.ruleId)} ${terminalSafe(f.message.replace(/\s+/g, ' '))}${suppressed}`);
    }
    if (out.length)
        out.push('');
    out.push(...tail(report, opts, p, shown));
    return `${out.join('\n')}\n`;
}
