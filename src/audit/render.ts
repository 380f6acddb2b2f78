// The four audit outputs. All are deterministic (same tree, same bytes: no timestamps, no absolute
// paths) and built from AuditData only; excerpts are read through `readSource` with paths relative
// to the audited directory.
//   text      a table for the terminal;
//   json      every number and list, keys in a fixed order, for scripts;
//   markdown  a PR comment: the table, then each module's findings in a collapsible <details>;
//   html      one self-contained file (inline CSS and JS, a CSP that forbids any network access)
//             with a sortable module table and every finding with its code and related locations.
import type { Finding, Location, Notification } from '../model/findings.js';
import type { Report } from '../report/index.js';
import { buildJson } from '../report/json.js';
import { renderText, summarize, summaryLine } from '../report/text.js';
import type { AuditData, ModuleStats } from './stats.js';

export type AuditFormat = 'text' | 'json' | 'markdown' | 'html';
export const AUDIT_FORMATS: readonly AuditFormat[] = ['text', 'json', 'markdown', 'html'];

export interface RenderContext {
  /** Source text of a path relative to the audited directory, for excerpts. */
  readSource(path: string): string | undefined;
}

export function renderAudit(format: AuditFormat, data: AuditData, ctx: RenderContext): string {
  switch (format) {
    case 'text':
      return renderAuditText(data);
    case 'json':
      return renderAuditJson(data, ctx);
    case 'markdown':
      return renderAuditMarkdown(data, ctx);
    case 'html':
      return renderAuditHtml(data, ctx);
  }
}

// ---- shared ----------------------------------------------------------------------------------

interface Column {
  title: string;
  /** Longer title for HTML/Markdown tooltips and the legend. */
  help: string;
  numeric: boolean;
  value(m: ModuleStats): string | number;
  total(d: AuditData): string | number;
}

function columns(d: AuditData): Column[] {
  return [
    { title: 'Module', help: 'module path (from modules.txt, or guessed from the import path)', numeric: false, value: (m) => m.path, total: (x) => `Total (${x.totals.modules} module${x.totals.modules === 1 ? '' : 's'})` },
    { title: 'Version', help: 'version from modules.txt, with its replacement after =>', numeric: false, value: versionOf, total: () => '' },
    { title: 'Files', help: '.go files scanned', numeric: true, value: (m) => m.files, total: (x) => x.totals.files },
    { title: 'Sink calls', help: 'calls to a protected sink (syscall.Syscall*, Proc.Call, bodyless or //go:uintptrescapes functions)', numeric: true, value: (m) => m.sinkCalls, total: (x) => x.totals.sinkCalls },
    { title: 'Inline', help: 'sink calls whose pointer arguments are all converted inline: uintptr(unsafe.Pointer(p)) in the argument list', numeric: true, value: (m) => m.inlineProtected, total: (x) => x.totals.inlineProtected },
    ...d.rules.map((r): Column => ({
      title: r.id, help: `${r.name} findings (${r.level})`, numeric: true,
      value: (m) => m.findingsByRule[r.id] ?? 0, total: (x) => x.totals.findingsByRule[r.id] ?? 0,
    })),
    { title: 'Wrappers', help: 'unprotected functions that forward a uintptr parameter to a sink: callers that pass uintptr(unsafe.Pointer(p)) get no protection', numeric: true, value: (m) => m.wrappers.length, total: (x) => x.totals.wrappers },
    { title: 'Exported', help: 'of those wrappers, the exported ones: code outside the module can misuse them', numeric: true, value: (m) => m.wrappers.filter((w) => w.exported).length, total: (x) => x.totals.exportedWrappers },
    { title: 'Sinks', help: 'bodyless (assembly, linkname) or //go:uintptrescapes functions with uintptr parameters the module defines', numeric: true, value: (m) => m.sinks.length, total: (x) => x.totals.sinks },
  ];
}

function versionOf(m: ModuleStats): string {
  const v = m.version ?? '?';
  if (!m.replacement) return v;
  return `${v} => ${m.replacement.path}${m.replacement.version ? ` ${m.replacement.version}` : ''}`;
}

