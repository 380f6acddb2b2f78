// The only module that imports tree-sitter. It parses a file and copies the tree into plain
// JavaScript nodes with one cursor walk: every property read on a native node crosses into C++,
// and the analysis reads each node many times, so a copy is about three times faster than
// walking native nodes, and the native tree can be dropped at once (DESIGN.md §9: native trees
// are freed only between event-loop turns). Swapping in web-tree-sitter touches only this file.
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';
import { lineStarts, pointAt } from './positions.js';

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter') as typeof ParserType;
const Go = require('tree-sitter-go') as ParserType.Language;

let parser: ParserType | undefined;

/** Reports the parser, created once per thread: creating one costs more than a small parse. */
function goParser(): ParserType {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Go);
  }
  return parser;
}

/** Shared by the nodes of one file: the text and its line table (tree-sitter counts rows by \n). */
class FileText {
  private starts: number[] | null = null;
  constructor(readonly text: string) {}

  point(offset: number): { row: number; column: number } {
    this.starts ??= lineStarts(this.text);
    return pointAt(this.starts, offset);
  }
}

/** A syntax node: the subset of tree-sitter's SyntaxNode API that pinlint uses, on plain data.
 * Offsets and columns are UTF-16 code units, as the Node binding reports them. */
export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  /** Field name of each child, parallel to `children`. */
  readonly fields: Array<string | null> = [];
  parent: SyntaxNode | null = null;
  hasError = false;
  private named: SyntaxNode[] | null = null;

  constructor(
    private readonly file: FileText,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}

  get text(): string {
    return this.file.text.slice(this.startIndex, this.endIndex);
  }

  /** The whole file's text (offsets of every node index into it). */
  get sourceText(): string {
    return this.file.text;
  }

  get startPosition(): { row: number; column: number } {
    return this.file.point(this.startIndex);
  }

  get endPosition(): { row: number; column: number } {
    return this.file.point(this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    if (!this.named) this.named = this.children.filter((c) => c.isNamed);
    return this.named;
  }

  child(i: number): SyntaxNode | null {
    return this.children[i] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const i = this.fields.indexOf(name);
    return i >= 0 ? (this.children[i] as SyntaxNode) : null;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    this.fields.forEach((f, i) => { if (f === name) out.push(this.children[i] as SyntaxNode); });
    return out;
  }

  get previousNamedSibling(): SyntaxNode | null {
    const p = this.parent;
    if (!p) return null;
    const sibs = p.namedChildren;
    const i = sibs.indexOf(this);
    return i > 0 ? (sibs[i - 1] as SyntaxNode) : null;
  }

  /** All descendants (not this node) of the given type(s), in document order. */
  descendantsOfType(types: string | string[]): SyntaxNode[] {
    const want = typeof types === 'string' ? [types] : types;
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [...this.children].reverse();
    while (stack.length) {
      const n = stack.pop() as SyntaxNode;
      if (want.includes(n.type)) out.push(n);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as SyntaxNode);
    }
    return out;
  }

  toString(): string {
    return this.namedChildren.length ? `(${this.type} ${this.namedChildren.map((c) => c.toString()).join(' ')})` : `(${this.type})`;
  }
}

export interface Parsed {
  root: SyntaxNode;
  /** ERROR and MISSING nodes, outermost only (the root itself when the file is one ERROR). */
  errors: SyntaxNode[];
}

/** Parses Go source text into plain nodes. */
export function parseGo(text: string): Parsed {
  const tree = goParser().parse(text);
  const file = new FileText(text);
  const cursor = tree.walk();
  const errors: SyntaxNode[] = [];
  const make = (): SyntaxNode =>
    new SyntaxNode(file, cursor.nodeType, cursor.nodeIsNamed, cursor.nodeIsMissing, cursor.startIndex, cursor.endIndex);
  const root = make();
  const stack: SyntaxNode[] = [root];
  // ERROR nodes among the ancestors of the current node: an error inside one is not reported on
  // its own. Counted on the way down and up, so deep error-recovery trees stay linear (looking at
  // every error's ancestors was quadratic).
  let errorAncestors = 0;
  if (root.type === 'ERROR') {
    // A file that does not parse at all: the whole file is the error.
    errors.push(root);
    root.hasError = true;
    errorAncestors = 1;
  }
  // Depth-first copy: descend, then visit siblings, then climb.
  if (cursor.gotoFirstChild()) {
    for (;;) {
      const parent = stack[stack.length - 1] as SyntaxNode;
      const node = make();
      node.parent = parent;
      parent.children.push(node);
      parent.fields.push(cursor.currentFieldName ?? null);
      if (node.type === 'ERROR' || node.isMissing) {
        if (errorAncestors === 0) errors.push(node);
        node.hasError = true;
      }
      // Constant declarations cannot hold a pointer: their contents are never read, and in
      // generated files (zerrors_*.go) they are most of the nodes.
      if (node.type !== 'const_declaration' && cursor.gotoFirstChild()) {
        stack.push(node);
        if (node.type === 'ERROR') errorAncestors++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) break;
        const done = stack.pop() as SyntaxNode;
        if (done.type === 'ERROR') errorAncestors--;
        if (done.hasError && done.parent) done.parent.hasError = true;
        if (stack.length === 0) break;
      }
      if (stack.length === 0 || (stack.length === 1 && cursor.currentDepth === 0)) break;
    }
  }
  return { root, errors };
}
