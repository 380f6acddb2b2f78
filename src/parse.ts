// The only module that imports tree-sitter. Everything else sees `SyntaxNode` through this file,
// so swapping the native binding for web-tree-sitter (see docs/architecture.md) touches one file.
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter') as typeof ParserType;
const Go = require('tree-sitter-go') as ParserType.Language;

export type SyntaxNode = ParserType.SyntaxNode;

let parser: ParserType | undefined;

/** Reports the parser, created once per thread: creating one costs more than a small parse. */
function goParser(): ParserType {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Go);
  }
  return parser;
}

export interface Parsed {
  root: SyntaxNode;
  /** Spans of ERROR and MISSING nodes, outermost only. */
  errors: SyntaxNode[];
}

/**
 * Parses Go source text. The Node binding counts positions in UTF-16 code units, which is the
 * column unit pinlint reports everywhere.
 */
export function parseGo(text: string): Parsed {
  const tree = goParser().parse(text);
  const root = tree.rootNode;
  const errors: SyntaxNode[] = [];
  if (root.hasError) collectErrors(root, errors);
  return { root, errors };
}

function collectErrors(node: SyntaxNode, out: SyntaxNode[]): void {
  if (node.type === 'ERROR' || node.isMissing) {
    out.push(node);
    return;
  }
  for (const child of node.children) if (child.hasError || child.isMissing) collectErrors(child, out);
}
