// The fixture annotation convention (DESIGN.md §6, after x/tools analysistest):
//   // want "re" ...        findings expected on this line (regexps against the message)
//   // want +N "re"         ... on the line N below
//   // todo-want "re"       a known false negative: the rule must stay silent here for now
//   // todo-ok              a known false positive: the rule reports here for now
// Matching is strict both ways; a todo marker fails once the rule starts behaving.

export interface Expectation {
  line: number;
  kind: 'want' | 'todo-want' | 'todo-ok';
  patterns: RegExp[];
  /** Where the annotation itself is written. */
  at: number;
}

const ANNOTATION = /\/\/\s*(want|todo-want|todo-ok)\b(.*)$/;

/** Parses the quoted or backquoted regexps after a marker. */
export function parsePatterns(rest: string, where: string): RegExp[] {
  const out: RegExp[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest))) {
    const src = m[1] !== undefined ? unquote(m[1]) : (m[2] as string);
    try {
      out.push(new RegExp(src));
    } catch (err) {
      throw new Error(`${where}: bad regexp ${JSON.stringify(src)}: ${String(err)}`);
    }
  }
  return out;
}

/** A double-quoted pattern is read as a string literal when it is one (`"a\\.b"`), and as a raw
 * regexp otherwise (`"\w+"`, which Go's analysistest would reject but reads naturally). */
function unquote(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body.replace(/\\"/g, '"');
  }
}

export function parseExpectations(text: string, file: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((line, i) => {
    // Only \n ends a line (as in Go); the \r of a CRLF file is not part of the annotation.
    const m = ANNOTATION.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (!m) return;
    const kind = m[1] as Expectation['kind'];
    let rest = (m[2] ?? '').trim();
    let offset = 0;
    const plus = /^\+(\d+)\s*/.exec(rest);
    if (plus) {
      offset = Number(plus[1]);
      rest = rest.slice(plus[0].length);
    }
    const where = `${file}:${i + 1}`;
    const patterns = parsePatterns(rest, where);
    if (kind !== 'todo-ok' && patterns.length === 0) throw new Error(`${where}: "${kind}" needs at least one "regexp"`);
    out.push({ line: i + 1 + offset, kind, patterns, at: i + 1 });
  });
  return out;
}

export interface Got {
  line: number;
  column: number;
  message: string;
}

/** Compares findings with expectations; returns human-readable problems (empty when all match). */
export function compare(file: string, expectations: Expectation[], got: Got[]): string[] {
  const problems: string[] = [];
  const remaining = [...got];
  const take = (line: number, re: RegExp): Got | undefined => {
    const i = remaining.findIndex((g) => g.line === line && re.test(g.message));
    return i >= 0 ? remaining.splice(i, 1)[0] : undefined;
  };
  for (const e of expectations.filter((x) => x.kind === 'want')) {
    for (const re of e.patterns) {
      if (!take(e.line, re)) problems.push(`${file}:${e.line}: expected a finding matching ${re} but got none`);
    }
  }
  for (const e of expectations.filter((x) => x.kind === 'todo-ok')) {
    const onLine = remaining.filter((g) => g.line === e.line);
    if (onLine.length === 0) problems.push(`${file}:${e.line}: todo-ok but the rule is now silent here: remove the todo-ok marker`);
    for (const g of onLine) remaining.splice(remaining.indexOf(g), 1);
  }
  for (const e of expectations.filter((x) => x.kind === 'todo-want')) {
    for (const re of e.patterns) {
      const g = take(e.line, re);
      if (g) problems.push(`${file}:${e.line}: todo-want now reports (${g.message}): promote it to want`);
    }
  }
  for (const g of remaining) problems.push(`${file}:${g.line}:${g.column}: unexpected finding: ${g.message}`);
  return problems;
}
