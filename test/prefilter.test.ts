// The prefilter (engine/extract.ts `mayMatter`, go/lexical.ts) skips files whose code names
// nothing pinlint follows. It must never change a result: with it on and off, the report over
// real Go code is the same, byte for byte, except for the count of files parsed. The comparison
// runs the installed command (dist/, with its worker threads) over each Debian corpus present.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeMentions } from '../src/go/lexical.js';
import { mayMatter } from '../src/engine/extract.js';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';

const ROOT = join(import.meta.dirname, '..');
const TOKENS = ['uintptr', 'unsafe', 'LazyDLL'];

describe('code mentions, outside comments and literals', () => {
  it.each([
    ['a conversion', 'x := uintptr(p)', true],
    ['a token inside a longer identifier', 'd := windows.NewLazyDLL("k")', true],
    ['a line comment', '// the uintptr is an address\nx := 1', false],
    ['a block comment', '/* unsafe\n uintptr */ x := 1', false],
    ['a string', 'err := errors.New("bad uintptr")', false],
    ['a string with escaped quotes', 'err := "say \\"unsafe\\" twice"', false],
    ['a raw string over lines', 'msg := `\nuintptr\n`', false],
    ['a rune, then code', "c := '\"'; x := uintptr(0)", true],
    ['code after a string that holds a comment opener', 's := "/*"; u := unsafe.Pointer(p) // */', true],
    ['code after a comment inside a string', 's := "//"; u := uintptr(0)', true],
    ['an unterminated string: read as code (the safe side)', 's := "uintptr\nx := 1', true],
    ['an unterminated block comment: read as code', '/* uintptr', true],
  ])('%s', (_what, code, expected) => {
    expect(codeMentions(code, TOKENS)).toBe(expected);
  });

  it('keeps a file whose only mention is a pinlint directive (bad-suppression judges it)', () => {
    expect(mayMatter('package p\n\n//pinlint:ignore PL001 -- reason\nvar x = 1\n')).toBe(true);
    expect(mayMatter('package p\n\n// Keep the uintptr conversion in the call.\nvar x = "unsafe"\n')).toBe(false);
    expect(mayMatter('package p\n\nimport "unsafe"\n\nvar n = unsafe.Sizeof(0)\n')).toBe(true);
  });
});

