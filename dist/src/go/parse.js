// The only module that imports tree-sitter. It parses a file and copies the tree into plain
// JavaScript nodes with one cursor walk: every property read on a native node crosses into C++,
// and the analysis reads each node many times, so a copy is about three times faster than
// walking native nodes, and the native tree can be dropped at once (DESIGN.md §9: native trees
// are freed only between event-loop turns). Swapping in web-tree-sitter touches only this file.
import { createRequire } from 'node:module';
import { lineStarts, pointAt } from './positions.js';
const require = createRequire(import.meta.url);
const Parser = require('tree-sitter');
const Go = require('tree-sitter-go');
let parser;
/** Reports the parser, created once per thread: creating one costs more than a small parse. */
function goParser() {
    if (!parser) {
        parser = new Parser();
        parser.setLanguage(Go);
    }
    return parser;
}
/** Shared by the nodes of one file: the text and its line table (tree-sitter counts rows by \n). */
class FileText {
    text;
    starts = null;
    constructor(text) {
        this.text = text;
    }
    point(offset) {
        this.starts ??= lineStarts(this.text);
        return pointAt(this.starts, offset);
    }
}
/** A syntax node: the subset of tree-sitter's SyntaxNode API that pinlint uses, on plain data.
 * Offsets and columns are UTF-16 code units, as the Node binding reports them. */
export class SyntaxNode {
    file;
    type;
    isNamed;
    isMissing;
    startIndex;
    endIndex;
    children = [];
    /** Field name of each child, parallel to `children`. */
    fields = [];
    parent = null;
    hasError = false;
    named = null;
    constructor(file, type, isNamed, isMissing, startIndex, endIndex) {
        this.file = file;
        this.type = type;
        this.isNamed = isNamed;
        this.isMissing = isMissing;
        this.startIndex = startIndex;
        this.endIndex = endIndex;
    }
    get text() {
        return this.file.text.slice(this.startIndex, this.endIndex);
    }
    /** The whole file's text (offsets of every node index into it). */
    get sourceText() {
        return this.file.text;
    }
    get startPosition() {
        return this.file.point(this.startIndex);
    }
    get endPosition() {
        return this.file.point(this.endIndex);
    }
    get namedChildren() {
        if (!this.named)
            this.named = this.children.filter((c) => c.isNamed);
        return this.named;
    }
    child(i) {
        return this.children[i] ?? null;
    }
    childForFieldName(name) {
        const i = this.fields.indexOf(name);
        return i >= 0 ? this.children[i] : null;
    }
    childrenForFieldName(name) {
        const out = [];
        this.fields.forEach((f, i) => { if (f === name)
            out.push(this.children[i]); });
        return out;
    }
    get previousNamedSibling() {
        const p = this.parent;
        if (!p)
            return null;
        const sibs = p.namedChildren;
        const i = sibs.indexOf(this);
        return i > 0 ? sibs[i - 1] : null;
    }
    /** All descendants (not this node) of the given type(s), in document order. */
    descendantsOfType(types) {
        const want = typeof types === 'string' ? [types] : types;
        const out = [];
        const stack = [...this.children].reverse();
        while (stack.length) {
            const n = stack.pop();
            if (want.includes(n.type))
                out.push(n);
            for (let i = n.children.length - 1; i >= 0; i--)
                stack.push(n.children[i]);
        }
        return out;
    }
    toString() {
        return this.namedChildren.length ? `(${this.type} ${this.namedChildren.map((c) => c.toString()).join(' ')})` : `(${this.type})`;
    }
}
/** Parses Go source text into plain nodes. */
export function parseGo(text) {
    const tree = goParser().parse(text);
    const file = new FileText(text);
    const cursor = tree.walk();
    const errors = [];
    const make = () => new SyntaxNode(file, cursor.nodeType, cursor.nodeIsNamed, cursor.nodeIsMissing, cursor.startIndex, cursor.endIndex);
    const root = make();
    const stack = [root];
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
            const parent = stack[stack.length - 1];
            const node = make();
            node.parent = parent;
            parent.children.push(node);
            parent.fields.push(cursor.currentFieldName ?? null);
            if (node.type === 'ERROR' || node.isMissing) {
                if (errorAncestors === 0)
                    errors.push(node);
                node.hasError = true;
            }
            // Constant declarations cannot hold a pointer: their contents are never read, and in
            // generated files (zerrors_*.go) they are most of the nodes.
            if (node.type !== 'const_declaration' && cursor.gotoFirstChild()) {
                stack.push(node);
                if (node.type === 'ERROR')
                    errorAncestors++;
                continue;
            }
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent())
                    break;
                const done = stack.pop();
                if (done.type === 'ERROR')
                    errorAncestors--;
                if (done.hasError && done.parent)
                    done.parent.hasError = true;
                if (stack.length === 0)
                    break;
            }
            if (stack.length === 0 || (stack.length === 1 && cursor.currentDepth === 0))
                break;
        }
    }
    return { root, errors };
}
