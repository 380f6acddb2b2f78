// FIFOs, devices and unreadable directories among the paths: a clear notification, never a stack
// trace or a hang. Earlier versions crashed when the first path was a FIFO, /dev/null or an
// unreadable directory (the configuration search stat'ed `<path>/.pinlint.json` and threw),
// skipped a FIFO met in a directory without a word, and blocked forever reading a .go file that
// had become a FIFO.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGoFile } from '../src/engine/read.js';
import { HOISTED_BUG as BUG, runCli, tempTree } from './support/cli.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'pinlint.js');

function withFifo(): { dir: string; fifo: string } {
  const dir = tempTree({ 'pkg/a.go': BUG });
  const fifo = join(dir, 'pkg', 'z.go');
  execFileSync('mkfifo', [fifo]);
  return { dir, fifo };
}

describe('special files', () => {
  it('reads a FIFO named .go as "not a regular file" at once instead of waiting for a writer', () => {
    const { fifo } = withFifo();
    const r = readGoFile(fifo);
    expect(r).toEqual({ ok: false, id: 'not-regular-file', message: 'skipped: a FIFO, not a regular file' });
  });

  it('takes a FIFO or /dev/null as the first path with a warning, exit 0', async () => {
    const { dir } = withFifo();
    const fifoRun = await runCli(['pkg/z.go', 'pkg/a.go'], dir);
    expect(fifoRun.err).toBe('');
    expect(fifoRun.out).toContain('warning: skipped pkg/z.go: a FIFO, not a Go file [not-regular-file]');
    expect(fifoRun.out).toContain('PL001');
    expect(fifoRun.code).toBe(1);
    const devnull = await runCli(['/dev/null'], dir);
    expect(devnull.err).toBe('');
    expect(devnull.out).toContain('skipped /dev/null: a character device, not a Go file');
    expect(devnull.code).toBe(0);
  });

  it('names a FIFO met while walking a directory, and still reports the real files', async () => {
    const { dir } = withFifo();
    const run = await runCli(['--format', 'json', '.'], dir);
    const report = JSON.parse(run.out) as { findings: unknown[]; notifications: Array<{ id: string; path?: string }> };
    expect(report.notifications).toContainEqual(expect.objectContaining({ id: 'not-regular-file', path: 'pkg/z.go' }));
    expect(report.findings).toHaveLength(1);
    expect(run.code).toBe(1);
  });

  // Permission bits do not stop root: as root, the process runs without the capabilities that
  // bypass them (it still owns the checkout, wherever CI cloned it).
  const isRoot = process.getuid?.() === 0;
  const canDrop = !isRoot || spawnSync('setpriv', ['--version']).status === 0;
  it.runIf(canDrop)('reports an unreadable directory given as the first path as an error (exit 2), without a stack trace', () => {
    const dir = tempTree({});
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'a.go'), BUG);
    chmodSync(locked, 0o000);
    const argv = [BIN, locked];
    const run = isRoot
      ? spawnSync('setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, ...argv], { cwd: dir, encoding: 'utf8' })
      : spawnSync(process.execPath, argv, { cwd: dir, encoding: 'utf8' });
    chmodSync(locked, 0o755);
    expect(run.stderr).not.toMatch(/internal error|    at /);
    expect(run.stdout).toMatch(/error: cannot read directory: EACCES: permission denied/);
    expect(run.status).toBe(2);
  });
});
