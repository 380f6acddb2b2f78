// Inline suppressions: `//pinlint:ignore <rule>[,<rule>] -- <reason>` on the flagged line or on
// the line above. The reason is required (staticcheck's `//lint:ignore` rule), so a reviewer can
// judge every suppression; malformed and unused ones are reported by the engine.
import type { SuppressionFact } from '../model/facts.js';

// `s`: the rest of the comment may hold any character, U+2028 and a lone CR included.
const DIRECTIVE = /\/\/\s*pinlint:ignore\b(.*)$/s;

/** Finds the suppression comments of a file by scanning its lines (comments only: the text
 * before `//` must not end inside a string, which a line-level check approximates). */
export function parseSuppressions(text: string): SuppressionFact[] {
  const out: SuppressionFact[] = [];
  if (!text.includes('pinlint:ignore')) return out;
  // Go's line model, the one the parser and every position use: only \n ends a line (a CR
  // before it belongs to the line ending; a CR elsewhere is an ordinary character).
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const col = (m.index ?? 0) + 1;
    const before = line.slice(0, m.index);
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/`/g)?.length ?? 0) % 2 === 1) return;
    const lineNo = i + 1;
    const trailing = before.trim().length > 0;
    const rest = (m[1] ?? '').trim();
    const fact: SuppressionFact = {
      rules: [],
      reason: '',
      appliesTo: trailing ? lineNo : lineNo + 1,
      span: { startLine: lineNo, startColumn: col, endLine: lineNo, endColumn: line.length + 1 },
    };
    const sep = rest.indexOf('--');
    const head = (sep >= 0 ? rest.slice(0, sep) : rest).trim();
    fact.reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    fact.rules = head.split(',').map((s) => s.trim()).filter(Boolean);
    if (fact.rules.length === 0) fact.malformed = 'names no rule (write //pinlint:ignore <rule> -- <reason>)';
    else if (!fact.reason) fact.malformed = 'gives no reason (write //pinlint:ignore <rule> -- <why this is safe>)';
    out.push(fact);
  });
  return out;
}
