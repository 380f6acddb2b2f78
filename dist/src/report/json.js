// Machine-readable output for scripts: one object, pretty-printed, with every key written in a fixed
// order (objects are rebuilt field by field instead of serialising engine objects as they come), so
// the bytes depend only on the findings.
import { inertJson } from './escape.js';
import { summarize } from './text.js';
function location(l) {
    return { path: l.path, startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn };
}
function related(r) {
    return { message: r.message, location: location(r.location) };
}
function fix(f) {
    return {
        description: f.description,
        path: f.path,
        edits: f.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })),
    };
}
function finding(f) {
    const out = {
        ruleId: f.ruleId,
        ruleName: f.ruleName,
        level: f.level,
        message: f.message,
        ...(f.severity !== undefined ? { severity: f.severity, evidence: f.evidence ?? '' } : {}),
        ...(f.evidenceLine !== undefined ? { evidenceLine: f.evidenceLine } : {}),
        location: location(f.location),
        related: f.related.map(related),
        flow: f.flow.map(related),
    };
    if (f.fixes !== undefined && f.fixes.length > 0)
        out.fixes = f.fixes.map(fix);
    if (f.suppression !== undefined) {
        out.suppression = { justification: f.suppression.justification, location: location(f.suppression.location) };
    }
    return out;
}
function notification(n) {
    const out = { level: n.level, id: n.id, message: n.message };
    if (n.path !== undefined)
        out.path = n.path;
    if (n.span !== undefined) {
        out.span = { startLine: n.span.startLine, startColumn: n.span.startColumn, endLine: n.span.endLine, endColumn: n.span.endColumn };
    }
    return out;
}
export function buildJson(report, opts = {}) {
    const shown = report.findings.filter((f) => opts.includeSuppressed === true || f.suppression === undefined);
    return {
        version: report.toolVersion,
        findings: shown.map(finding),
        notifications: report.notifications.map(notification),
        summary: summarize(report),
    };
}
/** The JSON text; inertJson spells the few code points JSON.stringify leaves raw that a terminal
 * or a CI log would act on as escapes, so the value parsed is the same. */
export function renderJson(report, opts = {}) {
    return `${inertJson(JSON.stringify(buildJson(report, opts), null, 2))}\n`;
}
