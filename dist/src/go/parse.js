// The only module that imports tree-sitter. It parses a file and copies the tree into plain
// JavaScript nodes with one cursor walk: every property read on a native node crosses into C++,
// and the analysis reads each node many times, so a copy is about three times faster than
// walking native nodes, and the native tree can be dropped at once (DESIGN.md §9: native trees
// are freed only between event-loop turns). Swapping in web-tree-sitter touches only this file.
import { createRequire } from 'node:module';
import { lineStarts, pointAt } from './positions.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
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
    up = null;
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
    // An accessor, so that a test can count the walks up the tree that parsing makes (one
    // ancestor walk per error node made deep error-recovery trees quadratic: issue 12).
    get parent() {
        return this.up;
    }
    set parent(p) {
        this.up = p;
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
/** Parses with tree-sitter, stopped at the deadline; null when stopped. */
function treeOf(text, deadline, onProgress) {
    const p = goParser();
    const options = deadline === undefined && !onProgress ? {} : {
        progressCallback: () => {
            onProgress?.();
            return deadline !== undefined && performance.now() > deadline;
        },
    };
    const tree = p.parse(text, null, options);
    if (tree)
        return tree;
    // A halted parse resumes on the next call unless reset.
    p.reset();
    return null;
}
/** Parses Go source text into plain nodes, within the limits. */
export function parseGo(text, limits = { maxDepth: DEFAULT_LIMITS.maxDepth }) {
    const file = new FileText(text);
    const tree = treeOf(text, limits.timeMs === undefined ? undefined : performance.now() + limits.timeMs, limits.onProgress);
    if (tree) {
        const out = { root: null, errors: [], skipped: [], byDeclaration: false };
        out.root = copyTree(file, tree, { maxDepth: limits.maxDepth, map: (o) => o, skipped: out.skipped, errors: out.errors });
        return out;
    }
    return parseByDeclaration(file, limits);
}
/** Copies a native tree as parseGo does; exported for tests, which need trees tree-sitter-go 0.25
 * does not produce (a root that is itself an ERROR node: the grammar wraps every error in a
 * source_file). */
export function copyNativeTree(text, tree, maxDepth = DEFAULT_LIMITS.maxDepth) {
    const out = { root: null, errors: [], skipped: [], byDeclaration: false };
    out.root = copyTree(new FileText(text), tree, { maxDepth, map: (o) => o, skipped: out.skipped, errors: out.errors });
    return out;
}
/**
 * Copies a native tree into plain nodes in one cursor walk, with an explicit stack (no recursion:
 * the depth is the input's). A top-level declaration that nests deeper than `maxDepth` is dropped
 * whole, so one pathological declaration costs neither memory nor the other declarations their
 * findings, and no later walk sees a depth the main thread's stack cannot take.
 */
function copyTree(file, tree, st) {
    const cursor = tree.walk();
    const make = () => new SyntaxNode(file, cursor.nodeType, cursor.nodeIsNamed, cursor.nodeIsMissing, st.map(cursor.startIndex), st.map(cursor.endIndex));
    const root = make();
    const stack = [root];
    // ERROR nodes among the ancestors of the current node: an error inside one is not reported on
    // its own. Counted on the way down and up, so deep error-recovery trees stay linear (looking at
    // every error's ancestors was quadratic).
    let errorAncestors = 0;
    if (root.type === 'ERROR') {
        // A file that does not parse at all: the whole file is the error.
        st.errors.push(root);
        root.hasError = true;
        errorAncestors = 1;
    }
    const climb = () => {
        if (!cursor.gotoParent())
            return false;
        const done = stack.pop();
        if (done.type === 'ERROR')
            errorAncestors--;
        if (done.hasError && done.parent)
            done.parent.hasError = true;
        return true;
    };
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
                    st.errors.push(node);
                node.hasError = true;
            }
            if (stack.length > st.maxDepth) {
                // Too deep: drop the top-level declaration this node is in and go on after it.
                const decl = stack[1] ?? node;
                while (stack.length > 1 && climb()) { /* up to the declaration */ }
                root.children.pop();
                root.fields.pop();
                st.skipped.push({ startIndex: decl.startIndex, endIndex: decl.endIndex, reason: 'depth' });
                while (st.errors.length && st.errors[st.errors.length - 1].startIndex >= decl.startIndex && st.errors[st.errors.length - 1] !== root)
                    st.errors.pop();
                if (!cursor.gotoNextSibling())
                    break;
                continue;
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
                if (!climb() || stack.length === 0)
                    break;
            }
            if (stack.length === 0 || (stack.length === 1 && cursor.currentDepth === 0))
                break;
        }
    }
    return root;
}
/** Where top-level declarations other than imports start: gofmt puts them at column 0. Used only
 * when the file as a whole did not parse in time. */
const DECLARATION_START = /^(?:func|var|type|const)\b/gm;
/**
 * Parses a file that did not parse in time one top-level declaration at a time: each is parsed
 * after the file's header (package clause and imports) with its own time limit, and its nodes
 * are moved to their offsets in the file. A declaration that still runs out of time is skipped;
 * the others keep their findings.
 */
function parseByDeclaration(file, limits) {
    const text = file.text;
    const starts = [...text.matchAll(DECLARATION_START)].map((m) => m.index);
    const headerEnd = starts[0] ?? text.length;
    const header = text.slice(0, headerEnd);
    const out = { root: new SyntaxNode(file, 'source_file', true, false, 0, text.length), errors: [], skipped: [], byDeclaration: true };
    const total = limits.timeMs ?? Infinity;
    const each = total / 4;
    // The whole fallback gets as long as the first attempt had; what is left after is skipped.
    const stop = performance.now() + total;
    const spans = [[0, headerEnd], ...starts.map((s, k) => [s, starts[k + 1] ?? text.length])];
    spans.forEach(([from, to], k) => {
        const now = performance.now();
        const tree = now < stop ? treeOf(k === 0 ? header : header + text.slice(from, to), Math.min(now + each, stop), limits.onProgress) : null;
        if (!tree) {
            out.skipped.push({ startIndex: from, endIndex: to, reason: 'time' });
            return;
        }
        const delta = from - headerEnd;
        const part = copyTree(file, tree, { maxDepth: limits.maxDepth, map: (o) => (o < headerEnd || k === 0 ? o : o + delta), skipped: out.skipped, errors: out.errors });
        part.children.forEach((c, i) => {
            // The header's nodes come from the first parse only.
            if (k > 0 && c.endIndex <= headerEnd)
                return;
            c.parent = out.root;
            out.root.children.push(c);
            out.root.fields.push(part.fields[i] ?? null);
            if (c.hasError)
                out.root.hasError = true;
        });
    });
    // Errors of the header parsed again with each declaration are the header's own, once.
    out.errors = dedupeErrors(out.errors);
    return out;
}
function dedupeErrors(errors) {
    const seen = new Set();
    return errors.filter((e) => {
        const key = `${e.startIndex}:${e.endIndex}:${e.type}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
