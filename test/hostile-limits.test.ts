// Hostile input against the per-file bounds (DESIGN.md §5c): every per-file stage does work linear
// in its input or stops at the file's time limit, a tree's configuration cannot lift a hard
// limit, one read limit holds for the whole run, globs and deep configuration files cost no
// backtracking and no stack trace, and the progress line names a file that takes long.
//
// No assertion here is timed (project rule): work is counted (flow/budget.ts `flowWork`) for an
// input and for one twice its size. A regression to exponential work fails the ratio, or runs into
// the file's time limit and fails the "fully analyzed" check; the generous test timeouts are only
// there so that a regression fails instead of hanging.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGo } from '../src/go/parse.js';
import { importsOf } from '../src/go/syntax.js';
import { extractFacts } from '../src/flow/extract.js';
import { flowWork } from '../src/flow/budget.js';
import { scanDeclarations } from '../src/flow/declarations.js';
import { DEFAULT_KNOWLEDGE, newFileScope } from '../src/flow/file-scope.js';
import type { FileFacts } from '../src/model/facts.js';
import { CONFIG_LIMIT_RANGE, DEFAULT_LIMITS, HARD_MAX_FILE_BYTES, LIMIT_RANGE, limitsFrom } from '../src/model/limits.js';
import { Extractor, type Working } from '../src/engine/extract-pool.js';
import type { ExtractTask } from '../src/engine/extract.js';
import { globMatches } from '../src/config/glob.js';
import { matchesGlobs } from '../src/config/apply.js';
import { nestsDeeperThan } from '../src/config/parse.js';
import { progressLine, SLOW_FILE_MS } from '../src/cli/progress.js';
import type { CliIO } from '../src/cli/common.js';
import { runCli, tempTree } from './support/cli.js';

// Names unsafe in its code, so the prefilter parses every file made with it.
const HEADER = 'package p\n\nimport (\n\t"syscall"\n\t"unsafe"\n)\n\ntype T struct{ a, b interface{} }\n\nvar _, _ = syscall.Syscall, unsafe.Pointer(nil)\n\n';
const PL001 = 'func leak(b []byte) {\n\tp := uintptr(unsafe.Pointer(&b[0]))\n\tsyscall.Syscall(1, p, 0, 0)\n}\n\n';

interface JsonReport {
  findings: Array<{ ruleId: string; location: { path: string; startLine: number } }>;
  notifications: Array<{ level: string; id: string; message: string; path?: string }>;
}

/** Analyzes one file on this thread, with a time limit far above what linear work needs: a
 * regression to exponential work shows as a `time-limit` note instead of a hang. */
function analyzed(src: string): { work: number; facts: FileFacts } {
  const before = flowWork();
  const facts = extractFacts('a.go', '.', src, undefined, { limits: { ...DEFAULT_LIMITS, fileTimeMs: 60_000 } });
  return { work: flowWork() - before, facts };
}

/** Each shape at n and at 2n: the shapes the recursive evaluation walks (chains, nesting) and the
 * statement shapes that grow values (a variable put inside itself, shared parts). Sizes stay
 * under the nesting limit (1000 syntax levels), which would otherwise leave the function out. */
