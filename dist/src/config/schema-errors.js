import { closest, escapePointer, isRecord, listOr, pointerSegments, quote } from './wording.js';
/**
 * Turns ajv errors (from a validator compiled with `allErrors` and `verbose`) into one problem
 * per JSON pointer, in the order the keys appear in `value`. The text after "expected" is the
 * `description` of the outermost schema node at that pointer.
 */
export function explainSchemaErrors(errors, schema, value) {
    const byKey = new Map();
    for (const e of errors) {
        const p = explainError(e, schema);
        if (p && !byKey.has(p.key))
            byKey.set(p.key, p.detail);
    }
    return inDocumentOrder([...byKey].map(([key, detail]) => ({ key, detail })), value);
}
/** Problems sorted by where their key appears in `value` (pre-order), so they read top to bottom. */
export function inDocumentOrder(problems, value) {
    const order = documentOrder(value);
    const rank = (k) => order.get(k) ?? Number.MAX_SAFE_INTEGER;
    return problems.sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
function explainError(e, root) {
    const parent = (e.parentSchema ?? {});
    switch (e.keyword) {
        // Wrappers around errors that ajv also reports on their own, more precisely.
        case 'if':
        case 'propertyNames':
            return null;
        case 'additionalProperties': {
            const extra = String(e.params.additionalProperty);
            const allowed = Object.keys((parent.properties ?? {}));
            const hint = closest(extra, allowed);
            return {
                key: `${e.instancePath}/${escapePointer(extra)}`,
                detail: `unknown key ${quote(extra)}; ${hint ? `did you mean ${quote(hint)}?` : `expected ${allowed.length > 2 ? 'one of ' : ''}${listOr(allowed.map(quote))}`}`,
            };
        }
        case 'required': {
            const missing = String(e.params.missingProperty);
            const desc = describeAt(root, e.instancePath) ?? parent.description;
            return { key: e.instancePath, detail: `missing key ${quote(missing)}${desc ? `; expected ${desc}` : ''}` };
        }
    }
    if (e.propertyName !== undefined) {
        // An error in `propertyNames`: the offending thing is a key, and its schema is `parent`.
        return {
            key: `${e.instancePath}/${escapePointer(e.propertyName)}`,
            detail: `invalid key ${quote(e.propertyName)}; expected ${String(parent.description ?? e.message)}`,
        };
    }
    const desc = describeAt(root, e.instancePath) ?? parent.description ?? e.message ?? 'a valid value';
    return { key: e.instancePath, detail: `expected ${desc}, got ${describeValue(e.data)}` };
}
/** The description of the outermost schema node that describes the value at `pointer`. */
function describeAt(root, pointer) {
    let node = root;
    for (const seg of pointerSegments(pointer)) {
        node = node ? childSchema(node, seg) : undefined;
    }
    return node?.description;
}
function childSchema(node, key) {
    // Look through if/then/else too: a rule setting's object form lives in `else`.
    for (const n of [node, node.then, node.else]) {
        if (!isRecord(n))
            continue;
        const props = n.properties;
        if (isRecord(props) && Object.hasOwn(props, key) && isRecord(props[key]))
            return props[key];
        if (isRecord(n.additionalProperties))
            return n.additionalProperties;
        if (isRecord(n.items))
            return n.items;
    }
    return undefined;
}
/** Pre-order position of every JSON pointer in `value`, so problems read top to bottom. */
function documentOrder(value) {
    const order = new Map();
    const walk = (v, ptr) => {
        order.set(ptr, order.size);
        if (Array.isArray(v))
            v.forEach((x, i) => walk(x, `${ptr}/${i}`));
        else if (isRecord(v))
            for (const [k, x] of Object.entries(v))
                walk(x, `${ptr}/${escapePointer(k)}`);
    };
    walk(value, '');
    return order;
}
/** Shows a value the way the user wrote it, or what kind of thing it is. */
export function describeValue(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
    if (v === undefined)
        return 'nothing';
    return String(v);
}
