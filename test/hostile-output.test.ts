// The scanned tree is untrusted (DESIGN.md §5c): file and directory names, source lines and
// vendor/modules.txt can hold line breaks, escape sequences, GitHub workflow commands and Markdown.
// Every output a terminal, a CI runner or a Markdown renderer reads must keep them inert: each line
// starts with pinlint's own text, no raw control character or `##[` reaches it, JSON and SARIF
// still carry the true strings, and a pasted Markdown audit cannot grow a tag, a link or a column.
// Also: the text format finds each excerpt line through a line index built once per file, so its
// work grows with the number of findings, not with their square.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../src/model/findings.js';
import { render, type Format, type Report } from '../src/report/index.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { inertHtml, inertJson, markdownCode, markdownText, terminalSafe } from '../src/report/escape.js';
import { CSS, JS } from '../src/audit/html-assets.js';
import { unifiedDiff } from '../src/report/fix.js';
import { HOISTED_BUG, runCli, tempTree, type CliRun } from './support/cli.js';

/** A new line that would be a GitHub error annotation, colour, a bare CR, the older command
 * prefix, a Unicode line separator and a right-to-left override. */
const HOSTILE = '\n::error title=pwn::owned\u001b[31m\r##[warning]v1\u2028\u202e';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tree(files: Record<string, string | Buffer>): string {
  const d = tempTree(files, 'pinlint-hostile-');
  dirs.push(d);
  return d;
}

// ---- what every interpreted output must satisfy -------------------------------------------------

/** Controls a terminal or a log reader acts on; LF (the line break) and tab are pinlint's own. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** White space .NET's TrimStart removes before the runner looks for `::` (and more). */
const LEADING_SPACE = /^[\s\u0085\u180e]*/u;
/** pinlint's own annotations: a command, properties without a raw `:`, then `::`. */
const ANNOTATION = /^::(error|warning|notice) [^:\n]*::/;

/** Asserts that `output` is inert for a terminal and for the GitHub Actions runner, except for
 * `annotations` lines of the github format, which must be pinlint's own. */
function expectInert(output: string, annotations = 0): void {
  expect(output).not.toMatch(RAW_CONTROL);
  expect(output).not.toContain('##[');
  const commands = output.split('\n').filter((l) => l.replace(LEADING_SPACE, '').startsWith('::'));
  expect(commands).toHaveLength(annotations);
  for (const c of commands) expect(c).toMatch(ANNOTATION);
}

function expectRunInert(r: CliRun, annotations = 0): void {
  expectInert(r.out, annotations);
  expectInert(r.err);
}

// ---- a hostile check tree -----------------------------------------------------------------------

const BT = '`';
/** A finding whose excerpt lines hold colour, a CR, `##[` and U+2028, next to a raw string whose
 * lines start with workflow commands (the fix's diff shows them as context lines). */
const HOSTILE_SOURCE = `package p

import (
	"syscall"
	"unsafe"
)

func f(b []byte) {
	p := uintptr(unsafe.Pointer(&b[0])) // \u001b[31mred\u001b[0m \r::error::after a CR
	syscall.Syscall(1, p, 0, 0) // ##[error]in a comment \u2028::error::after U+2028 \u202eevil
	_ = ${BT}
::error title=pwn::from a raw string
##[error]v1 in a raw string
${BT}
}
`;
/** A syntax error in a file the prefilter keeps (it names unsafe), so it is parsed and reported. */
const BROKEN = 'package p\n\nimport "unsafe"\n\nvar _ = unsafe.Pointer(nil)\n\nfunc oops( {\n';