const SHAPES: Array<[string, number, (n: number) => string]> = [
  ['a method chain q.W(0).W(1)…', 200, (n) => `func f(q *Q) {\n\tq${Array.from({ length: n }, (_, i) => `.W(${i})`).join('')}\n}\n`],
  ['a chain of sink-named methods taking &p', 200, (n) => `func f(q *Q, p *int) {\n\tq${'.Call(&p)'.repeat(n)}\n}\n`],
  ['a chain through fields q.W().a.W().a…', 100, (n) => `func f(q *Q) {\n\tq${'.W().a'.repeat(n)}.W()\n}\n`],
  ['a selector chain', 400, (n) => `func f(q *Q) {\n\t_ = q${'.a'.repeat(n)}\n}\n`],
  ['a binary expression a + a + …', 400, (n) => `func f(q uintptr) {\n\t_ = q${' + q'.repeat(n)}\n}\n`],
  ['nested parentheses', 400, (n) => `func f(q uintptr) {\n\t_ = ${'('.repeat(n)}q${')'.repeat(n)}\n}\n`],
  ['an index chain &x[0][0]…', 400, (n) => `func f(q [][]byte) {\n\t_ = &q${'[0]'.repeat(n)}\n}\n`],
  ['nested conversions uintptr(unsafe.Pointer(…))', 100, (n) => `func f(q *byte) {\n\t_ = ${'uintptr(unsafe.Pointer('.repeat(n)}q${'))'.repeat(n)}\n}\n`],
  ['conversions of arithmetic on integers', 80, (n) => `func f() {\n\t_ = ${'unsafe.Pointer(1 + uintptr('.repeat(n)}2${'))'.repeat(n)}\n}\n`],
  ['conversions T(T(…)) to a named uintptr type', 200, (n) => `type H uintptr\n\nfunc f(q uintptr) {\n\t_ = ${'H('.repeat(n)}q${')'.repeat(n)}\n}\n`],
  ['nested calls g(g(…))', 200, (n) => `func f(q *Q) {\n\t${'g('.repeat(n)}q${')'.repeat(n)}\n}\n`],
  ['nested composite literals', 100, (n) => `func f(p *byte) {\n\t_ = ${'T{a: '.repeat(n)}uintptr(unsafe.Pointer(p))${'}'.repeat(n)}\n}\n`],
  ['nested function literals', 75, (n) => `func f() {\n\t${'_ = func() { '.repeat(n)}${'}; '.repeat(n)}\n}\n`],
  ['loops in closures in loops', 50, (n) => `func f() {\n\t${'for { _ = func() { '.repeat(n)}${'} }; '.repeat(n)}\n}\n`],
  ['a method chain in a package-level initializer', 200, (n) => `var v = q${Array.from({ length: n }, (_, i) => `.W(${i})`).join('')}\n`],
  ['a value put inside itself twice, again and again', 500, (n) => `func f(p *byte) {\n\tx := T{a: uintptr(unsafe.Pointer(p))}\n${'\tx = T{a: x, b: x}\n'.repeat(n)}\tsyscall.Syscall(1, uintptr(unsafe.Pointer(&x)), 0, 0)\n}\n`],
  ['such values joined after branches', 500, (n) => `func f(p *byte, c bool) {\n\tx := T{a: uintptr(unsafe.Pointer(p))}\n${'\tif c {\n\t\tx = T{a: x, b: x}\n\t} else {\n\t\tx = T{b: x, a: x}\n\t}\n'.repeat(n)}\tsyscall.Syscall(1, uintptr(unsafe.Pointer(&x)), 0, 0)\n}\n`],
  ['a value nested one level deeper per statement', 1000, (n) => `func f(p *byte, q *byte) {\n\ty := p\n\tx := T{a: uintptr(unsafe.Pointer(y))}\n${'\tx = T{a: x}\n\tx.b = x\n'.repeat(n)}\ty = q\n\tsyscall.Syscall(1, uintptr(unsafe.Pointer(&x)), 0, 0)\n}\n`],
  ['append of a slice to itself', 1000, (n) => `func f(p *byte) {\n\tx := []interface{}{uintptr(unsafe.Pointer(p))}\n${'\tx = append(x, x, x)\n'.repeat(n)}\tsyscall.Syscall(1, uintptr(unsafe.Pointer(&x[0])), 0, 0)\n}\n`],
];

