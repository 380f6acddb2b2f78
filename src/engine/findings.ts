// Findings as the engine builds them: the `report` callback a rule is given (message templates
// filled, levels from the rule or configuration), the stable order findings are listed in, and
// the deduplication of findings reached along several paths.
import type { Finding, Level, Notification, Severity, Span } from '../model/findings.js';
import type { Report, Rule, ReportInput } from '../rule-api.js';
import { isAbsolute } from 'node:path';
import { compareText } from '../model/order.js';

/** The `report` callback of `rule`: findings go to `out`, in `path` unless the rule names one. */
export function reporterFor(rule: Rule, path: string, out: Finding[], levels?: Map<string, Level>): Report<string> {
  return (r: ReportInput<string>) => {
    const template = (rule.meta.messages as Record<string, string>)[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.name} reported unknown messageId ${r.messageId}`);
    const loc = (span: Span, p?: string) => ({ path: p ?? r.path ?? path, ...span });
    const message = fill(template, r.data);
    out.push({
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      level: findingLevel(rule.meta.level, levels?.get(rule.meta.id), r.level, r.severity),
      message: r.evidence ? `${message} ${evidenceSentence(r.severity, r.evidence)}` : message,
      location: loc(r.span),
      related: (r.related ?? []).filter(inTree).map((x) => ({ location: loc(x.span, x.path), message: x.message, ...(x.conversion ? { conversion: true as const } : {}) })),
      flow: (r.flow ?? []).filter(inTree).map((x) => ({ location: loc(x.span, x.path), message: x.message })),
      ...(r.fixes?.length ? { fixes: r.fixes } : {}),
      ...(r.severity ? { severity: r.severity } : {}),
      ...(r.evidence ? { evidence: r.evidence } : {}),
      ...(r.object !== undefined ? { object: r.object } : {}),
      ...(r.evidenceLine !== undefined ? { evidenceLine: r.evidenceLine } : {}),
    });
  };
}

const RANK: Record<Level, number> = { note: 0, warning: 1, error: 2 };
const BY_RANK: Level[] = ['note', 'warning', 'error'];

/**
 * A finding's level (issue 9; docs/configuration.md). A rule's level is the level of its bugs; a
 * rule violation is one step below it, and a level the rule asks for (a note for a weaker
 * variant) stands as it is. A level set in the configuration moves every finding of the rule by
 * as many steps as it moves the rule's level, never past note or error, so a bug still outranks
 * a violation of the same rule at any configured level.
 */
export function findingLevel(ruleLevel: Level, configured: Level | undefined, asked: Level | undefined, severity: Severity | undefined): Level {
  const own = asked !== undefined ? RANK[asked] : Math.max(0, RANK[ruleLevel] - (severity === 'rule-violation' ? 1 : 0));
  const shift = configured !== undefined ? RANK[configured] - RANK[ruleLevel] : 0;
  return BY_RANK[Math.min(2, Math.max(0, own + shift))] as Level;
}

/** The sentence that ends a judged finding's message: which it is, and why. */
function evidenceSentence(severity: Severity | undefined, evidence: string): string {
  const body = /[.!?]$/.test(evidence) ? evidence : `${evidence}.`;
  if (severity === 'rule-violation') return `Rule violation, not yet a bug: ${body}`;
  if (severity === 'bug') return `Bug: ${body}`;
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}`;
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

/**
 * One finding per rule, argument and object (issue 9): a value reachable along two paths, or an
 * object two sources of one argument name, is one mistake. Findings that name no object are
 * told apart by their message. Of duplicates the highest level is kept, at the first one's
 * place in the order.
 */
export function dedupe(findings: Finding[]): Finding[] {
  const kept = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const l = f.location;
    const k = `${f.ruleId}|${l.path}|${l.startLine}|${l.startColumn}|${l.endLine}|${l.endColumn}|${f.object !== undefined ? `obj:${f.object}` : `msg:${f.message}`}`;
    const at = kept.get(k);
    if (at === undefined) {
      kept.set(k, out.length);
      out.push(f);
    } else if (RANK[f.level] > RANK[(out[at] as Finding).level]) {
      out[at] = f;
    }
  }
  return out;
}
