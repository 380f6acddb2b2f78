// Discovery, the first stage of a run: which targets the paths name, which directory is the root
// that findings are relative to, and which .go files are reported or read as context only. The
// walk follows Go's `./...` (cmd/go skips testdata, vendor and names starting with . or _) and,
// like it, does not follow a symbolic link to a directory: the tree is untrusted input
// (docs/security.md), and `root -> /` would walk the disk. A link to a file is read when its real
// path stays inside the root, and skipped with a warning otherwise. Paths named on the command
// line are the user's, and followed.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Confinement } from '../model/confine.js';
import { describeError, fileKind } from './read.js';
/**
 * The absolute targets of the given paths and the root that paths in findings are relative to:
 * the repository's top level, or outside a repository the deepest directory holding every target.
 * The root is also the trust boundary (docs/security.md): what the tree may lead pinlint to read
 * or write lies inside it.
 */
export function resolveTargets(paths, cwd) {
    // Go's `./...` pattern means "this directory and below", which is what a directory means here.
    const targets = (paths.length ? paths : ['.']).map((p) => resolve(cwd, p === '...' ? '.' : p.replace(/[/\\]\.\.\.$/, '') || '.'));
    // Paths are relative to the repository root (GitHub resolves SARIF URIs against it); outside a
    // repository, to the deepest directory holding every target.
    const targetDirs = targets.filter((t) => existsSync(t)).map((t) => realpathOr(safeIsDir(t) ? t : dirname(t)));
    const firstDir = targetDirs[0] ?? cwd;
    const root = findRoot(firstDir) ?? commonAncestor(targetDirs.length ? targetDirs : [cwd]);
    return { targets, root };
}
/** The repository-relative, slash-separated form of absolute paths under `root` ("." for root). */
export function relativeTo(root) {
    return (abs) => {
        const r = relative(root, abs);
        return (r === '' ? '.' : r).split(sep).join('/');
    };
}
/**
 * Finds the files to report, plus sibling files of named files for context (pre-commit passes
 * single files; their package's other files define procs and wrappers).
 */
export function discoverFiles(targets, opts, rel, notifications) {
    const reported = new Map(); // real abs → display abs
    const context = new Map();
    const seenDirs = new Set();
    for (const t of targets) {
        let st;
        try {
            st = statSync(t);
        }
        catch (err) {
            // A mistyped path is the common case: say so in words, not with Node's errno text.
            const name = t === opts.cwd ? '.' : relOrAbs(opts.cwd, t);
            const missing = err.code === 'ENOENT';
            const where = inRoot(rel(t));
            // Inside the root the location names the path; outside it only the message can.
            const message = missing ? `${where.path === undefined ? `${name}: ` : ''}no such file or directory` : `cannot read ${name}: ${describeError(err)}`;
            notifications.push({ level: 'error', id: missing ? 'no-such-path' : 'unreadable', message, ...where });
            continue;
        }
        if (st.isDirectory())
            walk(t, { out: reported, seen: seenDirs, includeVendor: !!opts.includeVendor, notes: notifications, rel, root: new Confinement(opts.root ?? t) });
        else if (!st.isFile()) {
            notifications.push({ level: 'warning', id: 'not-regular-file', message: `skipped ${relOrAbs(opts.cwd, t)}: ${fileKind(st)}, not a Go file`, ...inRoot(rel(t)) });
        }
        else {
            if (!t.endsWith('.go')) {
                notifications.push({ level: 'warning', id: 'not-go', message: `skipped ${rel(t)}: not a .go file`, path: rel(t) });
                continue;
            }
            reported.set(realpathOr(t), t);
            for (const sib of goFilesIn(dirname(t)))
                context.set(realpathOr(sib), sib);
        }
    }
    for (const k of reported.keys())
        context.delete(k);
    if (opts.exclude) {
        // Excluded files are not reported, but still define procs and wrappers for the others.
        for (const [real, shown] of reported) {
            if (opts.exclude(shown) || opts.exclude(real)) {
                reported.delete(real);
                context.set(real, shown);
            }
        }
    }
    return { reported, context };
}
/** Directories `go` skips in `./...` patterns (cmd/go: testdata, vendor, names starting with . or _). */
function isSkippedDir(name, includeVendor) {
    if (name === 'vendor')
        return !includeVendor;
    return name === 'testdata' || name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}
