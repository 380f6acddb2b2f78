// Benchmark over real Go code (not a timed unit test): analyzes each tree a few times in this
// process and reports files, bytes, wall time, throughput and peak memory, and what was read as
// context outside the tree (imported packages: vendor/, module cache, --context directories).
//
//   npm run bench                       # Debian's Go std and x/sys, when installed
//   npm run bench -- DIR [DIR...] [--runs N] [--context DIR]...
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';

const DEFAULT_TREES = ['/usr/lib/go-1.19/src', '/usr/share/gocode/src/golang.org/x/sys'];

async function main(argv: string[]): Promise<number> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
  const context: string[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--runs') i++;
    else if (a === '--context') context.push(argv[++i] ?? '');
    else dirs.push(a);
  }
  const trees = (dirs.length ? dirs : DEFAULT_TREES).filter((d) => {
    if (existsSync(d)) return true;
    process.stderr.write(`bench: ${d} not found, skipped\n`);
    return false;
  });
  if (!trees.length || !(runs > 0)) {
    process.stderr.write('bench: nothing to measure (give directories of Go code, --runs N with N > 0)\n');
    return 2;
  }
  process.stdout.write(`| tree | files found | parsed | context files read | context parsed | MB found | min s | median s | MB/s (found) | findings | peak RSS MB | analyzed again (type stage, per round) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n`);
  for (const dir of trees) {
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof analyze>> | undefined;
    let peak = 0;
    let read = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      // The engine's last progress call counts every file read, the tree's and the context's.
      last = await analyze({ paths: [dir], cwd: dir, rules, context, onProgress: (done, total) => { if (done === total) read = total; } });
      times.push((performance.now() - t0) / 1000);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    if (!last) continue;
    const bytes = last.scanned.reduce((n, p) => n + statSync(last!.absPath(p)).size, 0);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    const min = times[0] as number;
    // Context: every file read or parsed beyond the files found for reporting.
    const contextRead = read - last.scanned.length;
    const contextParsed = last.files.length - last.reported.length;
    process.stdout.write(`| ${dir} | ${last.scanned.length} | ${last.reported.length} | ${contextRead} | ${contextParsed} | ${(bytes / 1e6).toFixed(1)} | ${min.toFixed(2)} | ${median.toFixed(2)} | ${(bytes / 1e6 / median).toFixed(1)} | ${last.findings.length} | ${(peak / 1e6).toFixed(0)} | ${last.typeRounds.join(' + ') || '0'} |\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
