// Reading Go files from disk: the one place that decides what counts as unreadable, binary,
// too large or oddly encoded. Callers get text or a reason, never an exception.
import { readFileSync, statSync } from 'node:fs';

/** Files above this size are skipped with a notification: generated tables, not shims. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; invalidUtf8: boolean }
  | { ok: false; id: 'unreadable' | 'binary-file' | 'file-too-large'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a file as UTF-8 text, keeping a leading BOM (the SARIF fingerprint hashes it, and keeping
 * it keeps columns on line 1 honest). Invalid UTF-8 is decoded with replacement characters and
 * flagged, since Go source must be UTF-8.
 */
export function readGoFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        id: 'file-too-large',
        message: `skipped: ${st.size} bytes is over the ${MAX_FILE_BYTES}-byte limit for one Go file`,
      };
    }
    bytes = readFileSync(path);
  } catch (err) {
    return { ok: false, id: 'unreadable', message: `cannot read file: ${describeError(err)}` };
  }
  if (bytes.includes(0)) {
    return { ok: false, id: 'binary-file', message: 'skipped: the file contains NUL bytes, so it is not Go source text' };
  }
  let invalidUtf8 = false;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    invalidUtf8 = true;
    text = utf8.decode(bytes);
  }
  return { ok: true, text, invalidUtf8 };
}

/** Reports an fs error as its code and message, without a stack. */
export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    return String((err as { message: string }).message);
  }
  return String(err);
}

/** Go ignores a leading BOM; the parser does not, so it sees a space in its place (same offsets). */
export function textForParser(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

/**
 * Offsets of the first UTF-16 unit of every line (index 0 = line 1). Lines end at LF, as
 * tree-sitter counts rows, so positions from the parser and from fixes agree.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Converts a UTF-16 offset to a 0-based row and column, by binary search in `starts`. */
export function pointAt(starts: readonly number[], offset: number): { row: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - (starts[lo] ?? 0) };
}

/** Converts a UTF-16 offset to a 1-based line and column. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const p = pointAt(starts, offset);
  return { line: p.row + 1, column: p.column + 1 };
}
