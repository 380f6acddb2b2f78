import { htmlText, inertJson, markdownCode, markdownFence, markdownText, terminalSafe } from '../report/escape.js';
import { buildJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { rankByRisk } from './stats.js';
import { asReport, at, columns, findingsLine, plural, provenance, variantsNote, versionOf } from './common.js';
import { renderAuditHtml } from './html.js';
export { escapeHtml } from './common.js';
export const AUDIT_FORMATS = ['text', 'json', 'markdown', 'html'];
export function renderAudit(format, data, ctx) {
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
// ---- text ------------------------------------------------------------------------------------
export function renderAuditText(d) {
    const cols = columns(d);
    const rows = rankByRisk(d.modules).map((m) => cols.map((c) => terminalSafe(String(c.value(m)))));
    const total = cols.map((c) => String(c.total(d)));
    const widths = cols.map((c, i) => Math.max(c.title.length, total[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)));
    const line = (cells) => cells.map((s, i) => (cols[i]?.numeric ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
    const out = [`pinlint audit of ${terminalSafe(d.tree)} (${terminalSafe(provenance(d))})`, ''];
    out.push(line(cols.map((c) => c.title)));
    out.push(line(widths.map((w) => '-'.repeat(w))));
    for (const r of rows)
        out.push(line(r));
    out.push(line(widths.map((w) => '-'.repeat(w))));
    out.push(line(total));
    out.push('');
    out.push(...legend(d).map((s) => s));
    const exported = d.modules.flatMap((m) => m.wrappers.filter((w) => w.exported).map((w) => ({ m, w })));
    if (exported.length > 0) {
        out.push('', 'Exported unprotected uintptr wrappers (callers passing uintptr(unsafe.Pointer(p)) are not protected):');
        for (const { w } of exported) {
            out.push(`  ${terminalSafe(`${w.package}.${w.name}(${w.params.join(', ')})`)} at ${terminalSafe(w.path)}:${w.line}:${w.column}${variantsNote(w.variants)}${w.internal ? ' [internal package]' : ''}${pointerNote(w, terminalSafe)}`);
        }
    }
    out.push('');
    const errors = d.notifications.filter((n) => n.level === 'error');
    if (d.notifications.length > 0) {
        out.push(`${plural(d.notifications.length, 'notification')} (${plural(errors.length, 'error')}); --format json lists them.`);
        for (const n of errors)
            out.push(`  ${terminalSafe(n.path ?? 'pinlint')}: ${terminalSafe(n.message)} [${n.id}]`);
    }
    out.push(findingsLine(d, { readSource: () => undefined }) + (d.totals.findings > 0 ? ' Use --format html or markdown for each finding with its code.' : ''));
    return `${out.join('\n')}\n`;
}
/** For the text and Markdown lists: where the tree passes the wrapper a pointer, if it does, the
 * place written by `shown` (terminalSafe for text, markdownCode for Markdown). */
export function pointerNote(w, shown) {
    const c = w.pointerCalls[0];
    return c ? ` [called with a pointer at ${shown(at(c.location))}${w.pointerCalls.length > 1 ? ` and ${w.pointerCalls.length - 1} more` : ''}]` : '';
}
function legend(d) {
    return [
        `Modules ranked by risk: errors, then warnings, then wrappers called with pointers. Rules: ${d.rules.map((r) => `${r.id} ${r.name}`).join(', ')} (unsuppressed findings per rule).`,
        d.includeGenerated
            ? 'Generated: of the findings, those in generated files, which an audit counts (they are the code a dependency ships).'
            : 'Generated: findings in generated files were left out (--exclude-generated).',
        'Wrappers: unprotected functions that forward a uintptr parameter to a sink (Ptr-fed: some caller in the tree passes',
        'a pointer-derived value; Exported: callable by other code). Sinks: bodyless or //go:uintptrescapes functions with',
        'uintptr parameters. Inline: sink calls whose pointer arguments are all converted inline.',
    ];
}
// ---- json ------------------------------------------------------------------------------------
export function renderAuditJson(d, ctx) {
    // Objects are written field by field so the key order, and the bytes, never depend on how the
    // stats were assembled.
    const out = {
        tool: { name: 'pinlint', version: d.toolVersion },
        tree: d.tree,
        modulesTxt: d.modulesTxt,
        versionsKnown: d.modulesTxt !== null,
        includeGenerated: d.includeGenerated,
        rules: d.rules.map((r) => ({ id: r.id, name: r.name, level: r.level, summary: r.summary })),
        totals: {
            modules: d.totals.modules,
            files: d.totals.files,
            // The names `pinlint check --format json` gives the same counts in its summary.
            filesScanned: d.counts.scanned,
            filesParsed: d.counts.parsed,
            sinkCalls: d.totals.sinkCalls,
            inlineProtected: d.totals.inlineProtected,
            findings: d.totals.findings,
            findingsByRule: byRule(d, d.totals.findingsByRule),
            findingsByLevel: byLevel(d.totals.findingsByLevel),
            generatedFindings: d.totals.generatedFindings,
            suppressed: d.totals.suppressed,
            wrappers: d.totals.wrappers,
            exportedWrappers: d.totals.exportedWrappers,
            pointerWrappers: d.totals.pointerWrappers,
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
            findingsByLevel: byLevel(m.findingsByLevel),
            generatedFindings: m.generatedFindings,
            wrappers: m.wrappers.map((w) => ({
                name: w.name, package: w.package, exported: w.exported, internal: w.internal, params: [...w.params],
                path: w.path, line: w.line, column: w.column, variants: w.variants,
                pointerCalls: w.pointerCalls.map((c) => ({ path: c.location.path, line: c.location.startLine, column: c.location.startColumn, arg: c.arg, forwarded: c.forwarded })),
            })),
            sinks: m.sinks.map((s) => ({
                name: s.name, package: s.package, kind: s.kind,
                path: s.path, line: s.line, column: s.column, variants: s.variants, unprotectedVariants: s.unprotectedVariants ?? 0,
            })),
            findingList: buildJson(asReport(m.findings, [], d, ctx)).findings,
        })),
        notifications: buildJson(asReport([], d.notifications, d, ctx)).notifications,
    };
    return `${inertJson(JSON.stringify(out, null, 2))}\n`;
}
function byLevel(counts) {
    return { error: counts.error, warning: counts.warning, note: counts.note };
}
function byRule(d, counts) {
    return Object.fromEntries(d.rules.map((r) => [r.id, counts[r.id] ?? 0]));
}
// ---- markdown --------------------------------------------------------------------------------
/** GitHub rejects comments over 65,536 characters; stay well below with room for a header. */
const MARKDOWN_BUDGET = 60_000;
/** Findings shown per module in a PR comment; the rest are counted. */
const MARKDOWN_FINDINGS_PER_MODULE = 20;
export function renderAuditMarkdown(d, ctx) {
    const cols = columns(d);
    // Text columns hold the module path and version from the tree: code spans. Counts and
    // pinlint's own titles are plain.
    const cell = (c, v) => (c.numeric ? String(v) : markdownCode(String(v), 'table'));
    const out = [
        `### pinlint audit of ${markdownCode(d.tree)}`,
        '',
        `${plural(d.totals.modules, 'module')}, ${plural(d.totals.files, 'file')}; ${markdownText(provenance(d))}. ${findingsLine(d, ctx)}`,
        '',
        `| ${cols.map((c) => c.title).join(' | ')} |`,
        `| ${cols.map((c) => (c.numeric ? '--:' : ':--')).join(' | ')} |`,
        ...rankByRisk(d.modules).map((m) => `| ${cols.map((c) => cell(c, c.value(m))).join(' | ')} |`),
        `| ${cols.map((c, i) => (i === 0 ? `**${String(c.total(d))}**` : c.numeric ? String(c.total(d)) : '')).join(' | ')} |`,
        '',
        `<sub>${legend(d).join(' ')}</sub>`,
    ];
    const detailed = rankByRisk(d.modules).filter((m) => m.findings.length > 0 || m.wrappers.some((w) => w.exported));
    if (detailed.length > 0)
        out.push('', '#### Findings by module');
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
    if (omitted > 0)
        out.push('', `_${plural(omitted, 'more module')} left out to fit a comment; run \`pinlint audit --format html\` for the full report._`);
    return `${out.join('\n')}\n`;
}
function moduleDetails(m, d, ctx) {
    const exported = m.wrappers.filter((w) => w.exported);
    const parts = [plural(m.findings.length, 'finding')];
    if (exported.length > 0)
        parts.push(plural(exported.length, 'exported wrapper'));
    // The summary line is inside an HTML block, where Markdown is not read: HTML escapes, on one line.
    const out = ['<details>', `<summary><code>${htmlText(m.path)}</code> <code>${htmlText(versionOf(m))}</code>: ${parts.join(', ')}</summary>`];
    if (m.findings.length > 0) {
        const shown = m.findings.slice(0, MARKDOWN_FINDINGS_PER_MODULE);
        // The check command's text reporter already renders each finding with its excerpt and related
        // locations (terminal-safe: it escapes what comes from the tree); its last line is a summary we
        // do not need per module. In a fence longer than any run of backticks inside, nothing is read.
        const text = renderText(asReport(shown, [], d, ctx)).trimEnd().split('\n').slice(0, -1).join('\n').trimEnd();
        const fence = markdownFence(text);
        out.push('', `${fence}text`, text, fence);
        if (m.findings.length > shown.length)
            out.push('', `_…and ${m.findings.length - shown.length} more; see the JSON or HTML report._`);
    }
    if (exported.length > 0) {
        out.push('', 'Exported unprotected uintptr wrappers (a caller passing `uintptr(unsafe.Pointer(p))` gets no protection):', '');
        for (const w of exported)
            out.push(`- ${markdownCode(`${w.package}.${w.name}`)} forwards ${w.params.map((x) => markdownCode(x)).join(', ')} (${markdownCode(`${w.path}:${w.line}`)})${w.internal ? ', internal package' : ''}${pointerNote(w, (x) => markdownCode(x))}`);
    }
    out.push('', '</details>');
    return out.join('\n');
}
