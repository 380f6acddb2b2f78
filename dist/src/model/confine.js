// The trust boundary (docs/security.md): the scanned tree is untrusted input, so a path that the
// tree supplies (a configuration's `extends` or `context`, a symbolic link, a go.mod replacement,
// an import path) may lead pinlint only to places inside the analysis root or inside a directory
// the trusted side named (the command line, the environment: `--context`, the module cache,
// GOPATH). Every such decision asks this module, after resolving symbolic links, so a link
// planted in the tree cannot carry a read or a write out of it.
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
/** Reports whether `p` is `dir` or lies below it, comparing the paths as written (both absolute). */
export function isWithin(dir, p) {
    const r = relative(resolve(dir), resolve(p));
    return r === '' || (!isAbsolute(r) && r !== '..' && !r.startsWith(`..${sep}`));
}
/** The real path of `p` (symbolic links resolved), or null when it does not exist or cannot be
 * resolved (a loop, a missing component, no permission). */
export function realPathOrNull(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return null;
    }
}
/**
 * Where reads and writes that the tree asks for may go. `root` is the analysis root (the
 * repository's top level, or the directory pinlint was started on outside a repository) as a real
 * path; `trusted` are directories the trusted side named, also real paths.
 */
export class Confinement {
    root;
    trusted;
    constructor(root, trusted = []) {
        this.root = realPathOrNull(root) ?? resolve(root);
        this.trusted = trusted.map((t) => realPathOrNull(t) ?? resolve(t));
    }
    /** Reports whether the real path of `p` lies inside the root. A path that does not exist is
     * judged by the real path of its nearest existing ancestor (so a missing file inside the root
     * can be reported as missing, and one outside it never is); one that cannot be resolved
     * otherwise (a loop) answers false. */
    holds(p) {
        const real = realPathOrNull(p) ?? realOfMissing(p);
        return real !== null && isWithin(this.root, real);
    }
    /** The real path of `p` when it lies inside the root or a trusted directory, else null. */
    allowed(p) {
        const real = realPathOrNull(p);
        if (real === null)
            return null;
        return isWithin(this.root, real) || this.trusted.some((t) => isWithin(t, real)) ? real : null;
    }
    /** Reports whether the path as written lies inside the root (its directory's real path is the
     * root or below it): a file placed there is the tree's, whatever a link at that name points to. */
    placesInRoot(p) {
        const abs = resolve(p);
        const parent = realPathOrNull(dirname(abs));
        return parent !== null && isWithin(this.root, parent);
    }
}
/** Where a path that does not exist would be: its nearest existing ancestor's real path with the
 * missing components after it; null when a component exists but cannot be resolved. */
function realOfMissing(p) {
    const abs = resolve(p);
    const rest = [];
    for (let d = abs;; d = dirname(d)) {
        if (existsSync(d) || lstatOrNull(d) !== null) {
            const real = realPathOrNull(d);
            return real === null ? null : resolve(real, ...rest);
        }
        if (dirname(d) === d)
            return null;
        rest.unshift(basename(d));
    }
}
function lstatOrNull(p) {
    try {
        return lstatSync(p);
    }
    catch {
        return null;
    }
}
