// Large trees are extracted in worker threads by the installed command (dist/), small ones and
// the in-process tests on the main thread: both must give byte-identical reports.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const XSYS = '/usr/share/gocode/src/golang.org/x/sys';
const present = existsSync(XSYS);

function pinlint(env: Record<string, string>): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pinlint.js'), '--format', 'sarif', XSYS], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout };
}

describe.skipIf(!present)(present ? 'worker threads' : `worker threads (${XSYS} not installed: skipped)`, () => {
  it('give the same SARIF as the main thread on x/sys (376 files, above the worker threshold)', () => {
    const threaded = pinlint({ PINLINT_WORKERS: '2' });
    const inline = pinlint({ PINLINT_WORKERS: '0' });
    expect(threaded.status).toBe(1);
    expect(inline.status).toBe(1);
    expect(JSON.parse(threaded.stdout).runs[0].results.length).toBe(58);
    expect(threaded.stdout).toBe(inline.stdout);
  }, 120_000);
});