const EVIL_FILE = `evil${HOSTILE}.go`;
const EVIL_DIR_FILE = `dir${HOSTILE}/b.go`;
const LEADING_FILE = '::error title=lead::start.go';
const CHECK_FILES: Record<string, string | Buffer> = {
  [EVIL_FILE]: HOSTILE_SOURCE,
  [EVIL_DIR_FILE]: HOISTED_BUG,
  [LEADING_FILE]: HOISTED_BUG,
  [`broken${HOSTILE}.go`]: BROKEN,
  [`bin${HOSTILE}.go`]: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]),
};
const TRUE_PATHS = [EVIL_FILE, EVIL_DIR_FILE, LEADING_FILE];

describe('pinlint check on a tree with hostile names and lines', async () => {
  const dir = tree(CHECK_FILES);
  const runs = new Map<Format, CliRun>();
  for (const format of ['text', 'concise', 'github', 'json', 'sarif'] as const) {
    runs.set(format, await runCli(['--format', format, '.'], dir));
  }
  const json = JSON.parse(runs.get('json')?.out ?? '') as {
    findings: Array<{ location: { path: string } }>;
    notifications: Array<{ id: string; path?: string }>;
  };

  it('finds the bugs and names the broken and binary files (the hostile tree is read as it is)', () => {
    expect(new Set(json.findings.map((f) => f.location.path))).toEqual(new Set(TRUE_PATHS));
    expect(json.notifications.map((n) => [n.id, n.path])).toEqual(expect.arrayContaining([
      ['parse-error', `broken${HOSTILE}.go`], ['binary-file', `bin${HOSTILE}.go`],
    ]));
  });

  it.each(['text', 'concise', 'json', 'sarif'] as const)('%s: no line of stdout or stderr is a command, no raw control', (format) => {
    const r = runs.get(format) as CliRun;
    expect(r.code).toBe(1);
    expectRunInert(r);
  });

  it('github: one annotation per finding and per file notification, and nothing else a runner acts on', () => {
    const r = runs.get('github') as CliRun;
    const notices = json.notifications.filter((n) => n.path !== undefined).length;
    expectRunInert(r, json.findings.length + notices);
    // The runner decodes %0A, %3A, %2C and %25 in the file property: a name without other controls
    // is the true path.
    const lead = r.out.split('\n').find((l) => l.includes('file=%3A%3Aerror title=lead%3A%3Astart.go,'));
    expect(lead).toMatch(/^::error file=%3A%3Aerror title=lead%3A%3Astart\.go,line=10,/);
  });

  it('text: the hostile parts are shown escaped, and every excerpt line still starts with its gutter', () => {
    const out = runs.get('text')?.out ?? '';
    expect(out).toContain('evil\\n::error title=pwn::owned\\x1b[31m\\r#\\x23[warning]v1\\u2028\\u202e.go:10:');
    expect(out).toContain('\\x3a:error title=lead::start.go:10:');
    expect(out).toContain('\n10 |     syscall.Syscall(1, p, 0, 0) // #\\x23[error]in a comment \\u2028::error::after U+2028 \\u202eevil\n');
    expect(out).toContain('\n 9 |     p := uintptr(unsafe.Pointer(&b[0])) // \\x1b[31mred\\x1b[0m \\r::error::after a CR\n');
  });

  it('text: carets stay under the span when escapes widen the line before it', async () => {
    const t = tree({ 'a.go': HOISTED_BUG.replace('\tsyscall.Syscall(1, p', '\t/*\u001b*/ syscall.Syscall(1, p') });
    const lines = (await runCli(['.'], t)).out.split('\n');
    const src = lines.findIndex((l) => l.includes('/*\\x1b*/ syscall.Syscall'));
    expect(src).toBeGreaterThan(0);
    const caret = (lines[src + 1] ?? '').indexOf('^');
    expect((lines[src] ?? '').slice(caret)).toMatch(/^p, 0, 0\)/);
  });

  it('json and sarif carry the true names (they escape by construction)', () => {
    const sarif = JSON.parse(runs.get('sarif')?.out ?? '') as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = sarif.runs[0]?.results.map((x) => decodeURIComponent(x.locations[0]?.physicalLocation.artifactLocation.uri ?? '')) ?? [];
    expect(new Set(uris)).toEqual(new Set(TRUE_PATHS));
  });

  it('stderr notifications name the files escaped, for machine formats and --output alike', async () => {
    const err = runs.get('json')?.err ?? '';
    expect(err).toContain('pinlint: broken\\n::error title=pwn::owned\\x1b[31m\\r#\\x23[warning]v1\\u2028\\u202e.go:');
    const written = await runCli(['--format', 'sarif', '--output', 'r.sarif', '.'], dir);
    expect(written.err).toMatch(/^pinlint: wrote r\.sarif \(/);
    expectRunInert(written);
  });

  it('--fix --dry-run shows the diff escaped (context lines from the raw string included)', async () => {
    const r = await runCli(['--fix', '--dry-run', '.'], tree({ [EVIL_FILE]: HOSTILE_SOURCE }));
    // jsdiff C-quotes the name as git does; `##[` is written with git's octal escape.
    expect(r.out).toContain('--- "a/evil\\n::error title=pwn::owned\\033[31m\\r#\\043[warning]v1\\342\\200\\250\\342\\200\\256.go"\n');
    expect(r.out).toContain('\n \\x3a:error title=pwn::from a raw string\n #\\x23[error]v1 in a raw string\n');
    expectRunInert(r);
  });
});

