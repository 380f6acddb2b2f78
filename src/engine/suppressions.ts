// Matching suppression directives to findings. A directive names rules by id or name. A
// `//pinlint:ignore` applies to the line below it (or its own line, when it ends a line of code)
// and covers a finding when that line belongs to the statement holding the finding's primary
// location, or to the statement holding the finding's conversion to uintptr (issue 11: the
// comment is written where the pointer is converted as often as above the call). A
// `//pinlint:file-ignore` covers every finding of its rules in the file. What was used, unused
// or malformed is returned so the bad-suppression rule can report it (staticcheck reports unused
// directives too).
import type { FileFacts, SuppressionUse } from '../model/facts.js';

export type { SuppressionUse };
import type { Finding } from '../model/findings.js';

export interface SuppressionResult {
  findings: Finding[];
  uses: SuppressionUse[];
}

/** The [first, last] lines of the statement holding `line`: the smallest multi-line statement
 * range that contains it, or the line alone. */
export function statementOf(ranges: ReadonlyArray<readonly [number, number]> | undefined, line: number): [number, number] {
  let best: [number, number] = [line, line];
  let size = Infinity;
  for (const [a, b] of ranges ?? []) {
    if (a > line) break; // sorted by first line
    if (b >= line && b - a < size) {
      best = [a, b];
      size = b - a;
    }
  }
  return best;
}

/** Reports whether a statement directive that applies to `appliesTo` covers `finding`. */
function covers(file: FileFacts, appliesTo: number, finding: Finding): boolean {
  const lines = [finding.location.startLine, ...finding.related.filter((r) => r.conversion && r.location.path === finding.location.path).map((r) => r.location.startLine)];
  return lines.some((l) => {
    const [a, b] = statementOf(file.stmtRanges, l);
    return appliesTo >= a && appliesTo <= b;
  });
}

/**
 * Marks suppressed findings (they stay in the list; reporters decide whether to show them).
 * `known` holds every rule id and name; `enabled` those that ran, since a suppression for a
 * rule that did not run cannot be judged unused.
 */
export function applySuppressions(findings: Finding[], files: FileFacts[], known: Set<string>, enabled: Set<string>, honour: boolean): SuppressionResult {
  const uses: SuppressionUse[] = [];
  const byPath = new Map<string, SuppressionUse[]>();
  for (const f of files) {
    for (const fact of f.suppressions) {
      const use: SuppressionUse = { file: f, fact, used: false, unknown: fact.rules.filter((r) => !known.has(r)) };
      uses.push(use);
      const list = byPath.get(f.path) ?? [];
      list.push(use);
      byPath.set(f.path, list);
    }
  }
  if (!honour) return { findings, uses: [] };
  for (const finding of findings) {
    const candidates = (byPath.get(finding.location.path) ?? []).filter((u) => !u.fact.malformed && u.fact.rules.some((r) => r === finding.ruleId || r === finding.ruleName));
    // A statement directive is the more precise claim, so it is the one credited when both apply.
    const use = candidates.find((u) => u.fact.scope !== 'file' && covers(u.file, u.fact.appliesTo, finding)) ?? candidates.find((u) => u.fact.scope === 'file');
    if (use) {
      use.used = true;
      finding.suppression = { justification: use.fact.reason, location: { path: finding.location.path, ...use.fact.span } };
    }
  }
  // Only suppressions whose every named rule ran can be called unused.
  for (const u of uses) if (!u.used && !u.fact.rules.every((r) => enabled.has(r) || !known.has(r))) u.used = true;
  return { findings, uses };
}
