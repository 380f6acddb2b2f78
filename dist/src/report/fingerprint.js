// GitHub code scanning's `primaryLocationLineHash`, computed the way github/codeql-action does it
// (src/fingerprints.ts, described in our own words in shared/reference/ecosystem.md §2).
//
// Why compute it at all: results uploaded through the REST API get no fingerprints, and a value that
// differs from the action's makes the action warn ("found existing inconsistent fingerprint value")
// and keep ours (github/codeql-action#4052). So it has to match the action exactly, down to the
// unpadded hex and the occurrence counter.
//
// The algorithm, per line L: a polynomial rolling hash (multiplier 37, arithmetic mod 2^64) over the
// first 100 UTF-16 code units from the start of L onwards, skipping spaces and tabs and folding
// CRLF / lone CR into LF. Each value is suffixed with `:n`, its n-th occurrence in the file.
const WINDOW = 100;
const MULTIPLIER = 37n;
const MASK = 0xffffffffffffffffn;
/** 37^100 mod 2^64: the weight of the unit that drops out of the window. */
const FIRST_MOD = modPow(MULTIPLIER, WINDOW);
/** Pushed through after the last unit so that a file ending in a newline hashes a final empty line. */
const END_SENTINEL = 65535;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
// Lazily filled per code unit: converting to BigInt and multiplying by FIRST_MOD on every step
// cost a third of the time (measured here: 200 ms per MB of source before, 135 ms after).
const BIG_UNIT = [];
const DROP_TERM = [];
function asBigInt(unit) {
    let b = BIG_UNIT[unit];
    if (b === undefined)
        BIG_UNIT[unit] = b = BigInt(unit);
    return b;
}
/** FIRST_MOD * unit mod 2^64: what removing `unit` from the far end of the window subtracts. */
function dropTerm(unit) {
    let t = DROP_TERM[unit];
    if (t === undefined)
        DROP_TERM[unit] = t = (FIRST_MOD * BigInt(unit)) & MASK;
    return t;
}
function modPow(base, exp) {
    let r = 1n;
    for (let k = 0; k < exp; k++)
        r = (r * base) & MASK;
    return r;
}
/**
 * Returns the `primaryLocationLineHash` of every line of `text`; index 0 is line 1.
 *
 * `text` must be the file's exact content decoded as UTF-8 with the BOM kept (the action reads the
 * checked-out file and hashes U+FEFF like any other unit). Lines end at LF, CRLF or a lone CR, and a
 * trailing line break yields one more, empty, line, so the result always has at least one entry.
 */
export function lineHashes(text) {
    const window = new Array(WINDOW).fill(0);
    // The line (1-based) whose first unit sits in this window slot, or -1.
    const lineAt = new Array(WINDOW).fill(-1);
    const seen = new Map();
    const out = [];
    let hash = 0n;
    let slot = 0;
    let line = 0;
    let atLineStart = true;
    let prevWasCR = false;
    // A full window has been hashed since the line in this slot started: its hash is final.
    const emitIfLineStartsHere = () => {
        const l = lineAt[slot] ?? -1;
        if (l === -1)
            return;
        const hex = hash.toString(16); // unsigned, lower case, no zero padding, as the action prints it
        const n = (seen.get(hex) ?? 0) + 1;
        seen.set(hex, n);
        out[l - 1] = `${hex}:${n}`;
        lineAt[slot] = -1;
    };
    // Slide the window by one: add `unit`, drop the unit that entered WINDOW steps ago.
    const roll = (unit) => {
        hash = (MULTIPLIER * hash + asBigInt(unit) - dropTerm(window[slot] ?? 0)) & MASK;
        window[slot] = unit;
        slot = (slot + 1) % WINDOW;
    };
    const process = (unit) => {
        // Spaces and tabs never count, nor does the LF of a CRLF (its CR already stood for it).
        if (unit === SPACE || unit === TAB || (prevWasCR && unit === LF)) {
            prevWasCR = false;
            return;
        }
        let c = unit;
        if (c === CR) {
            c = LF;
            prevWasCR = true;
        }
        else {
            prevWasCR = false;
        }
        emitIfLineStartsHere();
        if (atLineStart) {
            atLineStart = false;
            line++;
            lineAt[slot] = line;
        }
        if (c === LF)
            atLineStart = true;
        roll(c);
    };
    // charCodeAt, not code points: the action walks UTF-16 code units, so an astral character
    // contributes both of its surrogates.
    for (let k = 0; k < text.length; k++)
        process(text.charCodeAt(k));
    process(END_SENTINEL);
    // Flush: feed zeros, bypassing the space/newline handling, until every pending line is emitted.
    for (let k = 0; k < WINDOW; k++) {
        emitIfLineStartsHere();
        roll(0);
    }
    return out;
}
