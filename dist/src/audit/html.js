import { columns, findingsLine, generatedHelp, plural, provenance, variantsNote, versionOf } from './common.js';
import { blockShows, excerptBlocks, renderBlock } from './excerpt.js';
import { CSS, JS, docHtml } from './html-assets.js';
import { htmlText, inertHtml } from '../report/escape.js';
import { isClean, rankByRisk } from './stats.js';
const LEVELS = ['error', 'warning', 'note'];
export function renderAuditHtml(d, ctx) {
    const ranked = rankByRisk(d.modules);
    const ids = { module: new Map(ranked.map((m, i) => [m, `m${i + 1}`])), rule: (r) => `rule-${r.id}` };
    const generated = new Set(d.generatedPaths);
    const body = [
        `<h1>pinlint audit of <code>${htmlText(d.tree)}</code></h1>`,
        `<p class="sub">${plural(d.totals.modules, 'module')}, ${plural(d.totals.files, 'file')}; ${htmlText(provenance(d))}. ${htmlText(findingsLine(d, ctx))}</p>`,
        summary(d, ranked, ids),
        moduleTable(d, ranked, ids),
        findingsSection(d, ranked, ids, generated, ctx),
        wrappersSection(ranked, ids),
        sinksSection(ranked, ids),
        rulesSection(d, ranked, ids),
        notificationsSection(d),
    ];
    // Every string from the tree goes through htmlText; the excerpts (excerpt.ts) escape HTML only,
    // so the whole document is made inert for a terminal or a CI log as well (a report written to
    // stdout in CI): no raw control character, no `##[` (report/escape.ts).
    return inertHtml(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="pinlint ${htmlText(d.toolVersion)}">
<title>pinlint audit: ${htmlText(d.tree)}</title>
<style>${CSS}</style>
</head>
<body>
${body.filter((s) => s !== '').join('\n')}
<script>${JS}</script>
</body>
</html>
`);
}
/** `n` as a link to `#id`, or plain text when there is nothing to link to (0). */
function countLink(n, id) {
    return n > 0 ? `<a href="#${id}">${n}</a>` : String(n);
}
// ---- summary -------------------------------------------------------------------------------------
function summary(d, ranked, ids) {
    const t = d.totals;
    const withFindings = ranked.filter((m) => m.findings.length > 0);
    const levels = LEVELS.map((l) => plural(t.findingsByLevel[l], l)).join(' · ');
    const cards = [
        card(t.findings, 'findings', levels + (t.suppressed ? ` · ${t.suppressed} suppressed` : ''), '#findings', t.findings > 0),
        card(withFindings.length, `of ${t.modules} modules with findings`, withFindings.slice(0, 3).map((m) => m.path).join(', ') + (withFindings.length > 3 ? ', …' : ''), '#modules', withFindings.length > 0),
        card(t.pointerWrappers, 'wrappers called with pointers', `of ${plural(t.wrappers, 'unprotected wrapper')} (${t.exportedWrappers} exported)`, '#wrappers', t.pointerWrappers > 0),
        card(t.generatedFindings, 'findings in generated files', d.includeGenerated ? 'counted: in a dependency, generated code is the code that ships' : 'left out (--exclude-generated)', '#findings', false),
    ];
    const fired = d.rules.filter((r) => (t.findingsByRule[r.id] ?? 0) > 0);
    const quiet = d.rules.filter((r) => (t.findingsByRule[r.id] ?? 0) === 0);
    const rows = fired.map((r) => {
        const perLevel = LEVELS.map((l) => {
            const n = ranked.reduce((s, m) => s + m.findings.filter((f) => f.ruleId === r.id && f.level === l).length, 0);
            return `<td class="num${n === 0 ? ' zero' : ''}">${countLink(n, ids.rule(r))}</td>`;
        });
        return `<tr><th scope="row"><a href="#${ids.rule(r)}"><code>${htmlText(r.id)}</code> ${htmlText(r.name)}</a></th>${perLevel.join('')}<td class="num">${countLink(t.findingsByRule[r.id] ?? 0, ids.rule(r))}</td></tr>`;
    });
    return [
        '<section id="summary">',
        `<div class="cards">${cards.join('')}</div>`,
        fired.length === 0 ? '<p>No unsuppressed findings.</p>' : [
            '<table id="by-rule"><thead><tr><th>Findings by rule and level</th>',
            ...LEVELS.map((l) => `<th class="num"><span class="badge ${l}">${l}</span></th>`), '<th class="num">Total</th></tr></thead>',
            `<tbody>${rows.join('')}</tbody></table>`,
        ].join(''),
        quiet.length > 0 ? `<p class="legend">No findings of ${quiet.map((r) => `<a href="#${ids.rule(r)}"><code>${htmlText(r.id)}</code> ${htmlText(r.name)}</a>`).join(', ')}.</p>` : '',
        '</section>',
    ].join('\n');
}
function card(n, what, detail, href, bad) {
    return `<a class="card${bad ? ' bad' : n === 0 ? ' ok' : ''}" href="${href}"><span class="n">${n}</span>${htmlText(what)}<br><small>${htmlText(detail)}</small></a>`;
}
// ---- module table --------------------------------------------------------------------------------
/** The columns the HTML shows: rule columns only for rules with findings (the others are listed in
 * the summary), the context numbers (files, sink calls, inline) last and muted. */
function htmlColumns(d) {
    return columns(d).filter((c) => !c.rule || (d.totals.findingsByRule[c.rule.id] ?? 0) > 0);
}
const CONTEXT_COLUMNS = new Set(['Files', 'Sink calls', 'Inline']);
/** Where a count of module `m` in column `c` links: its findings, wrappers or sinks. */
function cellTarget(c, m, id) {
    if (c.rule)
        return `${id}-${c.rule.id}`;
    switch (c.title) {
        case 'Findings':
        case 'Generated':
            return `${id}-findings`;
        case 'Wrappers':
            return m.wrappers.some((w) => w.pointerCalls.length > 0) ? `${id}-wrappers-ptr` : `${id}-wrappers-int`;
        case 'Exported':
            // The list that holds the first exported wrapper (pointer-fed ones are listed first).
            return m.wrappers.some((w) => w.exported && w.pointerCalls.length > 0) ? `${id}-wrappers-ptr` : `${id}-wrappers-int`;
        case 'Ptr-fed':
            return `${id}-wrappers-ptr`;
        case 'Sinks':
            return `${id}-sinks`;
        default:
            return null;
    }
}
function moduleRow(m, rank, cols, ids) {
    const id = ids.module.get(m);
    const cells = cols.map((c) => {
        const v = c.value(m);
        if (c.title === 'Module') {
            const name = `<code>${htmlText(m.path)}</code>`;
            const wrappers = m.wrappers.some((w) => w.pointerCalls.length > 0) ? `${id}-wrappers-ptr` : `${id}-wrappers-int`;
            const target = m.findings.length > 0 ? `${id}-findings` : m.wrappers.length > 0 ? wrappers : null;
            return `<td data-value="${htmlText(m.path)}">${target ? `<a href="#${target}">${name}</a>` : name}</td>`;
        }
        if (c.title === 'Version') {
            // The replacement goes on its own line: a version column as wide as two module paths is unreadable.
            const repl = m.replacement ? `<br><small>=&gt; ${htmlText(`${m.replacement.path}${m.replacement.version ? ` ${m.replacement.version}` : ''}`)}</small>` : '';
            return `<td class="version" data-value="${htmlText(String(v))}">${htmlText(m.version ?? '?')}${repl}</td>`;
        }
        const n = Number(v);
        const target = CONTEXT_COLUMNS.has(c.title) ? null : cellTarget(c, m, id);
        const tone = n === 0 ? ' zero' : c.rule?.level === 'error' || c.title === 'Findings' && m.findingsByLevel.error > 0 ? ' bad' : c.rule || c.title === 'Findings' || c.title === 'Ptr-fed' ? ' warn' : '';
        const cls = `num${tone}${CONTEXT_COLUMNS.has(c.title) ? ' ctx' : ''}`;
        return `<td class="${cls}" data-value="${n}">${target ? countLink(n, target) : n}</td>`;
    });
    return `<tr data-rank="${rank}" data-module="${htmlText(m.path)}"${isClean(m) ? ' class="clean"' : ''}><td class="num" data-value="${rank}">${rank}</td>${cells.join('')}</tr>`;
}
function moduleTable(d, ranked, ids) {
    const cols = htmlColumns(d);
    const head = cols.map((c) => {
        const title = c.rule ? `${htmlText(c.rule.id)}<small>${htmlText(c.rule.name)}</small>` : htmlText(c.title);
        const cls = [c.numeric ? 'num' : '', CONTEXT_COLUMNS.has(c.title) ? 'ctx' : ''].filter(Boolean).join(' ');
        const help = c.title === 'Generated' ? generatedHelp(d) : c.help;
        return `<th scope="col" tabindex="0" title="${htmlText(help)}" data-col="${htmlText(c.rule?.id ?? c.title)}" data-type="${c.numeric ? 'num' : 'text'}"${cls ? ` class="${cls}"` : ''}>${title}</th>`;
    });
    const rows = ranked.map((m, i) => ({ m, html: moduleRow(m, i + 1, cols, ids) }));
    const active = rows.filter((r) => !isClean(r.m));
    const clean = rows.filter((r) => isClean(r.m));
    const label = `${plural(clean.length, 'clean module')} (no findings, no unprotected wrappers)`;
    const foot = cols.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${htmlText(String(c.total(d)))}</td>`).join('');
    return [
        '<h2 id="modules-title">Modules, ranked by risk</h2>',
        '<table id="modules">',
        `<thead><tr><th scope="col" tabindex="0" class="num" data-col="#" data-type="rank" title="rank: errors first, then warnings, then wrappers called with pointers, exported wrappers, any wrapper">#</th>${head.join('')}</tr></thead>`,
        `<tbody class="rows" id="active-rows">\n${active.map((r) => r.html).join('\n')}\n</tbody>`,
        clean.length > 0 ? `<tbody class="toggle"><tr class="toggle"><td colspan="${cols.length + 1}"><button type="button" id="clean-toggle" aria-expanded="false" aria-controls="clean-rows" data-label="${htmlText(label)}">Show ${htmlText(label)}</button></td></tr></tbody>` : '',
        clean.length > 0 ? `<tbody class="rows" id="clean-rows" hidden>\n${clean.map((r) => r.html).join('\n')}\n</tbody>` : '',
        `<tfoot><tr><td></td>${foot}</tr></tfoot>`,
        '</table>',
        `<p class="legend">Every count links to its list. Rule columns appear for rules with findings. Generated: ${htmlText(generatedHelp(d))}. Files, sink calls and inline-protected calls are context. Click a header to sort.</p>`,
    ].filter(Boolean).join('\n');
}
// ---- findings ------------------------------------------------------------------------------------
function findingsSection(d, ranked, ids, generated, ctx) {
    const modules = ranked.filter((m) => m.findings.length > 0);
    if (modules.length === 0)
        return '<h2 id="findings">Findings</h2>\n<p>No unsuppressed findings.</p>';
    const state = { n: 0, primaryLines: new Map() };
    const parts = ['<h2 id="findings">Findings</h2>'];
    for (const m of modules) {
        const id = ids.module.get(m);
        parts.push(`<section class="module" id="${id}" data-module="${htmlText(m.path)}">`, `<h3 id="${id}-findings"><code>${htmlText(m.path)}</code> <span class="sub">${htmlText(versionOf(m))} · ${plural(m.findings.length, 'finding')}${m.generatedFindings ? `, ${m.generatedFindings} in generated files` : ''} · ${plural(m.files, 'file')}, ${plural(m.sinkCalls, 'sink call')} (${m.inlineProtected} protected inline)</span></h3>`);
        for (const r of d.rules) {
            const fs = m.findings.filter((f) => f.ruleId === r.id);
            if (fs.length === 0)
                continue;
            parts.push(`<div class="rule-group" id="${id}-${r.id}" data-rule="${htmlText(r.id)}">`, `<h4><a href="#${ids.rule(r)}"><code>${htmlText(r.id)}</code> ${htmlText(r.name)}</a> <span class="sub">${plural(fs.length, 'finding')}</span></h4>`, `<details class="advice"><summary>How to fix ${htmlText(r.name)}</summary>${docHtml(r.docs.fix)}</details>`, ...fs.map((f) => htmlFinding(f, r, ids, generated.has(f.location.path), state, ctx)), '</div>');
        }
        parts.push('</section>');
    }
    return parts.join('\n');
}
function htmlFinding(f, rule, ids, generated, state, ctx) {
    const id = `f${++state.n}`;
    const marks = [{ location: f.location, label: 0 }, ...f.related.map((r, i) => ({ location: r.location, label: i + 1 }))];
    const blocks = excerptBlocks(marks);
    const lineKey = `${f.location.path}:${f.location.startLine}`;
    const shownBy = state.primaryLines.get(lineKey);
    if (!shownBy)
        state.primaryLines.set(lineKey, id);
    // A second finding on a line already shown (two arguments of one call) links to that excerpt
    // instead of repeating it; its other places still get theirs.
    const code = blocks.map((b) => (shownBy && blockShows(b, f.location.path, f.location.startLine)
        ? `<p class="same">Line ${f.location.startLine} is shown with <a href="#${shownBy}">the finding above</a>.</p>`
        : renderBlock(b, ctx)));
    const related = f.related.map((r, i) => `<li><span class="label">${i + 1}</span> ${htmlText(r.message)} <span class="where">at ${htmlText(`${r.location.path}:${r.location.startLine}:${r.location.startColumn}`)}</span></li>`);
    const fixes = (f.fixes ?? []).map((x) => htmlText(/[.!?]$/.test(x.description) ? x.description : `${x.description}.`));
    return [
        `<article class="finding ${f.level}" id="${id}" data-rule="${htmlText(f.ruleId)}">`,
        `<h4><span class="badge ${f.level}">${f.level}</span> <span class="where">${htmlText(`${f.location.path}:${f.location.startLine}:${f.location.startColumn}`)}</span>${generated ? ' <span class="badge gen" title="the file says Code generated ... DO NOT EDIT: the fix belongs in its generator">generated</span>' : ''}</h4>`,
        `<p class="msg">${htmlText(f.message)}</p>`,
        ...code,
        related.length ? `<ul class="related">${related.join('')}</ul>` : '',
        `<p class="fix">${fixes.length ? `<strong>Fix:</strong> ${fixes[0]} (<code>pinlint --fix</code> makes this change.)${fixes.length > 1 ? ` Or: ${fixes.slice(1).join(' Or: ')}` : ''} ` : ''}<a href="#${ids.rule(rule)}">${htmlText(rule.id)} ${htmlText(rule.name)}: what it means and how to fix it</a></p>`,
        '</article>',
    ].filter(Boolean).join('\n');
}
// ---- wrappers and sinks --------------------------------------------------------------------------
function wrapperRow(w) {
    const calls = w.pointerCalls.map((c) => `<code>${htmlText(c.arg)}</code> at <code>${htmlText(`${c.location.path}:${c.location.startLine}`)}</code>${c.forwarded ? ' <span class="muted">(a parameter its callers pass a pointer)</span>' : ''}`);
    return `<tr${w.exported ? ' class="exported"' : ''}><td><code>${htmlText(`${w.package}.${w.name}`)}</code></td><td><code>${htmlText(w.params.join(', '))}</code></td><td>${w.exported ? (w.internal ? 'yes (internal package)' : 'yes') : 'no'}</td>${calls.length ? `<td>${calls.join('<br>')}</td>` : ''}<td><code>${htmlText(`${w.path}:${w.line}`)}</code>${htmlText(variantsNote(w.variants))}</td></tr>`;
}
function wrapperTable(ranked, ids, fed) {
    const groups = ranked.map((m) => ({ m, ws: m.wrappers.filter((w) => (w.pointerCalls.length > 0) === fed) })).filter((g) => g.ws.length > 0);
    const cols = fed ? 5 : 4;
    const head = `<tr><th>Function</th><th>Forwards</th><th>Exported</th>${fed ? '<th>Called with a pointer</th>' : ''}<th>Declared at</th></tr>`;
    const body = groups.map((g) => `<tr class="group" id="${ids.module.get(g.m)}-wrappers-${fed ? 'ptr' : 'int'}"><th colspan="${cols}"><code>${htmlText(g.m.path)}</code> <span class="sub">${plural(g.ws.length, 'wrapper')}</span></th></tr>\n${g.ws.map(wrapperRow).join('\n')}`);
    return `<table class="decls" id="wrappers-${fed ? 'ptr' : 'int'}"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}
function wrappersSection(ranked, ids) {
    const all = ranked.flatMap((m) => m.wrappers);
    if (all.length === 0)
        return '<h2 id="wrappers">Unprotected wrappers</h2>\n<p>None: no function of the tree forwards a <code>uintptr</code> parameter to a sink.</p>';
    const fed = all.filter((w) => w.pointerCalls.length > 0).length;
    return [
        '<h2 id="wrappers">Unprotected wrappers</h2>',
        '<p class="legend">Functions with a Go body that forward a <code>uintptr</code> parameter to a system call: a caller that writes <code>uintptr(unsafe.Pointer(p))</code> in the argument list gets no protection (wrapper-conversion). File descriptors, flags and sizes are integers and need none.</p>',
        `<h3>Called with a pointer-derived value in this tree: ${fed}</h3>`,
        fed > 0 ? wrapperTable(ranked, ids, true) : '<p>None: every caller in the tree passes plain integers.</p>',
        `<details id="wrappers-int-details"${fed === 0 ? ' open' : ''}><summary>Only integers (or no caller) in this tree: ${all.length - fed}. Exported ones can still be misused by other code.</summary>`,
        all.length - fed > 0 ? wrapperTable(ranked, ids, false) : '<p>None.</p>',
        '</details>',
    ].join('\n');
}
function sinksSection(ranked, ids) {
    const groups = ranked.filter((m) => m.sinks.length > 0);
    if (groups.length === 0)
        return '';
    const body = groups.map((m) => [
        `<tr class="group" id="${ids.module.get(m)}-sinks"><th colspan="3"><code>${htmlText(m.path)}</code> <span class="sub">${plural(m.sinks.length, 'sink')}</span></th></tr>`,
        ...m.sinks.map((s) => `<tr><td><code>${htmlText(`${s.package}.${s.name}`)}</code></td><td>${s.kind === 'bodyless' ? 'bodyless' : `//go:${s.kind}`}${s.unprotectedVariants ? ` (${plural(s.unprotectedVariants, 'variant')} with a Go body: unprotected there)` : ''}</td><td><code>${htmlText(`${s.path}:${s.line}`)}</code>${htmlText(variantsNote(s.variants))}</td></tr>`),
    ].join('\n'));
    return [
        '<h2 id="sinks">Sinks defined</h2>',
        `<details id="sinks-details"><summary>${plural(groups.reduce((n, m) => n + m.sinks.length, 0), 'function')} that protect inline conversions (bodyless or //go:uintptrescapes, with uintptr parameters)</summary>`,
        `<table class="decls"><thead><tr><th>Function</th><th>Kind</th><th>Declared at</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`,
        '</details>',
    ].join('\n');
}
// ---- rules and notifications ---------------------------------------------------------------------
function rulesSection(d, ranked, ids) {
    const docs = d.rules.map((r) => {
        const where = ranked.filter((m) => (m.findingsByRule[r.id] ?? 0) > 0)
            .map((m) => `<a href="#${ids.module.get(m)}-${r.id}"><code>${htmlText(m.path)}</code> (${m.findingsByRule[r.id]})</a>`);
        return [
            `<section class="rule-doc" id="${ids.rule(r)}">`,
            `<h3><code>${htmlText(r.id)}</code> ${htmlText(r.name)} <span class="badge ${r.level}">${r.level}</span></h3>`,
            `<p><strong>${htmlText(r.summary)}</strong></p>`,
            docHtml(r.docs.what),
            '<h4>How to fix</h4>',
            docHtml(r.docs.fix),
            `<p class="legend">Findings: ${where.length ? where.join(', ') : 'none'}. Full documentation: <code>pinlint explain ${htmlText(r.name)}</code>, or <code>docs/rules/${htmlText(r.name)}.md</code> in pinlint's repository.</p>`,
            '</section>',
        ].join('\n');
    });
    return ['<h2 id="rules">Rules</h2>', ...docs].join('\n');
}
function notificationsSection(d) {
    if (d.notifications.length === 0)
        return '';
    return [
        '<h2 id="notifications">Notifications</h2><ul class="notifications">',
        ...d.notifications.map((x) => `<li><span class="badge ${x.level}">${x.level}</span> <code>${htmlText(x.path === undefined ? 'pinlint' : x.span ? `${x.path}:${x.span.startLine}:${x.span.startColumn}` : x.path)}</code> ${htmlText(x.message)} [${htmlText(x.id)}]</li>`),
        '</ul>',
    ].join('\n');
}
