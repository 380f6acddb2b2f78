// Baselines as a team adopting pinlint uses them: record today's findings, then see only new
// ones while the code around the old ones keeps changing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, findingHash, loadBaseline, writeBaseline, type Baseline } from '../src/config/baseline.js';
import type { Finding } from '../src/model/findings.js';

const READ = `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}

func write(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))

	syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), p, uintptr(len(buf)))
}
`;

/** A finding at `line` of `path`; only rule, path, line and suppression matter to baselines. */
function finding(ruleId: string, path: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    ruleName: ruleId === 'PL001' ? 'hoisted-conversion' : 'hidden-pointer',
    level: 'warning',
    message: 'a message that baselines ignore',
    location: { path, startLine: line, startColumn: 49, endLine: line, endColumn: 50 },
    related: [],
    flow: [],
    ...extra,
  };
}

function reader(files: Record<string, string>): (path: string) => string | undefined {
  return (path) => files[path];
}

function sha256(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex');
}

function catchBaselineError(fn: () => unknown): BaselineError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BaselineError) return err;
    throw err;
  }
  throw new Error('expected a BaselineError');
}

const READ_LINE = 'syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))';
const WRITE_LINE = 'syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), p, uintptr(len(buf)))';
const HOIST = 'p := uintptr(unsafe.Pointer(&buf[0]))';

describe('writeBaseline', () => {
  it('records rule, path, a hash of the trimmed line with its non-blank neighbours, and a count', () => {
    const text = writeBaseline([finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 16)], reader({ 'sys/io.go': READ }));
    const readHash = sha256('PL001', READ_LINE, HOIST, '}');
    // Line 16's previous line is blank: the hash skips to line 14.
    const writeHash = sha256('PL001', WRITE_LINE, HOIST, '}');
    const entries = [
      { ruleId: 'PL001', path: 'sys/io.go', hash: readHash, count: 1 },
      { ruleId: 'PL001', path: 'sys/io.go', hash: writeHash, count: 1 },
    ].sort((a, b) => (a.hash < b.hash ? -1 : 1));
    expect(text).toBe(`${JSON.stringify({ version: 1, tool: 'pinlint', findings: entries }, null, 2)}\n`);
  });

  it('counts identical findings instead of listing them, and sorts by path, rule and hash', () => {
    const files = { 'b.go': READ, 'a.go': READ };
    // Two findings on one line (two hoisted arguments) share rule, path and hash.
    const findings = [
      finding('PL002', 'b.go', 10),
      finding('PL001', 'b.go', 10),
      finding('PL001', 'b.go', 10),
      finding('PL001', 'a.go', 16),
    ];
    const parsed = JSON.parse(writeBaseline(findings, reader(files))) as Baseline;
    expect(parsed.findings).toEqual([
      { ruleId: 'PL001', path: 'a.go', hash: sha256('PL001', WRITE_LINE, HOIST, '}'), count: 1 },
      { ruleId: 'PL001', path: 'b.go', hash: sha256('PL001', READ_LINE, HOIST, '}'), count: 2 },
      { ruleId: 'PL002', path: 'b.go', hash: sha256('PL002', READ_LINE, HOIST, '}'), count: 1 },
    ]);
    // The same findings in another order give the same bytes.
    expect(writeBaseline([...findings].reverse(), reader(files))).toBe(writeBaseline(findings, reader(files)));
  });

  it('tells identical lines apart by their context', () => {
    const src = 'func a() {\n\tf(x)\n}\n\nfunc b() {\n\tf(x)\n}\n';
    const parsed = JSON.parse(writeBaseline([finding('PL001', 'x.go', 2), finding('PL001', 'x.go', 6)], reader({ 'x.go': src }))) as Baseline;
    expect(parsed.findings.map((e) => [e.hash, e.count])).toEqual(
      [
        [sha256('PL001', 'f(x)', 'func a() {', '}'), 1],
        [sha256('PL001', 'f(x)', 'func b() {', '}'), 1],
      ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
    );
  });

  it('leaves suppressed findings out', () => {
    const suppressed = finding('PL001', 'sys/io.go', 10, {
      suppression: { justification: 'static buffer', location: { path: 'sys/io.go', startLine: 9, startColumn: 2, endLine: 9, endColumn: 40 } },
    });
    const parsed = JSON.parse(writeBaseline([suppressed, finding('PL001', 'sys/io.go', 16)], reader({ 'sys/io.go': READ }))) as Baseline;
    expect(parsed.findings).toEqual([{ ruleId: 'PL001', path: 'sys/io.go', hash: sha256('PL001', WRITE_LINE, HOIST, '}'), count: 1 }]);
  });

  it('writes an empty list when there is nothing to record', () => {
    expect(writeBaseline([], reader({}))).toBe('{\n  "version": 1,\n  "tool": "pinlint",\n  "findings": []\n}\n');
  });

  it('reads each file once', () => {
    const reads: string[] = [];
    writeBaseline([finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 16), finding('PL002', 'sys/io.go', 10)], (p) => {
      reads.push(p);
      return READ;
    });
    expect(reads).toEqual(['sys/io.go']);
  });
});