describe('the flow analysis does work linear in its input', () => {
  for (const [name, n, shape] of SHAPES) {
    it(`${name}: ${n} and ${2 * n}`, () => {
      const small = analyzed(HEADER + shape(n));
      const large = analyzed(HEADER + shape(2 * n));
      for (const r of [small, large]) {
        // Analyzed whole: nothing left out for depth or time, the declaration itself included.
        expect(r.facts.notifications.map((x) => x.id)).toEqual([]);
        const names = [...r.facts.funcs.map((f) => f.name), ...r.facts.pkgVars.map((v) => v.name)];
        expect(names.includes('f') || names.includes('v')).toBe(true);
      }
      // Linear: twice the input, about twice the work (exponential work was 2^n to 3^n).
      expect(large.work).toBeLessThanOrEqual(2.5 * small.work + 100);
    }, 180_000);
  }

  it('a builder chain whose methods return their receiver, through the type stage too', async () => {
    // The shape of a policy engine's builder that hung `pinlint audit` (the view says W returns
    // its receiver, so each link also asked which object its receiver points into).
    const tree = (n: number): string => tempTree({
      'go.mod': 'module example.com/p\n\ngo 1.21\n',
      'a.go': `${HEADER}type Q struct{ p unsafe.Pointer }\n\nfunc (q *Q) W(n int) *Q {\n\tq.p = unsafe.Pointer(q)\n\treturn q\n}\n\n${PL001}func build(q *Q) {\n\tq${Array.from({ length: n }, (_, i) => `.W(${i})`).join('')}\n}\n`,
    });
    const measure = async (n: number): Promise<{ work: number; report: JsonReport }> => {
      const before = flowWork();
      const run = await runCli(['--format', 'json', '--no-cache', '.'], tree(n));
      return { work: flowWork() - before, report: JSON.parse(run.out) as JsonReport };
    };
    const small = await measure(200);
    const large = await measure(400);
    for (const r of [small, large]) {
      expect(r.report.findings.map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['PL001:21']);
      expect(r.report.notifications).toEqual([]);
    }
    expect(large.work).toBeLessThanOrEqual(2.5 * small.work + 1000);
  }, 180_000);

  it('resolves a method promoted through types that embed many types each', async () => {
    // Depth first without a visited set, a call was resolved through fields^4 paths.
    const types = Array.from({ length: 120 }, (_, i) => `type E${i} struct {\n${Array.from({ length: 120 }, (_, k) => `\tE${k}\n`).join('')}}\n`).join('\n');
    const dir = tempTree({
      'go.mod': 'module example.com/p\n\ngo 1.21\n',
      'a.go': `${HEADER}${PL001}${types}\nfunc call(e *E0, b []byte) {\n\te.Missing(uintptr(unsafe.Pointer(&b[0])))\n}\n`,
    });
    const run = await runCli(['--format', 'json', '--no-cache', '.'], dir);
    const report = JSON.parse(run.out) as JsonReport;
    expect(report.findings.map((f) => f.ruleId)).toEqual(['PL001']);
  }, 180_000);
});

