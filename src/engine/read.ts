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
