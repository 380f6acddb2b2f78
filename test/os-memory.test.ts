// The parameters that by contract take an address of OS memory or a placement for a new mapping
// (knowledge/os-memory.ts FOREIGN_ADDRESS_PARAMS): a pointer converted into one is not a Go
// object the OS reads or writes through. Scanned in the shape of x/sys itself, where the
// table's import path is the tree's own package.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';
import { tempTree } from './support/cli.js';

const SLOT = `//go:build linux || zos

package unix

var mapper = &mmapper{mmap: mmap}

type mmapper struct {
	mmap func(addr uintptr, length uintptr, prot int, flags int, fd int, offset int64) (uintptr, error)
}
`;

const LINUX = `package unix

import "syscall"

func mmap(addr uintptr, length uintptr, prot int, flags int, fd int, offset int64) (xaddr uintptr, err error) {
	r0, _, e1 := syscall.Syscall6(syscall.SYS_MMAP, addr, length, uintptr(prot), uintptr(flags), uintptr(fd), uintptr(offset))
	if e1 != 0 {
		return 0, e1
	}
	return r0, nil
}

func write(fd int, p uintptr, n int) (int, error) {
	r0, _, e1 := syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), p, uintptr(n))
	if e1 != 0 {
		return 0, e1
	}
	return int(r0), nil
}
`;

const CALLER = `//go:build linux || zos

package unix

import "unsafe"

// MmapPtr hands mmap a placement for the new mapping (mmap(2)): not a reference to memory.
func MmapPtr(fd int, offset int64, addr unsafe.Pointer, length uintptr, prot int, flags int) (unsafe.Pointer, error) {
	xaddr, err := mapper.mmap(uintptr(addr), length, prot, flags, fd, offset)
	return unsafe.Pointer(xaddr), err
}

// The near miss: write's buffer is memory the kernel reads.
func WritePtr(fd int, p unsafe.Pointer, n int) (int, error) {
	return write(fd, uintptr(p), n)
}
`;

describe('a placement or an address of OS memory is not a Go object', () => {
  it('mmap address through the mapper slot of x/sys is not reported; a buffer passed the same way is', async () => {
    const dir = tempTree({ 'go.mod': 'module golang.org/x/sys\n\ngo 1.21\n', 'unix/mmap_slot.go': SLOT, 'unix/zsyscall_linux.go': LINUX, 'unix/syscall_unix.go': CALLER });
    const result = await analyze({ paths: ['.'], cwd: dir, rules, env: {} });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toEqual(['PL004 unix/syscall_unix.go:15']);
  });
});
