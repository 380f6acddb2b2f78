// Reading Go files from disk: the one place that decides what counts as unreadable, binary,
// too large or oddly encoded. Callers get text or a reason, never an exception.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
/** Files above this size are skipped with a notification: generated tables, not shims. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * Reads a file as UTF-8 text, keeping a leading BOM (the SARIF fingerprint hashes it, and keeping
 * it keeps columns on line 1 honest). Invalid UTF-8 is decoded with replacement characters and
 * flagged, since Go source must be UTF-8.
 */
export function readGoFile(path) {
    let bytes;
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO that replaced a .go file must not wait for a writer; the type is
        // then checked on the open handle, so a swap after any earlier check cannot slip through.
        fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
        const st = fstatSync(fd);
        if (!st.isFile()) {
            return { ok: false, id: 'not-regular-file', message: `skipped: ${fileKind(st)}, not a regular file` };
        }
        if (st.size > MAX_FILE_BYTES) {
            return {
                ok: false,
                id: 'file-too-large',
                message: `skipped: ${st.size} bytes is over the ${MAX_FILE_BYTES}-byte limit for one Go file`,
            };
        }
        bytes = readFileSync(fd);
    }
    catch (err) {
        return { ok: false, id: 'unreadable', message: `cannot read file: ${describeError(err)}` };
    }
    finally {
        if (fd !== undefined)
            try {
                closeSync(fd);
            }
            catch { /* nothing to do */ }
    }
    if (bytes.includes(0)) {
        return { ok: false, id: 'binary-file', message: 'skipped: the file contains NUL bytes, so it is not Go source text' };
    }
    let invalidUtf8 = false;
    let text;
    try {
        text = strictUtf8.decode(bytes);
    }
    catch {
        invalidUtf8 = true;
        text = utf8.decode(bytes);
    }
    return { ok: true, text, invalidUtf8 };
}
/** Reports an fs error as its code and reason (`ENOENT: no such file or directory`), without a
 * stack and without the syscall and path Node appends: every message names the user's path
 * itself, and a second, resolved or temporary path would only confuse. */
export function describeError(err) {
    if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
        return String(err.message).replace(/, \w+ '.*'$/s, '');
    }
    return err instanceof Error ? err.message : String(err);
}
/** What a file that is not a regular file or a directory is, for messages. */
export function fileKind(st) {
    if (st.isFIFO())
        return 'a FIFO';
    if (st.isCharacterDevice())
        return 'a character device';
    if (st.isBlockDevice())
        return 'a block device';
    if (st.isSocket())
        return 'a socket';
    if (st.isDirectory())
        return 'a directory';
    return st.isFile() ? 'a regular file' : 'a special file';
}
