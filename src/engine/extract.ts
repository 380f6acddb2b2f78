// One file's work, the same on the main thread and in a worker: read it, skip it when it cannot
// matter, extract its facts. Returns data only (structured-clone safe), never throws.
import { extractFacts, type Knowledge } from '../flow/extract.js';
import type { FileFacts } from '../model/facts.js';
import { FUNC_REGISTRATION_NAMES } from '../knowledge/index.js';
import type { TypeView } from '../model/view.js';
import { describeError, digestOf, readGoFile } from './read.js';
import type { Notification } from '../model/findings.js';
import { DEFAULT_LIMITS, LIMIT_SETTING, type Limits } from '../model/limits.js';

export interface ExtractTask {
  /** Absolute real path. */
  real: string;
  /** Repository-relative path and directory, as reported. */
  path: string;
  dir: string;
  report: boolean;
  /** The import path of the file's package, when known. */
  importPath?: string | null;
  /** What the type layer knows of names this file uses (a second analysis). */
  view?: TypeView;
  /** Per-file limits (default: DEFAULT_LIMITS); enforced here, whatever thread runs the task. */
  limits?: Limits;
}

export type ExtractOutcome =
  | { kind: 'facts'; facts: FileFacts }
  | { kind: 'skipped' }
  | { kind: 'problem'; notification: Notification };

/**
 * Reports whether a file can hold anything pinlint follows. A file that names neither uintptr,
 * unsafe, a DLL constructor, a Pinner, an API that retains typed pointers (overlapped I/O,
 * callback contexts) nor an FFI registration function (`purego.RegisterLibFunc`, whose file may
 * bind a C function to a variable declared elsewhere) cannot convert a pointer, forward one,
 * define a proc or a C function, pin, or hand Go memory to the OS for later: skipping its parse
 * is safe, and most of a tree's bytes are such files (DESIGN.md §9).
 */
export function mayMatter(text: string): boolean {
  return PREFILTER.test(text);
}
const PREFILTER = new RegExp(
  ['uintptr', 'unsafe', 'NewProc', 'FindProc', 'LazyDLL', 'LoadDLL', 'Pinner', 'pinlint:', 'Overlapped', 'RegisterServiceCtrlHandler', 'CreateThread', 'SetWindowLongPtr', ...FUNC_REGISTRATION_NAMES].join('|'),
);

export function extractOne(task: ExtractTask, knowledge: Knowledge): ExtractOutcome {
  const limits = task.limits ?? DEFAULT_LIMITS;
  const read = readGoFile(task.real, limits.maxFileBytes);
  if (!read.ok) {
    return { kind: 'problem', notification: { level: read.id === 'unreadable' ? 'error' : 'warning', id: read.id, message: read.message, path: task.path } };
  }
  if (!mayMatter(read.text)) return { kind: 'skipped' };
  let facts: FileFacts;
  try {
    facts = extractFacts(task.path, task.dir, read.text, knowledge, { importPath: task.importPath ?? null, limits, ...(task.view ? { view: task.view } : {}) });
    // What the facts were extracted from: a file that changes before the report is written
    // (truncated mid-scan) is caught by comparing (engine/analyze.ts).
    facts.digest = digestOf(read.text);
  } catch (err) {
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
