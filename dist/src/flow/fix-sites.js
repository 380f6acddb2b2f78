import { conversionOperand, isUintptrConversion } from '../go/predicates.js';
import { callArguments, enclosingStatement, unparen } from '../go/syntax.js';
/** Statements a call result can be hoisted out of: simple statements evaluated once, in order. */
const HOISTABLE = new Set(['short_var_declaration', 'assignment_statement', 'var_declaration', 'expression_statement', 'return_statement']);
/** The indentation before `node` on its line, or null when code precedes it there. */
function indentOf(text, node) {
    const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
    const indent = text.slice(lineStart, node.startIndex);
    return /^[ \t]*$/.test(indent) ? indent : null;
}
/** The names a simple statement declares or assigns (the left-hand identifiers). */
function boundBy(stmt) {
    const out = new Set();
    const left = stmt.type === 'var_declaration'
        ? stmt.descendantsOfType('var_spec').flatMap((s) => s.childrenForFieldName('name'))
        : stmt.type === 'short_var_declaration' || stmt.type === 'assignment_statement'
            ? stmt.childForFieldName('left')?.namedChildren ?? []
            : [];
    for (const n of left)
        if (n.type === 'identifier')
            out.add(n.text);
    return out;
}
/** The key `name` denotes right after `stmt` (before it, for a return), or '' when it denotes
 * no local variable there (a package-level name, or nothing). */
function keyAfter(cx, stmt, bound, name) {
    if (bound.has(name))
        return '';
    for (let i = cx.scopes.length - 1; i >= 0; i--) {
        const r = cx.scopeRanges[i];
        // An if/for/switch header's scope is the statement itself: it ends with it.
        if (!r || r.start > stmt.startIndex || r.end < stmt.endIndex || (r.start === stmt.startIndex && r.end === stmt.endIndex))
            continue;
        const v = cx.scopes[i]?.get(name);
        if (v)
            return v.key;
    }
    return '';
}
/** Where a `runtime.KeepAlive` can go after the statement holding `call`, and which variable
 * each of `roots` (the root names of the objects the call's arguments point into) denotes there. */
export function statementSite(cx, call, roots) {
    const stmt = enclosingStatement(call);
    if (!stmt)
        return undefined;
    const indent = indentOf(cx.file.text, stmt);
    const bound = stmt.type === 'return_statement' ? new Set() : boundBy(stmt);
    const names = {};
    for (const n of roots)
        names[n] = keyAfter(cx, stmt, bound, n);
    const end = lineEndAfter(cx.file.text, stmt.endIndex);
    return {
        range: { start: stmt.startIndex, end: stmt.endIndex },
        indent: indent ?? '',
        isReturn: stmt.type === 'return_statement',
        inBlock: indent !== null && (end >= 0 || stmt.type === 'return_statement'),
        after: end,
        names,
    };
}
/** Where a new line can start after the statement ending at `end`: the end of its line, past a
 * trailing `//` comment (which stays with the statement), before the line break; -1 when more
 * code follows on that line. */
function lineEndAfter(text, end) {
    let nl = text.indexOf('\n', end);
    if (nl < 0)
        return -1;
    if (nl > end && text[nl - 1] === '\r')
        nl--;
    const rest = text.slice(end, nl).trim();
    return rest === '' || (rest.startsWith('//') && !rest.includes('*/')) ? nl : -1;
}
/** Reports whether `c` is the operand X of `uintptr(unsafe.Pointer(X))` (parentheses allowed). */
function isConvertedOperand(cx, c) {
    let p = c.parent;
    while (p?.type === 'parenthesized_expression')
        p = p.parent;
    const ptr = p?.type === 'argument_list' ? p.parent : null;
    if (!ptr || ptr.type !== 'call_expression' || !conversionOperand(cx.names, ptr))
        return false;
    let q = ptr.parent;
    while (q?.type === 'parenthesized_expression')
        q = q.parent;
    const conv = q?.type === 'argument_list' ? q.parent : null;
    return !!conv && conv.type === 'call_expression' && isUintptrConversion(cx.names, conv);
}
/** For `uintptr(unsafe.Pointer(X))` where X is a call or `&T{…}`: where X can be assigned to a
 * new variable so a KeepAlive can name it, or undefined when moving X would change behaviour. */
export function hoistSite(cx, conv) {
    const ptr = unparen(callArguments(conv).args[0] ?? conv);
    const operand = ptr.type === 'call_expression' ? conversionOperand(cx.names, ptr) : null;
    const x = operand ? unparen(operand) : null;
    if (!x || !isValueExpr(cx, x))
        return undefined;
    const stmt = enclosingStatement(conv);
    const block = stmt?.parent;
    if (!stmt || !block || !HOISTABLE.has(stmt.type))
        return undefined;
    const indent = indentOf(cx.file.text, stmt);
    if (indent === null)
        return undefined;
    // Nothing the statement evaluates may run before X, except other hoistable operands, which
    // the fix must then hoist too, in order (calls inside those move with them).
    const before = [];
    for (const c of stmt.descendantsOfType('call_expression')) {
        if (c.startIndex >= x.startIndex)
            break;
        if (c.endIndex >= x.endIndex)
            continue; // encloses X: runs after its arguments
        if (before.some((b) => b.start <= c.startIndex && c.endIndex <= b.end))
            continue;
        if (isUintptrConversion(cx.names, c) || conversionOperand(cx.names, c))
            continue;
        if (!isConvertedOperand(cx, c))
            return undefined;
        before.push({ start: c.startIndex, end: c.endIndex });
    }
    return {
        expr: { start: x.startIndex, end: x.endIndex },
        text: x.text,
        stmtStart: stmt.startIndex,
        indent,
        block: { start: block.startIndex, end: block.endIndex },
        ...(before.length ? { after: before.map((b) => b.start) } : {}),
    };
}
/** A call that is not a conversion, or the address of a composite literal: a value with no name. */
function isValueExpr(cx, x) {
    if (x.type === 'call_expression')
        return !isUintptrConversion(cx.names, x) && !conversionOperand(cx.names, x);
    if (x.type === 'unary_expression' && x.child(0)?.type === '&')
        return unparen(x.childForFieldName('operand') ?? x).type === 'composite_literal';
    return false;
}
