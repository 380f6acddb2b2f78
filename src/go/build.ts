// Build constraints of a Go file, as `go help buildconstraint` defines them: the file name's
// GOOS/GOARCH suffixes, and the `//go:build` line of the file's header or, when there is none,
// its legacy `// +build` lines. The result is an expression over build tags (model/facts.ts
// BuildExpr); the index decides which definitions can be built together with a caller.
import { KNOWN_ARCH, KNOWN_OS } from '../knowledge/index.js';
import type { BuildExpr } from '../model/facts.js';

const OS = new Set(KNOWN_OS);
const ARCH = new Set(KNOWN_ARCH);

/** The file's build constraint, or null when it builds for every configuration. */
export function buildConstraintOf(path: string, text: string): BuildExpr | null {
  const parts: BuildExpr[] = [];
  const byName = fileNameConstraint(path.slice(path.lastIndexOf('/') + 1));
  if (byName) parts.push(byName);
  const byLines = headerConstraint(text);
  if (byLines) parts.push(byLines);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as BuildExpr) : { and: parts };
}

/**
 * The implicit constraint of a file name: after cutting the name at its first `.` and dropping a
 * `_test` suffix, a last element that is a known GOOS or GOARCH, or a known GOOS followed by a
 * known GOARCH. Only what follows the first `_` counts, so `linux.go` is not constrained and
 * `linux_amd64.go` only by amd64 (go/build `goodOSArchFile`, Go 1.4 and later).
 */
export function fileNameConstraint(base: string): BuildExpr | null {
  const stem = base.split('.')[0] ?? '';
  const i = stem.indexOf('_');
  if (i < 0) return null;
  const l = stem.slice(i).split('_');
  if (l[l.length - 1] === 'test') l.pop();
  const last = l[l.length - 1] ?? '';
  const before = l.length >= 2 ? l[l.length - 2] ?? '' : '';
  if (OS.has(before) && ARCH.has(last)) return { and: [{ tag: before }, { tag: last }] };
  if (OS.has(last) || ARCH.has(last)) return { tag: last };
  return null;
}

/**
 * The constraint written in the file's header: the comments and blank lines before the package
 * clause. A `//go:build` line there decides alone; without one, every `// +build` line before
 * the header's last blank line counts (so a `+build` line in a package doc comment does not),
 * and they all must hold. A line that does not parse constrains nothing, as go/build ignores a
 * bad `+build` line (a bad `//go:build` line is a build error, so no such file builds anyway).
 */
export function headerConstraint(text: string): BuildExpr | null {
  const { goBuild, plusBuild } = scanHeader(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (goBuild !== null) return parseGoBuild(goBuild.slice('//go:build'.length));
  const lines = plusBuild.map(parsePlusBuild).filter((x): x is BuildExpr => x !== null);
  if (lines.length === 0) return null;
  return lines.length === 1 ? (lines[0] as BuildExpr) : { and: lines };
}

/** The `//go:build` line of the header and its `// +build` lines (go/build `parseFileHeader`). */
function scanHeader(text: string): { goBuild: string | null; plusBuild: string[] } {
  let goBuild: string | null = null;
  const candidates: Array<{ line: string; at: number }> = [];
  let lastBlank = 0;
  let ended = false;
  let inBlock = false;
  const lines = text.split('\n');
  scan: for (let n = 0; n < lines.length; n++) {
    let line = (lines[n] as string).trim();
    if (line === '' && !ended) {
      // A +build line must come before a blank line that precedes the first non-// line.
      lastBlank = n;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    if (!inBlock && /^\/\/go:build([ \t]|$)/.test(line)) goBuild ??= line;
    if (!inBlock && !ended && /^\/\/\s*\+build([ \t]|$)/.test(line)) candidates.push({ line, at: n });
    // Skip the comments on the line; anything else ends the header.
    while (line.length > 0) {
      if (inBlock) {
        const close = line.indexOf('*/');
        if (close < 0) continue scan;
        inBlock = false;
        line = line.slice(close + 2).trim();
      } else if (line.startsWith('//')) {
        continue scan;
      } else if (line.startsWith('/*')) {
        inBlock = true;
        line = line.slice(2).trim();
      } else {
        break scan;
      }
    }
  }
  return { goBuild, plusBuild: candidates.filter((c) => c.at < lastBlank).map((c) => c.line) };
}

/** A legacy `// +build a,b !c` line: options separated by spaces (any holds), terms of an
 * option by commas (all hold), `!` negating one tag. */
function parsePlusBuild(line: string): BuildExpr | null {
  const fields = line.replace(/^\/\/\s*\+build/, '').trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return null;
  const options: BuildExpr[] = [];
  for (const field of fields) {
    const terms: BuildExpr[] = [];
    for (const term of field.split(',')) {
      const neg = term.startsWith('!');
      const tag = neg ? term.slice(1) : term;
      if (!isTag(tag)) return null;
      terms.push(neg ? { not: { tag } } : { tag });
    }
    options.push(terms.length === 1 ? (terms[0] as BuildExpr) : { and: terms });
  }
  return options.length === 1 ? (options[0] as BuildExpr) : { or: options };
}

function isTag(s: string): boolean {
  return /^[A-Za-z0-9_.]+$/.test(s);
}

/** Parses a `//go:build` expression: `||`, `&&`, `!`, parentheses and tags, with Go's
 * precedence. Returns null when it does not parse. */
export function parseGoBuild(src: string): BuildExpr | null {
  const tokens = src.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.]+|\S/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const or = (): BuildExpr | null => {
    const parts = [and()];
    while (peek() === '||') { pos++; parts.push(and()); }
    if (parts.some((p) => p === null)) return null;
    return parts.length === 1 ? parts[0] as BuildExpr : { or: parts as BuildExpr[] };
  };
  const and = (): BuildExpr | null => {
    const parts = [unary()];
    while (peek() === '&&') { pos++; parts.push(unary()); }
    if (parts.some((p) => p === null)) return null;
    return parts.length === 1 ? parts[0] as BuildExpr : { and: parts as BuildExpr[] };
  };
  const unary = (): BuildExpr | null => {
    const t = tokens[pos++];
    if (t === '!') {
      const x = unary();
      return x ? { not: x } : null;
    }
    if (t === '(') {
      const x = or();
      return tokens[pos++] === ')' ? x : null;
    }
    return t !== undefined && isTag(t) ? { tag: t } : null;
  };
  const x = or();
  return x && pos === tokens.length ? x : null;
}
