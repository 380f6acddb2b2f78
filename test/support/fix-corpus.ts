// Applying every fix pinlint offers on a tree, on a copy of it, and checking the result the way
// a user would find out: the rewritten files still parse (`gofmt -e`) and stay formatted, their
// packages gain no type error (test/support/typecheck, for the platform the file builds on),
// and analyzing the copy again no longer reports the fixed findings (nor anything new).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { type AnalyzeOptions, analyze } from '../../src/engine/analyze.js';
import { planFixes } from '../../src/report/fix.js';
import type { Finding } from '../../src/model/findings.js';
import { rules } from '../../rules/index.js';

export const GOFMT = ['/usr/bin/gofmt', '/usr/lib/go/bin/gofmt'].find((p) => existsSync(p));
export const GO = ['/usr/bin/go', '/usr/lib/go/bin/go'].find((p) => existsSync(p));

export interface FixCounts {
  corpus: string;
  findings: number;
  /** Findings that offer a fix. */
  offered: number;
  /** Fixes applied (the rest overlapped another fix of the same file). */
  applied: number;
  files: number;
  /** Rewritten files that gofmt -e parses. */
  reparsed: number;
  /** Rewritten files whose package was type-checked before and after. */
  typeChecked: number;
  /** Fixed findings that analysis of the rewritten tree no longer reports. */
  cleared: number;
  problems: string[];
  /** Milliseconds spent per step (printed, never asserted). */
  ms: { analyze: number; gofmt: number; typecheck: number; reanalyze: number };
}

/** Builds the type checker once (null without a Go toolchain). */
export function buildChecker(): string | null {
  if (!GO) return null;
  const out = join(mkdtempSync(join(tmpdir(), 'pinlint-typecheck-')), 'typecheck');
  execFileSync(GO, ['build', '-o', out, '.'], {
    cwd: join(import.meta.dirname, 'typecheck'),
    env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(tmpdir(), 'pinlint-test-gocache') },
    stdio: 'pipe',
  });
  return out;
}

interface CheckResult { dir: string; platform: string; errors: string[] }

