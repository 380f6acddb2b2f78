// Running the CLI in-process as a test would from a shell, and laying out small Go trees.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main, type CliIO } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `pinlint <args>` in `cwd` with captured output; `extra` overrides the I/O fields. */
export async function runCli(args: string[], cwd: string, extra: Partial<CliIO> & Record<string, unknown> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd, isTTY: false, ...extra } as CliIO);
  return { code, out, err };
}

/** Writes the files (relative path → content) into a new temporary directory and returns it. */
export function tempTree(files: Record<string, string | Buffer>, prefix = 'pinlint-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The smallest real bug: a pointer converted to uintptr one statement before the system call. */
/** A Pinner that pins and never unpins (pinner-misuse). */
export const LEAK = `package p

import (
	"runtime"
	"syscall"
	"unsafe"
)

func leak(b []byte) {
	var pin runtime.Pinner
	pin.Pin(&b[0])
	syscall.Syscall(1, uintptr(unsafe.Pointer(&b[0])), 0, 0)
}
`;

export const HOISTED_BUG = `package p

import (
	"syscall"
	"unsafe"
)

func f(b []byte) {
	p := uintptr(unsafe.Pointer(&b[0]))
	syscall.Syscall(1, p, 0, 0)
}
`;
