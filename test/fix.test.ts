// Fix round trips: pinlint --fix rewrites the file, the result is gofmt-clean (where gofmt is
// installed) and analyzing it again finds nothing; --dry-run prints a diff and writes nothing;
// SARIF carries the same fixes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';

const gofmt = ['/usr/bin/gofmt', '/usr/lib/go/bin/gofmt'].find((p) => existsSync(p));

const run = runCli;
const tree = (files: Record<string, string>): string => tempTree(files, 'pinlint-fix-');

/** Reports whether gofmt would leave the file as it is (skipped when gofmt is absent). */
function expectGofmtClean(path: string): void {
  if (!gofmt) return;
  expect(execFileSync(gofmt, ['-l', path], { encoding: 'utf8' })).toBe('');
}

const KEEPALIVE_NEEDS_IMPORT = `package p

import (
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, b []byte) error {
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(len(b))}
	_, _, e := syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
	if e != 0 {
		return e
	}
	return nil
}
`;

const HOISTED = `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) (int, error) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	n, _, e := syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}
`;

const TWIN = `package p

import (
	"syscall"
	"unsafe"
)

func ioctl(fd int, req uint, arg uintptr) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), arg)
	if e != 0 {
		return e
	}
	return nil
}

func ioctlPtr(fd int, req uint, arg unsafe.Pointer) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), uintptr(arg))
	if e != 0 {
		return e
	}
	return nil
}

func winsize(fd int, ws *[4]uint16) error {
	return ioctl(fd, syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(ws)))
}
`;

const RETURNED = `package p

import (
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, b []byte) (uintptr, syscall.Errno) {
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(len(b))}
	n, _, e := syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
	return n, e
}
`;

