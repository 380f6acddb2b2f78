export function spanOf(node) {
    return {
        startLine: node.startPosition.row + 1,
        startColumn: node.startPosition.column + 1,
        endLine: node.endPosition.row + 1,
        endColumn: node.endPosition.column + 1,
    };
}
/** Strips any number of parentheses around an expression. */
export function unparen(node) {
    let n = node;
    while (n.type === 'parenthesized_expression') {
        const inner = n.namedChildren[0];
        if (!inner)
            break;
        n = inner;
    }
    return n;
}
/**
 * Reports the name Go gives a package imported without an alias. The toolchain reads the package
 * clause; without it, the last path element is right for every package in the sink tables, and a
 * `/vN` major-version suffix or a `gopkg.in/x.vN` suffix is skipped as `go` does for module paths.
 */
export function defaultPackageName(path) {
    const parts = path.split('/');
    let last = parts[parts.length - 1] ?? path;
    if (/^v\d+$/.test(last) && parts.length > 1)
        last = parts[parts.length - 2] ?? last;
    last = last.replace(/\.v\d+$/, '');
    if (last.startsWith('go-'))
        last = last.slice(3);
    return last.replace(/[-.]/g, '_');
}
export function stringLiteralValue(node) {
    const t = node.text;
    if (t.startsWith('`'))
        return t.slice(1, -1);
    try {
        return JSON.parse(t);
    }
    catch {
        return t.slice(1, -1);
    }
}
/** Lists a file's imports with the names they bind. */
export function importsOf(root) {
    const out = [];
    for (const decl of root.namedChildren) {
        if (decl.type !== 'import_declaration')
            continue;
        const specs = decl.descendantsOfType('import_spec');
        for (const spec of specs) {
            const pathNode = spec.childForFieldName('path');
            if (!pathNode)
                continue;
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
export function directivesOf(decl) {
    const out = [];
    let prev = decl.previousNamedSibling;
    while (prev && prev.type === 'comment') {
        const m = /^\/\/go:([a-z_]+)/.exec(prev.text);
        if (m && m[1])
            out.push(m[1]);
        prev = prev.previousNamedSibling;
    }
    return out;
}
/** The package clause's name. */
export function packageNameOf(root) {
    for (const child of root.namedChildren) {
        if (child.type === 'package_clause') {
            const id = child.namedChildren[0];
            return id ? id.text : null;
        }
    }
    return null;
}
/** Reports whether the file carries the standard "Code generated ... DO NOT EDIT." marker. */
export function isGeneratedFile(text) {
    return /^\/\/ Code generated .* DO NOT EDIT\.$/m.test(text.slice(0, 4096));
}
/** The arguments of a call, in order, and whether the last one is spread with `...`. */
export function callArguments(call) {
    const list = call.childForFieldName('arguments');
    if (!list)
        return { args: [], spread: false };
    const args = [];
    let spread = false;
    for (const a of list.namedChildren) {
        if (a.type === 'comment')
            continue;
        if (a.type === 'variadic_argument') {
            spread = true;
            const inner = a.namedChildren[0];
            if (inner)
                args.push(inner);
            continue;
        }
        args.push(a);
    }
    return { args, spread };
}
/** The text of a type node with blanks squeezed out, e.g. `*windows.LazyProc`. */
export function typeText(node) {
    return node ? node.text.replace(/\s+/g, '') : undefined;
}
/** The parameters of a parameter list, one per name (`a, b int` gives two; unnamed ones are `_`). */
export function paramFacts(list) {
    const out = [];
    if (!list)
        return out;
    for (const p of list.namedChildren) {
        if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration')
            continue;
        const type = typeText(p.childForFieldName('type')) ?? '';
        const variadic = p.type === 'variadic_parameter_declaration';
        const names = p.childrenForFieldName('name');
        if (names.length === 0)
            out.push({ name: '_', type, variadic });
        for (const n of names)
            out.push({ name: n.text, type, variadic });
    }
    return out;
}
/** `s.a.b` → ['a', 'b'] (the fields below the root variable). */
export function fieldPath(sel) {
    const out = [];
    let e = unparen(sel);
    while (e && e.type === 'selector_expression') {
        out.unshift(e.childForFieldName('field')?.text ?? '');
        const op = e.childForFieldName('operand');
        e = op ? unparen(op) : null;
        if (e && e.type === 'index_expression')
            e = e.childForFieldName('operand');
    }
    return out;
}
export function shorten(text) {
    const one = text.replace(/\s+/g, ' ');
    return one.length > 60 ? one.slice(0, 57) + '…' : one;
}
/** The value of a constant integer index expression, or null. */
export function constIndex(node) {
    if (!node)
        return null;
    const n = unparen(node);
    if (n.type !== 'int_literal')
        return null;
    const v = Number(n.text.replace(/_/g, ''));
    return Number.isSafeInteger(v) ? v : null;
}
/** The key expression of a keyed literal element. */
export function elementKey(el) {
    const k = el.namedChildren[0];
    return k ? (k.namedChildren[0] ?? k) : null;
}
/** The statement a call belongs to (the child of a statement list or block). */
export function enclosingStatement(node) {
    let n = node;
    while (n && n.parent && n.parent.type !== 'statement_list' && n.parent.type !== 'block')
        n = n.parent;
    return n && n.parent ? n : null;
}
/** Reports whether an expression can be moved without changing behaviour: names, fields,
 * constant or variable indexes, address-of and conversions of those. */
export function isPure(node) {
    const n = unparen(node);
    switch (n.type) {
        case 'identifier':
        case 'int_literal':
        case 'field_identifier':
            return true;
        case 'selector_expression':
            return isPure(n.childForFieldName('operand'));
        case 'index_expression': {
            const idx = n.childForFieldName('index');
            return isPure(n.childForFieldName('operand')) && !!idx && ['identifier', 'int_literal'].includes(unparen(idx).type);
        }
        case 'unary_expression':
            return ['&', '*'].includes(n.child(0)?.type ?? '') && isPure(n.childForFieldName('operand'));
        case 'call_expression': {
            const f = n.childForFieldName('function');
            const args = callArguments(n).args;
            // unsafe.Pointer(x) and (*T)(x) conversions; no other calls.
            return args.length === 1 && !!f && (unparen(f).type === 'selector_expression' && unparen(f).text.endsWith('.Pointer') || f.type === 'parenthesized_expression') && isPure(args[0]);
        }
        default:
            return false;
    }
}
/** Where a fix can add an import (the first import declaration), with its specs' lines. */
export function importSiteOf(root) {
    const decl = root.namedChildren.find((c) => c.type === 'import_declaration');
    if (!decl)
        return null;
    const text = root.sourceText;
    const list = decl.namedChildren.find((c) => c.type === 'import_spec_list');
    const specs = decl.descendantsOfType('import_spec').map((sp) => ({
        path: (sp.childForFieldName('path')?.text ?? '').replace(/^["`]|["`]$/g, ''),
        lineStart: text.lastIndexOf('\n', sp.startIndex - 1) + 1,
    }));
    if (list) {
        const open = list.children.find((c) => c.type === '(');
        const openEnd = open ? text.indexOf('\n', open.endIndex) + 1 : list.startIndex;
        return { openEnd, specs, parenthesized: true, declRange: { start: decl.startIndex, end: decl.endIndex } };
    }
    return { openEnd: decl.startIndex, specs, parenthesized: false, declRange: { start: decl.startIndex, end: decl.endIndex } };
}
