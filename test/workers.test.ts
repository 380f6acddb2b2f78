// The installed command (dist/) extracts in a pool of worker threads; the in-process tests run on
// the main thread. Whatever the number of workers, the report must be the same bytes: outcomes
// come back in the order of the tasks, and facts cross threads as structured clones.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const UNIX = '/usr/share/gocode/src/golang.org/x/sys/unix';
const present = existsSync(UNIX);
/** The Linux system-call layer of x/sys/unix (about 46 files, 0.6 MB): the generated wrappers, the
 * hand-written callers, ioctl and socket-control helpers. A copy with its own go.mod, so the run
 * reads no other sibling as context and stays within a test's time. */
const SUBSET = /^(syscall_linux|syscall_unix|ioctl|sockcmsg|fcntl|ifreq_linux|affinity_linux|zsyscall_linux\.go|ztypes_linux\.go|ptrace_|dirent|epoll)/;

function unixSubset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinlint-xsys-unix-'));
  writeFileSync(join(dir, 'go.mod'), 'module golang.org/x/sys/unix\n\ngo 1.17\n');
  for (const f of readdirSync(UNIX).filter((n) => n.endsWith('.go') && SUBSET.test(n))) copyFileSync(join(UNIX, f), join(dir, f));
  return dir;
}

function pinlint(workers: number, target: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pinlint.js'), '--no-cache', '--format', 'sarif', target], {
    encoding: 'utf8',
    env: { ...process.env, PINLINT_WORKERS: String(workers) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sameForEveryWorkerCount(target: string): number {
  const [inline, one, two] = [0, 1, 2].map((n) => pinlint(n, target));
  for (const r of [inline, one, two]) expect(r?.status, r?.stderr).toBe(1);
  expect(one?.stdout).toBe(inline?.stdout);
  expect(two?.stdout).toBe(inline?.stdout);
  return JSON.parse(inline?.stdout ?? '{}').runs[0].results.length;
}

describe('worker threads', () => {
  it('give the same SARIF with 0, 1 and 2 workers on the fixtures', () => {
    expect(sameForEveryWorkerCount(join(ROOT, 'fixtures'))).toBeGreaterThan(100);
  }, 180_000);

  it.skipIf(!present)(present ? 'give the same SARIF with 0, 1 and 2 workers on the Linux system-call files of x/sys/unix' : `x/sys/unix (${UNIX} not installed: skipped)`, () => {
    expect(sameForEveryWorkerCount(unixSubset())).toBeGreaterThan(0);
  }, 300_000);
});