function typeCheck(checker: string, jobs: Array<{ dir: string; file: string }>, gopath: string): CheckResult[] {
  if (jobs.length === 0) return [];
  const r = spawnSync(checker, [], {
    input: jobs.map((j) => JSON.stringify(j)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '', CGO_ENABLED: '0', GOPATH: gopath },
  });
  if (r.status !== 0) throw new Error(`typecheck failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as CheckResult);
}

/** A finding's identity across a rewrite: its file, rule and message, without line numbers. */
function keyOf(f: Finding, root: string, base: string): string {
  const path = relative(base, join(root, f.location.path)).split(sep).join('/');
  return `${path} ${f.ruleId} ${f.message.replace(/\bline \d+/g, 'line N').replace(/:\d+(:\d+)?\b/g, '')}`;
}

function counted(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Applies every fix offered on `dir` to a copy and checks the copy. `options(root)` gives the
 * analysis options for a tree root (the original, then the copy). */
export async function applyEveryFix(corpus: string, dir: string, checker: string | null, options: (root: string) => Partial<AnalyzeOptions> = () => ({}), gopath = '/usr/share/gocode'): Promise<FixCounts> {
  const counts: FixCounts = { corpus, findings: 0, offered: 0, applied: 0, files: 0, reparsed: 0, typeChecked: 0, cleared: 0, problems: [], ms: { analyze: 0, gofmt: 0, typecheck: 0, reanalyze: 0 } };
  let t = Date.now();
  const lap = (k: keyof FixCounts['ms']): void => { counts.ms[k] += Date.now() - t; t = Date.now(); };
  // A tree reached through a symbolic link (Debian's GOROOT/src) is copied where it really is:
  // a copy of the link would write through it into the original.
  dir = realpathSync(dir);
  const before = await analyze({ paths: [dir], cwd: dir, rules, ...options(dir) });
  const shown = before.findings.filter((f) => !f.suppression);
  lap('analyze');
  counts.findings = shown.length;
  counts.offered = shown.filter((f) => f.fixes?.length).length;
  const plans = planFixes(shown, (p) => readFileSync(join(before.root, p), 'utf8'));
  if (plans.every((p) => p.applied.length === 0)) return counts;
  const tmp = mkdtempSync(join(tmpdir(), 'pinlint-fixcorpus-'));
  try {
    const copy = join(tmp, 'tree');
    // Hard links make the copy instant; each rewritten file is unlinked first, so the original
    // is never written through its link.
    const linked = spawnSync('cp', ['-a', '-l', dir, copy]);
    if (linked.status !== 0) execFileSync('cp', ['-a', dir, copy]);
    const fixed = new Set(plans.flatMap((p) => p.applied));
    const jobs: Array<{ dir: string; file: string }> = [];
    for (const plan of plans) {
      if (plan.applied.length === 0) continue;
      counts.applied += plan.applied.length;
      counts.files++;
      const original = join(before.root, plan.path);
      const target = join(copy, relative(dir, original));
      if (!(realpathSync(dirname(target)) + sep).startsWith(realpathSync(copy) + sep)) throw new Error(`refusing to write outside the copy: ${target}`);
      unlinkSync(target);
      writeFileSync(target, plan.after);
      if (GOFMT) {
        const parsed = spawnSync(GOFMT, ['-e', '-l', target], { encoding: 'utf8' });
        if (parsed.status === 0) counts.reparsed++;
        else counts.problems.push(`${plan.path}: gofmt -e: ${parsed.stderr.trim()}`);
        // A formatted file stays formatted (a CRLF file is never "formatted" to gofmt).
        const wasFormatted = spawnSync(GOFMT, ['-l', original], { encoding: 'utf8' }).stdout === '';
        if (parsed.status === 0 && wasFormatted && parsed.stdout !== '') counts.problems.push(`${plan.path}: no longer gofmt-formatted`);
      }
      const base = original.slice(dirname(original).length + 1);
      jobs.push({ dir: dirname(original), file: base }, { dir: dirname(target), file: base });
    }
    lap('gofmt');
    if (checker) {
      const results = typeCheck(checker, jobs, gopath);
      for (let i = 0; i + 1 < results.length; i += 2) {
        const [a, b] = [results[i] as CheckResult, results[i + 1] as CheckResult];
        counts.typeChecked++;
        const old = counted(a.errors);
        for (const e of b.errors.map((x) => x.split(b.dir).join(a.dir))) {
          const n = old.get(e) ?? 0;
          if (n > 0) old.set(e, n - 1);
          else counts.problems.push(`${relative(dir, a.dir) || '.'} (${b.platform}): new type error: ${e}`);
        }
      }
    }
    lap('typecheck');
    const after = await analyze({ paths: [copy], cwd: copy, rules, ...options(copy) });
    lap('reanalyze');
    const expected = counted(shown.filter((f) => !fixed.has(f.fixes?.[0] as never)).map((f) => keyOf(f, before.root, dir)));
    const fixedKeys = shown.filter((f) => fixed.has(f.fixes?.[0] as never)).map((f) => keyOf(f, before.root, dir));
    const now = after.findings.filter((f) => !f.suppression).map((f) => keyOf(f, after.root, copy));
    const left = counted(now);
    const fixedCount = counted(fixedKeys);
    counts.cleared = fixedKeys.length;
    for (const [k, n] of left) {
      const extra = n - (expected.get(k) ?? 0);
      if (extra <= 0) continue;
      counts.cleared -= Math.min(extra, fixedCount.get(k) ?? 0);
      counts.problems.push(`${(fixedCount.get(k) ?? 0) > 0 ? 'still' : 'newly'} reported after the fixes: ${k}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return counts;
}
