// Writing reports, baselines and fixes must never destroy or leak a file, and standard output
// failures must not pass for findings. Each case here was a real failure of an earlier version:
// a temp name that followed a planted symlink, a rename over /dev/null, stack traces and leftover
// temp files for unwritable targets, EPIPE and ENOSPC crashing with exit 1.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, existsSync, lstatSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, writeFixedFile, writeOutput } from '../src/cli/output.js';
import { Confinement } from '../src/model/confine.js';
import { HOISTED_BUG as BUG, runCli, tempTree } from './support/cli.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'pinlint.js');
const XSYS = '/usr/share/gocode/src/golang.org/x/sys';


const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('writeOutput', () => {
  it('does not follow a symlink planted at the old temporary name, and writes the target', () => {
    const dir = tempTree({ victim: 'keep\n' });
    const out = join(dir, 'report.sarif');
    symlinkSync(join(dir, 'victim'), `${out}.${process.pid}.tmp`);
    writeOutput(out, 'new report\n');
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep\n');
    expect(readFileSync(out, 'utf8')).toBe('new report\n');
    expect(leftovers(dir)).toEqual([`report.sarif.${process.pid}.tmp`]);
  });

  it('refuses to write through a symlink at the output path, leaving its target alone', () => {
    const dir = tempTree({ victim: 'keep\n' });
    symlinkSync(join(dir, 'victim'), join(dir, 'out.txt'));
    expect(() => writeOutput(join(dir, 'out.txt'), 'x')).toThrow(/symbolic link/);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep\n');
    expect(lstatSync(join(dir, 'out.txt')).isSymbolicLink()).toBe(true);
  });

  it('writes a FIFO in place instead of renaming over it', async () => {
    const dir = tempTree({});
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // The reader is another process: opening a FIFO for writing waits until one opens it.
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, join(dir, 'got')], { stdio: 'ignore' });
    const done = new Promise((resolve) => reader.on('close', resolve));
    writeOutput(fifo, 'through the pipe\n');
    await done;
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'got'), 'utf8')).toBe('through the pipe\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)('writes a character device in place (a private copy of /dev/null)', () => {
    const dir = tempTree({});
    const dev = join(dir, 'null');
    execFileSync('mknod', ['-m', '666', dev, 'c', '1', '3']);
    writeOutput(dev, 'discarded\n');
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('fails with one clear sentence and no leftovers for a directory, a path under a file, and /proc', () => {
    const dir = tempTree({ 'a.go': BUG });
    const cases: Array<[string, RegExp]> = [
      [dir, /it is a directory/],
      [join(dir, 'a.go', 'x.sarif'), /ENOTDIR: not a directory$/],
      ['/proc/pinlint-report.sarif', /^cannot write the report to \/proc\/pinlint-report\.sarif: E[A-Z]+: [a-z ]+$/],
    ];
    for (const [path, message] of cases) {
      let caught: unknown;
      try { writeOutput(path, 'x'); } catch (err) { caught = err; }
      expect(caught, path).toBeInstanceOf(OutputError);
      expect((caught as Error).message, path).toMatch(message);
    }
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync('/proc').some((n) => n.includes('pinlint'))).toBe(false);
  });

  it('creates a missing output directory, gives a new file the umask mode and keeps an existing mode', () => {
    const dir = tempTree({});
    const fresh = join(dir, 'new', 'deeper', 'r.txt');
    writeOutput(fresh, 'one\n');
    const umask = process.umask();
    expect(statSync(fresh).mode & 0o777).toBe(0o666 & ~umask);
    const kept = join(dir, 'kept.txt');
    writeFileSync(kept, 'old\n');
    chmodSync(kept, 0o640);
    writeOutput(kept, 'two\n');
    expect(statSync(kept).mode & 0o777).toBe(0o640);
    expect(readFileSync(kept, 'utf8')).toBe('two\n');
  });

  it('guards many writes in a row with one set of signal listeners, removed afterwards', async () => {
    const dir = tempTree({});
    // Earlier writes release their guard on the next turn of the event loop: let that happen.
    await new Promise((resolve) => setImmediate(resolve));
    const before = process.listenerCount('SIGINT');
    for (let i = 0; i < 30; i++) writeOutput(join(dir, `f${i}.txt`), `${i}\n`);
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes a fix to the real file behind a linked source file inside the root, keeping the link', () => {
    const dir = tempTree({ 'real/a.go': 'old\n' });
    mkdirSync(join(dir, 'view'));
    symlinkSync(join(dir, 'real', 'a.go'), join(dir, 'view', 'a.go'));
    writeFixedFile(join(dir, 'view', 'a.go'), 'old\n', 'fixed\n', new Confinement(dir));
    expect(lstatSync(join(dir, 'view', 'a.go')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'a.go'), 'utf8')).toBe('fixed\n');
  });
});

describe('the CLI and its output files', () => {
  it('reports an unwritable --output as exit 2 with a message, not a stack trace', async () => {
    const dir = tempTree({ 'a.go': BUG });
    const run = await runCli(['a.go', '--output', 'a.go/report.txt'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`pinlint: cannot write the report to ${join(dir, 'a.go', 'report.txt')}: ENOTDIR: not a directory\n`);
    const audit = await runCli(['audit', '.', '--output', '.'], dir);
    expect(audit.code).toBe(2);
    expect(audit.err).toMatch(/cannot write the report to .*: it is a directory\n$/);
    expect(leftovers(dir)).toEqual([]);
  });

  it('ends quietly on EPIPE with the analysis exit status, and exits 2 on ENOSPC', async () => {
    const dir = tempTree({ 'a.go': BUG });
    // A reader that closes the pipe at once (like `| head -c 0`), on a report of many findings.
    const epipe = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--format', 'sarif', XSYS], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => { err += d; });
      child.stdout.destroy();
      child.on('close', (code) => resolve({ code, err }));
    });
    expect(epipe.err).not.toMatch(/Unhandled|at .*\.js/);
    expect(epipe.code).toBe(existsSync(XSYS) ? 1 : 2);

    const full = openSync('/dev/full', 'w');
    const enospc = spawnSync(process.execPath, [BIN, 'a.go'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    closeSync(full);
    expect(enospc.status).toBe(2);
    expect(enospc.stderr).toBe('pinlint: cannot write to standard output: ENOSPC: no space left on device, write\n');
  });

  it.runIf(existsSync(XSYS))('leaves no temporary file behind when interrupted while writing a report', async () => {
    const dir = tempTree({});
    const out = join(dir, 'big.sarif');
    // Interrupt at several points: during analysis, around the write, after it.
    for (const delay of [300, 1200, 1800, 2400, 3000]) {
      const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--format', 'sarif', '--output', out, XSYS], { cwd: dir, stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGINT'), delay);
        child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal }); });
      });
      expect(status.signal === 'SIGINT' || status.code === 1, `delay ${delay}: ${JSON.stringify(status)}`).toBe(true);
      expect(leftovers(dir), `delay ${delay}`).toEqual([]);
      if (existsSync(out)) expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
    }
  }, 120_000);
});
