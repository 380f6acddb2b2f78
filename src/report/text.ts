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

import type { Finding, Level, Location, Notification } from '../model/findings.js';
import type { Report, ReportOptions } from './report.js';

const TAB_WIDTH = 4;

interface Palette {
  bold(s: string): string;
  level(l: Level, s: string): string;
  gutter(s: string): string;
  caret(l: Level, s: string): string;
}

const ESC = '\u001b[';
const PLAIN: Palette = { bold: (s) => s, level: (_l, s) => s, gutter: (s) => s, caret: (_l, s) => s };
const LEVEL_COLOR: Record<Level, string> = { error: '31', warning: '33', note: '36' };
const ANSI: Palette = {
  bold: (s) => `${ESC}1m${s}${ESC}0m`,
  level: (l, s) => `${ESC}1;${LEVEL_COLOR[l]}m${s}${ESC}0m`,
  gutter: (s) => `${ESC}34m${s}${ESC}0m`,
  caret: (l, s) => `${ESC}${LEVEL_COLOR[l]}m${s}${ESC}0m`,
};

/** Reports whether a code point takes two terminal cells (East Asian Wide/Fullwidth, emoji). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
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
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Expands a source line for display and maps UTF-16 columns to display cells: `cells[k]` is the
 * display offset of UTF-16 unit k (and `cells[line.length]` the width of the whole line).
 */
function layout(line: string): { shown: string; cells: number[] } {
  let shown = '';
  const cells: number[] = [];
  let width = 0;
  for (let k = 0; k < line.length; ) {
    const cp = line.codePointAt(k) ?? 0;
    const units = cp > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) cells.push(width);
    if (cp === 0x09) {
      shown += ' '.repeat(TAB_WIDTH);
      width += TAB_WIDTH;
    } else {
      shown += String.fromCodePoint(cp);
      width += isWide(cp) ? 2 : 1;
    }
    k += units;
  }
  cells.push(width);
  return { shown, cells };
}

/** Line `n` (1-based) of `text` without its line terminator, or undefined past the end. */
function sourceLine(text: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

class Sources {
  private readonly cache = new Map<string, string | undefined>();
  constructor(private readonly read: (path: string) => string | undefined) {}
  get(path: string): string | undefined {
    if (!this.cache.has(path)) this.cache.set(path, this.read(path));
    return this.cache.get(path);
  }
}

/**
 * The gutter and the underlined line for `loc`; empty when the source is unavailable. Multi-line
 * spans are underlined to the end of their first line; an empty span gets one caret.
 */
function excerpt(loc: Location, level: Level, gutterWidth: number, sources: Sources, p: Palette): string[] {
  const text = sources.get(loc.path);
  if (text === undefined) return [];
  const line = sourceLine(text, loc.startLine);
  if (line === undefined) return [];
  const { shown, cells } = layout(line);
  const clamp = (col: number): number => Math.min(Math.max(col - 1, 0), line.length);
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

function at(loc: Location): string {
  return `${loc.path}:${loc.startLine}:${loc.startColumn}`;
}

function renderFinding(f: Finding, sources: Sources, p: Palette): string[] {
  const gutterWidth = Math.max(
    String(f.location.startLine).length,
    ...f.related.map((r) => String(r.location.startLine).length),
  );
  const suppressed =
    f.suppression === undefined ? '' : ` (suppressed: ${f.suppression.justification.replace(/\s+/g, ' ').trim()})`;
  const out = [
    `${p.bold(`${at(f.location)}:`)} ${p.level(f.level, f.ruleId)} [${f.ruleName}] ${f.message}${suppressed}`,
    ...excerpt(f.location, f.level, gutterWidth, sources, p),
  ];
  for (const r of f.related) {
    out.push(`${' '.repeat(gutterWidth)} ${p.gutter('=')} ${p.bold('note')}: ${r.message} at ${at(r.location)}`);
    out.push(...excerpt(r.location, 'note', gutterWidth, sources, p));
  }
  return out;
}

function renderNotification(n: Notification, p: Palette): string {
  const where = n.path === undefined ? 'pinlint' : n.span === undefined ? n.path : `${n.path}:${n.span.startLine}:${n.span.startColumn}`;
  return `${p.bold(`${where}:`)} ${p.level(n.level, n.level)}: ${n.message} [${n.id}]`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface Summary {
  findings: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Distinct files among the reported findings. */
  files: number;
  /** Suppressed findings, whether or not they were shown. */
  suppressed: number;
  notifications: number;
}

/** Counts for the summary line; suppressed findings are counted apart whether or not shown. */
export function summarize(report: Report): Summary {
  const active = report.findings.filter((f) => f.suppression === undefined);
  return {
    findings: active.length,
    errors: active.filter((f) => f.level === 'error').length,
    warnings: active.filter((f) => f.level === 'warning').length,
    notes: active.filter((f) => f.level === 'note').length,
    files: new Set(active.map((f) => f.location.path)).size,
    suppressed: report.findings.filter((f) => f.suppression !== undefined).length,
    notifications: report.notifications.length,
  };
}

/** "2 findings (1 error, 1 warning) in 2 files; 1 suppressed; 1 notification." or "No findings." */
export function summaryLine(s: Summary): string {
  const parts: string[] = [];
  if (s.findings === 0) {
    parts.push('No findings');
  } else {
    const byLevel = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.notes, 'note')].filter(
      (x) => !x.startsWith('0 '),
    );
    parts.push(`${plural(s.findings, 'finding')} (${byLevel.join(', ')}) in ${plural(s.files, 'file')}`);
  }
  if (s.suppressed > 0) parts.push(`${s.suppressed} suppressed`);
  if (s.notifications > 0) parts.push(plural(s.notifications, 'notification'));
  return `${parts.join('; ')}.`;
}

export function renderText(report: Report, opts: ReportOptions = {}): string {
  const p = opts.color === true ? ANSI : PLAIN;
  const sources = new Sources((path) => report.readSource(path));
  const blocks: string[] = [];
  for (const f of report.findings) {
    if (f.suppression !== undefined && opts.includeSuppressed !== true) continue;
    blocks.push(renderFinding(f, sources, p).join('\n'));
  }
  const out: string[] = [];
  if (blocks.length > 0) out.push(blocks.join('\n\n'), '');
  if (report.notifications.length > 0) {
    out.push(...report.notifications.map((n) => renderNotification(n, p)), '');
  }
  out.push(summaryLine(summarize(report)));
  return `${out.join('\n')}\n`;
}
