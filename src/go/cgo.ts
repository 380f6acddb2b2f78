// cgo in Go syntax: the preamble (the C code in the comment right above `import "C"`), the C
// type names it declares, and the one decision between a conversion `C.T(x)` and a call into C
// `C.f(x)`, which parse alike (DESIGN.md §8: one helper owns each syntactic ambiguity).
import type { SyntaxNode } from './parse.js';
import { type NameScope, qualified } from './predicates.js';
import { callArguments, stringLiteralValue, unparen } from './syntax.js';
import { CGO_PACKAGE, C_NUMERIC_TYPES, C_TYPE_PREFIXES, C_TYPE_SUFFIX } from '../knowledge/index.js';

/**
 * The cgo preamble of a file: the doc comment of its `import "C"` spec, or of the import
 * declaration when that holds only this spec (how cmd/cgo's ast.go finds it), or null.
 */
export function cgoPreamble(root: SyntaxNode): string | null {
  for (const decl of root.namedChildren) {
    if (decl.type !== 'import_declaration') continue;
    const specs = decl.descendantsOfType('import_spec');
    for (const spec of specs) {
      const path = spec.childForFieldName('path');
      if (!path || stringLiteralValue(path) !== CGO_PACKAGE) continue;
      const own = spec.parent?.type === 'import_spec_list' ? commentsAbove(spec) : null;
      return own ?? (specs.length === 1 ? commentsAbove(decl) : null);
    }
  }
  return null;
}

/** The text of the comments directly above `node` (no blank line between), markers removed. */
function commentsAbove(node: SyntaxNode): string | null {
  const parts: string[] = [];
  let next = node;
  let prev = node.previousNamedSibling;
  while (prev && prev.type === 'comment' && prev.endPosition.row >= next.startPosition.row - 1) {
    const t = prev.text;
    parts.unshift(t.startsWith('//') ? t.slice(2) : t.slice(2, -2));
    next = prev;
    prev = prev.previousNamedSibling;
  }
  return parts.length ? parts.join('\n') : null;
}

/**
 * The type names a preamble declares with `typedef` (`typedef struct {…} req_t;`,
 * `typedef int (*callback)(void);`, `typedef unsigned long handle, *handle_ptr;`). A reading of
 * declarations, not a C parser: comments, strings and brace bodies are dropped first, so a field's
 * `;` inside a struct does not end the typedef.
 */
export function preambleTypeNames(preamble: string): Set<string> {
  const out = new Set<string>();
  let c = preamble.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ').replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  for (let prev = ''; prev !== c;) {
    prev = c;
    c = c.replace(/\{[^{}]*\}/g, ' ');
  }
  for (const m of c.matchAll(/\btypedef\b([^;]*);/g)) {
    const body = m[1] ?? '';
    // A function-pointer typedef names its type inside the parentheses: (*name).
    const fp = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(body);
    if (fp?.[1]) {
      out.add(fp[1]);
      continue;
    }
    for (const declarator of body.split(',')) {
      const name = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*$/.exec(declarator.trim());
      if (name?.[1]) out.add(name[1]);
    }
  }
  return out;
}

/** Reports whether `C.name` names a C type: a standard numeric type, a struct/union/enum, a
 * `_t` type, or a typedef of the preamble (`declared`). */
export function isCTypeName(name: string, declared: ReadonlySet<string>): boolean {
  return C_NUMERIC_TYPES.includes(name) || C_TYPE_PREFIXES.some((p) => name.startsWith(p)) ||
    name.endsWith(C_TYPE_SUFFIX) || declared.has(name);
}

/**
 * The C type that `call` converts to when it is `C.T(x)` for a C type T, or null when it is not
 * one (a call into C, `C.f(x)`, or no cgo at all). `declared` holds the preamble's typedefs.
 */
export function cgoConversionType(ns: NameScope, call: SyntaxNode, declared: ReadonlySet<string>): string | null {
  const fn = call.childForFieldName('function');
  if (!fn || callArguments(call).args.length !== 1) return null;
  const q = qualified(ns, unparen(fn));
  if (!q || q.pkg !== CGO_PACKAGE) return null;
  return isCTypeName(q.name, declared) ? q.name : null;
}
