// Writing the files pinlint is asked to write (--output, --write-baseline, --fix): never follow a
// link or a name planted in the target's directory, never replace a device or a FIFO, never leave
// a temporary file behind, and turn every failure into one clear sentence (exit 2).
//
// A regular file (or a new one) is replaced atomically: the text goes to a temporary file created
// exclusively in the target's directory (O_CREAT|O_EXCL|O_NOFOLLOW, so a symlink or file already
// at that name makes the open fail instead of being followed or overwritten) and is renamed over
// the target, so a reader sees the old file or the whole new one. A new file gets mode 0666 less
// the umask, like a shell redirection; a replaced file keeps its mode. A character device, FIFO
// or socket is written in place, as `>` would, because renaming over `/dev/null` replaces the
// device node. A missing output directory is created (as ruff does for --output-file).
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { describeError } from '../engine/read.js';
/** A file could not be written: the message says which and why. */
export class OutputError extends Error {
}
/** The file changed on disk since pinlint read it: it was left as it is (exit 2). */
export class ChangedFileError extends OutputError {
}
/**
 * Writes `text` to the file the user named. `path` must not be a symbolic link: pinlint will
 * not silently write wherever a link points (pass the link's target); nor may a directory on the
 * way be a link placed inside the root.
 */
export function writeOutput(path, text, kind = 'report', guard = {}) {
    if (guard.root)
        refuseLinkedDirectory(path, kind, guard.root);
    const target = lstatOrNull(path, kind);
    if (target?.isSymbolicLink()) {
        throw new OutputError(`cannot write the ${kind} to ${path}: it is a symbolic link, and pinlint does not write through links; name the file it points to instead`);
    }
    if (target?.isDirectory())
        throw new OutputError(`cannot write the ${kind} to ${path}: it is a directory`);
    if (target && !target.isFile()) {
        writeInPlace(path, text, kind);
        return;
    }
    replaceAtomically(path, text, kind, target, guard.expected);
}
/** Throws when a directory on the way to `path` is a symbolic link the tree placed (inside the
 * root): `results -> /home/runner/.ssh` in a pull request must not receive `-o results/x.sarif`.
 * Links above the root (a home directory reached through one) belong to the machine. */
function refuseLinkedDirectory(path, kind, root) {
    const dirs = [];
    for (let d = dirname(resolve(path));; d = dirname(d)) {
        dirs.unshift(d);
        if (dirname(d) === d)
            break;
    }
    for (const d of dirs) {
        let st;
        try {
            st = lstatSync(d);
        }
        catch {
            return; // from here on nothing exists; mkdir creates real directories
        }
        if (st.isSymbolicLink() && root.placesInRoot(d)) {
            throw new OutputError(`cannot write the ${kind} to ${path}: ${d} is a symbolic link inside the analyzed tree, and pinlint does not write through links the tree controls; write to a real directory`);
        }
    }
}
/** Replaces a regular file (or creates one) through an exclusive temporary file and a rename;
 * with `expected`, only while the file still holds that text (WriteGuard). */
