import { IMPLIED_OS_TAGS, KNOWN_ARCH, KNOWN_OS, NEVER_SET_TAGS, UNIX_OS } from '../knowledge/index.js';
const OS = new Set(KNOWN_OS);
const ARCH = new Set(KNOWN_ARCH);
const UNIX = new Set(UNIX_OS);
const NEVER = new Set(NEVER_SET_TAGS);
/** Free tags beyond this many are not enumerated: the conjunction is taken as satisfiable. */
const MAX_FREE_TAGS = 8;
/** The tags a GOOS sets (go/build `matchTag`): its name, the tags it implies and `unix`. */
function osTags(os) {
    return [os, ...(IMPLIED_OS_TAGS[os] ?? []), ...(UNIX.has(os) ? ['unix'] : [])];
}
const OS_TAGS = KNOWN_OS.map(osTags);
/** The distinct ways the platforms can set the tags in `mentioned`: GOOS values (or GOARCH
 * values) that agree on every mentioned tag are one case. */
function cases(tagSets, mentioned) {
    const out = new Map();
    for (const tags of tagSets) {
        const seen = tags.filter((t) => mentioned.has(t));
        out.set(seen.join(' '), seen);
    }
    return [...out.values()];
}
/** Reports whether a tag is decided by GOOS and GOARCH, or never set (`ignore`); every other
 * tag (cgo, gc, go1.18, a -tags word) may be set or not. */
function isPlatformTag(tag) {
    return OS.has(tag) || ARCH.has(tag) || tag === 'unix' || NEVER.has(tag);
}
function tagsOf(x, out) {
    if ('tag' in x)
        out.add(x.tag);
    else if ('not' in x)
        tagsOf(x.not, out);
    else
        for (const y of 'and' in x ? x.and : x.or)
            tagsOf(y, out);
    return out;
}
function holds(x, set) {
    if ('tag' in x)
        return set(x.tag);
    if ('not' in x)
        return !holds(x.not, set);
    if ('and' in x)
        return x.and.every((y) => holds(y, set));
    return x.or.some((y) => holds(y, set));
}
/** Reports whether every expression can hold in one build: some GOOS/GOARCH pair and some choice
 * of the other tags satisfy them all. */
export function satisfiable(exprs) {
    if (exprs.length === 0)
        return true;
    const all = { and: exprs };
    const mentioned = tagsOf(all, new Set());
    const free = [...mentioned].filter((t) => !isPlatformTag(t));
    if (free.length > MAX_FREE_TAGS)
        return true;
    const archCases = cases(KNOWN_ARCH.map((a) => [a]), mentioned);
    for (const osCase of cases(OS_TAGS, mentioned)) {
        for (const archCase of archCases) {
            const platform = new Set([...osCase, ...archCase]);
            for (let bits = 0; bits < 1 << free.length; bits++) {
                const set = (tag) => {
                    const i = free.indexOf(tag);
                    return i >= 0 ? (bits & (1 << i)) !== 0 : platform.has(tag);
                };
                if (holds(all, set))
                    return true;
            }
        }
    }
    return false;
}
/** Reports whether every build that includes a file constrained by `from` also includes one of
 * the files constrained by `defs` (undefined: a file that builds everywhere), so a name those
 * files declare is declared wherever `from` compiles. A fix that makes `from` call such a name
 * compiles on every platform (issue 9: x/sys's ioctl.go builds on platforms whose files declare
 * no ioctlPtr). Too many free tags to enumerate counts as "not always". */
export function alwaysWith(from, defs) {
    if (defs.some((d) => d === undefined))
        return true;
    if (defs.length === 0)
        return false;
    const missing = { not: { or: defs } };
    return !satisfiable(from ? [from, missing] : [missing]);
}
/**
 * Whether two constraints hold together is a pure function of their text, so it is decided once
 * per process, whatever the number of tables (the type stage builds one per round, and a warm run
 * spent a seventh of its time serializing the same constraints and deciding the same pairs
 * again). Constraints are interned as small numbers; a pair's answer is kept under both numbers.
 */
const CONSTRAINT_IDS = new Map();
const FILE_IDS = new WeakMap();
const PAIRS = new Map();
/** Ids stay below this, so a pair fits a safe integer; past it (no real tree) the memo restarts. */
const ID_LIMIT = 1 << 20;
function constraintId(f) {
    let id = FILE_IDS.get(f);
    if (id === undefined) {
        const key = JSON.stringify(f.build);
        id = CONSTRAINT_IDS.get(key);
        if (id === undefined) {
            if (CONSTRAINT_IDS.size >= ID_LIMIT) {
                CONSTRAINT_IDS.clear();
                PAIRS.clear();
            }
            id = CONSTRAINT_IDS.size;
            CONSTRAINT_IDS.set(key, id);
        }
        FILE_IDS.set(f, id);
    }
    return id;
}
/** Compatibility of files' build constraints (memoized for the process, above). */
export class BuildCompat {
    /** Reports whether files `a` and `b` can be part of one build. */
    compatible(a, b) {
        if (!a.build || !b.build || a === b)
            return true;
        const ia = constraintId(a);
        const ib = constraintId(b);
        const key = Math.min(ia, ib) * ID_LIMIT + Math.max(ia, ib);
        let v = PAIRS.get(key);
        if (v === undefined) {
            v = satisfiable(ia === ib ? [a.build] : [a.build, b.build]);
            PAIRS.set(key, v);
        }
        return v;
    }
    /** The items whose file can be built with `from`; all of them when none can (a definition
     * the constraints rule out is still better than none, and it is what pinlint did before). */
    select(from, items, fileOf) {
        if (!from?.build || items.length === 0)
            return items;
        const ok = items.filter((it) => this.compatible(from, fileOf(it)));
        return ok.length > 0 ? ok : items;
    }
}
