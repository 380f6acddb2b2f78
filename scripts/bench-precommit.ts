// Benchmark for the pre-commit use: how long `pinlint f1 … f5` takes for five staged files of one
// real package, the way pre-commit calls the hook (a fresh `node` process per call), plus the time
// of the analysis alone inside this process. A measurement to quote in docs/pre-commit.md, not a
// timed test: wall times depend on the machine and would make a test flaky.
//
//   npm run build && node dist/scripts/bench-precommit.js [--runs N] [--dir DIR] [--json] [files...]
//
// Defaults: 10 runs, five files of Debian's golang.org/x/sys/unix (golang-golang-x-sys-dev), the
// package with the most sibling files a staged file can pull in (every other .go file of the
// directory is read for context, so this is close to the worst case for a single package).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';

const DEFAULT_DIR = '/usr/share/gocode/src/golang.org/x/sys/unix';
const DEFAULT_FILES = ['syscall_linux.go', 'syscall_unix.go', 'ioctl_linux.go', 'sockcmsg_unix.go', 'fcntl.go'];

interface Options {
  runs: number;
  dir: string;
  files: string[];
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 10, dir: DEFAULT_DIR, files: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--dir') opts.dir = resolve(argv[++i] ?? '.');
    else if (a === '--json') opts.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node dist/scripts/bench-precommit.js [--runs N] [--dir DIR] [--json] [files relative to DIR...]\n');
      process.exit(0);
    } else opts.files.push(a);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs takes a positive integer');
  if (opts.files.length === 0) opts.files = DEFAULT_FILES;
  return opts;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  // Wall times on a shared machine mean little without the load they were taken under.
  const load = loadavg()[0] ?? 0;
  const missing = opts.files.filter((f) => !existsSync(join(opts.dir, f)));
  if (missing.length) {
    process.stderr.write(`bench-precommit: ${missing.map((f) => join(opts.dir, f)).join(', ')} not found.\n` +
      `Install Debian's golang-golang-x-sys-dev, or name a package with --dir DIR and five of its files.\n`);
    process.exit(2);
  }
  // dist/scripts/bench-precommit.js → the repository's bin/pinlint.js (what the hook's `pinlint` runs).
  const bin = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'pinlint.js');

  // Subprocess: the cost a commit pays, Node start-up and module loading included. The working
  // directory is the package, as pre-commit runs hooks from the top of the work tree and passes
  // paths relative to it. Three cases: no cache, a cold cache (a fresh directory each run: the
  // first commit after an upgrade) and a warm one (the same files analyzed before).
  const tmp = mkdtempSync(join(tmpdir(), 'pinlint-precommit-'));
  let exitCode: number | null = null;
  let findingsLine = '';
  const timed = (cacheArgs: (i: number) => string[]): number[] => {
    const wall: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, ...cacheArgs(i), ...opts.files], { cwd: opts.dir, encoding: 'utf8' });
      wall.push(performance.now() - t0);
      if (r.status !== 0 && r.status !== 1) {
        process.stderr.write(`bench-precommit: pinlint exited ${r.status}:\n${r.stderr}\n`);
        process.exit(2);
      }
      exitCode = r.status;
      findingsLine = r.stdout.trim().split('\n').pop() ?? '';
    }
    return wall;
  };
  const modes: Record<string, number[]> = {};
  try {
    modes['no cache'] = timed(() => ['--no-cache']);
    modes.cold = timed((i) => ['--cache-dir', join(tmp, `cold-${i}`)]);
    spawnSync(process.execPath, [bin, '--cache-dir', join(tmp, 'warm'), ...opts.files], { cwd: opts.dir });
    modes.warm = timed(() => ['--cache-dir', join(tmp, 'warm')]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const subprocess = Object.fromEntries(Object.entries(modes).map(([k, w]) => [k, { minMs: Math.min(...w), medianMs: median(w) }]));

  // In process: the analysis alone (discovery, parsing the named files and their siblings, index,
  // rules), the first run separately because it also loads the grammar.
  const inproc: number[] = [];
  let parsed = 0;
  let reported = 0;
  let named = 0;
  for (let i = 0; i < opts.runs + 1; i++) {
    const t0 = performance.now();
    const res = await analyze({ paths: opts.files, cwd: opts.dir, rules });
    inproc.push(performance.now() - t0);
    parsed = res.files.length;
    reported = res.reported.length;
    named = res.scanned.length;
  }
  const [first, ...warm] = inproc as [number, ...number[]];

  const result = {
    command: `node bin/pinlint.js ${opts.files.join(' ')}`,
    dir: opts.dir,
    runs: opts.runs,
    node: process.version,
    loadAverage: Number(load.toFixed(2)),
    cpu: `${cpus()[0]?.model ?? 'unknown'} (${availableParallelism()} cores)`,
    subprocess,
    exitCode,
    summary: findingsLine,
    inProcess: { firstMs: first, minMs: Math.min(...warm), medianMs: median(warm) },
    filesNamed: named,
    namedFilesParsed: reported,
    contextFilesParsed: parsed - reported,
    directories: new Set(opts.files.map((f) => dirname(resolve(opts.dir, f)))).size,
  };
  if (opts.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  process.stdout.write([
    `pinlint pre-commit benchmark: ${opts.files.length} files of ${opts.dir}`,
    `  ${result.command}`,
    `  ${result.node}, ${result.cpu}, load average ${load.toFixed(2)}, ${opts.runs} runs`,
    ...Object.entries(subprocess).map(([k, v]) => `  subprocess wall time, ${k}: min ${ms(v.minMs)}, median ${ms(v.medianMs)}`),
    `  exit ${exitCode}: ${findingsLine}`,
    `  analyze() in process: first ${ms(first)}, then min ${ms(result.inProcess.minMs)}, median ${ms(result.inProcess.medianMs)}`,
    `  files named ${named} (${reported} parsed, ${named - reported} skipped by the prefilter), sibling files parsed for context ${parsed - reported}`,
    '',
  ].join('\n'));
}

await main();