export function replaceAtomically(path, text, kind, existing, expected) {
    const dir = dirname(path);
    try {
        mkdirSync(dir, { recursive: true });
    }
    catch (err) {
        throw new OutputError(`cannot write the ${kind} to ${path}: cannot create the directory ${dir}: ${describeError(err)}`);
    }
    const { fd, tmp } = createTemp(dir, basename(path), kind, path);
    const release = guardTemp(tmp);
    try {
        writeAll(fd, text);
        if (existing)
            fchmodSync(fd, existing.mode & 0o7777);
        fsyncSync(fd);
        closeSync(fd);
        // As late as it can be: between this read and the rename only a write within microseconds
        // can slip through, where a check at the start of a long --fix run lost every save.
        if (expected !== undefined && currentText(path) !== expected) {
            throw new ChangedFileError(`skipped the ${kind} ${path}: it changed after pinlint read it, so writing would lose that change; run pinlint again`);
        }
        renameSync(tmp, path);
    }
    catch (err) {
        try {
            closeSync(fd);
        }
        catch { /* already closed */ }
        removeQuietly(tmp);
        if (err instanceof OutputError)
            throw err;
        throw new OutputError(`cannot write the ${kind} to ${path}: ${describeError(err)}`);
    }
    finally {
        release();
    }
}
function lstatOrNull(path, kind) {
    try {
        return lstatSync(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return null;
        // ENOTDIR: a parent is a regular file; EACCES: a parent is unreadable.
        throw new OutputError(`cannot write the ${kind} to ${path}: ${describeError(err)}`);
    }
}
/** Opens a fresh temporary file beside the target; the name is never followed or reused. */
function createTemp(dir, base, kind, path) {
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    for (let attempt = 0;; attempt++) {
        const tmp = join(dir, `.${base}.pinlint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
        try {
            return { fd: openSync(tmp, flags, 0o666), tmp };
        }
        catch (err) {
            // A name already taken (by anything, a planted link included) is skipped, never opened.
            if (err.code === 'EEXIST' && attempt < 8)
                continue;
            throw new OutputError(`cannot write the ${kind} to ${path}: ${describeError(err)}`);
        }
    }
}
/** Writes to a device, FIFO or socket as a shell redirection would: in place, no rename. */
function writeInPlace(path, text, kind) {
    let fd;
    try {
        fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY | constants.O_NOFOLLOW);
        writeAll(fd, text);
    }
    catch (err) {
        throw new OutputError(`cannot write the ${kind} to ${path}: ${describeError(err)}`);
    }
    finally {
        if (fd !== undefined)
            try {
                closeSync(fd);
            }
            catch { /* nothing to do */ }
    }
}
function writeAll(fd, text) {
    const buf = Buffer.from(text, 'utf8');
    for (let off = 0; off < buf.length;)
        off += writeSync(fd, buf, off, buf.length - off);
}
function removeQuietly(path) {
    try {
        unlinkSync(path);
    }
    catch { /* gone already */ }
}
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Temporary files not yet renamed or removed; one set of signal listeners guards them all, so
 * writing many files (--fix) does not pile up listeners. */
const pendingTemps = new Set();
let guarded = false;
function onSignal(signal) {
    for (const tmp of pendingTemps)
        removeQuietly(tmp);
    pendingTemps.clear();
    unguard();
    process.kill(process.pid, signal);
}
function unguard() {
    guarded = false;
    for (const s of SIGNALS)
        process.removeListener(s, onSignal);
}
/**
 * Keeps an interrupt from leaving the temporary file behind. Node's default for SIGINT kills the
 * process at once, in the middle of a write; with a listener installed the signal is handled on
 * the event loop instead, after the synchronous write and rename are over, and the listener
 * removes whatever is left and re-raises the signal, so the exit status still says "interrupted".
 * The listeners stay until the next turn of the loop so a signal that arrived during the write is
 * not dropped.
 */
function guardTemp(tmp) {
    pendingTemps.add(tmp);
    if (!guarded) {
        guarded = true;
        for (const s of SIGNALS)
            process.on(s, onSignal);
    }
    return () => {
        pendingTemps.delete(tmp);
        setImmediate(() => {
            if (guarded && pendingTemps.size === 0)
                unguard();
        });
    };
}
/** The text a file holds now (decoded as pinlint decodes Go files), or null when it is gone or is
 * not a regular file; never through a link. */
export function currentText(path) {
    let fd;
    try {
        fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
        if (!fstatSync(fd).isFile())
            return null;
        return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(readFileSync(fd));
    }
    catch {
        return null;
    }
    finally {
        if (fd !== undefined)
            try {
                closeSync(fd);
            }
            catch { /* nothing to do */ }
    }
}
/**
 * Writes a fixed Go source file: the real file behind the scanned path (a fix edits the code that
 * was analyzed, also when it was reached through a link inside the root), keeping its mode, and
 * only while it still holds `before`, the text the fix was computed from. A file whose real path
 * is outside the root is never written (docs/security.md).
 */
export function writeFixedFile(path, before, text, root) {
    let real;
    let st;
    try {
        real = realpathSync(path);
        st = statSync(real);
    }
    catch (err) {
        throw new OutputError(`cannot write the fixed file ${path}: ${describeError(err)}`);
    }
    if (!st.isFile())
        throw new OutputError(`cannot write the fixed file ${path}: it is not a regular file`);
    if (!root.holds(real))
        throw new OutputError(`cannot write the fixed file ${path}: its real path is outside the analyzed tree`);
    replaceAtomically(real, text, 'fixed file', st, before);
}