describe('the time limit covers the analysis of a file, inside each walk', () => {
  const src = `${HEADER}func small() {}\n\nfunc big(q *Q) {\n${'\tq.W(1)\n'.repeat(3000)}}\n\nfunc after() {}\n`;

  it('stops in the middle of a function and skips it and the ones after it, keeping those before', () => {
    const parsed = parseGo(src);
    const facts: FileFacts = { path: 'a.go', dir: '.', pkgName: 'p', imports: importsOf(parsed.root), generated: false, funcs: [], pkgVars: [], funcBindings: [], types: [], notifications: [], suppressions: [] };
    // A clock that says "past the deadline" at the first check inside a walk (every 1024 visits):
    // no timing, the same on every machine.
    const budget = { deadline: Infinity, visits: 0, beat: (): void => { budget.deadline = -Infinity; } };
    const late = scanDeclarations(newFileScope(facts, parsed.root, DEFAULT_KNOWLEDGE, {}, null, budget));
    expect(facts.funcs.map((f) => f.name)).toEqual(['small']);
    expect(late?.skipped).toBe(2);
    expect(late?.first.startLine).toBe(src.split('\n').indexOf('func big(q *Q) {') + 1);
    expect(budget.visits).toBeLessThan(2 * 1024);
  });

  it('names the file and the limit, and the rest of the run goes on', async () => {
    // The tree's configuration may lower the limit (for big/ only: a.go keeps the default).
    const dir = tempTree({ 'go.mod': 'module example.com/p\n\ngo 1.21\n', 'a.go': HEADER + PL001, 'big/.pinlint.json': '{"limits": {"fileTimeLimit": 1}}', 'big/big.go': src });
    const run = await runCli(['--format', 'json', '--no-cache', '.'], dir);
    const report = JSON.parse(run.out) as JsonReport;
    expect(report.findings.map((f) => `${f.location.path}:${f.ruleId}`)).toContain('a.go:PL001');
    const limit = report.notifications.filter((n) => n.id === 'time-limit' && n.path === 'big/big.go');
    expect(limit.length).toBeGreaterThan(0);
    expect(limit.some((n) => /limit of 1 ms \(--file-time-limit or limits\.fileTimeLimit\)/.test(n.message))).toBe(true);
    expect(run.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('hard limits the tree cannot lift', () => {
  it('lets a configuration file lower a limit, never raise one past its default', async () => {
    for (const [key, over] of [['maxFileSize', DEFAULT_LIMITS.maxFileBytes + 1], ['fileTimeLimit', DEFAULT_LIMITS.fileTimeMs + 1], ['maxDepth', DEFAULT_LIMITS.maxDepth + 1]] as const) {
      const run = await runCli(['.'], tempTree({ '.pinlint.json': JSON.stringify({ limits: { [key]: over } }), 'a.go': HEADER + PL001 }));
      expect(run.code).toBe(2);
      expect(run.err).toMatch(new RegExp(`limits/${key}`));
      expect(run.err).not.toMatch(/\n\s+at /);
    }
    const lower = await runCli(['--format', 'json', '.'], tempTree({ '.pinlint.yaml': 'limits: {maxFileSize: 100}\n', 'a.go': HEADER + PL001 }));
    expect((JSON.parse(lower.out) as JsonReport).notifications.map((n) => n.id)).toContain('file-too-large');
  });

  it('says in the schema which option may set more', async () => {
    const run = await runCli(['.'], tempTree({ '.pinlint.json': '{"limits": {"maxFileSize": 600000000}}', 'a.go': HEADER + PL001 }));
    expect(run.err).toMatch(/from 1 to 8388608 .*only --max-file-size may set more/);
  });

  it('keeps configuration limits within range even past the schema', () => {
    const l = limitsFrom({ maxFileSize: 1e12, fileTimeLimit: 1e12, maxDepth: 1e6 });
    expect(l).toEqual({ maxFileBytes: CONFIG_LIMIT_RANGE.maxFileBytes.max, fileTimeMs: CONFIG_LIMIT_RANGE.fileTimeMs.max, maxDepth: CONFIG_LIMIT_RANGE.maxDepth.max });
    expect(CONFIG_LIMIT_RANGE.maxFileBytes.max).toBe(DEFAULT_LIMITS.maxFileBytes);
  });

  it('lets the command line raise the size limit up to the hard maximum, and no further', async () => {
    const dir = tempTree({ 'a.go': HEADER + PL001 });
    expect((await runCli(['--max-file-size', String(HARD_MAX_FILE_BYTES), '.'], dir)).code).toBe(1);
    const over = await runCli(['--max-file-size', String(HARD_MAX_FILE_BYTES + 1), '.'], dir);
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/--max-file-size \d+: expected an integer from 1 to 268435456/);
    expect(LIMIT_RANGE.fileTimeMs.max).toBe(3_600_000);
    expect((await runCli(['--file-time-limit', '3600001', '.'], dir)).code).toBe(2);
  });
});

describe('one read limit for the whole run', () => {
  it('reads a file above the default size once more under the same limit before reporting it', async () => {
    // Was: the check before reporting read it again under the default 8 MiB, found "nothing",
    // called the file changed while analyzed and withdrew its findings.
    const big = HEADER + PL001 + '// padding\n'.repeat(Math.ceil((DEFAULT_LIMITS.maxFileBytes + 1024) / 11));
    const dir = tempTree({ 'go.mod': 'module example.com/p\n\ngo 1.21\n', 'a.go': big });
    const run = await runCli(['--format', 'json', '--no-cache', '--max-file-size', String(2 * DEFAULT_LIMITS.maxFileBytes), '.'], dir);
    const report = JSON.parse(run.out) as JsonReport;
    expect(report.notifications.map((n) => n.id)).toEqual([]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['PL001']);
    expect(run.code).toBe(1);
  }, 120_000);
});

describe('globs match in time linear in the pattern and the path', () => {
  // The compiler this replaced (config/apply.ts before), as the reference for what patterns mean.
  const reference = (glob: string, path: string): boolean => {
    const segs = glob.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '').split(/\/+/);
    let src = '^';
    segs.forEach((seg, i) => {
      const last = i === segs.length - 1;
      if (seg === '**') src += last ? '.+' : '(?:[^/]+/)*';
      else {
        src += seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '[^/]*').replace(/\?/g, '[^/]');
        if (!last) src += '/';
      }
    });
    return new RegExp(`${src}$`, 'u').test(path);
  };

  it('means what the documented syntax meant before', () => {
    const globs = ['**', '*', '**/*', 'a/**', '**/a', 'a/**/b', '**/**/b', 'a/**/**', '*.go', 'a?', '?', 'a*b*c', '*a*', 'a/*/b', './a/', 'a//b', '**/a/**/b/**', 'é?', 'a+b', '(x).go', '[a]', 'x**y', '**a', ''];
    const names = ['a', 'b', 'c', 'ab', 'abc', 'aXbYc', 'a.go', 'é1', '😀', 'a+b', '(x).go', '[a]', 'xy', 'xzy', 'ba'];
    const paths: string[] = [];
    for (const x of names) {
      paths.push(x);
      for (const y of names.slice(0, 6)) {
        paths.push(`${x}/${y}`);
        for (const z of ['a', 'b']) paths.push(`${x}/${y}/${z}`);
      }
    }
    let compared = 0;
    for (const g of globs) for (const p of paths) {
      expect([g, p, globMatches(g, p)]).toEqual([g, p, reference(g, p)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('answers at once for patterns that made the regular expression backtrack for minutes', () => {
    const deep = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/');
    for (const k of [12, 24, 48]) {
      expect(globMatches(`${'**/'.repeat(k)}x`, `${deep}/y`)).toBe(false);
      expect(globMatches(`${'**/'.repeat(k)}x`, `${deep}/x`)).toBe(true);
      expect(matchesGlobs([`${'**/'.repeat(k)}x`], '/r', `/r/${deep}/y.go`)).toBe(false);
    }
    expect(globMatches('*a'.repeat(40) + 'x', 'a'.repeat(200))).toBe(false);
    expect(globMatches('*a'.repeat(40), 'a'.repeat(200))).toBe(true);
    expect(globMatches(Array.from({ length: 30 }, () => '**/*a*a*a*').join('/') + '/x', `${'aaaa/'.repeat(100)}y`)).toBe(false);
  }, 60_000);

  it('keeps an exclude and an override with such patterns cheap in a whole run', async () => {
    const bad = `${'**/'.repeat(12)}x`;
    const dir = tempTree({
      '.pinlint.yaml': `exclude: ["${bad}"]\noverrides:\n  - files: ["${bad}"]\n    rules: {PL001: off}\n`,
      [`${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}/a.go`]: HEADER + PL001,
    });
    const run = await runCli(['--format', 'json', '.'], dir);
    expect((JSON.parse(run.out) as JsonReport).findings.map((f) => f.ruleId)).toEqual(['PL001']);
  }, 60_000);
});

describe('deeply nested configuration files', () => {
  const deep = (n: number, open: string, close: string): string => open.repeat(n) + close.repeat(n);
  const secret = 'ghp_NOT_A_REAL_TOKEN';
  const cases: Array<[string, string]> = [
    ['.pinlint.json', `{"context": ["${secret}"], "exclude": ${deep(2000, '[', ']')}}`],
    ['.pinlint.json', `{"context": ["${secret}"], "rules": ${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`],
    ['.pinlint.yaml', `exclude: ${deep(2000, '[', ']')}\n`],
    ['.pinlint.yaml', `rules: ${deep(2000, '{a: ', '}')}\n`],
    // Block nesting costs a line of indentation per level: 1,000 levels stay under the 1 MiB a
    // configuration file may have, so the depth check, not the size check, refuses it.
    ['.pinlint.yml', `exclude:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')} x\n`],
  ];
  for (const [name, text] of cases) {
    it(`refuses ${name} nested 1,000 or 2,000 deep in one line, exit 2, without its content`, async () => {
      const run = await runCli(['.'], tempTree({ [name]: name.endsWith('.json') ? text : `# ${secret}\n${text}`, 'a.go': HEADER + PL001 }));
      expect(run.code).toBe(2);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toMatch(/nest deeper than 64 levels|invalid (JSON|YAML)/);
      expect(run.err).not.toMatch(/\n\s+at |RangeError|call stack/);
      expect(run.err).not.toContain(secret);
      expect(run.err).not.toContain('[[[');
    }, 60_000);
  }

  it('accepts the nesting real configuration files have', () => {
    expect(nestsDeeperThan({ overrides: [{ files: ['a'], rules: { PL001: { level: 'error' } } }] }, 64)).toBe(false);
    let v: unknown = 'x';
    for (let i = 0; i < 65; i++) v = [v];
    expect(nestsDeeperThan(v, 64)).toBe(true);
  });

  it('refuses a baseline nested too deeply the same way', async () => {
    const dir = tempTree({ 'a.go': HEADER + PL001, 'base.json': deep(5000, '[', ']') });
    const run = await runCli(['--baseline', 'base.json', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.err).not.toMatch(/\n\s+at |RangeError/);
  });
});

describe('the progress line names the file it has been on for a while', () => {
  const io = (): { io: CliIO; err: () => string } => {
    let err = '';
    return { io: { stdout: () => undefined, stderr: (s: string) => { err += s; }, cwd: '/', isTTY: false } as unknown as CliIO, err: () => err };
  };

  it('names it, escaped, after a few seconds, whatever the size of the tree', () => {
    const t = io();
    let clock = 0;
    const line = progressLine(t.io, () => clock);
    const file: Working = { path: 'vendor/x/\u001b]0;owned\u0007evil.go', since: 0 };
    line.update(3, 10);
    line.working(file);
    expect(t.err()).toBe('');
    clock = SLOW_FILE_MS + 1500;
    line.working(file);
    expect(t.err()).toContain('on vendor/x/\\x1b]0;owned\\x07evil.go for 4 s');
    expect(t.err()).not.toContain('\u001b');
    expect(t.err()).not.toContain('\u0007');
    line.working(null);
    line.done();
    expect(t.err().endsWith('\r')).toBe(true);
  });

  it('adds it to the count of a large scan, and shows a long path by its end', () => {
    const t = io();
    let clock = 10_000;
    const line = progressLine(t.io, () => clock);
    line.update(250, 1000);
    line.working({ path: `${'very/'.repeat(30)}slow.go`, since: clock });
    clock += SLOW_FILE_MS + 10;
    line.working({ path: `${'very/'.repeat(30)}slow.go`, since: 10_000 });
    const last = t.err().split('\r').filter(Boolean).pop() ?? '';
    expect(last).toMatch(/^pinlint: scanning 250\/1000 files \(25%\), on …[^ ]*\/slow\.go for 3 s/);
  });

  it('is fed the file being analyzed on the main thread, while it is analyzed', async () => {
    const dir = tempTree({ 'a.go': HEADER + PL001, 'b.go': `${HEADER}func g(q *Q) {\n${'\tq.W(1)\n'.repeat(5000)}}\n`, 'c.go': 'package p\n' });
    const extractor = new Extractor(DEFAULT_KNOWLEDGE, null);
    const seen: Array<string | null> = [];
    extractor.onWorking = (f) => { seen.push(f?.path ?? null); };
    const task = (name: string): ExtractTask => ({ real: join(dir, name), path: name, dir: '.', report: true });
    try {
      await extractor.extract([task('a.go'), task('b.go'), task('c.go')]);
    } finally {
      await extractor.close();
    }
    // Each parsed file is named when it starts, b.go again from its heartbeat while its long
    // function is walked; nothing once the batch is done.
    expect(seen.filter((p) => p === 'b.go').length).toBeGreaterThan(2);
    expect(seen).toContain('a.go');
    expect(seen).not.toContain('c.go');
    expect(seen[seen.length - 1]).toBeNull();
  }, 60_000);
});