/** Writes a module of Go files (path → text) to a new directory. */
function module(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinlint-widen-'));
  writeFileSync(join(dir, 'go.mod'), 'module example.com/w\n\ngo 1.19\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SYS = `package w

import (
\t"syscall"
\t"unsafe"
)

// Handle is an address as the OS takes it.
type Handle uintptr

func bufAddr(b []byte) Handle { return Handle(unsafe.Pointer(&b[0])) }

func write(fd int, p Handle, n int) {
\tsyscall.Syscall(syscall.SYS_WRITE, uintptr(fd), uintptr(p), uintptr(n))
}
`;

describe('the second look at skipped files (engine/widen.ts)', () => {
  it('parses a file that names a helper returning a pointer-derived integer, though its code names no token', async () => {
    const dir = module({ 'sys.go': SYS, 'use.go': 'package w\n\nfunc Send(fd int, b []byte) { write(fd, bufAddr(b), len(b)) }\n' });
    for (const prefilter of [true, false]) {
      const r = await analyze({ paths: [dir], cwd: dir, rules, prefilter });
      expect(r.findings.map((f) => `${f.location.path} ${f.ruleId}`)).toEqual(['use.go PL004']);
      expect(r.files.map((f) => f.path).sort()).toEqual(['sys.go', 'use.go']);
    }
  });

  it('parses a file that names a type built on uintptr: its function is a wrapper', async () => {
    const dir = module({
      'sys.go': SYS,
      'send.go': 'package w\n\nfunc Send(fd int, h Handle, n int) { write(fd, h, n) }\n',
      'use.go': 'package w\n\nimport "unsafe"\n\nfunc Use(b []byte) { Send(1, Handle(unsafe.Pointer(&b[0])), len(b)) }\n',
    });
    const r = await analyze({ paths: [dir], cwd: dir, rules });
    expect(r.files.map((f) => f.path).sort()).toEqual(['send.go', 'sys.go', 'use.go']);
    expect(r.findings.map((f) => `${f.location.path} ${f.ruleId}`)).toContain('use.go PL004');
  });

  it('parses a file that binds a wrapper to a function slot, though its code names no token', async () => {
    const dir = module({
      'slot.go': 'package w\n\nimport "unsafe"\n\ntype mapper struct{ mmap func(addr uintptr, n int) }\n\nfunc mmapAt(addr uintptr, n int) { write(0, Handle(addr), n) }\n\nfunc Map(b []byte) { m.mmap(uintptr(unsafe.Pointer(&b[0])), len(b)) }\n',
      'sys.go': SYS,
      'bind.go': 'package w\n\nvar m = &mapper{mmap: mmapAt}\n',
    });
    for (const prefilter of [true, false]) {
      const r = await analyze({ paths: [dir], cwd: dir, rules, prefilter });
      expect(r.files.map((f) => f.path).sort()).toEqual(['bind.go', 'slot.go', 'sys.go']);
      expect(r.findings.map((f) => `${f.location.path} ${f.ruleId}`)).toContain('slot.go PL004');
    }
  });

  it('leaves out a file that names the helper only where it cannot refer to it: another package, or a comment', async () => {
    const dir = module({
      'sys.go': SYS,
      'doc.go': 'package w\n\n// Send writes with write(fd, bufAddr(b), len(b)).\nfunc Doc() {}\n',
      'other/other.go': 'package other\n\nfunc bufAddr(b []byte) int { return len(b) }\n\nfunc Use(b []byte) int { return bufAddr(b) }\n',
    });
    const r = await analyze({ paths: [dir], cwd: dir, rules });
    expect(r.files.map((f) => f.path).sort()).toEqual(['sys.go']);
  });
});

/** The Debian Go corpus: the standard library and the Go packages the CI installs. */
const CORPORA: Array<[string, string]> = [
  ['the standard library', '/usr/lib/go-1.19/src'],
  ['x/sys', '/usr/share/gocode/src/golang.org/x/sys'],
  ['containerd', '/usr/share/gocode/src/github.com/containerd/containerd'],
  ['cilium/ebpf', '/usr/share/gocode/src/github.com/cilium/ebpf'],
  ['wireguard', '/usr/share/gocode/src/golang.zx2c4.com/wireguard'],
];

function sarif(target: string, prefilter: boolean): { text: string; parsed: number; scanned: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'pinlint-prefilter-')), 'report.sarif');
  const args = [join(ROOT, 'bin', 'pinlint.js'), '--no-cache', ...(prefilter ? [] : ['--no-prefilter']), '--format', 'sarif', '-o', out, '--exit-zero', target];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  const text = readFileSync(out, 'utf8');
  const props = JSON.parse(text).runs[0].properties;
  // The one figure that differs by design: how many files were parsed.
  return { text: text.replace(/"filesParsed": \d+/, '"filesParsed": 0'), parsed: props.filesParsed, scanned: props.filesScanned };
}

describe('the prefilter on and off', () => {
  for (const [name, dir] of CORPORA) {
    const present = existsSync(dir);
    it.skipIf(!present)(present ? `gives the same report on ${name}` : `${name} (${dir} not installed: skipped)`, () => {
      const on = sarif(dir, true);
      const off = sarif(dir, false);
      expect(off.parsed).toBe(off.scanned);
      // It did skip something, or the comparison proves nothing.
      expect(on.parsed).toBeLessThan(off.parsed);
      expect(on.text).toBe(off.text);
    }, 900_000);
  }
});