/** Finds the repository root: the nearest ancestor with `.git`, or null outside a repository. */
export function findRoot(start) {
    let dir = start;
    for (;;) {
        if (existsSync(join(dir, '.git')))
            return dir;
        const parent = dirname(dir);
        if (parent === dir)
            return null;
        dir = parent;
    }
}
/** The deepest directory containing all the given directories. */
function commonAncestor(dirs) {
    let parts = (dirs[0] ?? sep).split(sep);
    for (const d of dirs.slice(1)) {
        const q = d.split(sep);
        let i = 0;
        while (i < parts.length && i < q.length && parts[i] === q[i])
            i++;
        parts = parts.slice(0, i);
    }
    return parts.join(sep) || sep;
}
function walk(dir, w) {
    const real = realpathOr(dir);
    if (w.seen.has(real))
        return; // a second route to the same directory (a bind mount)
    w.seen.add(real);
    let entries;
    try {
        entries = readdirSync(dir, { withFileTypes: true });
    }
    catch (err) {
        w.notes.push({ level: 'error', id: 'unreadable', message: `cannot read directory: ${describeError(err)}`, path: w.rel(dir) });
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries)
        walkEntry(dir, e, w);
}
function walkEntry(dir, e, w) {
    const p = join(dir, e.name);
    if (e.name.includes('\uFFFD') && e.name.endsWith('.go') && !existsSync(p)) {
        // readdir decoded a name that is not UTF-8; the decoded name opens nothing. Go's module
        // tooling refuses such names too (golang.org/x/mod/module.CheckFilePath).
        w.notes.push({ level: 'warning', id: 'invalid-file-name', message: `skipped a file in ${w.rel(dir) || '.'} whose name is not valid UTF-8 (shown as ${JSON.stringify(e.name)})` });
        return;
    }
    if (e.isSymbolicLink()) {
        walkLink(p, e.name, w);
        return;
    }
    if (e.isDirectory()) {
        if (!isSkippedDir(e.name, w.includeVendor))
            walk(p, w);
    }
    else if (isGoSourceName(e.name)) {
        if (!e.isFile()) {
            // A FIFO or device named *.go is never opened: reading a FIFO waits for a writer forever.
            w.notes.push({ level: 'warning', id: 'not-regular-file', message: `skipped: ${kindOf(p)}, not a regular file`, path: w.rel(p) });
            return;
        }
        const r = realpathOr(p);
        if (!w.out.has(r))
            w.out.set(r, p);
    }
}
/** A symbolic link met in the walk: a directory is not followed (as `go` walks `./...`); a Go
 * file is read only when its real path lies inside the root. */
function walkLink(p, name, w) {
    let st;
    try {
        st = statSync(p);
    }
    catch {
        if (isGoSourceName(name))
            w.notes.push({ level: 'warning', id: 'unreadable', message: 'skipped a broken symbolic link', path: w.rel(p) });
        return;
    }
    if (st.isDirectory()) {
        if (!isSkippedDir(name, w.includeVendor)) {
            w.notes.push({ level: 'note', id: 'symlink-not-followed', message: 'skipped a symbolic link to a directory (pinlint, like the go command in ./..., does not follow them; name its target to analyze it)', path: w.rel(p) });
        }
        return;
    }
    if (!isGoSourceName(name))
        return;
    if (!st.isFile()) {
        w.notes.push({ level: 'warning', id: 'not-regular-file', message: `skipped: ${fileKind(st)}, not a regular file`, path: w.rel(p) });
        return;
    }
    const r = realpathOr(p);
    if (!w.root.holds(r)) {
        w.notes.push({ level: 'warning', id: 'symlink-outside-root', message: 'skipped a symbolic link to a file outside the analysis root; pinlint reads only files inside it', path: w.rel(p) });
        return;
    }
    if (!w.out.has(r))
        w.out.set(r, p);
}
function kindOf(p) {
    try {
        return fileKind(statSync(p));
    }
    catch {
        return 'a special file';
    }
}
/** The .go files directly in a directory (none when it cannot be read). */
export function goFilesIn(dir) {
    try {
        return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && isGoSourceName(e.name)).map((e) => join(dir, e.name));
    }
    catch {
        return [];
    }
}
function safeIsDir(p) {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
/** The real path of `p`, or `p` itself when it cannot be resolved. */
export function realpathOr(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return p;
    }
}
function relOrAbs(cwd, p) {
    const r = relative(cwd, p);
    return r.startsWith('..') || isAbsolute(r) ? p : r.split(sep).join('/');
}
/** A notification's path, when the target lies inside the analysis root: a path outside it has
 * no place in a report whose locations are relative to the root (a SARIF URI under %SRCROOT%
 * must not be absolute or climb out with `..`); the message still names it. */
function inRoot(relPath) {
    return isAbsolute(relPath) || relPath === '..' || relPath.startsWith('../') ? {} : { path: relPath };
}
/** A file the go tool builds when it walks a directory: `*.go`, not starting with `.` or `_`
 * (go/build ignores those; editors and generators leave such files beside real code). A file
 * named on the command line is analyzed whatever its name. */
function isGoSourceName(name) {
    return name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_');
}