describe('pinlint --fix', () => {
  it('adds runtime.KeepAlive after the call and the runtime import in sorted position', async () => {
    const dir = tree({ 'a.go': KEEPALIVE_NEEDS_IMPORT });
    const r = await run(['--fix', '.'], dir);
    expect(r.err).toContain('applied 1 fix to 1 file');
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'a.go'), 'utf8');
    expect(text).toContain('import (\n\t"runtime"\n\t"syscall"\n\t"unsafe"\n)');
    expect(text).toContain('\t_, _, e := syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)\n\truntime.KeepAlive(b)\n');
    expectGofmtClean(join(dir, 'a.go'));
    expect((await run(['.'], dir)).code).toBe(0);
  });

  it('moves a conversion used once back into the argument list', async () => {
    const dir = tree({ 'a.go': HOISTED });
    expect((await run(['--fix'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'a.go'), 'utf8');
    expect(text).not.toContain('p := uintptr');
    expect(text).toContain('syscall.Syscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))');
    expectGofmtClean(join(dir, 'a.go'));
  });

  it('calls the ...Ptr twin with an unsafe.Pointer', async () => {
    const dir = tree({ 'a.go': TWIN });
    const r = await run(['--fix', '.'], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'a.go'), 'utf8');
    expect(text).toContain('return ioctlPtr(fd, syscall.TIOCGWINSZ, unsafe.Pointer(ws))');
    expectGofmtClean(join(dir, 'a.go'));
  });

  it('defers the KeepAlive before a return statement', async () => {
    const dir = tree({ 'a.go': RETURNED.replace('\tn, _, e := syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)\n\treturn n, e', '\tn, _, e := syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)\n\treturn n, e') });
    expect((await run(['--fix'], dir)).code).toBe(0);
    expectGofmtClean(join(dir, 'a.go'));
    expect((await run(['.'], dir)).code).toBe(0);
  });

  it('keeps CRLF line endings in the lines it adds', async () => {
    const crlf = KEEPALIVE_NEEDS_IMPORT.replace(/\n/g, '\r\n');
    const dir = tree({ 'a.go': crlf });
    expect((await run(['--fix'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'a.go'), 'utf8');
    expect(text).toContain('import (\r\n\t"runtime"\r\n\t"syscall"\r\n');
    expect(text).toContain('\r\n\truntime.KeepAlive(b)\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = tree({ 'a.go': HOISTED });
    const r = await run(['--fix', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe([
      '--- a/a.go',
      '+++ b/a.go',
      '@@ -6,8 +6,7 @@',
      ' )',
      ' ',
      ' func read(fd int, buf []byte) (int, error) {',
      '-\tp := uintptr(unsafe.Pointer(&buf[0]))',
      '-\tn, _, e := syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))',
      '+\tn, _, e := syscall.Syscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))',
      ' \tif e != 0 {',
      ' \t\treturn 0, e',
      ' \t}',
      '',
    ].join('\n'));
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(HOISTED);
    expect(r.err).toContain('1 fix would change 1 file (dry run, nothing written)');
  });

  it('--dry-run shows one small hunk per change, even in a large file', async () => {
    // Two fixes 4,000 lines apart: two hunks of a few lines each, not one spanning the file.
    const filler = Array.from({ length: 4000 }, (_, i) => `func f${i}() {}\n`).join('\n');
    const body = `${HOISTED}\n${filler}\n${HOISTED.slice(HOISTED.indexOf('func read(')).replace('func read(', 'func read2(')}`;
    const dir = tree({ 'a.go': body });
    const r = await run(['--fix', '--dry-run'], dir);
    const hunks = r.out.split('\n').filter((l) => l.startsWith('@@'));
    expect(hunks).toHaveLength(2);
    expect(r.out.split('\n').length).toBeLessThan(40);
    for (const h of hunks) expect(h).toMatch(/^@@ -\d+,\d +\+\d+,\d @@$/);
  });

  it('--dry-run without --fix is a usage error', async () => {
    const r = await run(['--dry-run'], tree({ 'a.go': HOISTED }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--dry-run goes with --fix');
  });

  it('SARIF results carry the fixes as replacements', async () => {
    const dir = tree({ 'a.go': HOISTED });
    const r = await run(['--format', 'sarif'], dir);
    const result = JSON.parse(r.out).runs[0].results[0];
    expect(result.fixes[0].description.text).toBe('Write uintptr(unsafe.Pointer(&buf[0])) in the argument list');
    const reps = result.fixes[0].artifactChanges[0].replacements;
    // A pure deletion has no insertedContent; the second replacement puts the conversion inline.
    expect(reps.map((x: { insertedContent?: { text: string } }) => x.insertedContent?.text ?? null)).toEqual([null, 'uintptr(unsafe.Pointer(&buf[0]))']);
    expect(reps[0].deletedRegion).toEqual({ startLine: 9, startColumn: 1, endLine: 10, endColumn: 1 });
    expect(result.fixes[1].description.text).toBe('Call runtime.KeepAlive(buf) after the call so buf stays alive until it returns');
  });
});

describe('which fix a finding offers (scope-resolved, every object, call results)', () => {
  const fixesIn = async (rel: string): Promise<Record<number, string[]>> => {
    const { analyze } = await import('../src/engine/analyze.js');
    const { rules } = await import('../rules/index.js');
    const file = join(import.meta.dirname, '..', 'fixtures', rel);
    const r = await analyze({ paths: [file], cwd: join(import.meta.dirname, '..'), rules });
    const out: Record<number, string[]> = {};
    for (const f of r.findings) out[f.location.startLine] = (f.fixes ?? []).map((x) => x.description);
    return out;
  };

  it('offers a KeepAlive only where the name denotes the converted object after the call', async () => {
    const got = await fixesIn('hoisted-conversion/fix_scopes_linux.go');
    expect(got).toEqual({
      22: [], // buf is declared in an if block above the call
      32: ['Call runtime.KeepAlive(buf) after the call so buf stays alive until it returns'],
      37: [], // after the switch, neither case's buf is in scope
      45: ['Write uintptr(unsafe.Pointer(&b[0])) in the argument list', 'Call runtime.KeepAlive(b) after the call so b stays alive until it returns'],
      57: [], // buf is shadowed at the call, so the conversion cannot move there either
      66: [], // the call's statement declares n again; the conversion is not right before it
      74: ['Assign syscall.StringBytePtr(path) to pathPtr and call runtime.KeepAlive(pathPtr) after the call so pathPtr stays alive until it returns'],
      85: [], // len(newName(path)) runs first: naming the result first would reorder the calls
    });
  });

  it('protects every object a finding names, or offers nothing', async () => {
    const got = await fixesIn('hidden-pointer/fix_objects_linux.go');
    expect(got).toEqual({
      22: ['Call runtime.KeepAlive(oldName), runtime.KeepAlive(newName) after the call so oldName and newName stay alive until it returns'],
      28: ['Assign syscall.StringBytePtr(oldName) to oldNamePtr, syscall.StringBytePtr(newName) to newNamePtr and call runtime.KeepAlive(oldNamePtr), runtime.KeepAlive(newNamePtr) after the call so oldNamePtr and newNamePtr stay alive until it returns'],
      34: ['Assign syscall.StringBytePtr(newName) to newNamePtr and call runtime.KeepAlive(oldName), runtime.KeepAlive(newNamePtr) after the call so oldName and newNamePtr stay alive until it returns'],
      45: [], // newName is out of scope after the call
    });
  });

  it('puts the KeepAlive after a trailing comment, and names a call result in order', async () => {
    const dir = tree({
      'a.go': `package p

import (
	"syscall"
	"unsafe"
)

type pair struct{ a, b uintptr }

func f(x, y string) {
	pp := pair{a: uintptr(unsafe.Pointer(syscall.StringBytePtr(x))), b: uintptr(unsafe.Pointer(syscall.StringBytePtr(y)))}
	syscall.Syscall(syscall.SYS_RENAME, uintptr(unsafe.Pointer(&pp)), 0, 0) // rename
}
`,
    });
    expect((await run(['--fix'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'a.go'), 'utf8');
    expect(text).toContain([
      '\txPtr := syscall.StringBytePtr(x)',
      '\tyPtr := syscall.StringBytePtr(y)',
      '\tpp := pair{a: uintptr(unsafe.Pointer(xPtr)), b: uintptr(unsafe.Pointer(yPtr))}',
      '\tsyscall.Syscall(syscall.SYS_RENAME, uintptr(unsafe.Pointer(&pp)), 0, 0) // rename',
      '\truntime.KeepAlive(xPtr)',
      '\truntime.KeepAlive(yPtr)',
      '}',
    ].join('\n'));
    expectGofmtClean(join(dir, 'a.go'));
  });
});
