// Findings as the engine builds them: the `report` callback a rule is given (message templates
// filled, levels from the rule or configuration), the stable order findings are listed in, and
// the deduplication of findings reached along several paths.
import type { Finding, Level, Notification, Span } from '../model/findings.js';
import type { Report, Rule, ReportInput } from '../rule-api.js';
import { isAbsolute } from 'node:path';
import { compareText } from '../model/order.js';

/** The `report` callback of `rule`: findings go to `out`, in `path` unless the rule names one. */
export function reporterFor(rule: Rule, path: string, out: Finding[], levels?: Map<string, Level>): Report<string> {
  return (r: ReportInput<string>) => {
    const template = (rule.meta.messages as Record<string, string>)[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.name} reported unknown messageId ${r.messageId}`);
    const loc = (span: Span, p?: string) => ({ path: p ?? r.path ?? path, ...span });
    out.push({
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      level: r.level ?? levels?.get(rule.meta.id) ?? (rule.meta.level as Level),
      message: fill(template, r.data),
      location: loc(r.span),
      related: (r.related ?? []).filter(inTree).map((x) => ({ location: loc(x.span, x.path), message: x.message, ...(x.conversion ? { conversion: true as const } : {}) })),
      flow: (r.flow ?? []).filter(inTree).map((x) => ({ location: loc(x.span, x.path), message: x.message })),
      ...(r.fixes?.length ? { fixes: r.fixes } : {}),
    });
  };
}

/** Reports whether a related location lies in the tree: steps in context read from outside it (the
 * module cache, a --context directory) have no repository-relative path, which SARIF URIs under
 * %SRCROOT% need, so they are left out; the message still names the wrapper and its sink. */
function inTree(x: { path?: string }): boolean {
  return x.path === undefined || !(x.path === '..' || x.path.startsWith('../') || isAbsolute(x.path));
}

/** Fills `{name}` placeholders; a missing value is a programming error in the rule. */
export function fill(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = data[k];
    if (v === undefined) throw new Error(`message placeholder {${k}} has no value`);
    return v;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.location.path, b.location.path) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message);
}

/** Notifications by path, line, then message. */
export function compareNotifications(a: Notification, b: Notification): number {
  return compareText(a.path ?? '', b.path ?? '') || (a.span?.startLine ?? 0) - (b.span?.startLine ?? 0) || compareText(a.message, b.message);
}

/** One finding per rule, place and message (a value reachable along two paths is one bug). */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}|${f.location.path}|${f.location.startLine}|${f.location.startColumn}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
