// A small vendor tree with known numbers, written to a temporary directory by the audit tests.
// Each file says what it contributes to its module's row.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MODULES_TXT = `# example.com/clean v0.1.0 => example.com/fork/clean v0.1.1
## explicit; go 1.20
example.com/clean
example.com/clean/gen
example.com/clean/sub
# example.com/local v0.0.0-00010101000000-000000000000 => ../local
## explicit
example.com/local
# example.com/nopkgs v1.0.0
## explicit; go 1.18
# example.com/shim v1.2.3
## explicit; go 1.21
example.com/shim/ioctl
example.com/shim/raw
`;

/** example.com/shim: 2 files, 6 sink calls, 3 protected inline, 1 hoisted-conversion finding,
 * 2 unprotected wrappers (Ioctl exported, ioctlRaw not), 2 sinks (rawcall bodyless,
 * callEscapes //go:uintptrescapes). */
const IOCTL = `// Package ioctl: an exported uintptr wrapper, an unexported one, an inline-protected call and
// a hoisted conversion.
package ioctl

import (
	"syscall"
	"unsafe"
)

type Winsize struct {
	Row, Col, Xpixel, Ypixel uint16
}

// Ioctl forwards arg to the system call: callers converting a pointer inline are not protected.
func Ioctl(fd int, req uint, arg uintptr) error {
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), arg)
	if errno != 0 {
		return errno
	}
	return nil
}

// ioctlRaw forwards through Ioctl: a wrapper too, but only this package can call it.
func ioctlRaw(fd int, req uint, arg uintptr) error {
	return Ioctl(fd, req, arg)
}

// GetWinsize converts inline in its own sink call: protected.
func GetWinsize(fd int) (*Winsize, error) {
	ws := &Winsize{}
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(syscall.TIOCGWINSZ), uintptr(unsafe.Pointer(ws)))
	if errno != 0 {
		return nil, errno
	}
	return ws, nil
}

// Read hoists the conversion: buf may be freed or moved before the call returns.
func Read(fd int, buf []byte) (int, error) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	n, _, errno := syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}
`;

const RAW = `// Package raw declares an assembly routine (its raw_amd64.s is not needed for the analysis)
// and a //go:uintptrescapes function, and calls both.
package raw

import "unsafe"

// rawcall is implemented in assembly.
func rawcall(a, b uintptr) uintptr

//go:uintptrescapes
func callEscapes(fn uintptr, args ...uintptr) uintptr {
	return fn + uintptr(len(args))
}

// Getpid passes no pointer: a sink call with nothing to protect.
func Getpid() int {
	return int(rawcall(39, 0))
}

// Stat converts inline: protected.
func Stat(path *byte) uintptr {
	return rawcall(4, uintptr(unsafe.Pointer(path)))
}

// Poke converts inline in a call to the uintptrescapes function: protected.
func Poke(p *int) uintptr {
	return callEscapes(0, uintptr(unsafe.Pointer(p)))
}
`;

/** example.com/local (replaced by a directory): 1 file, 1 sink call, not inline (hoisted but kept
 * alive: no finding). */
const LOCAL = `// Package local hoists a conversion and keeps the buffer alive after the call.
package local

import (
	"runtime"
	"syscall"
	"unsafe"
)

func Write(fd int, buf []byte) (int, error) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	n, _, errno := syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), p, uintptr(len(buf)))
	runtime.KeepAlive(buf)
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}
`;

/** example.com/clean: 12 files the prefilter skips (a two-digit count, so the HTML test can tell
 * a numeric sort from a textual one); every other number is 0. */
const CLEAN = `package clean

func Add(a, b int) int { return a + b }
`;
const CLEAN_SUB = `package sub

func Twice(a int) int { return 2 * a }
`;

/** github.com/stray/pkg, not in modules.txt: 1 file, 1 sink call, its finding suppressed. */
const STRAY = `package sub

import (
	"syscall"
	"unsafe"
)

func WriteByte(fd int, b *byte) {
	p := uintptr(unsafe.Pointer(b))
	//pinlint:ignore hoisted-conversion -- b points into a package-level array in the real code
	syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), p, 1)
}
`;

export const SYNTHETIC_FILES: Record<string, string> = {
  'go.mod': 'module example.com/app\n\ngo 1.21\n',
  'vendor/modules.txt': MODULES_TXT,
  'vendor/example.com/shim/ioctl/ioctl_linux.go': IOCTL,
  'vendor/example.com/shim/raw/raw.go': RAW,
  'vendor/example.com/local/local.go': LOCAL,
  'vendor/example.com/clean/clean.go': CLEAN,
  'vendor/example.com/clean/sub/sub.go': CLEAN_SUB,
  'vendor/github.com/stray/pkg/sub/stray.go': STRAY,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`vendor/example.com/clean/gen/z${i}.go`, `package gen\n\nconst Z${i} = ${i}\n`])),
};

/** Writes the tree (optionally without some files) to a new temporary directory and returns it. */
export function writeSyntheticTree(omit: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinlint-audit-'));
  for (const [rel, text] of Object.entries(SYNTHETIC_FILES)) {
    if (omit.includes(rel)) continue;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
