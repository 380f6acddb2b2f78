// The facts cache: one file's FileFacts on disk, keyed by everything they are a function of (the
// file's text, its path, its package's import path, the type view it was analyzed with, the
// knowledge tables and configuration in force, and pinlint's own version and code), so a run over
// unchanged files parses nothing (issue 10). It is shared by concurrent runs and by the worker
// threads of one run, and it is only ever an optimization: an entry that cannot be read, is
// truncated, was written by another version or fails its checksum is a miss and is recomputed; an
// entry that cannot be written is simply not written. Nothing here throws.
//
// Layout: <dir>/facts-v1/<2 hex>/<64 hex>. An entry is MAGIC, the SHA-256 of the payload, then the
// payload: v8.serialize({ key, facts }), the same structured clone that carries facts out of a
// worker, so a warm run hands the index exactly what a cold one would.
//
// The directory is untrusted (DESIGN.md §5c): CI restores it from caches a pull request may have
// written, and on a shared machine another user may plant names in it. So the cache never follows
// a link below the directory it was given (entries are opened O_NOFOLLOW, directories and names
// are lstat'ed), uses facts-v1 and its shards only when each is a real directory of this user that
// no one else can write (then nobody but this user can swap a name between a check and its use),
// and touches, deletes or counts only regular files under the names it writes itself. A directory
// that fails the check makes the cache unusable for the rest of the run: misses, no writes.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, futimesSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
/** The cache's own folder name under $XDG_CACHE_HOME (or ~/.cache). */
export const CACHE_NAME = 'pinlint';
/** Bumped when the entry format changes; old entries are then never read (and pruned by age). */
const LAYOUT = 'facts-v1';
const MAGIC = Buffer.from('PLF1');
const HEADER = MAGIC.length + 32;
/** Default bound on the cache's size: the standard library's facts take about 60 MB, so this
 * holds a handful of large trees. Beyond it the least recently used entries go. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** After pruning, the cache is brought down to this share of the bound, so a run that writes a
 * few entries does not prune again at once. */
const PRUNE_TO = 0.8;
/** A hit refreshes an entry's modification time (its age for eviction) at most this often. */
const TOUCH_AFTER_MS = 24 * 3600 * 1000;
/** Temporary files older than this were left by a run that died mid-write. */
const STALE_TEMP_MS = 3600 * 1000;
/** An entry larger than this is a miss and is not written: one file's facts take far less (the
 * file itself is at most --max-file-size), and a planted sparse file must not make a run
 * allocate gigabytes. */
const MAX_ENTRY_BYTES = 128 * 1024 * 1024;
/** The names the cache writes, and the only ones it ever touches or deletes: shards, entries, and
 * the temporary files of put(). */
const SHARD_NAME = /^[0-9a-f]{2}$/;
const ENTRY_NAME = /^[0-9a-f]{64}$/;
const TEMP_NAME = /^[0-9a-f]{64}\.\d+\.\d+\.[0-9a-f]{8}\.tmp$/;
// Absent where the platform has no such flag (Windows, which has no symbolic links to follow
// through open() either, nor owners and modes to check: there, ownership checks are skipped).
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO planted under an entry's name would block a plain open for reading forever. */
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const UID = typeof process.getuid === 'function' ? process.getuid() : undefined;
/** The default cache directory: $XDG_CACHE_HOME/pinlint, else ~/.cache/pinlint (the XDG base
 * directory specification's default). */
export function defaultCacheDir(env) {
    const xdg = env.XDG_CACHE_HOME;
    // The specification says a relative value is invalid and must be ignored.
    if (xdg && xdg.startsWith('/'))
        return join(xdg, CACHE_NAME);
    return join(env.HOME || homedir(), '.cache', CACHE_NAME);
}
/** The run-wide part of every key: pinlint's version, a hash of the code that computes facts
 * (so a rebuilt checkout with the same version number never reads facts of older code), and the
 * knowledge tables with the configuration's additions. */
export function runKeyFor(knowledge, version) {
    const h = createHash('sha256');
    h.update(`${LAYOUT}\0${version}\0${codeHash()}\0`);
    h.update(serialize(knowledge));
    return h.digest('hex');
}
let code;
/** A hash of the modules whose behaviour facts depend on (model, knowledge, go, flow, and this
 * folder's extraction), read once per process from wherever this module runs (dist/ or src/). */
