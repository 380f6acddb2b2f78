// The inline stylesheet and script of the HTML audit report, and the small Markdown subset of the
// rule documentation it shows. The report is one file with a Content-Security-Policy that forbids
// every network request, so nothing here may reference another file or URL.
import { escapeHtml } from './common.js';
/**
 * The rule docs the report embeds (metadata `what` and `fix`) are paragraphs of prose with inline
 * code, which is all this renders: blank lines split paragraphs, `code` spans become <code>, and
 * everything else is escaped text. A Markdown library would be a runtime dependency for that
 * subset; test/audit-html.test.ts checks every rule's text renders without a stray backtick.
 */
export function docHtml(markdown) {
    return markdown
        .trim()
        .split(/\n\s*\n/)
        .map((p) => `<p>${p.split(/(`[^`]+`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part))).join('').replace(/\s*\n\s*/g, ' ')}</p>`)
        .join('\n');
}
export const CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --card: #f6f8fa; --mark: #fff1a8; --rel: #ddf4ff; --error: #cf222e; --warning: #9a6700; --note: #0969da; --hl: #fff8c5;
  --ok: #1a7f37; --link: #0969da; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d;
  --head: #151b23; --card: #151b23; --mark: #6e5a00; --rel: #0c2d6b; --hl: #2e2a12; --error: #ff7b72; --warning: #d29922;
  --note: #58a6ff; --ok: #3fb950; --link: #58a6ff; } }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1.5rem 2rem 4rem; max-width: 90rem; color: var(--fg); background: var(--bg); }
a { color: var(--link); text-decoration: none; } a:hover { text-decoration: underline; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2.5rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; } h4 { margin: .25rem 0; font-size: 1rem; font-weight: 600; }
h1 code, h2 code, h3 code { font-size: inherit; } .sub, .where, .legend, .muted { color: var(--muted); font-weight: normal; }
.legend { font-size: 12.5px; max-width: 75rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { display: block; min-width: 11rem; max-width: 24rem; padding: .6rem .9rem; border: 1px solid var(--line); border-radius: .5rem; background: var(--card); color: var(--fg); }
.card:hover { text-decoration: none; border-color: var(--link); }
.card .n { display: block; font-size: 1.6rem; font-weight: 650; line-height: 1.2; } .card.bad .n { color: var(--error); } .card.ok .n { color: var(--ok); }
.card small { color: var(--muted); }
table { border-collapse: separate; border-spacing: 0; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: var(--muted); opacity: .55; }
td.bad a, td.bad { color: var(--error); font-weight: 650; } td.warn a, td.warn { color: var(--warning); font-weight: 650; }
#modules th { position: sticky; top: 0; z-index: 2; cursor: pointer; user-select: none; vertical-align: bottom; border-bottom: 2px solid var(--line); }
#modules th small { display: block; font-weight: normal; color: var(--muted); font-size: 11px; }
#modules th::after { content: " \\2195"; color: transparent; font-size: 11px; } #modules th:hover::after { color: var(--muted); }
#modules th[aria-sort="ascending"]::after { content: " \\25B2"; color: var(--fg); }
#modules th[aria-sort="descending"]::after { content: " \\25BC"; color: var(--fg); }
#modules td { white-space: nowrap; } #modules td small { color: var(--muted); }
#modules { font-size: 13px; } #modules td.version { white-space: normal; font-size: 12px; }
#modules th.ctx, #modules td.ctx { color: var(--muted); }
#modules tbody tr:hover td { background: var(--hl); }
#modules tfoot td { font-weight: 600; background: var(--head); border-top: 2px solid var(--line); }
#modules .toggle td { text-align: center; background: var(--bg); }
button { font: inherit; padding: .2rem .8rem; border: 1px solid var(--line); border-radius: .4rem; background: var(--card); color: var(--fg); cursor: pointer; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.code { background: var(--head); border: 1px solid var(--line); border-radius: .3rem; padding: .4rem .6rem; overflow-x: auto; tab-size: 4; margin: .3rem 0; }
pre.code .ln { display: inline-block; color: var(--muted); margin-right: 1em; user-select: none; }
pre.code .hl { background: var(--hl); display: inline-block; min-width: 100%; }
mark { background: var(--mark); color: inherit; border-bottom: 2px solid var(--error); }
mark.rel { background: var(--rel); border-bottom-color: var(--note); }
mark.empty { border-left: 2px solid var(--error); } mark.rel.empty { border-left-color: var(--note); }
sup.label, .related .label { display: inline-block; min-width: 1.3em; padding: 0 .25em; border-radius: .6em; background: var(--note); color: #fff; font: 600 10px/1.4 system-ui, sans-serif; text-align: center; }
.finding { border-left: 4px solid var(--line); padding: .25rem .9rem; margin: 1rem 0; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); } .finding.note { border-left-color: var(--note); }
.finding:target { background: var(--hl); }
.badge { display: inline-block; padding: 0 .45em; border-radius: .3em; color: #fff; font-size: 12px; font-weight: 600; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.note { background: var(--note); }
.badge.gen { background: var(--muted); }
ul.related { list-style: none; padding-left: 0; margin: .3rem 0; } ul.related li { margin: .15rem 0; }
p.fix { margin: .3rem 0; } p.fix strong { color: var(--ok); } p.same { color: var(--muted); margin: .3rem 0; }
.rule-group > .advice { border: 1px solid var(--line); border-radius: .3rem; padding: .1rem .8rem; background: var(--card); font-size: 13px; }
.rule-doc { border: 1px solid var(--line); border-radius: .5rem; padding: .25rem 1rem; margin: 1rem 0; }
.rule-doc:target { border-color: var(--link); }
table.decls { width: 100%; } table.decls td, table.decls th { font-size: 13px; } table.decls td { overflow-wrap: anywhere; } tr.group th { background: var(--bg); padding-top: .8rem; }
details { margin: .5rem 0; } summary { cursor: pointer; font-weight: 600; }
`;
// Sorting: a click sorts by that column within each row group (the modules that need attention,
// the collapsed clean ones); numbers (data-value) numerically and largest first (the rank column
// smallest first), text alphabetically; a second click reverses; ties keep the risk order.
// The clean-module toggle shows or hides the clean rows. A link to an element inside a closed
// <details> opens it, so every count link lands on visible findings.
export const JS = `
(function () {
  var table = document.getElementById('modules');
  var heads = table.tHead.rows[0].cells;
  function key(row, col, type) {
    var c = row.cells[col];
    var v = c.getAttribute('data-value');
    return type === 'text' ? (v || c.textContent) : Number(v);
  }
  function sortBy(col) {
    var th = heads[col];
    var type = th.getAttribute('data-type');
    var current = th.getAttribute('aria-sort');
    var dir = current ? (current === 'ascending' ? 'descending' : 'ascending') : (type === 'num' ? 'descending' : 'ascending');
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    var sign = dir === 'ascending' ? 1 : -1;
    Array.prototype.forEach.call(table.querySelectorAll('tbody.rows'), function (body) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, col, type), y = key(b, col, type);
        var d = type === 'text' ? (x < y ? -1 : x > y ? 1 : 0) : x - y;
        return d !== 0 ? sign * d : Number(a.getAttribute('data-rank')) - Number(b.getAttribute('data-rank'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  }
  for (var i = 0; i < heads.length; i++) {
    (function (col) {
      heads[col].addEventListener('click', function () { sortBy(col); });
      heads[col].addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(col); } });
    })(i);
  }
  var toggle = document.getElementById('clean-toggle');
  var clean = document.getElementById('clean-rows');
  if (toggle && clean) {
    toggle.addEventListener('click', function () {
      var show = clean.hidden;
      clean.hidden = !show;
      toggle.setAttribute('aria-expanded', String(show));
      toggle.textContent = (show ? 'Hide ' : 'Show ') + toggle.getAttribute('data-label');
    });
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  if (location.hash) reveal();
})();
`;
