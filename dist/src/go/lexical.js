// What a Go file's text says in code, as opposed to comments and literals: the one helper that
// tells them apart without a parse. A word that appears only in a comment, a string, a raw string
// or a rune literal is no name the compiler sees (go.dev/ref/spec#Comments,
// go.dev/ref/spec#String_literals), so a file whose only `uintptr` is in a doc comment or an
// error message cannot convert a pointer.
/**
 * Comments and literals, each matched whole so that nothing inside one is read as code. Go has no
 * nested comments, raw strings hold no backquote, and an interpreted string or rune ends at its
 * line's end; an unterminated one does not match and is read as code, which can only make a file
 * look as if it mattered (the safe side).
 */
const NON_CODE = String.raw `\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|` + '`[^`]*`';
const compiled = new Map();
/** A Go identifier's letters and digits (go.dev/ref/spec#Identifiers): what a whole name must not
 * continue with on either side. */
const ID_CHAR = String.raw `[\p{L}\p{Nd}_]`;
/** One regular expression per token list: comments and literals first, then the tokens (whole
 * identifiers only, with `words`). Cached: the prefilter's list is the same for every file. */
function scannerFor(tokens, words) {
    const key = `${words ? 'w' : 's'}\0${tokens.join('\0')}`;
    let re = compiled.get(key);
    if (!re) {
        const alts = tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
        const token = words ? `(?<!${ID_CHAR})(?:${alts})(?!${ID_CHAR})` : alts;
        // The tokens are a capture group: a match without it is a comment or a literal, skipped whole.
        // The u flag only where \p{…} classes need it: it slows the plain scan.
        re = new RegExp(`${NON_CODE}|(${token})`, words ? 'gu' : 'g');
        if (compiled.size > 64)
            compiled.clear();
        compiled.set(key, re);
    }
    return re;
}
/**
 * Reports whether one of `tokens` occurs in the code of `text`: outside comments, strings, raw
 * strings and rune literals. A token may be part of a longer identifier (`NewLazyDLL` holds
 * `LazyDLL`), as a plain substring search would find it: only comments and literals are left out;
 * with `words`, only a whole identifier counts (`Addr` is not in `Address`).
 */
export function codeMentions(text, tokens, opts = {}) {
    if (tokens.length === 0)
        return false;
    const re = scannerFor(tokens, opts.words === true);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[1] !== undefined)
            return true;
    }
    return false;
}
