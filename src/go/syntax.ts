// Go syntax helpers over tree-sitter nodes. tree-sitter has no types and no import resolution,
// so each ambiguity (is `uintptr(x)` a conversion? which package does `sys.Syscall` name?) is
// decided here once; the flow analysis and the rules never re-derive it.
import type { SyntaxNode } from './parse.js';
import type { Span } from '../model/findings.js';
import type { ImportSpec } from '../model/facts.js';

export type { ImportSpec };

export function spanOf(node: SyntaxNode): Span {
  return {
    startLine: node.startPosition.row + 1,
    startColumn: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/** Strips any number of parentheses around an expression. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression') {
    const inner = n.namedChildren[0];
    if (!inner) break;
    n = inner;
  }
  return n;
}

/**
 * Reports the name Go gives a package imported without an alias. The toolchain reads the package
 * clause; without it, the last path element is right for every package in the sink tables, and a
 * `/vN` major-version suffix or a `gopkg.in/x.vN` suffix is skipped as `go` does for module paths.
 */
export function defaultPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1] ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2] ?? last;
  last = last.replace(/\.v\d+$/, '');
  if (last.startsWith('go-')) last = last.slice(3);
  return last.replace(/[-.]/g, '_');
}

export function stringLiteralValue(node: SyntaxNode): string {
  const t = node.text;
  if (t.startsWith('`')) return t.slice(1, -1);
  try {
    return JSON.parse(t) as string;
  } catch {
    return t.slice(1, -1);
  }
}

/** Lists a file's imports with the names they bind. */
export function importsOf(root: SyntaxNode): ImportSpec[] {
  const out: ImportSpec[] = [];
  for (const decl of root.namedChildren) {
    if (decl.type !== 'import_declaration') continue;
    const specs = decl.descendantsOfType('import_spec');
    for (const spec of specs) {
      const pathNode = spec.childForFieldName('path');
      if (!pathNode) continue;
      const path = stringLiteralValue(pathNode);
      const nameNode = spec.childForFieldName('name');
      const alias = nameNode ? nameNode.text : null;
      out.push({ path, alias, name: alias ?? defaultPackageName(path), span: spanOf(spec) });
    }
  }
  return out;
}

/**
 * Reports the `//go:` directives that apply to a declaration: every directive in the run of
 * comments directly above it. std and x/sys put `//go:uintptrescapes` above a doc comment and a
 * blank line (x/sys windows/dll_windows.go), which the compiler still honours.
 */
export function directivesOf(decl: SyntaxNode): string[] {
  const out: string[] = [];
  let prev = decl.previousNamedSibling;
  while (prev && prev.type === 'comment') {
    const m = /^\/\/go:([a-z_]+)/.exec(prev.text);
    if (m && m[1]) out.push(m[1]);
    prev = prev.previousNamedSibling;
  }
  return out;
}

/** The package clause's name. */
export function packageNameOf(root: SyntaxNode): string | null {
  for (const child of root.namedChildren) {
    if (child.type === 'package_clause') {
      const id = child.namedChildren[0];
      return id ? id.text : null;
    }
  }
  return null;
}

/** Reports whether the file carries the standard "Code generated ... DO NOT EDIT." marker. */
export function isGeneratedFile(text: string): boolean {
  return /^\/\/ Code generated .* DO NOT EDIT\.$/m.test(text.slice(0, 4096));
}

/** The arguments of a call, in order, and whether the last one is spread with `...`. */
export function callArguments(call: SyntaxNode): { args: SyntaxNode[]; spread: boolean } {
  const list = call.childForFieldName('arguments');
  if (!list) return { args: [], spread: false };
  const args: SyntaxNode[] = [];
  let spread = false;
  for (const a of list.namedChildren) {
    if (a.type === 'comment') continue;
    if (a.type === 'variadic_argument') {
      spread = true;
      const inner = a.namedChildren[0];
      if (inner) args.push(inner);
      continue;
    }
    args.push(a);
  }
  return { args, spread };
}

/** The text of a type node with blanks squeezed out, e.g. `*windows.LazyProc`. */
export function typeText(node: SyntaxNode | null | undefined): string | undefined {
  return node ? node.text.replace(/\s+/g, '') : undefined;
}
