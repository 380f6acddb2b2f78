// The installed command (dist/) extracts in a pool of worker threads; the in-process tests run on
// the main thread. Whatever the number of workers, the report must be the same bytes: outcomes
// come back in the order of the tasks, and facts cross threads as structured clones.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const UNIX = '/usr/share/gocode/src/golang.org/x/sys/unix';
const present = existsSync(UNIX);

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

  it.skipIf(!present)(present ? 'give the same SARIF with 0, 1 and 2 workers on x/sys/unix' : `x/sys/unix (${UNIX} not installed: skipped)`, () => {
    expect(sameForEveryWorkerCount(UNIX)).toBeGreaterThan(10);
  }, 300_000);
});