describe('unifiedDiff', () => {
  it('keeps CRLF line endings (the patch of an ordinary CRLF file still applies)', () => {
    const d = unifiedDiff('a.go', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n');
    expect(d).toBe('--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n');
  });
  it('quotes a name with ##[ that needed no quoting otherwise', () => {
    expect(unifiedDiff('x##[y.go', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual(['--- "a/x#\\043[y.go"', '+++ "b/x#\\043[y.go"']);
  });
});

// ---- a hostile audit tree -----------------------------------------------------------------------

const EVIL_MODULE = 'example.com/x|y<b>z`';
const EVIL_VERSION = 'v1.0.0<img/src=x/onerror=alert(1)>|[link](http://evil.example/)`x`\u001b[31m@user';
/** How the version reads once rendered: the same characters, ESC shown as `\x1b`. */
const EVIL_VERSION_SHOWN = 'v1.0.0<img/src=x/onerror=alert(1)>|[link](http://evil.example/)`x`\\x1b[31m@user';
const GUESSED_DIR = `github.com/a/b${HOSTILE}dir`;
const WRAPPER = `package p

import "syscall"

// Ioctl forwards arg to the system call: an exported wrapper.
func Ioctl(fd int, arg uintptr) {
	syscall.Syscall(16, uintptr(fd), 0, arg)
}
`;

function auditTree(): string {
  return tree({
    'go.mod': 'module example.com/app\n\ngo 1.21\n',
    'vendor/modules.txt': `# ${EVIL_MODULE} ${EVIL_VERSION}\n## explicit; go 1.21\n${EVIL_MODULE}\n`,
    [`vendor/${EVIL_MODULE}/${EVIL_FILE}`]: HOSTILE_SOURCE,
    [`vendor/${EVIL_MODULE}/wrap.go`]: WRAPPER,
    [`vendor/${GUESSED_DIR}/c.go`]: HOISTED_BUG,
    [`vendor/${EVIL_MODULE}/broken${HOSTILE}.go`]: BROKEN,
  });
}

/** The cells of a GFM table row, as cmark-gfm splits them: a backslash escapes the next
 * punctuation character (`\|` stays in the cell, as `|`), every other `|` ends a cell. */
function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i] as string;
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(row[i + 1] ?? '')) {
      cell += row[i + 1] === '|' ? '|' : c + row[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.trim());
  return cells.slice(1, -1);
}

/** What a cell reads as: a code span's content, or `<code>` text with its escapes undone. */
function cellText(cell: string): string {
  const span = /^(`+)(.*)\1$/.exec(cell);
  if (span) {
    const body = span[2] ?? '';
    return /^ .* $/.test(body) && body.trim() !== '' ? body.slice(1, -1) : body;
  }
  const code = /^<code>(.*)<\/code>$/.exec(cell);
  const text = code ? code[1] ?? '' : cell;
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The lines of a Markdown document as GitHub would read them outside code: fenced blocks left out,
 * code spans replaced by a marker, backslash-escaped characters by `·`. What remains is what can
 * form tags, links, images, autolinks and mentions.
 */
function outsideCode(md: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    if (fence !== null) {
      if (/^ {0,3}`+\s*$/.test(line) && line.trim().length >= fence.length) fence = null;
      continue;
    }
    const open = /^ {0,3}(`{3,})/.exec(line);
    if (open) {
      fence = open[1] ?? '```';
      continue;
    }
    // The report's HTML-block lines (<details>, <summary>…): raw HTML, where Markdown is not read
    // and GitHub links nothing inside <code>.
    if (line.startsWith('<details>') || line.startsWith('<summary>') || line.startsWith('</details>')) {
      out.push(line.replace(/<code>[^<]*<\/code>/g, '⟦code⟧'));
      continue;
    }
    let s = '';
    for (let i = 0; i < line.length;) {
      if (line[i] === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
        s += '·';
        i += 2;
      } else if (line[i] === '`') {
        const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
        let close = -1;
        for (let j = i + run.length; j < line.length;) {
          const k = line.indexOf('`', j);
          if (k === -1) break;
          const r = /^`+/.exec(line.slice(k))?.[0] ?? '`';
          if (r.length === run.length) {
            close = k;
            break;
          }
          j = k + r.length;
        }
        s += close === -1 ? run : '⟦code⟧';
        i = close === -1 ? i + run.length : close + run.length;
      } else {
        s += line[i];
        i++;
      }
    }
    // Inline <code> stays: Markdown is read inside it, so its text must be escaped like any other.
    out.push(s);
  }
  return out;
}

