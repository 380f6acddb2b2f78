// The globs of `exclude` and `overrides[].files` (docs/configuration.md): `*` and `?` within one
// path element, a whole `**` element for any number of elements. Patterns come from configuration
// files, which may be part of a hostile tree, so matching must cost at most the product of the
// pattern's and the path's lengths. A regular expression built per pattern did not: each `**`
// became `(?:[^/]+/)*`, and twelve of them against a deep path backtracked for minutes; `*a*a*…`
// within one element does the same to `[^/]*a[^/]*a…`. picomatch compiles to such expressions
// too (`*a` eight times against a 60-character name: 46 s, measured), and minimatch's other
// syntax (braces, extglobs, negation, dot files) would change what existing patterns mean. Here a
// pattern is matched element by element with a table over (pattern element, path element), and
// within an element by the two-pointer wildcard match, which never revisits more than the last
// star.
const STAR_STAR = Symbol('**');
const compiled = new Map();
/** The elements of a pattern: a leading `./` and a trailing `/` ignored, runs of `/` as one, and
 * consecutive `**` elements as one (they match what one does). */
function compile(glob) {
    let c = compiled.get(glob);
    if (c)
        return c;
    const out = [];
    for (const seg of glob.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '').split(/\/+/)) {
        if (seg === '**') {
            if (out[out.length - 1] !== STAR_STAR)
                out.push(STAR_STAR);
        }
        else {
            // Code points, as a regular expression with the `u` flag reads them: `?` is one character.
            out.push(Array.from(seg.replace(/\*+/g, '*')));
        }
    }
    c = out;
    compiled.set(glob, c);
    return c;
}
/** Reports whether one path element matches one pattern element (`*` any run of characters,
 * `?` one, anything else itself): the greedy match that backs up only to the last `*`, at most
 * (pattern length × name length) steps. */
function elementMatches(pat, name) {
    let p = 0;
    let n = 0;
    let star = -1;
    let mark = 0;
    while (n < name.length) {
        const c = pat[p];
        if (c === '*') {
            star = p++;
            mark = n;
        }
        else if (c !== undefined && (c === '?' || c === name[n])) {
            p++;
            n++;
        }
        else if (star >= 0) {
            p = star + 1;
            n = ++mark;
        }
        else {
            return false;
        }
    }
    while (pat[p] === '*')
        p++;
    return p === pat.length;
}
/**
 * Reports whether a relative path (`/` between elements) matches a pattern, anchored at both ends.
 * A `**` element matches any number of path elements, none included, except as the last element,
 * where it matches at least one (`gen/**` is what is inside gen, not gen itself).
 */
export function globMatches(glob, path) {
    const pat = compile(glob);
    const names = path.split('/').map((s) => Array.from(s));
    const P = pat.length;
    const S = names.length;
    // ok[j]: pattern elements i.. match path elements j.. (row i+1 kept in `next`).
    let next = new Array(S + 1).fill(false);
    next[S] = true;
    for (let i = P - 1; i >= 0; i--) {
        const el = pat[i];
        const ok = new Array(S + 1).fill(false);
        for (let j = S; j >= 0; j--) {
            if (el === STAR_STAR) {
                // Last element: one or more path elements; else none (next[j]) or one more (ok[j + 1]).
                ok[j] = i === P - 1 ? j < S : next[j] === true || (j < S && ok[j + 1] === true);
            }
            else {
                ok[j] = j < S && next[j + 1] === true && elementMatches(el, names[j]);
            }
        }
        next = ok;
    }
    return next[0] === true;
}