describe('findingHash', () => {
  it('uses empty text for missing neighbours, lines past the end, and unreadable files', () => {
    expect(findingHash('PL001', ['only'], 1)).toBe(sha256('PL001', 'only', '', ''));
    expect(findingHash('PL001', ['a', 'b', ''], 5)).toBe(sha256('PL001', '', 'b', ''));
    expect(findingHash('PL001', undefined, 3)).toBe(sha256('PL001', '', '', ''));
  });

  it('ignores indentation, trailing whitespace and CRLF line ends', () => {
    const lf = writeBaseline([finding('PL001', 'x.go', 10)], reader({ 'x.go': READ }));
    const crlf = writeBaseline([finding('PL001', 'x.go', 10)], reader({ 'x.go': READ.replace(/\n/g, '\r\n') }));
    const reindented = writeBaseline([finding('PL001', 'x.go', 10)], reader({ 'x.go': READ.replace(/\t/g, '    ').replace(/\n/g, '  \n') }));
    expect(crlf).toBe(lf);
    expect(reindented).toBe(lf);
  });
});

describe('loadBaseline', () => {
  it('round-trips what writeBaseline wrote', () => {
    const findings = [finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 10), finding('PL002', 'sys/io.go', 16)];
    const text = writeBaseline(findings, reader({ 'sys/io.go': READ }));
    const baseline = loadBaseline(text, 'pinlint-baseline.json');
    expect(baseline).toEqual(JSON.parse(text));
    expect(applyBaseline(findings, baseline, reader({ 'sys/io.go': READ }))).toEqual({ fresh: [], baselined: 3 });
  });

  it('accepts a byte order mark', () => {
    expect(loadBaseline('\ufeff{"version": 1, "tool": "pinlint", "findings": []}')).toEqual({ version: 1, tool: 'pinlint', findings: [] });
  });

  const H = 'a'.repeat(64);
  const entry = (e: Record<string, unknown>): string => JSON.stringify({ version: 1, tool: 'pinlint', findings: [e] });
  const malformed: Array<{ name: string; text: string; message: string }> = [
    { name: 'invalid JSON', text: '{\n  "version": 1,\n  "tool": "pinlint"\n  "findings": []\n}', message: "pinlint-baseline.json:4:3: invalid JSON: Expected ',' or '}' after property value" },
    { name: 'a merge conflict marker', text: '<<<<<<< HEAD\n{}', message: 'pinlint-baseline.json:1:1: invalid JSON: Unexpected token (a merge conflict marker: resolve the conflict)' },
    {
      name: 'not an object',
      text: '[]',
      message: 'pinlint-baseline.json: expected a pinlint baseline: {"version": 1, "tool": "pinlint", "findings": [...]}, got a list',
    },
    {
      name: 'a newer version',
      text: '{"version": 2, "tool": "pinlint", "findings": []}',
      message: 'pinlint-baseline.json: /version: expected 1 (the baseline format this pinlint reads; regenerate the file with --write-baseline), got 2',
    },
    {
      name: 'another tool\'s file',
      text: '{"version": 1, "tool": "gosec", "findings": []}',
      message: 'pinlint-baseline.json: /tool: expected "pinlint" (the file is not a pinlint baseline), got "gosec"',
    },
    {
      name: 'a missing findings list',
      text: '{"version": 1, "tool": "pinlint"}',
      message: 'pinlint-baseline.json: missing key "findings"; expected a pinlint baseline: {"version": 1, "tool": "pinlint", "findings": [...]}',
    },
    {
      name: 'a zero count',
      text: entry({ ruleId: 'PL001', path: 'a.go', hash: H, count: 0 }),
      message: 'pinlint-baseline.json: /findings/0/count: expected a whole number of findings, at least 1, got 0',
    },
    {
      name: 'a fractional count',
      text: entry({ ruleId: 'PL001', path: 'a.go', hash: H, count: 1.5 }),
      message: 'pinlint-baseline.json: /findings/0/count: expected a whole number of findings, at least 1, got 1.5',
    },
    {
      name: 'a hash that is not a SHA-256',
      text: entry({ ruleId: 'PL001', path: 'a.go', hash: 'abc', count: 1 }),
      message: 'pinlint-baseline.json: /findings/0/hash: expected a SHA-256 as 64 lowercase hex digits, got "abc"',
    },
    {
      name: 'an entry with a line number and no rule',
      text: entry({ path: 'a.go', line: 3, hash: H, count: 1 }),
      message: [
        'pinlint-baseline.json: /findings/0: missing key "ruleId"; expected {"ruleId", "path", "hash", "count"}',
        'pinlint-baseline.json: /findings/0/line: unknown key "line"; expected one of "ruleId", "path", "hash" or "count"',
      ].join('\n'),
    },
  ];
  for (const c of malformed) {
    it(`rejects ${c.name} with a clear message`, () => {
      expect(catchBaselineError(() => loadBaseline(c.text, 'pinlint-baseline.json')).message).toBe(c.message);
    });
  }
});

