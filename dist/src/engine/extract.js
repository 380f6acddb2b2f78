// One file's work, the same on the main thread and in a worker: read it, skip it when it cannot
// matter, extract its facts. Returns data only (structured-clone safe), never throws.
import { AnalysisTimeout, extractFacts } from '../flow/extract.js';
import { FUNC_REGISTRATION_NAMES } from '../knowledge/index.js';
import { describeError, digestOf, readGoFile } from './read.js';
import { DEFAULT_LIMITS, LIMIT_SETTING } from '../model/limits.js';
import { codeMentions } from '../go/lexical.js';
/**
 * Reports whether a file can hold anything pinlint follows. A file that names in its code neither
 * uintptr, unsafe, a DLL constructor, a Pinner, an API that retains typed pointers (overlapped
 * I/O, callback contexts) nor an FFI registration function (`purego.RegisterLibFunc`, whose file
 * may bind a C function to a variable declared elsewhere) cannot convert a pointer, forward one,
 * define a proc or a C function, pin, or hand Go memory to the OS for later: skipping its parse
 * is safe, and most of a tree's bytes are such files (DESIGN.md §9). A token that appears only in
 * comments and literals (`// the uintptr is …`, an error message) is no code (go/lexical.ts);
 * `pinlint:` directives are comments, so any of them keeps the file (bad-suppression judges them).
 */
export function mayMatter(text) {
    if (text.includes('pinlint:'))
        return true;
    // The substring test rejects most files at once; the lexical scan confirms a token is code.
    return PREFILTER.test(text) && codeMentions(text, PREFILTER_TOKENS);
}
const PREFILTER_TOKENS = ['uintptr', 'unsafe', 'NewProc', 'FindProc', 'LazyDLL', 'LoadDLL', 'Pinner', 'Overlapped', 'RegisterServiceCtrlHandler', 'CreateThread', 'SetWindowLongPtr', ...FUNC_REGISTRATION_NAMES];
const PREFILTER = new RegExp(PREFILTER_TOKENS.join('|'));
/** Reads a file and applies the prefilter: a problem, a skip, or the text to analyze. */
export function readForExtract(task, cache) {
    const limits = task.limits ?? DEFAULT_LIMITS;
    const read = readGoFile(task.real, limits.maxFileBytes);
    if (!read.ok) {
        return { kind: 'problem', notification: { level: read.id === 'unreadable' ? 'error' : 'warning', id: read.id, message: read.message, path: task.path } };
    }
    if (!task.parseAll && !mayMatter(read.text))
        return { kind: 'skipped', cost: { bytes: read.text.length, parsed: 0 }, text: read.text };
    if (!cache)
        return { kind: 'text', text: read.text, invalidUtf8: read.invalidUtf8 };
    // The limits decide which declarations are analyzed, so they are part of the key too. Built
    // only with a cache: a view's JSON can be as long as the file.
    const view = `${task.view ? (task.viewKey ?? JSON.stringify(task.view)) : ''}\0${task.limits ? JSON.stringify(task.limits) : ''}`;
    const key = cache.keyOf({ path: task.path, dir: task.dir, importPath: task.importPath ?? null, view, text: read.text });
    return { kind: 'text', text: read.text, invalidUtf8: read.invalidUtf8, ...(key === undefined ? {} : { key }) };
}
/** Reads, filters and analyzes one file, answering from the cache when it holds these facts
 * (a function of the text, path, import path, view and the run's key: engine/cache.ts). */
export function extractOne(task, knowledge, cache) {
    const read = readForExtract(task, cache);
    if (read.kind !== 'text')
        return read;
    const hit = read.key === undefined ? undefined : cache?.get(read.key, task.path);
    if (hit)
        return { kind: 'facts', facts: hit, cost: { bytes: read.text.length, parsed: 0, cached: true } };
    return analyzeText(task, read, knowledge, cache);
}
/** Parses and analyzes a file's text (the part that runs in workers), storing the facts in the
 * cache under the read's key. `heartbeat` is called now and then while it works (a caller on the
 * same thread names a file that takes long: cli/progress.ts). */
export function analyzeText(task, read, knowledge, cache, heartbeat) {
    const limits = task.limits ?? DEFAULT_LIMITS;
    const bytes = read.text.length;
    const cost = { bytes, parsed: bytes };
    let facts;
    try {
        facts = extractFacts(task.path, task.dir, read.text, knowledge, { importPath: task.importPath ?? null, limits, ...(task.view ? { view: task.view } : {}), ...(heartbeat ? { heartbeat } : {}) });
        // What the facts were extracted from: a file that changes before the report is written
        // (truncated mid-scan) is caught by comparing (engine/analyze.ts).
        facts.digest = digestOf(read.text);
    }
    catch (err) {
        // The declaration scan stops at the deadline and keeps what it analyzed before it; a walk
        // outside it that ran out of time loses the file, named with the limit.
        if (err instanceof AnalysisTimeout) {
            return { kind: 'problem', cost, notification: { level: 'warning', id: 'time-limit', message: `skipped: the analysis took longer than the limit of ${limits.fileTimeMs} ms (${LIMIT_SETTING.fileTimeMs})`, path: task.path } };
        }
        // Expressions nested tens of thousands deep (generated tables) exhaust the stack of the
        // recursive evaluator: skip that file with a warning instead of failing the run.
        // The nesting limit (go/parse.ts) keeps every walk well inside the smallest stack; this is
        // the net under it, and names the limit to lower.
        if (err instanceof RangeError && /call stack/.test(err.message)) {
            return { kind: 'problem', cost, notification: { level: 'warning', id: 'too-complex', message: `skipped: the file nests too deeply to analyze within the limit of ${limits.maxDepth} levels (${LIMIT_SETTING.maxDepth})`, path: task.path } };
        }
        return { kind: 'problem', cost, notification: { level: 'error', id: 'internal-error', message: `internal error while analyzing: ${describeError(err)}`, path: task.path } };
    }
    if (read.invalidUtf8) {
        facts.notifications.push({ level: 'note', id: 'invalid-utf8', message: 'not valid UTF-8 (Go source must be); invalid bytes were read as U+FFFD', path: task.path });
    }
    // Facts cut short by the time limit depend on the machine's load, not on the text: never kept.
    if (read.key !== undefined && !facts.notifications.some((n) => n.id === 'time-limit'))
        cache?.put(read.key, facts);
    return { kind: 'facts', facts, cost };
}
