// One measured run for the benchmark (bench.ts starts it as a fresh process, so its peak RSS and
// CPU time are this run's alone): analyzes the paths as `pinlint check` or `pinlint audit`
// would, without rendering, and prints one JSON line with the times, the peak RSS and what the
// engine read, parsed and found in the cache.
//
//   node dist/scripts/bench-run.js [--audit] [--cache-dir DIR] [--context DIR]... [--list FILE] PATH...
import { statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyze, type AnalysisResult } from '../src/engine/analyze.js';
import { auditTree } from '../src/cli/audit.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../src/version.js';
import type { ExtractStats } from '../src/engine/extract-pool.js';

/** What the engine read, parsed and found in the cache (its ExtractStats), and the timings. */
export interface RunReport extends ExtractStats {
  /** The analysis alone, in seconds. */
  wall: number;
  /** CPU seconds of the process (every thread), user and system. */
  user: number;
  system: number;
  /** Peak resident set size of the process, in bytes. */
  maxRss: number;
  scanned: number;
  bytesFound: number;
  reported: number;
  findings: number;
  typeRounds: number[];
}

async function main(argv: string[]): Promise<void> {
  let cacheDir: string | undefined;
  let audit = false;
  let list: string | undefined;
  const context: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--audit') audit = true;
    else if (a === '--cache-dir') cacheDir = argv[++i];
    else if (a === '--context') context.push(argv[++i] ?? '');
    else if (a === '--list') list = argv[++i];
    else paths.push(a);
  }
  const t0 = performance.now();
  let result: AnalysisResult;
  if (audit) {
    result = (await auditTree(paths[0] ?? '.', { ...(cacheDir ? { cacheDir, toolVersion: VERSION } : {}) })).result;
  } else {
    result = await analyze({ paths, cwd: process.cwd(), rules, context, ...(cacheDir ? { cacheDir, toolVersion: VERSION } : {}) });
  }
  const wall = (performance.now() - t0) / 1000;
  const usage = process.resourceUsage();
  const report: RunReport = {
    wall,
    user: usage.userCPUTime / 1e6,
    system: usage.systemCPUTime / 1e6,
    maxRss: usage.maxRSS * 1024,
    scanned: result.scanned.length,
    bytesFound: result.scanned.reduce((n, p) => n + statSync(result.absPath(p)).size, 0),
    reported: result.reported.length,
    findings: result.findings.length,
    ...result.stats,
    typeRounds: result.typeRounds,
  };
  // The files found, for the benchmark's floor and naive-parse measurements of the same files.
  if (list) writeFileSync(list, result.scanned.map((p) => result.absPath(p)).join('\n') + '\n');
  process.stdout.write(JSON.stringify(report) + '\n');
}

await main(process.argv.slice(2));
