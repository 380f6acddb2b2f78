// Parsing a configuration file's text with positions: `.json` as strict JSON (with a line and
// column for a syntax error, which JSON.parse does not always give) and anything else as YAML 1.2.
// A file that does not parse is a ConfigError pointing at the spot. The JSON parser is shared with
// baseline.ts.
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from './problems.js';
/**
 * JSON.parse with a line and column for errors. V8 gives "at position N" for most errors but not
 * for an unexpected token (`Unexpected token '}', "..." is not valid JSON`), so the position is
 * found as the longest prefix V8 still reads as an unfinished document: the next character is
 * the one that cannot continue it. Being a prefix property, it is monotonic and binary-searchable.
 */
export function parseJsonWithPosition(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (err) {
        const raw = err instanceof Error ? err.message : String(err);
        const message = raw.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
        const { line, column } = lineColumn(text, jsonErrorOffset(text));
        return { ok: false, message, line, column };
    }
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
    const lineCounter = new LineCounter();
    // uniqueKeys: a rule set twice in one map is a mistake, not "last one wins".
    const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const err = doc.errors[0];
    if (err) {
        const pos = lineCounter.linePos(err.pos[0]);
        throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${err.message}`, line: pos.line, column: pos.col }]);
    }
    // An empty (or comments-only) file is a valid config with nothing in it.
    if (doc.contents === null)
        return {};
    try {
        return doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        // Unresolved or exploding aliases surface only when the document is converted.
        throw new ConfigError(file, [{ key: '', detail: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }]);
    }
}
