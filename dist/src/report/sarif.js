// SARIF 2.1.0 for GitHub code scanning (DESIGN.md §7; shared/reference/ecosystem.md §1 and §6).
//
// What GitHub reads and how, in short (GitHub docs "SARIF support for code scanning",
// github/codeql-action src/upload-lib.ts and src/fingerprints.ts):
// - every run needs a `results` array, even an empty one: the upload action throws without it, and
//   an empty run is how fixed alerts get closed;
// - every enabled rule goes in `tool.driver.rules`, with descriptions ≤ 1024 characters and a
//   numeric-string `security-severity`;
// - only the first location of a result is used, and related locations are shown only when the
//   message links them as `[text](id)`;
// - `suppressions` are ignored, so suppressed findings are left out unless asked for.
// Everything here is built in a fixed key order and without timestamps or absolute paths, so two
// runs over the same tree give byte-identical files.
import { lineStarts, positionAt } from '../go/positions.js';
import { INFORMATION_URI, ruleFullDescription, ruleHelpMarkdown, ruleHelpText, ruleHelpUri, ruleShortDescription, ruleTags, securitySeverityString, } from '../docs/render.js';
import { inertJson } from './escape.js';
import { lineHashes } from './fingerprint.js';
import { summarize } from './text.js';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const TOOL_NAME = 'pinlint';
/** The uriBaseId every artifact location is relative to: the repository (git top-level) root. */
export const SRCROOT = '%SRCROOT%';
/** GitHub rejects a run with more results than this (code scanning limits, ecosystem.md §1.7). */
export const MAX_SARIF_RESULTS = 25_000;
/** GitHub displays only the top this-many results of a run. */
export const GITHUB_DISPLAYED_RESULTS = 5_000;
/** GitHub keeps only the first this-many thread-flow locations of a result. */
export const MAX_THREAD_FLOW_LOCATIONS = 1_000;
// -------------------------------------------------------------------------------------------
// Locations
/** RFC 3986 `pchar` minus ":" (unreserved / sub-delims / "@"); everything else is %-encoded. */
const URI_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=@]$/;
const utf8 = new TextEncoder();
/**
 * Turns a repository-relative path (`/` separators) into a relative URI reference: each segment
 * percent-encoded as UTF-8 per RFC 3986 §2.1 and §3.3, separators kept. ":" is encoded too, because
 * in a relative reference's first segment it would read as a scheme (RFC 3986 §4.2). GitHub's
 * fingerprinter URL-decodes the uri before resolving it (codeql-action fingerprints.ts).
 */
export function pathToUri(path) {
    return path
        .split('/')
        .map((segment) => {
        let out = '';
        for (const ch of segment) {
            if (URI_SAFE.test(ch)) {
                out += ch;
                continue;
            }
            for (const byte of utf8.encode(ch))
                out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        }
        return out;
    })
        .join('/');
}
function artifactLocation(path) {
    return { uri: pathToUri(path), uriBaseId: SRCROOT };
}
function region(s) {
    return { startLine: s.startLine, startColumn: s.startColumn, endLine: s.endLine, endColumn: s.endColumn };
}
function physicalLocation(loc) {
    return { artifactLocation: artifactLocation(loc.path), region: region(loc) };
}
// -------------------------------------------------------------------------------------------
// Rules
function reportingDescriptor(meta) {
    if (meta.name === meta.id)
        throw new Error(`rule ${meta.id}: name must differ from id for GitHub`);
    if (meta.name.length === 0 || meta.name.length > 255) {
        throw new Error(`rule ${meta.id}: name must be 1–255 characters for GitHub`);
    }
    return {
        id: meta.id,
        name: meta.name,
        shortDescription: { text: ruleShortDescription(meta) },
        fullDescription: { text: ruleFullDescription(meta) },
        defaultConfiguration: { level: meta.level },
        help: { text: ruleHelpText(meta), markdown: ruleHelpMarkdown(meta) },
        helpUri: ruleHelpUri(meta),
        properties: {
            tags: ruleTags(meta),
            precision: meta.precision,
            'security-severity': securitySeverityString(meta),
        },
    };
}
// -------------------------------------------------------------------------------------------
// Results
const LEVEL_RANK = { error: 3, warning: 2, note: 1 };
/**
 * Picks the findings that fit GitHub's per-run limit: highest level first, then engine order; the
 * survivors keep engine order.
 */