function provenance(d: AuditData): string {
  return d.modulesTxt
    ? `modules and versions from ${d.modulesTxt}`
    : `no modules.txt in ${d.tree}: modules guessed from import paths, versions unknown`;
}

function allFindings(d: AuditData): Finding[] {
  return d.modules.flatMap((m) => m.findings);
}

/** A reporter Report over some findings, so the check reporters (text excerpts, JSON shapes) can be reused. */
function asReport(findings: Finding[], notifications: Notification[], d: AuditData, ctx: RenderContext): Report {
  return { rules: [], findings, notifications, readSource: (p) => ctx.readSource(p), toolVersion: d.toolVersion };
}

/** "3 findings (1 error, 2 warnings) in 2 files; 1 suppressed." as `pinlint check` prints it. */
function findingsLine(d: AuditData, ctx: RenderContext): string {
  return summaryLine({ ...summarize(asReport(allFindings(d), d.notifications, d, ctx)), suppressed: d.totals.suppressed });
}

function at(l: Location): string {
  return `${l.path}:${l.startLine}:${l.startColumn}`;
}

function variantsNote(variants: number): string {
  return variants > 1 ? ` (+${plural(variants - 1, 'build variant')})` : '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- text ------------------------------------------------------------------------------------

export function renderAuditText(d: AuditData): string {
  const cols = columns(d);
  const rows = d.modules.map((m) => cols.map((c) => String(c.value(m))));
  const total = cols.map((c) => String(c.total(d)));
  const widths = cols.map((c, i) => Math.max(c.title.length, total[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells.map((s, i) => (cols[i]?.numeric ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out: string[] = [`pinlint audit of ${d.tree} (${provenance(d)})`, ''];
  out.push(line(cols.map((c) => c.title)));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out.push(line(r));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  out.push(line(total));
  out.push('');
  out.push(...legend(d).map((s) => s));
  const exported = d.modules.flatMap((m) => m.wrappers.filter((w) => w.exported).map((w) => ({ m, w })));
  if (exported.length > 0) {
    out.push('', 'Exported unprotected uintptr wrappers (callers passing uintptr(unsafe.Pointer(p)) are not protected):');
    for (const { w } of exported) {
      out.push(`  ${w.package}.${w.name}(${w.params.join(', ')}) at ${w.path}:${w.line}:${w.column}${variantsNote(w.variants)}${w.internal ? ' [internal package]' : ''}`);
    }
  }
  out.push('');
  const errors = d.notifications.filter((n) => n.level === 'error');
  if (d.notifications.length > 0) {
    out.push(`${plural(d.notifications.length, 'notification')} (${plural(errors.length, 'error')}); --format json lists them.`);
    for (const n of errors) out.push(`  ${n.path ?? 'pinlint'}: ${n.message} [${n.id}]`);
  }
  out.push(findingsLine(d, { readSource: () => undefined }) + (d.totals.findings > 0 ? ' Use --format html or markdown for each finding with its code.' : ''));
  return `${out.join('\n')}\n`;
}

function legend(d: AuditData): string[] {
  return [
    `Rules: ${d.rules.map((r) => `${r.id} ${r.name}`).join(', ')} (unsuppressed findings per rule).`,
    'Inline: sink calls whose pointer arguments are all converted inline. Wrappers: unprotected functions that',
    'forward a uintptr parameter to a sink (Exported: callable by other code). Sinks: bodyless or //go:uintptrescapes',
    'functions with uintptr parameters.',
  ];
}

// ---- json ------------------------------------------------------------------------------------

export function renderAuditJson(d: AuditData, ctx: RenderContext): string {
  // Objects are written field by field so the key order, and the bytes, never depend on how the
  // stats were assembled.
  const out = {
    tool: { name: 'pinlint', version: d.toolVersion },
    tree: d.tree,
    modulesTxt: d.modulesTxt,
    versionsKnown: d.modulesTxt !== null,
    rules: d.rules.map((r) => ({ id: r.id, name: r.name, level: r.level, summary: r.summary })),
    totals: {
      modules: d.totals.modules,
      files: d.totals.files,
      sinkCalls: d.totals.sinkCalls,
      inlineProtected: d.totals.inlineProtected,
      findings: d.totals.findings,
      findingsByRule: byRule(d, d.totals.findingsByRule),
      suppressed: d.totals.suppressed,
      wrappers: d.totals.wrappers,
      exportedWrappers: d.totals.exportedWrappers,
      sinks: d.totals.sinks,
    },
    modules: d.modules.map((m) => ({
      path: m.path,
      version: m.version,
      replacement: m.replacement ? { path: m.replacement.path, version: m.replacement.version } : null,
      listed: m.listed,
      files: m.files,
      sinkCalls: m.sinkCalls,
      inlineProtected: m.inlineProtected,
      findings: m.findings.length,
      findingsByRule: byRule(d, m.findingsByRule),
      wrappers: m.wrappers.map((w) => ({
        name: w.name, package: w.package, exported: w.exported, internal: w.internal, params: [...w.params],
        path: w.path, line: w.line, column: w.column, variants: w.variants,
      })),
      sinks: m.sinks.map((s) => ({
        name: s.name, package: s.package, kind: s.kind,
        path: s.path, line: s.line, column: s.column, variants: s.variants, unprotectedVariants: s.unprotectedVariants ?? 0,
      })),
      findingList: buildJson(asReport(m.findings, [], d, ctx)).findings,
    })),
    notifications: buildJson(asReport([], d.notifications, d, ctx)).notifications,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function byRule(d: AuditData, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(d.rules.map((r) => [r.id, counts[r.id] ?? 0]));
}

// ---- markdown --------------------------------------------------------------------------------

/** GitHub rejects comments over 65,536 characters; stay well below with room for a header. */
const MARKDOWN_BUDGET = 60_000;
/** Findings shown per module in a PR comment; the rest are counted. */
const MARKDOWN_FINDINGS_PER_MODULE = 20;

export function renderAuditMarkdown(d: AuditData, ctx: RenderContext): string {
  const cols = columns(d);
  const cell = (s: string | number, code = false): string => {
    const t = String(s).replace(/\|/g, '\\|');
    return code && t !== '' ? `\`${t}\`` : t;
  };
  const out: string[] = [
    `### pinlint audit of \`${d.tree}\``,
    '',
    `${plural(d.totals.modules, 'module')}, ${plural(d.totals.files, 'file')}; ${provenance(d)}. ${findingsLine(d, ctx)}`,
    '',
    `| ${cols.map((c) => c.title).join(' | ')} |`,
    `| ${cols.map((c) => (c.numeric ? '--:' : ':--')).join(' | ')} |`,
    ...d.modules.map((m) => `| ${cols.map((c, i) => cell(c.value(m), i === 0)).join(' | ')} |`),
    `| ${cols.map((c, i) => (i === 0 ? `**${cell(c.total(d))}**` : cell(c.total(d)))).join(' | ')} |`,
    '',
    `<sub>${legend(d).join(' ')}</sub>`,
  ];
  const detailed = d.modules.filter((m) => m.findings.length > 0 || m.wrappers.some((w) => w.exported));
  if (detailed.length > 0) out.push('', '#### Findings by module');
  let size = out.join('\n').length;
  let omitted = 0;
  for (const m of detailed) {
    const block = moduleDetails(m, d, ctx);
    if (size + block.length > MARKDOWN_BUDGET) {
      omitted++;
      continue;
    }
    size += block.length;
    out.push('', block);
  }
  if (omitted > 0) out.push('', `_${plural(omitted, 'more module')} left out to fit a comment; run \`pinlint audit --format html\` for the full report._`);
  return `${out.join('\n')}\n`;
}

function moduleDetails(m: ModuleStats, d: AuditData, ctx: RenderContext): string {
  const exported = m.wrappers.filter((w) => w.exported);
  const parts = [plural(m.findings.length, 'finding')];
  if (exported.length > 0) parts.push(plural(exported.length, 'exported wrapper'));
  const out = ['<details>', `<summary><code>${escapeHtml(m.path)}</code> ${escapeHtml(versionOf(m))}: ${parts.join(', ')}</summary>`];
  if (m.findings.length > 0) {
    const shown = m.findings.slice(0, MARKDOWN_FINDINGS_PER_MODULE);
    // The check command's text reporter already renders each finding with its excerpt and related
    // locations; its last line is a summary we do not need per module.
    const text = renderText(asReport(shown, [], d, ctx)).trimEnd().split('\n').slice(0, -1).join('\n').trimEnd();
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
    out.push('', `${fence}text`, text, fence);
    if (m.findings.length > shown.length) out.push('', `_…and ${m.findings.length - shown.length} more; see the JSON or HTML report._`);
  }
  if (exported.length > 0) {
    out.push('', 'Exported unprotected uintptr wrappers (a caller passing `uintptr(unsafe.Pointer(p))` gets no protection):', '');
    for (const w of exported) out.push(`- \`${w.package}.${w.name}\` forwards \`${w.params.join('`, `')}\` (${w.path}:${w.line})${w.internal ? ', internal package' : ''}`);
  }
  out.push('', '</details>');
  return out.join('\n');
}

function longestBacktickRun(s: string): number {
  let best = 0;
  for (const m of s.matchAll(/`+/g)) best = Math.max(best, m[0].length);
  return best;
}

// ---- html ------------------------------------------------------------------------------------

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Lines `from..to` (1-based, clamped) of `text`, without terminators. */
function lines(text: string, from: number, to: number): Array<{ n: number; text: string }> {
  const all = text.split('\n');
  const out: Array<{ n: number; text: string }> = [];
  for (let n = Math.max(1, from); n <= Math.min(all.length, to); n++) out.push({ n, text: (all[n - 1] ?? '').replace(/\r$/, '') });
  return out;
}

/**
 * A few lines around `loc` with line numbers and the span marked. Columns are UTF-16 units
 * (types.ts), which is exactly how JavaScript strings index, so slicing needs no conversion.
 */
function codeExcerpt(loc: Location, radius: number, ctx: RenderContext): string {
  const text = ctx.readSource(loc.path);
  if (text === undefined) return '';
  const shown = lines(text, loc.startLine - radius, loc.endLine + radius);
  if (shown.length === 0) return '';
  const width = String(shown[shown.length - 1]?.n ?? 0).length;
  const body = shown.map(({ n, text: t }) => {
    const num = `<span class="ln">${String(n).padStart(width)}</span>`;
    if (n < loc.startLine || n > loc.endLine) return `${num}${escapeHtml(t)}`;
    const from = n === loc.startLine ? Math.min(Math.max(loc.startColumn - 1, 0), t.length) : 0;
    const to = n === loc.endLine ? Math.min(Math.max(loc.endColumn - 1, from), t.length) : t.length;
    const marked = from === to ? '<mark class="empty"></mark>' : `<mark>${escapeHtml(t.slice(from, to))}</mark>`;
    return `<span class="hl">${num}${escapeHtml(t.slice(0, from))}${marked}${escapeHtml(t.slice(to))}</span>`;
  });
  return `<pre class="code">${body.join('\n')}</pre>`;
}

function htmlFinding(f: Finding, id: string, ctx: RenderContext): string {
  const related = f.related.map((r) =>
    `<li><span class="note">note</span> ${escapeHtml(r.message)} at <code>${escapeHtml(at(r.location))}</code>${codeExcerpt(r.location, 1, ctx)}</li>`);
  return [
    `<article class="finding ${f.level}" id="${id}">`,
    `<h4><span class="badge ${f.level}">${f.level}</span> <code>${escapeHtml(f.ruleId)}</code> ${escapeHtml(f.ruleName)} <span class="where">${escapeHtml(at(f.location))}</span></h4>`,
    `<p class="msg">${escapeHtml(f.message)}</p>`,
    codeExcerpt(f.location, 2, ctx),
    related.length ? `<ul class="related">${related.join('')}</ul>` : '',
    '</article>',
  ].join('\n');
}

function htmlDecls(m: ModuleStats): string {
  const out: string[] = [];
  if (m.wrappers.length > 0) {
    const exported = m.wrappers.filter((w) => w.exported).length;
    out.push(`<details${exported > 0 ? ' open' : ''}><summary>Unprotected uintptr wrappers: ${m.wrappers.length} (${exported} exported)</summary>`,
      '<table class="decls"><thead><tr><th>Function</th><th>Forwards</th><th>Exported</th><th>Declared at</th></tr></thead><tbody>',
      ...m.wrappers.map((w) => `<tr class="${w.exported ? 'exported' : ''}"><td><code>${escapeHtml(`${w.package}.${w.name}`)}</code></td><td><code>${escapeHtml(w.params.join(', '))}</code></td><td>${w.exported ? (w.internal ? 'yes (internal package)' : 'yes') : 'no'}</td><td><code>${escapeHtml(`${w.path}:${w.line}`)}</code>${escapeHtml(variantsNote(w.variants))}</td></tr>`),
      '</tbody></table></details>');
  }
  if (m.sinks.length > 0) {
    out.push(`<details><summary>Sinks defined: ${m.sinks.length}</summary>`,
      '<table class="decls"><thead><tr><th>Function</th><th>Kind</th><th>Declared at</th></tr></thead><tbody>',
      ...m.sinks.map((s) => `<tr><td><code>${escapeHtml(`${s.package}.${s.name}`)}</code></td><td>${s.kind === 'bodyless' ? 'bodyless' : `//go:${s.kind}`}${s.unprotectedVariants ? ` (${plural(s.unprotectedVariants, 'variant')} with a Go body: unprotected there)` : ''}</td><td><code>${escapeHtml(`${s.path}:${s.line}`)}</code>${escapeHtml(variantsNote(s.variants))}</td></tr>`),
      '</tbody></table></details>');
  }
  return out.join('\n');
}

const CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --mark: #fff1a8; --error: #cf222e; --warning: #9a6700; --note: #0969da; --hl: #fff8c5; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d;
  --head: #151b23; --mark: #6e5a00; --hl: #2e2a12; --error: #ff7b72; --warning: #d29922; --note: #58a6ff; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
h1 code, h2 code { font-size: inherit; } h2 .sub { font-weight: normal; font-size: 1rem; }
h4 { margin: .25rem 0; font-size: 1rem; font-weight: 600; }
.sub, .where, .legend { color: var(--muted); } .legend { font-size: 12px; max-width: 70rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
#modules th { cursor: pointer; user-select: none; white-space: nowrap; }
#modules th::after { content: " \\2195"; color: var(--muted); font-size: 11px; }
#modules th[aria-sort="ascending"]::after { content: " \\25B2"; color: var(--fg); }
#modules th[aria-sort="descending"]::after { content: " \\25BC"; color: var(--fg); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
#modules td { white-space: nowrap; } #modules td small { color: var(--muted); }
td.bad { color: var(--error); font-weight: 600; }
tfoot td { font-weight: 600; background: var(--head); }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.code { background: var(--head); border: 1px solid var(--line); padding: .4rem .6rem; overflow-x: auto; tab-size: 4; margin: .3rem 0; }
pre.code .ln { display: inline-block; color: var(--muted); margin-right: 1em; user-select: none; }
pre.code .hl { background: var(--hl); display: inline-block; min-width: 100%; }
mark { background: var(--mark); color: inherit; border-bottom: 2px solid var(--error); }
mark.empty { border-left: 2px solid var(--error); }
.finding { border-left: 4px solid var(--line); padding: .25rem .75rem; margin: 1rem 0; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); } .finding.note { border-left-color: var(--note); }
.badge { display: inline-block; padding: 0 .4em; border-radius: .3em; color: #fff; font-size: 12px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.note { background: var(--note); }
ul.related { list-style: none; padding-left: 1rem; } .note { font-weight: 600; color: var(--note); }
tr.exported td:first-child { font-weight: 600; }
details { margin: .5rem 0; } summary { cursor: pointer; }
`;

// Sorting: a click sorts by that column; numbers (data-value) numerically and largest first,
// text alphabetically; a second click reverses. Ties keep the module order, so a sort is stable.
const JS = `
(function () {
  var table = document.getElementById('modules');
  var heads = table.tHead.rows[0].cells;
  function key(row, col, numeric) {
    var c = row.cells[col];
    return numeric ? Number(c.getAttribute('data-value')) : (c.getAttribute('data-value') || c.textContent);
  }
  function sortBy(col) {
    var th = heads[col];
    var numeric = th.getAttribute('data-type') === 'num';
    var current = th.getAttribute('aria-sort');
    var dir = current ? (current === 'ascending' ? 'descending' : 'ascending') : (numeric ? 'descending' : 'ascending');
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = dir === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = key(a, col, numeric), y = key(b, col, numeric);
      var d = numeric ? x - y : (x < y ? -1 : x > y ? 1 : 0);
      return d !== 0 ? sign * d : Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  for (var i = 0; i < heads.length; i++) {
    (function (col) {
      heads[col].addEventListener('click', function () { sortBy(col); });
      heads[col].addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(col); } });
    })(i);
  }
})();
`;

export function renderAuditHtml(d: AuditData, ctx: RenderContext): string {
  const cols = columns(d);
  const sectionId = new Map<ModuleStats, string>();
  const detailed = d.modules.filter((m) => m.findings.length > 0 || m.wrappers.length > 0 || m.sinks.length > 0);
  detailed.forEach((m, i) => sectionId.set(m, `m${i + 1}`));

  const head = cols.map((c) =>
    `<th scope="col" tabindex="0" title="${escapeHtml(c.help)}" data-type="${c.numeric ? 'num' : 'text'}"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('');
  const body = d.modules.map((m, i) => {
    const cells = cols.map((c, k) => {
      const v = c.value(m);
      if (k === 0) {
        const id = sectionId.get(m);
        const name = `<code>${escapeHtml(String(v))}</code>`;
        return `<td data-value="${escapeHtml(String(v))}">${id ? `<a href="#${id}">${name}</a>` : name}</td>`;
      }
      const bad = c.numeric && d.rules.some((r) => r.id === c.title) && Number(v) > 0;
      if (c.numeric) return `<td class="num${bad ? ' bad' : ''}" data-value="${v}">${v}</td>`;
      // The replacement goes on its own line: a version column as wide as two module paths is unreadable.
      const repl = c.title === 'Version' && m.replacement ? `<br><small>=&gt; ${escapeHtml(`${m.replacement.path}${m.replacement.version ? ` ${m.replacement.version}` : ''}`)}</small>` : '';
      return `<td class="text" data-value="${escapeHtml(String(v))}">${escapeHtml(m.version ?? '?')}${repl}</td>`;
    });
    return `<tr data-index="${i}" data-module="${escapeHtml(m.path)}">${cells.join('')}</tr>`;
  });
  const foot = cols.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(String(c.total(d)))}</td>`).join('');

  let n = 0;
  const sections = detailed.map((m) => {
    const findings = m.findings.map((f) => htmlFinding(f, `f${++n}`, ctx));
    return [
      `<section class="module" id="${sectionId.get(m)}" data-module="${escapeHtml(m.path)}">`,
      `<h2><code>${escapeHtml(m.path)}</code> <span class="sub">${escapeHtml(versionOf(m))}</span></h2>`,
      `<p class="sub">${plural(m.files, 'file')}, ${plural(m.sinkCalls, 'sink call')} (${m.inlineProtected} protected inline), ${plural(m.findings.length, 'finding')}.</p>`,
      ...findings,
      htmlDecls(m),
      '</section>',
    ].join('\n');
  });

  const notes = d.notifications.length === 0 ? '' : [
    '<h2>Notifications</h2><ul class="notifications">',
    ...d.notifications.map((x) => `<li><span class="badge ${x.level}">${x.level}</span> <code>${escapeHtml(x.path === undefined ? 'pinlint' : x.span ? `${x.path}:${x.span.startLine}:${x.span.startColumn}` : x.path)}</code> ${escapeHtml(x.message)} [${escapeHtml(x.id)}]</li>`),
    '</ul>',
  ].join('\n');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="pinlint ${escapeHtml(d.toolVersion)}">
<title>pinlint audit: ${escapeHtml(d.tree)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>pinlint audit of <code>${escapeHtml(d.tree)}</code></h1>
<p class="sub">${plural(d.totals.modules, 'module')}, ${plural(d.totals.files, 'file')}; ${escapeHtml(provenance(d))}. ${escapeHtml(findingsLine(d, ctx))}</p>
<table id="modules">
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
<tfoot><tr>${foot}</tr></tfoot>
</table>
<p class="legend">${escapeHtml(legend(d).join(' '))} Click a column header to sort.</p>
${sections.join('\n')}
${notes}
<script>${JS}</script>
</body>
</html>
`;
}