function codeHash() {
    if (code !== undefined)
        return code;
    const h = createHash('sha256');
    const here = dirname(fileURLToPath(import.meta.url));
    const src = dirname(here);
    for (const folder of ['model', 'knowledge', 'go', 'flow', 'engine']) {
        let names = [];
        try {
            names = readdirSync(join(src, folder)).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort();
        }
        catch {
            // A layout without the folder hashes what there is.
        }
        for (const n of names) {
            try {
                h.update(`${folder}/${n}\0`).update(readFileSync(join(src, folder, n)));
            }
            catch {
                h.update(`${folder}/${n}\0?`);
            }
        }
    }
    code = h.digest('hex');
    return code;
}
/**
 * Why `path` cannot hold (part of) the cache: '' when it can, undefined when it does not exist.
 * The top directory (`own` false) was named by the trusted side (--cache-dir, XDG_CACHE_HOME,
 * HOME) and may be reached through a link (~/.cache on another disk); it must be a directory of
 * this user. The directories below it (`own` true) are the cache's own: a real directory, not a
 * link, of this user, writable by no one else.
 */
function distrustOf(path, own) {
    let st;
    try {
        st = own ? lstatSync(path, { throwIfNoEntry: false }) : statSync(path, { throwIfNoEntry: false });
    }
    catch {
        return `${path} cannot be inspected`;
    }
    if (!st)
        return undefined;
    if (st.isSymbolicLink())
        return `${path} is a symbolic link`;
    if (!st.isDirectory())
        return `${path} is not a directory`;
    if (UID !== undefined && st.uid !== UID)
        return `${path} belongs to another user`;
    if (own && UID !== undefined && (st.mode & 0o022) !== 0)
        return `${path} is writable by other users`;
    return '';
}
/** Creates `path` (mode 0700; the top directory with its missing parents) unless it exists, then
 * checks it as distrustOf does: mkdir leaves an existing directory's mode and owner as they are. */