describe('pinlint audit on a tree with a hostile modules.txt, names and lines', async () => {
  const dir = auditTree();
  const runs = new Map<string, CliRun>();
  for (const format of ['text', 'markdown', 'json', 'html']) {
    runs.set(format, await runCli(['audit', '--format', format, '.'], dir, { stderrIsTTY: false }));
  }

  it.each(['text', 'markdown', 'json', 'html'])('%s: no line of stdout or stderr is a command, no raw control', (format) => {
    const r = runs.get(format) as CliRun;
    expect(r.code).toBe(1);
    expectRunInert(r);
  });

  it('json carries the true module, version and paths', () => {
    const j = JSON.parse(runs.get('json')?.out ?? '') as { modules: Array<{ path: string; version: string | null; findingList: Array<{ location: { path: string } }> }> };
    const evil = j.modules.find((m) => m.path === EVIL_MODULE);
    expect(evil?.version).toBe(EVIL_VERSION);
    expect(evil?.findingList.map((f) => f.location.path)).toContain(`vendor/${EVIL_MODULE}/${EVIL_FILE}`);
    expect(j.modules.map((m) => m.path)).toContain(GUESSED_DIR);
  });

  it('markdown: no tag, link, image, autolink or mention forms outside code', () => {
    const md = runs.get('markdown')?.out ?? '';
    const allowed = /<\/?(details|summary|code|sub)>/g;
    for (const line of outsideCode(md)) {
      expect(line.replace(allowed, '')).not.toContain('<');
      expect(line).not.toMatch(/\]\(|!\[|https?:\/\/|www\.|@/);
    }
    // Code spans with a fence longer than the backtick inside the module path.
    expect(md).toContain('- ``example.com/x|y<b>z`.Ioctl`` forwards `arg` (``vendor/example.com/x|y<b>z`/wrap.go:6``)');
  });

  it('markdown: every table row has the header\'s columns, and the hostile cells read as the tree wrote them', () => {
    const md = runs.get('markdown')?.out ?? '';
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    const width = tableCells(rows[0] ?? '').length;
    expect(width).toBeGreaterThan(5);
    for (const r of rows) expect(tableCells(r)).toHaveLength(width);
    const evil = rows.map(tableCells).find((cells) => cellText(cells[0] ?? '') === EVIL_MODULE);
    expect(evil).toBeDefined();
    expect(cellText(evil?.[1] ?? '')).toBe(EVIL_VERSION_SHOWN);
    const guessed = rows.map(tableCells).find((cells) => cellText(cells[0] ?? '').startsWith('github.com/a/b'));
    expect(cellText(guessed?.[0] ?? '')).toBe('github.com/a/b\\n::error title=pwn::owned\\x1b[31m\\r#\\x23[warning]v1\\u2028\\u202edir');
  });

  it('markdown: the <summary> line (an HTML block) is entity-escaped and on one line', () => {
    const md = runs.get('markdown')?.out ?? '';
    const summary = md.split('\n').find((l) => l.startsWith('<summary><code>example.com/x'));
    expect(summary).toBe('<summary><code>example.com/x|y&lt;b&gt;z`</code> <code>v1.0.0&lt;img/src=x/onerror=alert(1)&gt;|[link](http://evil.example/)`x`\\x1b[31m@user</code>: 1 finding, 1 exported wrapper</summary>');
  });

  it('html: the final pass leaves pinlint\'s own styles and script alone (they hold no control, no ##[)', () => {
    expect(inertHtml(CSS + JS)).toBe(CSS + JS);
  });

  it('html: every tree string is escaped', () => {
    const html = runs.get('html')?.out ?? '';
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('example.com/x|y&lt;b&gt;z`');
    expect(html).toContain('v1.0.0&lt;img/src=x/onerror=alert(1)&gt;');
    // A source line with `##[` reads the same in a browser, and is no command in a log.
    expect(html).toContain('#&#35;[error]in a comment');
  });

  it('stderr: what audit says about a directory is escaped too', async () => {
    const d = tree({ [`m${HOSTILE}/go.mod`]: 'module example.com/m\n' });
    const r = await runCli(['audit', '--format', 'json', `m${HOSTILE}`], d, { stderrIsTTY: false });
    expect(r.err).toContain('pinlint: m\\n::error title=pwn::owned\\x1b[31m\\r#\\x23[warning]v1\\u2028\\u202e has a go.mod but no vendor/ directory');
    expect(r.err).toContain('no .go files found under m\\n::error');
    expectRunInert(r);
  });

  it('text: module, version and paths are shown escaped', () => {
    const out = runs.get('text')?.out ?? '';
    expect(out).toMatch(/^example\.com\/x\|y<b>z` +v1\.0\.0<img/m);
    expect(out).toContain(EVIL_VERSION_SHOWN);
    expect(out).toContain('github.com/a/b\\n::error');
  });
});

// ---- the helpers ---------------------------------------------------------------------------------

describe('escape helpers', () => {
  it('terminalSafe: controls visible, ##[ broken, a leading :: guarded, everything else as it is', () => {
    expect(terminalSafe('a\tb/ü/宽.go')).toBe('a\tb/ü/宽.go');
    expect(terminalSafe('x\n::y\r\u001b[1m\u0085\u009b\u007f\u2028\u2029\u202e\u2066')).toBe('x\\n::y\\r\\x1b[1m\\x85\\x9b\\x7f\\u2028\\u2029\\u202e\\u2066');
    expect(terminalSafe('a ##[error]b ###[c')).toBe('a #\\x23[error]b ##\\x23[c');
    expect(terminalSafe('::error::x')).toBe('\\x3a:error::x');
    expect(terminalSafe(' \u00a0::x')).toBe(' \u00a0\\x3a:x');
    expect(terminalSafe(':')).toBe('\\x3a');
    expect(terminalSafe('a::b')).toBe('a::b');
  });

  it('markdownCode: a fence longer than any backtick run, padded where a backtick or space would merge', () => {
    expect(markdownCode('a.b')).toBe('`a.b`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('``x')).toBe('``` ``x ```');
    expect(markdownCode(' x ')).toBe('`  x  `');
    expect(markdownCode('a|b')).toBe('`a|b`');
    expect(markdownCode('a\\|b', 'table')).toBe('<code>a\\\\\\|b</code>');
    expect(markdownCode('x\ny')).toBe('`x\\ny`');
  });

  it('markdownText: punctuation escaped, < > & as entities, no line break', () => {
    expect(markdownText('<img src=x>[l](http://e.x) *a* @u\n# h|')).toBe('&lt;img src=x&gt;\\[l\\]\\(http\\://e\\.x\\) \\*a\\* \\@u\\\\n\\# h\\|');
  });

  it('inertJson: same value, no raw C1, separators or ##[', () => {
    const value = { s: `a\u0085\u009b\u2028\u202e##[error]b${HOSTILE}` };
    const text = inertJson(JSON.stringify(value));
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).not.toContain('##[');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('github escapes: the runner\'s own, then every other control visible', () => {
    expect(escapeData('100% a\r\nb\u001b[1m')).toBe('100%25 a%0D%0Ab\\x1b[1m');
    expect(escapeProperty('a:b,c%\n\u001b')).toBe('a%3Ab%2Cc%25%0A\\x1b');
  });
});

// ---- linear text output --------------------------------------------------------------------------

/** One file of `n` lines and a finding on each. */
function manyFindings(n: number): Report {
  const text = Array.from({ length: n }, (_, i) => `\tx${i} := uintptr(0)`).join('\n') + '\n';
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    ruleId: 'PL001', ruleName: 'hoisted-conversion', level: 'error', message: 'm',
    location: { path: 'big.go', startLine: i + 1, startColumn: 2, endLine: i + 1, endColumn: 4 },
    related: [], flow: [],
  }));
  return { rules: [], findings, notifications: [], readSource: () => text, toolVersion: '0' };
}

