// One file's work, the same on the main thread and in a worker: read it, skip it when it cannot
// matter, extract its facts. Returns data only (structured-clone safe), never throws.
import { extractFacts } from '../flow/extract.js';
import { FUNC_REGISTRATION_NAMES } from '../knowledge/index.js';
import { describeError, digestOf, readGoFile } from './read.js';
import { DEFAULT_LIMITS, LIMIT_SETTING } from '../model/limits.js';
/**
 * Reports whether a file can hold anything pinlint follows. A file that names neither uintptr,
 * unsafe, a DLL constructor, a Pinner, an API that retains typed pointers (overlapped I/O,
 * callback contexts) nor an FFI registration function (`purego.RegisterLibFunc`, whose file may
 * bind a C function to a variable declared elsewhere) cannot convert a pointer, forward one,
 * define a proc or a C function, pin, or hand Go memory to the OS for later: skipping its parse
 * is safe, and most of a tree's bytes are such files (DESIGN.md §9).
 */
export function mayMatter(text) {
    return PREFILTER.test(text);
}
const PREFILTER = new RegExp(['uintptr', 'unsafe', 'NewProc', 'FindProc', 'LazyDLL', 'LoadDLL', 'Pinner', 'pinlint:', 'Overlapped', 'RegisterServiceCtrlHandler', 'CreateThread', 'SetWindowLongPtr', ...FUNC_REGISTRATION_NAMES].join('|'));
export function extractOne(task, knowledge) {
    const limits = task.limits ?? DEFAULT_LIMITS;
    const read = readGoFile(task.real, limits.maxFileBytes);
    if (!read.ok) {
        return { kind: 'problem', notification: { level: read.id === 'unreadable' ? 'error' : 'warning', id: read.id, message: read.message, path: task.path } };
    }
    if (!mayMatter(read.text))
        return { kind: 'skipped' };
    let facts;
    try {
        facts = extractFacts(task.path, task.dir, read.text, knowledge, { importPath: task.importPath ?? null, limits, ...(task.view ? { view: task.view } : {}) });
        // What the facts were extracted from: a file that changes before the report is written
        // (truncated mid-scan) is caught by comparing (engine/analyze.ts).
        facts.digest = digestOf(read.text);
    }
    catch (err) {
        // Expressions nested tens of thousands deep (generated tables) exhaust the stack of the
        // recursive evaluator: skip that file with a warning instead of failing the run.
        // The nesting limit (go/parse.ts) keeps every walk well inside the smallest stack; this is
        // the net under it, and names the limit to lower.
        if (err instanceof RangeError && /call stack/.test(err.message)) {
            return { kind: 'problem', notification: { level: 'warning', id: 'too-complex', message: `skipped: the file nests too deeply to analyze within the limit of ${limits.maxDepth} levels (${LIMIT_SETTING.maxDepth})`, path: task.path } };
        }
        return { kind: 'problem', notification: { level: 'error', id: 'internal-error', message: `internal error while analyzing: ${describeError(err)}`, path: task.path } };
    }
    if (read.invalidUtf8) {
        facts.notifications.push({ level: 'note', id: 'invalid-utf8', message: 'not valid UTF-8 (Go source must be); invalid bytes were read as U+FFFD', path: task.path });
    }
    return { kind: 'facts', facts };
}