function capResults(findings) {
    if (findings.length <= MAX_SARIF_RESULTS)
        return { kept: [...findings], dropped: 0 };
    const order = findings.map((f, i) => ({ rank: LEVEL_RANK[f.level], i }));
    order.sort((a, b) => b.rank - a.rank || a.i - b.i);
    const keep = order
        .slice(0, MAX_SARIF_RESULTS)
        .map((o) => o.i)
        .sort((a, b) => a - b);
    return { kept: keep.map((i) => findings[i]), dropped: findings.length - MAX_SARIF_RESULTS };
}
/** SARIF §3.11.6: brackets inside an embedded link's text must be escaped with a backslash. */
function escapeLinkText(s) {
    return s.replace(/[\\[\]]/g, (c) => `\\${c}`);
}
/**
 * The message with every related location linked as `[text](id)` (ids from 1), because GitHub shows
 * related locations only when the message links them. Links are added as a parenthetical before the
 * final period, unless the rule's message already links every id itself.
 */
export function messageWithRelatedLinks(finding) {
    const n = finding.related.length;
    if (n === 0)
        return finding.message.replace(/\](?=\()/g, '\\]');
    const ids = Array.from({ length: n }, (_, k) => k + 1);
    if (ids.every((id) => finding.message.includes(`](${id})`)))
        return finding.message;
    const links = finding.related.map((r, k) => {
        const text = r.message.trim() === '' ? 'related location' : r.message.trim();
        return `[${escapeLinkText(text)}](${k + 1})`;
    });
    const suffix = ` (${links.join(', ')})`;
    // The message quotes source text, and Go code can read as a link (`fns[0](1)`, a call through a
    // slice of funcs): its `](` is escaped so only pinlint's own links are links (§3.11.6).
    const m = finding.message.trimEnd().replace(/\](?=\()/g, '\\]');
    return m.endsWith('.') ? `${m.slice(0, -1)}${suffix}.` : `${m}${suffix}`;
}
class SourceCache {
    read;
    texts = new Map();
    hashes = new Map();
    starts = new Map();
    constructor(read) {
        this.read = read;
    }
    text(path) {
        if (!this.texts.has(path))
            this.texts.set(path, this.read(path));
        return this.texts.get(path);
    }
    /** Each file is hashed once per report, and only if a result needs it. */
    lineHash(path, line) {
        if (!this.hashes.has(path)) {
            const t = this.text(path);
            this.hashes.set(path, t === undefined ? undefined : lineHashes(t));
        }
        return this.hashes.get(path)?.[line - 1];
    }
    lineStarts(path) {
        if (!this.starts.has(path)) {
            const t = this.text(path);
            this.starts.set(path, t === undefined ? undefined : lineStarts(t));
        }
        return this.starts.get(path);
    }
}
/** A `fix` object, or undefined when the source is unavailable or an edit falls outside it. */
function sarifFix(fix, sources) {
    const text = sources.text(fix.path);
    const starts = sources.lineStarts(fix.path);
    if (text === undefined || starts === undefined || fix.edits.length === 0)
        return undefined;
    const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const replacements = [];
    for (const e of edits) {
        if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > text.length) {
            return undefined;
        }
        const from = positionAt(starts, e.start);
        const to = positionAt(starts, e.end);
        const r = {
            deletedRegion: { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column },
        };
        if (e.newText !== '')
            r.insertedContent = { text: e.newText };
        replacements.push(r);
    }
    return {
        description: { text: fix.description },
        artifactChanges: [{ artifactLocation: artifactLocation(fix.path), replacements }],
    };
}
function sarifResult(f, ruleIndex, sources, opts) {
    const result = {
        ruleId: f.ruleId,
        ruleIndex,
        level: f.level,
        message: { text: messageWithRelatedLinks(f) },
        locations: [{ physicalLocation: physicalLocation(f.location) }],
    };
    if (f.severity !== undefined) {
        result.properties = { 'pinlint/severity': f.severity, 'pinlint/evidence': f.evidence ?? '' };
        if (f.evidenceLine !== undefined)
            result.properties['pinlint/evidenceLine'] = f.evidenceLine;
    }
    if (f.related.length > 0) {
        result.relatedLocations = f.related.map((r, k) => ({
            id: k + 1,
            physicalLocation: physicalLocation(r.location),
            message: { text: r.message },
        }));
    }
    if (f.flow.length >= 2) {
        const steps = f.flow.slice(0, MAX_THREAD_FLOW_LOCATIONS);
        result.codeFlows = [
            {
                threadFlows: [
                    {
                        locations: steps.map((s) => ({
                            location: { physicalLocation: physicalLocation(s.location), message: { text: s.message } },
                        })),
                    },
                ],
            },
        ];
    }
    if (opts.fingerprints) {
        const hash = sources.lineHash(f.location.path, f.location.startLine);
        if (hash !== undefined)
            result.partialFingerprints = { primaryLocationLineHash: hash };
    }
    if (f.fixes !== undefined && f.fixes.length > 0) {
        // `fixes` must hold unique items (schema); identical fixes collapse to one.
        const seen = new Set();
        const fixes = [];
        for (const fix of f.fixes) {
            const s = sarifFix(fix, sources);
            if (s === undefined)
                continue;
            const key = JSON.stringify(s);
            if (seen.has(key))
                continue;
            seen.add(key);
            fixes.push(s);
        }
        if (fixes.length > 0)
            result.fixes = fixes;
    }
    if (opts.suppressions) {
        // SARIF §3.27.23: within a run every result has `suppressions` or none does; `[]` means
        // "checked, not suppressed".
        const s = f.suppression;
        if (s === undefined) {
            result.suppressions = [];
        }
        else {
            const sup = { kind: 'inSource', status: 'accepted' };
            if (s.justification.trim() !== '')
                sup.justification = s.justification;
            sup.location = { physicalLocation: physicalLocation(s.location) };
            result.suppressions = [sup];
        }
    }
    return result;
}
function sarifNotification(n) {
    const out = { level: n.level, message: { text: n.message }, descriptor: { id: n.id } };
    if (n.path !== undefined) {
        const physical = { artifactLocation: artifactLocation(n.path) };
        if (n.span !== undefined)
            physical.region = region(n.span);
        out.locations = [{ physicalLocation: physical }];
    }
    return out;
}
/** runAutomationDetails.id: everything up to the last `/` is the category (ecosystem.md §1.4). */
export function automationId(category) {
    return category.endsWith('/') ? category : `${category}/`;
}
// -------------------------------------------------------------------------------------------
// The log
export function buildSarif(report, opts = {}) {
    const includeSuppressed = opts.includeSuppressed === true;
    const fingerprints = opts.fingerprints !== false;
    const ruleIndex = new Map();
    report.rules.forEach((r, i) => {
        if (ruleIndex.has(r.id))
            throw new Error(`rule id ${r.id} appears twice in report.rules`);
        ruleIndex.set(r.id, i);
    });
    const rules = report.rules.map(reportingDescriptor);
    const visible = report.findings.filter((f) => includeSuppressed || f.suppression === undefined);
    const { kept, dropped } = capResults(visible);
    const sources = new SourceCache((p) => report.readSource(p));
    const results = kept.map((f) => {
        const index = ruleIndex.get(f.ruleId);
        if (index === undefined) {
            throw new Error(`finding of rule ${f.ruleId} at ${f.location.path}, but the rule is not in report.rules`);
        }
        return sarifResult(f, index, sources, { fingerprints, suppressions: includeSuppressed });
    });
    const notifications = [...report.notifications];
    if (dropped > 0) {
        notifications.push({
            level: 'warning',
            id: 'sarif-results-truncated',
            message: `${dropped} of ${visible.length} results were left out of the SARIF log: GitHub code scanning accepts ` +
                `at most ${MAX_SARIF_RESULTS} results per run, so the ${MAX_SARIF_RESULTS} with the highest levels were kept.`,
        });
    }
    if (results.length > GITHUB_DISPLAYED_RESULTS) {
        notifications.push({
            level: 'note',
            id: 'sarif-results-over-display-limit',
            message: `The SARIF log has ${results.length} results; GitHub code scanning displays only the top ${GITHUB_DISPLAYED_RESULTS} of a run.`,
        });
    }
    const run = {
        tool: {
            driver: {
                name: TOOL_NAME,
                semanticVersion: report.toolVersion,
                version: report.toolVersion,
                informationUri: INFORMATION_URI,
                rules,
            },
        },
        invocations: [{ executionSuccessful: !notifications.some((n) => n.level === 'error') }],
        // No `uri`: the root is machine-specific, and GitHub resolves relative uris against the
        // checkout anyway (ecosystem.md §1.2).
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The repository root.' } } },
        columnKind: 'utf16CodeUnits',
        results,
    };
    if (notifications.length > 0)
        run.invocations[0].toolExecutionNotifications = notifications.map(sarifNotification);
    const sum = summarize(report);
    run.properties = {
        ...(sum.filesScanned !== undefined ? { filesScanned: sum.filesScanned, filesParsed: sum.filesParsed ?? 0 } : {}),
        filesWithFindings: sum.filesWithFindings,
        findings: sum.findings,
        suppressed: sum.suppressed,
    };
    if (opts.sarifCategory !== undefined && opts.sarifCategory !== '') {
        // Keep `tool` first and `results` last for readability; insertion order is the output order.
        const { tool, ...rest } = run;
        return {
            $schema: SARIF_SCHEMA_URI,
            version: SARIF_VERSION,
            runs: [{ tool, automationDetails: { id: automationId(opts.sarifCategory) }, ...rest }],
        };
    }
    return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: [run] };
}
/** The SARIF text, made inert for a terminal or a CI log as the JSON format is (escape.ts). */
export function renderSarif(report, opts = {}) {
    return `${inertJson(JSON.stringify(buildSarif(report, opts), null, 2))}\n`;
}