/**
 * Renders `report` as text, counting String.prototype.indexOf calls: the line index is built with
 * one call per line, and the old per-finding scan made one per line before the finding's. Past
 * `budget` calls the render stops, so a quadratic renderer fails here instead of running for
 * minutes.
 */
function indexOfCalls(report: Report, budget: number): { calls: number; out: string } {
  let calls = 0;
  const original = String.prototype.indexOf;
  const spy = vi.spyOn(String.prototype, 'indexOf').mockImplementation(function (this: string, search: string, position?: number) {
    if (++calls > budget) throw new Error(`more than ${budget} indexOf calls for ${report.findings.length} findings`);
    return original.call(this, search, position);
  });
  try {
    const out = render('text', report);
    return { calls, out };
  } finally {
    spy.mockRestore();
  }
}

describe('text output of many findings in one file', () => {
  it('does work linear in the number of findings (an index of line starts, built once per file)', () => {
    const n = 5_000;
    const small = indexOfCalls(manyFindings(n), 20 * n);
    const large = indexOfCalls(manyFindings(4 * n), 20 * 4 * n);
    const smallCalls = small.calls;
    const largeCalls = large.calls;
    // The probe measures something: the line index reads the text with indexOf.
    expect(smallCalls).toBeGreaterThan(0);
    expect(largeCalls / smallCalls).toBeLessThan(8);
    // And the excerpts are still the right lines.
    expect(large.out).toContain(`\n19999 |     x19998 := uintptr(0)\n`);
    expect(large.out).toContain(`\n1 |     x0 := uintptr(0)\n`);
  });
});
