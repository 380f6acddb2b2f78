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
const NON_CODE = String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|` + '`[^`]*`';

const compiled = new Map<string, RegExp>();

/** One regular expression per token list: comments and literals first, then the tokens. Cached:
 * the prefilter's list is the same for every file. */
function scannerFor(tokens: readonly string[]): RegExp {
  const key = tokens.join('\0');
  let re = compiled.get(key);
  if (!re) {
    const alts = tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    // The tokens are a capture group: a match without it is a comment or a literal, skipped whole.
    re = new RegExp(`${NON_CODE}|(${alts})`, 'g');
    if (compiled.size > 64) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

/**
 * Reports whether one of `tokens` occurs in the code of `text`: outside comments, strings, raw
 * strings and rune literals. A token may be part of a longer identifier (`NewLazyDLL` holds
 * `LazyDLL`), as a plain substring search would find it: only comments and literals are left out.
 */
export function codeMentions(text: string, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  const re = scannerFor(tokens);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) return true;
  }
  return false;
}

/** Comments and literals, else a whole Go identifier (go.dev/ref/spec#Identifiers) as group 1:
 * one expression whatever the names looked for, so no expression is built per file. */
const IDENTIFIERS = new RegExp(`${NON_CODE}|([\\p{L}_][\\p{L}\\p{Nd}_]*)`, 'gu');

/** Reports whether the code of `text` names one of `names` as a whole identifier (`Addr` is not
 * in `Address`), outside comments and literals. */
export function codeNames(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const re = IDENTIFIERS;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined && names.has(m[1])) return true;
  }
  return false;
}