function ensureDir(path, own) {
    if (distrustOf(path, own) === undefined) {
        try {
            mkdirSync(path, { recursive: !own, mode: 0o700 });
        }
        catch {
            // Created meanwhile by a concurrent run, or impossible: the check below tells.
        }
    }
    return distrustOf(path, own) ?? `${path} cannot be created`;
}
/** The names in a directory, none when it cannot be read. */
function namesIn(dir) {
    try {
        return readdirSync(dir);
    }
    catch {
        return [];
    }
}
/** One cache directory, opened in each thread that uses it. */
export class FactsCache {
    spec;
    root;
    /** Directories checked and found trustworthy in this run. A check holds for the run: what only
     * this user can write, only this user can swap, and a process of this user needs no cache to
     * write its files. */
    trusted = new Set();
    /** Why the cache is not used for the rest of this run (the first directory that failed its
     * check), undefined while it is used. Set once, so a caller can report it once. */
    untrusted;
    /** Entries this thread wrote, so the run knows whether to prune. */
    written = 0;
    hits = 0;
    misses = 0;
    constructor(spec) {
        this.spec = spec;
        this.root = join(spec.dir, LAYOUT);
    }
    /** Why this cache will not be used in this run, judged up front from its top and layout
     * directories (undefined: it will be, or they do not exist yet), so a run can say so once
     * instead of silently parsing everything. */
    refusal() {
        for (const [dir, own] of [[this.spec.dir, false], [this.root, true]]) {
            const why = distrustOf(dir, own);
            if (why)
                return why;
        }
        return undefined;
    }
    keyOf(id) {
        const h = createHash('sha256');
        h.update(this.spec.runKey);
        // Lengths first, so no two different tuples hash the same string.
        for (const part of [id.path, id.dir, id.importPath ?? '\0none', id.view])
            h.update(`${part.length}:${part}\0`);
        h.update(id.text);
        return h.digest('hex');
    }
    /** The shard directory of `key` once it and the directories above it pass their checks
     * (created first when `create`), else undefined: missing, or the cache is untrusted. */
    shardOf(key, create) {
        if (this.untrusted !== undefined || !ENTRY_NAME.test(key))
            return undefined;
        const shard = join(this.root, key.slice(0, 2));
        for (const [dir, own] of [[this.spec.dir, false], [this.root, true], [shard, true]]) {
            if (this.trusted.has(dir))
                continue;
            const why = create ? ensureDir(dir, own) : distrustOf(dir, own);
            if (why === undefined)
                return undefined;
            if (why !== '') {
                this.untrusted = why;
                return undefined;
            }
            this.trusted.add(dir);
        }
        return shard;
    }
    /** The facts stored under `key`, or undefined: missing, unreadable, truncated, of another
     * format or failing the checksum (then the entry is removed, to be written anew). */
    get(key, path) {
        const shard = this.shardOf(key, false);
        if (shard === undefined) {
            this.misses++;
            return undefined;
        }
        const file = join(shard, key);
        let bytes;
        let fd;
        try {
            // Never through a link (ELOOP), and never blocking on a FIFO planted under the name.
            fd = openSync(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
            const st = fstatSync(fd);
            if (!st.isFile() || st.size > MAX_ENTRY_BYTES)
                throw new Error('not an entry');
            bytes = Buffer.allocUnsafe(st.size);
            let at = 0;
            while (at < st.size) {
                const n = readSync(fd, bytes, at, st.size - at, at);
                if (n === 0)
                    break;
                at += n;
            }
            bytes = bytes.subarray(0, at);
            // Through the descriptor just opened, never the path; and not a file with other names (a
            // hard link), whose time belongs to them too.
            if (Date.now() - st.mtimeMs > TOUCH_AFTER_MS && st.nlink === 1) {
                const now = new Date();
                try {
                    futimesSync(fd, now, now);
                }
                catch { /* a read-only cache still serves hits */ }
            }
        }
        catch {
            this.misses++;
            return undefined;
        }
        finally {
            if (fd !== undefined)
                try {
                    closeSync(fd);
                }
                catch { /* nothing to do */ }
        }
        const facts = decode(bytes, key, path);
        if (!facts) {
            this.misses++;
            // A regular file (fstat said so) in a directory only this user can write: unlink removes
            // the name, never what a link would point to.
            try {
                unlinkSync(file);
            }
            catch { /* another run may have replaced it already */ }
            return undefined;
        }
        this.hits++;
        return facts;
    }
    /** Stores facts under `key`: written to a temporary file created exclusively (O_EXCL, so two
     * writers never share one, and never through a link), then renamed over the entry (rename
     * replaces a link planted under the name, not its target), so a reader sees a whole entry or
     * none. Concurrent runs writing the same key write the same bytes. */
    put(key, facts) {
        const payload = serialize({ key, facts });
        if (payload.length + HEADER > MAX_ENTRY_BYTES)
            return;
        const shard = this.shardOf(key, true);
        if (shard === undefined)
            return;
        const file = join(shard, key);
        const sum = createHash('sha256').update(payload).digest();
        const temp = `${file}.${process.pid}.${threadId}.${randomBytes(4).toString('hex')}.tmp`;
        let fd;
        try {
            fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o600);
            for (const part of [MAGIC, sum, payload]) {
                let at = 0;
                while (at < part.length)
                    at += writeSync(fd, part, at, part.length - at);
            }
            closeSync(fd);
            fd = undefined;
            renameSync(temp, file);
            this.written++;
        }
        catch {
            if (fd !== undefined)
                try {
                    closeSync(fd);
                }
                catch { /* nothing to do */ }
            try {
                unlinkSync(temp);
            }
            catch { /* never created */ }
        }
    }
}
/** The facts an entry holds, when it is whole, of this format and for this key and path. The
 * checksum only tells an entry was not damaged: whoever planted it can compute one, so a payload
 * that does not deserialize, or not to this shape, is a miss like any other. */