describe('applyBaseline', () => {
  const files = { 'sys/io.go': READ };
  const base = loadBaseline(writeBaseline([finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 16)], reader(files)));

  it('still matches after lines are inserted above (and blank lines around) the findings', () => {
    const shifted = READ.replace('package p\n', 'package p\n\n// Package p reads and writes.\n\nvar unused = 1\n').replace(
      `\t${HOIST}\n\n\tsyscall.Syscall(syscall.SYS_WRITE`,
      `\t${HOIST}\n\n\n\n\tsyscall.Syscall(syscall.SYS_WRITE`,
    );
    const lines = shifted.split('\n');
    const readLine = lines.findIndex((l) => l.includes('SYS_READ')) + 1;
    const writeLine = lines.findIndex((l) => l.includes('SYS_WRITE')) + 1;
    expect([readLine, writeLine]).toEqual([14, 22]);
    const result = applyBaseline([finding('PL001', 'sys/io.go', readLine), finding('PL001', 'sys/io.go', writeLine)], base, reader({ 'sys/io.go': shifted }));
    expect(result).toEqual({ fresh: [], baselined: 2 });
  });

  it('reports an identical finding beyond the recorded count as fresh', () => {
    const again = [finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 10, { message: 'second argument' })];
    const result = applyBaseline(again, base, reader(files));
    expect(result.baselined).toBe(1);
    expect(result.fresh).toEqual([again[1]]);
  });

  it('reports a finding on a changed line as fresh', () => {
    const changed = READ.replace('uintptr(len(buf)))\n}\n\nfunc write', 'uintptr(len(buf)-1))\n}\n\nfunc write');
    const f = finding('PL001', 'sys/io.go', 10);
    expect(applyBaseline([f, finding('PL001', 'sys/io.go', 16)], base, reader({ 'sys/io.go': changed }))).toEqual({ fresh: [f], baselined: 1 });
  });

  it('reports a finding whose neighbouring line changed as fresh', () => {
    const changed = READ.replace(`\t${HOIST}\n\tsyscall.Syscall(syscall.SYS_READ`, `\tp := uintptr(unsafe.Pointer(&buf[1]))\n\tsyscall.Syscall(syscall.SYS_READ`);
    const f = finding('PL001', 'sys/io.go', 10);
    expect(applyBaseline([f], base, reader({ 'sys/io.go': changed }))).toEqual({ fresh: [f], baselined: 0 });
  });

  it('does not match another rule or another path with the same line', () => {
    const other = [finding('PL002', 'sys/io.go', 10), finding('PL001', 'sys/io_copy.go', 10)];
    expect(applyBaseline(other, base, reader({ 'sys/io.go': READ, 'sys/io_copy.go': READ }))).toEqual({ fresh: other, baselined: 0 });
  });

  it('keeps suppressed findings without letting them use up an entry', () => {
    const suppressed = finding('PL001', 'sys/io.go', 10, {
      suppression: { justification: 'static buffer', location: { path: 'sys/io.go', startLine: 9, startColumn: 2, endLine: 9, endColumn: 40 } },
    });
    const plain = finding('PL001', 'sys/io.go', 10);
    expect(applyBaseline([suppressed, plain], base, reader(files))).toEqual({ fresh: [suppressed], baselined: 1 });
  });

  it('adds up duplicate entries of a hand-merged file', () => {
    const hash = findingHash('PL001', READ.split('\n'), 10);
    const merged: Baseline = {
      version: 1,
      tool: 'pinlint',
      findings: [
        { ruleId: 'PL001', path: 'sys/io.go', hash, count: 1 },
        { ruleId: 'PL001', path: 'sys/io.go', hash, count: 1 },
      ],
    };
    const three = [finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 10), finding('PL001', 'sys/io.go', 10)];
    expect(applyBaseline(three, merged, reader(files))).toEqual({ fresh: [three[2]], baselined: 2 });
  });

  it('matches findings in files it cannot read by rule, path and count', () => {
    const gone = [finding('PL001', 'gone.go', 3), finding('PL001', 'gone.go', 40)];
    const b = loadBaseline(writeBaseline(gone, reader({})));
    expect(b.findings).toEqual([{ ruleId: 'PL001', path: 'gone.go', hash: sha256('PL001', '', '', ''), count: 2 }]);
    expect(applyBaseline([finding('PL001', 'gone.go', 7)], b, reader({}))).toEqual({ fresh: [], baselined: 1 });
  });
});
