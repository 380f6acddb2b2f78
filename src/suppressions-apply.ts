// Matching `//pinlint:ignore` comments to findings. A suppression names rules by id or name and
// covers findings that start on the line it applies to.
import type { FileFacts, SuppressionFact } from './facts-types.js';
import type { Finding } from './types.js';
import type { Rule } from './rule-api.js';

export interface SuppressionUse {
  file: FileFacts;
  fact: SuppressionFact;
  used: boolean;
}

/** Marks suppressed findings (they stay in the list; reporters decide whether to show them). */
export function applySuppressions(findings: Finding[], files: FileFacts[], rules: readonly Rule[], honour: boolean): Finding[] {
  if (!honour) return findings;
  const byPath = new Map<string, SuppressionUse[]>();
  for (const f of files) {
    if (f.suppressions.length) byPath.set(f.path, f.suppressions.map((fact) => ({ file: f, fact, used: false })));
  }
  const known = new Set(rules.flatMap((r) => [r.meta.id, r.meta.name]));
  for (const finding of findings) {
    const uses = byPath.get(finding.location.path);
    if (!uses) continue;
    const use = uses.find((u) => !u.fact.malformed && u.fact.appliesTo === finding.location.startLine &&
      u.fact.rules.some((r) => r === finding.ruleId || r === finding.ruleName) && u.fact.rules.every((r) => known.has(r) || r === finding.ruleId));
    if (use) {
      use.used = true;
      finding.suppression = { justification: use.fact.reason, location: { path: finding.location.path, ...use.fact.span } };
    }
  }
  return findings;
}
