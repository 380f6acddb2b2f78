// Matching `//pinlint:ignore` comments to findings. A suppression names rules by id or name and
// covers findings that start on the line it applies to. What was used, unused or malformed is
// returned so the bad-suppression rule can report it (staticcheck reports unused directives too).
import type { FileFacts, SuppressionUse } from '../model/facts.js';

export type { SuppressionUse };
import type { Finding } from '../model/findings.js';

export interface SuppressionResult {
  findings: Finding[];
  uses: SuppressionUse[];
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
    const use = byPath.get(finding.location.path)?.find((u) => !u.fact.malformed && u.fact.appliesTo === finding.location.startLine &&
      u.fact.rules.some((r) => r === finding.ruleId || r === finding.ruleName));
    if (use) {
      use.used = true;
      finding.suppression = { justification: use.fact.reason, location: { path: finding.location.path, ...use.fact.span } };
    }
  }
  // Only suppressions whose every named rule ran can be called unused.
  for (const u of uses) if (!u.used && !u.fact.rules.every((r) => enabled.has(r) || !known.has(r))) u.used = true;
  return { findings, uses };
}