function decode(bytes, key, path) {
    if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
        return undefined;
    const payload = bytes.subarray(HEADER);
    const sum = createHash('sha256').update(payload).digest();
    if (!sum.equals(bytes.subarray(MAGIC.length, HEADER)))
        return undefined;
    let value;
    try {
        // Throws on anything malformed, including nesting deeper than the stack (RangeError).
        value = deserialize(payload);
    }
    catch {
        return undefined;
    }
    if (!isRecord(value) || value.key !== key || !isFacts(value.facts, path))
        return undefined;
    return value.facts;
}
const isRecord = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
/** An array whose every element passes `each`. Not every(): it skips holes, and a forged sparse
 * array four billion long would take minutes to walk; a hole here ends the walk at once. */
function isListOf(x, each) {
    if (!Array.isArray(x))
        return false;
    for (let i = 0; i < x.length; i++)
        if (!each(x[i]))
            return false;
    return true;
}
const isString = (x) => typeof x === 'string';
/** The lists every FileFacts holds, each of records. */
const LISTS = ['imports', 'funcs', 'pkgVars', 'funcBindings', 'types', 'notifications', 'suppressions'];
/** FileFacts' own fields have their types (model/facts.ts), and imports their paths: what every
 * stage after extraction iterates over or compares without looking. Deeper than that a forged
 * entry is not checked: see docs/architecture.md, "The facts cache". */
function isFacts(f, path) {
    if (!isRecord(f) || f.path !== path || !isString(f.dir) || typeof f.generated !== 'boolean')
        return false;
    if (f.pkgName !== null && !isString(f.pkgName))
        return false;
    if (!LISTS.every((k) => isListOf(f[k], isRecord)))
        return false;
    if (!isListOf(f.imports, (i) => isString(i.path) && isString(i.name)))
        return false;
    if (f.lookups !== undefined && !isListOf(f.lookups, isString))
        return false;
    if (f.digest !== undefined && !isString(f.digest))
        return false;
    if (f.build !== undefined && !isRecord(f.build))
        return false;
    if (f.importSite !== undefined && f.importSite !== null && !isRecord(f.importSite))
        return false;
    return f.stmtRanges === undefined || isListOf(f.stmtRanges, (r) => isListOf(r, (n) => typeof n === 'number') && r.length === 2);
}
/**
 * Keeps the cache within `maxBytes`: removes temporary files left by runs that died, then, when
 * the entries add up to more, the least recently used (oldest modification time; a hit refreshes
 * it) until they take PRUNE_TO of the bound. Returns the entries removed. Runs after a run that
 * wrote entries; a concurrent run may remove an entry another is about to read, which is then a
 * miss, never a wrong answer. Only regular files under the names put() writes are counted or
 * deleted, only in directories that pass the checks of distrustOf: never through a link, never
 * anything else a directory holds.
 */
export function pruneCache(dir, maxBytes = DEFAULT_MAX_BYTES, now = Date.now()) {
    const root = join(dir, LAYOUT);
    if (distrustOf(dir, false) !== '' || distrustOf(root, true) !== '')
        return 0;
    const entries = [];
    let total = 0;
    let removed = 0;
    for (const sub of namesIn(root)) {
        const shard = join(root, sub);
        if (!SHARD_NAME.test(sub) || distrustOf(shard, true) !== '')
            continue;
        for (const n of namesIn(shard)) {
            const entry = ENTRY_NAME.test(n);
            if (!entry && !TEMP_NAME.test(n))
                continue;
            const file = join(shard, n);
            let st;
            try {
                st = lstatSync(file, { throwIfNoEntry: false });
            }
            catch {
                // unreadable meanwhile: left alone
            }
            if (!st?.isFile())
                continue;
            if (!entry) {
                if (now - st.mtimeMs > STALE_TEMP_MS && unlinked(file))
                    removed++;
                continue;
            }
            entries.push({ file, size: st.size, mtime: st.mtimeMs });
            total += st.size;
        }
    }
    if (total <= maxBytes)
        return removed;
    // Oldest first; the name breaks ties so the order is the same on every run.
    entries.sort((a, b) => a.mtime - b.mtime || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const e of entries) {
        if (total <= maxBytes * PRUNE_TO)
            break;
        if (unlinked(e.file))
            removed++;
        total -= e.size;
    }
    return removed;
}
/** Removes a name (a link itself, never its target); false when it was gone already. */
function unlinked(file) {
    try {
        unlinkSync(file);
        return true;
    }
    catch {
        return false;
    }
}
