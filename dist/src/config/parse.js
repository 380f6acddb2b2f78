// Parsing a configuration file's text with positions: `.json` as strict JSON (with a line and
// column for a syntax error, which JSON.parse does not always give) and anything else as YAML 1.2.
// A file that does not parse is a ConfigError pointing at the spot. The JSON parser is shared with
// baseline.ts.
import { extname } from 'node:path';
import { LineCounter, Parser, parseDocument } from 'yaml';
import { ConfigError } from './problems.js';
/**
 * JSON.parse with a line and column for errors. V8 gives "at position N" for most errors but not
 * for an unexpected token (`Unexpected token '}', "..." is not valid JSON`), so the position is
 * found as the longest prefix V8 still reads as an unfinished document: the next character is
 * the one that cannot continue it. Being a prefix property, it is monotonic and binary-searchable.
 */
export function parseJsonWithPosition(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        const raw = err instanceof Error ? err.message : String(err);
        // V8 quotes the offending text ("Unexpected token 'g', \"ghp_…\" is not valid JSON"): none of
        // it may reach a message, since the file may hold a secret (docs/security.md).
        const message = raw.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '').replace(/ token '.*'$/s, ' token');
        const offset = jsonErrorOffset(text);
        const { line, column } = lineColumn(text, offset);
        // Said in words, since the token itself is not quoted: a conflict left in a committed file.
        const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.test(text.slice(offset - column + 1, offset - column + 9)) ? ' (a merge conflict marker: resolve the conflict)' : '';
        return { ok: false, message: message + conflict, line, column };
    }
    // JSON.parse takes any depth; what reads the value after it (the schema's explanations,
    // structuredClone, the baseline's walk) recurses, so a deep file is refused here, where it is
    // one sentence and not a stack trace.
    if (nestsDeeperThan(value, MAX_NESTING))
        return { ok: false, message: TOO_DEEP, line: 1, column: 1 };
    return { ok: true, value };
}
/** How deep a configuration or baseline file may nest arrays and objects. Real ones nest under
 * ten levels; every walk over the parsed value stays far inside any thread's stack. */
export const MAX_NESTING = 64;
const TOO_DEEP = `arrays and objects nest deeper than ${MAX_NESTING} levels`;
/** Reports whether a parsed value nests arrays and objects deeper than `max` levels, without
 * recursion. A part reached twice (a YAML alias) is looked at again only when reached deeper. */
export function nestsDeeperThan(value, max) {
    const deepest = new Map();
    const stack = [[value, 0]];
    for (let top = stack.pop(); top; top = stack.pop()) {
        const [v, above] = top;
        if (v === null || typeof v !== 'object')
            continue;
        if (above >= max)
            return true;
        if ((deepest.get(v) ?? -1) >= above)
            continue;
        deepest.set(v, above);
        for (const child of Array.isArray(v) ? v : Object.values(v))
            stack.push([child, above + 1]);
    }
    return false;
}
/** Reports whether YAML text nests collections deeper than `max`, from the parser's concrete
 * syntax tree, before the document is composed: the yaml package composes collections
 * recursively and turns a stack overflow into a RESOURCE_EXHAUSTION error, and a regular
 * expression first run that close to the end of the stack was seen to abort Node later in the same
 * process (a fatal out-of-memory in V8's regular-expression compiler). */
function yamlNestsDeeperThan(text, max) {
    const stack = [];
    for (const token of new Parser().parse(text))
        stack.push([token, 0]);
    for (let top = stack.pop(); top; top = stack.pop()) {
        const [t, above] = top;
        if (!t)
            continue;
        if (t.type === 'document')
            stack.push([t.value, above]);
        if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection')
            continue;
        if (above >= max)
            return true;
        for (const item of t.items)
            stack.push(['key' in item ? item.key : null, above + 1], [item.value, above + 1]);
    }
    return false;
}
function jsonErrorOffset(text) {
    const unfinished = (prefix) => {
        try {
            JSON.parse(prefix);
            return true;
        }
        catch (err) {
            const msg = err instanceof Error ? err.message : '';
            if (msg.startsWith('Unexpected end of JSON input'))
                return true;
            const m = / at position (\d+)/.exec(msg);
            return m !== null && Number(m[1]) >= prefix.length;
        }
    };
    if (unfinished(text))
        return text.length;
    let lo = 0; // unfinished('') always holds
    let hi = text.length;
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (unfinished(text.slice(0, mid)))
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}
function lineColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/** Parses a config file's text: `.json` as strict JSON, anything else as YAML 1.2. */
export function parseConfigText(file, text) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (extname(file).toLowerCase() === '.json') {
        const r = parseJsonWithPosition(body);
        if (!r.ok)
            throw new ConfigError(file, [{ key: '', detail: `invalid JSON: ${r.message}`, line: r.line, column: r.column }]);
        return r.value;
    }
    if (yamlNestsDeeperThan(body, MAX_NESTING))
        throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${TOO_DEEP}` }]);
    const lineCounter = new LineCounter();
    // uniqueKeys: a rule set twice in one map is a mistake, not "last one wins".
    const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const err = doc.errors[0];
    if (err) {
        const pos = lineCounter.linePos(err.pos[0]);
        throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${withoutSourceText(err.message)}`, line: pos.line, column: pos.col }]);
    }
    // An empty (or comments-only) file is a valid config with nothing in it.
    if (doc.contents === null)
        return {};
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        // Unresolved or exploding aliases surface only when the document is converted.
        throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${withoutSourceText(e instanceof Error ? e.message : String(e))}` }]);
    }
    // Aliases can nest a collection inside another deeper than the text does.
    if (nestsDeeperThan(value, MAX_NESTING))
        throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${TOO_DEEP}` }]);
    return value;
}
/** A parser's message without the text of the file it quotes: the yaml package ends some messages
 * with the offending token (`Unexpected scalar token in YAML stream: "…"`) or an alias name
 * (`Unresolved alias (…): name`), and the file may be a secret a link or a typo led to. The
 * position still says where to look. */
export function withoutSourceText(message) {
    return message.replace(/:\s*"[^]*$/, '').replace(/(\([^)]*\)):\s*[^]*$/, '$1').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
