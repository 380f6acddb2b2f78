// Suppression directives, staticcheck's `//lint:ignore` and `//lint:file-ignore` in pinlint's
// spelling:
//
//   //pinlint:ignore <rule>[,<rule>] -- <reason>       a statement (docs/usage.md#suppressing-a-finding)
//   //pinlint:file-ignore <rule>[,<rule>] -- <reason>  the whole file
//
// The reason is required (staticcheck's rule), so a reviewer can judge every suppression. A
// `//pinlint:` comment with any other verb is kept as malformed, so the engine reports it instead
// of silently ignoring a misspelt `//pinlint:ingore`. Which findings a line directive covers is
// decided by statement ranges (statementRanges below), matched in engine/suppressions.ts.
import type { SuppressionFact } from '../model/facts.js';
import type { SyntaxNode } from './parse.js';

// `s`: the rest of the comment may hold any character, U+2028 and a lone CR included.
const DIRECTIVE = /\/\/\s*pinlint:([\w-]*)(.*)$/s;

const VERBS: Record<string, SuppressionFact['scope']> = { ignore: 'statement', 'file-ignore': 'file' };

/** Finds the suppression comments of a file by scanning its lines (comments only: the text
 * before `//` must not end inside a string, which a line-level check approximates). */
export function parseSuppressions(text: string): SuppressionFact[] {
  const out: SuppressionFact[] = [];
  if (!text.includes('pinlint:')) return out;
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
    const verb = m[1] ?? '';
    const scope = VERBS[verb];
    const fact: SuppressionFact = {
      rules: [],
      reason: '',
      scope: scope ?? 'statement',
      appliesTo: trailing ? lineNo : lineNo + 1,
      span: { startLine: lineNo, startColumn: col, endLine: lineNo, endColumn: line.length + 1 },
    };
    out.push(fact);
    if (!scope) {
      fact.unknownDirective = `//pinlint:${verb}`;
      fact.malformed = 'is no pinlint directive';
      return;
    }
    const rest = (m[2] ?? '').trim();
    const sep = rest.indexOf('--');
    const head = (sep >= 0 ? rest.slice(0, sep) : rest).trim();
    fact.reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    fact.rules = head.split(',').map((s) => s.trim()).filter(Boolean);
    if (fact.rules.length === 0) fact.malformed = `names no rule (write //pinlint:${verb} <rule> -- <reason>)`;
    else if (!fact.reason) fact.malformed = `gives no reason (write //pinlint:${verb} <rule> -- <why this is safe>)`;
  });
  return out;
}

/** Statements whose every line a directive may sit beside. Compound statements count by their
 * header only (`if err := call(…); err != nil {`): a comment above an `if` must not hide its body. */
const SIMPLE = new Set([
  'expression_statement', 'assignment_statement', 'short_var_declaration', 'var_declaration', 'const_declaration',
  'return_statement', 'defer_statement', 'go_statement', 'send_statement', 'inc_statement', 'dec_statement',
]);
const COMPOUND = new Set(['if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

/**
 * The line ranges of the file's statements that span more than one line (a one-line statement is
 * its own line), as [first, last] pairs: simple statements whole, compound ones up to the line of
 * their opening brace. Needed only when the file has directives.
 */
export function statementRanges(root: SyntaxNode): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as SyntaxNode;
    if (n.startPosition.row !== n.endPosition.row) {
      if (SIMPLE.has(n.type)) out.push([n.startPosition.row + 1, n.endPosition.row + 1]);
      else if (COMPOUND.has(n.type)) {
        const brace = n.childForFieldName('consequence') ?? n.childForFieldName('body') ?? n.children.find((c) => c.type === '{');
        const end = brace ? brace.startPosition.row + 1 : n.startPosition.row + 1;
        if (end > n.startPosition.row + 1) out.push([n.startPosition.row + 1, end]);
      }
    }
    for (const c of n.children) if (c.children.length) stack.push(c);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
