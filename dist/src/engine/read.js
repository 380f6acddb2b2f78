// Reading Go files from disk: the one place that decides what counts as unreadable, binary,
// too large or oddly encoded. Callers get text or a reason, never an exception.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_LIMITS, LIMIT_SETTING } from '../model/limits.js';
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * Reads a file as UTF-8 text, keeping a leading BOM (the SARIF fingerprint hashes it, and keeping
 * it keeps columns on line 1 honest). Invalid UTF-8 is decoded with replacement characters and
 * flagged, since Go source must be UTF-8.
 */
export function readGoFile(path, maxBytes = DEFAULT_LIMITS.maxFileBytes) {
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
        if (st.size > maxBytes) {
            return {
                ok: false,
                id: 'file-too-large',
                message: `skipped: ${st.size} bytes is over the limit of ${maxBytes} bytes for one Go file (${LIMIT_SETTING.maxFileBytes})`,
            };
        }
        const read = readAtMost(fd, maxBytes);
        if (!read)
            return { ok: false, id: 'file-too-large', message: `skipped: the file grew over the limit of ${maxBytes} bytes for one Go file while it was read (${LIMIT_SETTING.maxFileBytes})` };
        bytes = read;
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
        try {
            text = strictUtf8.decode(bytes);
        }
        catch (err) {
            if (isTooLongForAString(err))
                throw err;
            invalidUtf8 = true;
            text = utf8.decode(bytes);
        }
    }
    catch (err) {
        // More text than one JavaScript string holds (about 512 M UTF-16 units): only a limit raised
        // past the command line's maximum gets here (model/limits.ts), but the file is then too
        // large, never an internal error that loses the rest of the run.
        if (!isTooLongForAString(err))
            throw err;
        return { ok: false, id: 'file-too-large', message: `skipped: ${bytes.length} bytes is more text than can be held in memory at once` };
    }
    return { ok: true, text, invalidUtf8 };
}
/** Reports whether `err` says a string would be longer than V8 allows (ERR_STRING_TOO_LONG, or
 * V8's RangeError "Invalid string length"). */
function isTooLongForAString(err) {
    if (err && typeof err === 'object' && 'code' in err && err.code === 'ERR_STRING_TOO_LONG')
        return true;
    return err instanceof RangeError && /string length|longer than/i.test(err.message);
}
/** A digest of a file's text, to tell whether it changed between extraction and the report. */
export function digestOf(text) {
    return createHash('sha256').update(text).digest('hex');
}
/** Reads a file to its end, or null once it holds more than `max` bytes: a file that grows while
 * it is read (a log, a file being written) must not cost more memory than the limit. */
function readAtMost(fd, max) {
    const chunks = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0)
            return Buffer.concat(chunks, total);
        chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        total += n;
        if (total > max)
            return null;
    }
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
