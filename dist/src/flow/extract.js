// Extraction: one parse of one file → FileFacts. Declarations for the index, and for every
// function a forward, path-insensitive-but-order-aware abstract interpretation that follows
// where pointer-derived uintptr values flow (variables, fields, elements, slices, closures),
// plus the keep-alive and pin events the mitigations are judged from.
//
// The analysis is split by concern (docs/architecture.md): value.ts (the lattice), reach.ts
// (reachability), file-scope.ts, context.ts and scope.ts (what a walk knows and carries),
// typing.ts (declared types), objects.ts, expressions.ts, conversions.ts, builtins.ts, calls.ts,
// callee.ts, record.ts (evaluation and call recording), assign.ts and statements.ts (the
// walker), mitigation-events.ts and mitigations.ts (what keeps objects alive), declarations.ts
// (package level and function bodies). This module turns a parse into FileFacts.
import { buildConstraintOf } from '../go/build.js';
import { parseGo } from '../go/parse.js';
import { textForParser } from '../go/positions.js';
import { parseSuppressions, statementRanges } from '../go/suppress.js';
import { importSiteOf, importsOf, isGeneratedFile, packageNameOf, spanOf } from '../go/syntax.js';
import { compareText } from '../model/order.js';
import { AnalysisTimeout } from './budget.js';
import { scanDeclarations } from './declarations.js';
import { DEFAULT_KNOWLEDGE, newFileScope } from './file-scope.js';
import { DEFAULT_LIMITS, LIMIT_SETTING } from '../model/limits.js';
import { lineStarts, positionAt } from '../go/positions.js';
export { AnalysisTimeout };
export { DEFAULT_KNOWLEDGE };
/** Extracts the facts of one Go file. Never throws on odd input: problems become notifications. */
export function extractFacts(path, dir, text, knowledge = DEFAULT_KNOWLEDGE, where = {}) {
    const limits = where.limits ?? DEFAULT_LIMITS;
    const parsed = parseGo(textForParser(text), { maxDepth: limits.maxDepth, timeMs: limits.fileTimeMs, ...(where.heartbeat ? { onProgress: where.heartbeat } : {}) });
    const root = parsed.root;
    const facts = {
        path,
        dir,
        pkgName: packageNameOf(root),
        imports: importsOf(root),
        generated: isGeneratedFile(text),
        funcs: [],
        pkgVars: [],
        funcBindings: [],
        types: [],
        notifications: [],
        suppressions: parseSuppressions(text),
    };
    if (facts.suppressions.length)
        facts.stmtRanges = statementRanges(root);
    for (const err of parsed.errors.slice(0, 5)) {
        const s = spanOf(err);
        facts.notifications.push({
            level: 'warning',
            id: 'parse-error',
            message: err.isMissing
                ? `syntax error: missing ${err.type} at ${s.startLine}:${s.startColumn}; the rest of the file is still analyzed`
                : `syntax error at ${s.startLine}:${s.startColumn}; code around it may be skipped`,
            path,
            span: s,
        });
    }
    if (parsed.errors.length > 5) {
        facts.notifications.push({ level: 'warning', id: 'parse-error', message: `${parsed.errors.length - 5} more syntax errors`, path });
    }
    if (!facts.pkgName) {
        facts.notifications.push({ level: 'warning', id: 'parse-error', message: 'no package clause: is this a Go file?', path });
    }
    facts.importSite = importSiteOf(root);
    const build = buildConstraintOf(path, text);
    if (build)
        facts.build = build;
    // The analysis has its own budget, checked inside the walks (flow/budget.ts): a file that
    // needed the declaration-by-declaration parse must still get its functions analyzed.
    const budget = { deadline: performance.now() + limits.fileTimeMs, visits: 0, ...(where.heartbeat ? { beat: where.heartbeat } : {}) };
    const fs = newFileScope(facts, root, knowledge, where.view ?? {}, where.importPath ?? null, budget);
    facts.notifications.push(...limitNotes(path, text, parsed, limits));
    const late = scanDeclarations(fs);
    if (late) {
        facts.notifications.push({
            level: 'warning',
            id: 'time-limit',
            message: `${late.skipped} declaration${late.skipped === 1 ? '' : 's'} from line ${late.first.startLine} on not analyzed: the file took longer than the limit of ${limits.fileTimeMs} ms (${LIMIT_SETTING.fileTimeMs})`,
            path,
            span: late.first,
        });
    }
    if (fs.lookups.size)
        facts.lookups = [...fs.lookups].sort(compareText);
    return facts;
}
/** The notifications of the limits a parse ran into, each naming the limit and its setting. */
function limitNotes(path, text, parsed, limits) {
    const out = [];
    if (parsed.byDeclaration) {
        out.push({ level: 'note', id: 'time-limit', message: `parsing took longer than the limit of ${limits.fileTimeMs} ms (${LIMIT_SETTING.fileTimeMs}); the file was parsed one declaration at a time`, path });
    }
    if (parsed.skipped.length === 0)
        return out;
    const starts = lineStarts(text);
    for (const d of parsed.skipped.slice(0, 5)) {
        const a = positionAt(starts, d.startIndex);
        const b = positionAt(starts, d.endIndex);
        const span = { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
        out.push(d.reason === 'depth'
            ? { level: 'warning', id: 'nesting-limit', message: `the declaration at ${a.line}:${a.column} was not analyzed: it nests deeper than the limit of ${limits.maxDepth} levels (${LIMIT_SETTING.maxDepth}); the rest of the file was`, path, span }
            : { level: 'warning', id: 'time-limit', message: `the declaration at ${a.line}:${a.column} was not analyzed: it did not parse within the limit of ${limits.fileTimeMs} ms (${LIMIT_SETTING.fileTimeMs})`, path, span });
    }
    if (parsed.skipped.length > 5) {
        out.push({ level: 'warning', id: parsed.skipped[5]?.reason === 'depth' ? 'nesting-limit' : 'time-limit', message: `${parsed.skipped.length - 5} more declarations not analyzed (limits)`, path });
    }
    return out;
}
