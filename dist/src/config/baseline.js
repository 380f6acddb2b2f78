// Baselines: adopting pinlint on a codebase that already has findings. `--write-baseline FILE`
// records today's findings; `--baseline FILE` then reports only findings that are not in it.
//
// An entry identifies a finding by rule, path and a hash of the flagged line's text with its
// nearest non-blank neighbours, never by line number, so editing code above a finding does not
// make it "new". Identical entries are counted rather than listed: a file with two baselined
// findings on identical lines in identical context still lets a third one through.
import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';
import { parseJsonWithPosition } from './parse.js';
import { explainSchemaErrors } from './schema-errors.js';
export const BASELINE_VERSION = 1;
/** A baseline file that cannot be used; the message names the file, the key and what was expected. */
export class BaselineError extends Error {
    name = 'BaselineError';
    file;
    /** JSON pointer of the first problem ('' for the file as a whole). */
    key;
    problems;
    constructor(file, problems) {
        super(problems
            .map((p) => `${file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.key ? `${p.key}: ` : ''}${p.detail}`)
            .join('\n'));
        this.file = file;
        this.key = problems[0]?.key ?? '';
        this.problems = problems;
    }
}
const HEX_SHA256 = '^[0-9a-f]{64}$';
const BASELINE_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'tool', 'findings'],
    description: 'a pinlint baseline: {"version": 1, "tool": "pinlint", "findings": [...]}',
    properties: {
        version: {
            const: BASELINE_VERSION,
            description: `${BASELINE_VERSION} (the baseline format this pinlint reads; regenerate the file with --write-baseline)`,
        },
        tool: { const: 'pinlint', description: '"pinlint" (the file is not a pinlint baseline)' },
        findings: {
            type: 'array',
            description: 'a list of {ruleId, path, hash, count} entries',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['ruleId', 'path', 'hash', 'count'],
                description: '{"ruleId", "path", "hash", "count"}',
                properties: {
                    ruleId: { type: 'string', minLength: 1, description: 'a rule id such as "PL001"' },
                    path: { type: 'string', minLength: 1, description: 'a repository-relative path' },
                    hash: { type: 'string', pattern: HEX_SHA256, description: 'a SHA-256 as 64 lowercase hex digits' },
                    count: { type: 'integer', minimum: 1, description: 'a whole number of findings, at least 1' },
                },
            },
        },
    },
};
let compiled;
function validator() {
    compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(BASELINE_SCHEMA);
    return compiled;
}
/**
 * The line-content hash of a finding: SHA-256 of the rule id, the trimmed text of its start line,
 * and the trimmed text of the nearest non-blank line above and below it, joined by `\n` (a
 * missing line counts as ''). `lines` undefined (unreadable source) hashes three empty texts, so
 * such findings still match each other by rule, path and count.
 */
export function findingHash(ruleId, lines, line) {
    const at = (i) => (lines?.[i - 1] ?? '').trim();
    const neighbour = (step) => {
        if (!lines)
            return '';
        // Clamped to the file, so a line past the end (a file edited since) still has a neighbour.
        for (let i = step < 0 ? Math.min(line - 1, lines.length) : line + 1; i >= 1 && i <= lines.length; i += step) {
            const t = at(i);
            if (t !== '')
                return t;
        }
        return '';
    };
    return createHash('sha256')
        .update([ruleId, at(line), neighbour(-1), neighbour(1)].join('\n'), 'utf8')
        .digest('hex');
}
/** Splits source text into lines as the reporters number them: on `\n`, dropping a trailing `\r`. */
export function sourceLines(text) {
    return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
/** Hashes findings, reading and splitting each file once. */
function hasher(readSource) {
    const cache = new Map();
    return (f) => {
        const path = f.location.path;
        if (!cache.has(path)) {
            const text = readSource(path);
            cache.set(path, text === undefined ? undefined : sourceLines(text));
        }
        return findingHash(f.ruleId, cache.get(path), f.location.startLine);
    };
}
function entryKey(ruleId, path, hash) {
    return `${ruleId}\0${path}\0${hash}`;
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The baseline file for `findings` as JSON text (with a final newline), entries sorted by path,
 * rule id and hash so that regenerating it gives a readable diff. Suppressed findings are left
 * out: their `//pinlint:ignore` comment already records them.
 */
export function writeBaseline(findings, readSource) {
    const hash = hasher(readSource);
    const entries = new Map();
    for (const f of findings) {
        if (f.suppression)
            continue;
        const h = hash(f);
        const k = entryKey(f.ruleId, f.location.path, h);
        const e = entries.get(k);
        if (e)
            e.count++;
        else
            entries.set(k, { ruleId: f.ruleId, path: f.location.path, hash: h, count: 1 });
    }
    const sorted = [...entries.values()].sort((a, b) => compareText(a.path, b.path) || compareText(a.ruleId, b.ruleId) || compareText(a.hash, b.hash));
    const baseline = { version: BASELINE_VERSION, tool: 'pinlint', findings: sorted };
    return `${JSON.stringify(baseline, null, 2)}\n`;
}
/**
 * Parses and validates a baseline file's text. `file` names it in error messages (pass the path
 * as the user wrote it). Throws BaselineError for invalid JSON (with line:column) or a wrong shape.
 */
export function loadBaseline(text, file = 'baseline') {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const parsed = parseJsonWithPosition(body);
    if (!parsed.ok) {
        throw new BaselineError(file, [{ key: '', detail: `invalid JSON: ${parsed.message}`, line: parsed.line, column: parsed.column }]);
    }
    const validate = validator();
    if (!validate(parsed.value)) {
        throw new BaselineError(file, explainSchemaErrors(validate.errors ?? [], BASELINE_SCHEMA, parsed.value));
    }
    return parsed.value;
}
/**
 * Splits findings into those the baseline accounts for and the rest. A finding matches an entry
 * with the same rule id, path and hash while that entry's count lasts; findings are consumed in
 * the order given (the engine's stable order), so beyond the count the later ones are fresh.
 * Suppressed findings neither consume nor count as baselined; they stay in `fresh` unchanged so
 * reporters can still list them on request.
 */
export function applyBaseline(findings, baseline, readSource) {
    const remaining = new Map();
    for (const e of baseline.findings) {
        const k = entryKey(e.ruleId, e.path, e.hash);
        remaining.set(k, (remaining.get(k) ?? 0) + e.count);
    }
    const hash = hasher(readSource);
    const fresh = [];
    let baselined = 0;
    for (const f of findings) {
        if (f.suppression) {
            fresh.push(f);
            continue;
        }
        const k = entryKey(f.ruleId, f.location.path, hash(f));
        const left = remaining.get(k) ?? 0;
        if (left > 0) {
            remaining.set(k, left - 1);
            baselined++;
        }
        else
            fresh.push(f);
    }
    return { fresh, baselined };
}
