// The facts cache directory is untrusted (engine/cache.ts, DESIGN.md §5c): CI restores it from
// caches a pull request may have written, and another user of the machine may plant names in it.
// Each test plants something, runs pinlint in-process, and checks that nothing outside the cache
// was written, touched, created or deleted, that no name pinlint does not write was deleted, and
// that the run still reports what a run without a cache reports, without a stack trace.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { FactsCache, pruneCache } from '../src/engine/cache.js';
import type { FileFacts } from '../src/model/facts.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../src/version.js';
import { HOISTED_BUG, runCli, tempTree } from './support/cli.js';

const tempDir = (what: string): string => mkdtempSync(join(tmpdir(), `pinlint-hostile-${what}-`));
const TWO_DAYS_AGO = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
const isRoot = process.getuid?.() === 0;

/** A small tree with two packages, each with one bug. */
function goTree(): string {
  return tempTree({ 'go.mod': 'module example.com/t\n', 'a/a.go': HOISTED_BUG, 'b/b.go': HOISTED_BUG.replace('package p', 'package q') });
}

/** Everything below `dir`, as lstat sees it (links are never followed): kind, mode, size,
 * modification time, and the content of files and targets of links. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      const kind = st.isSymbolicLink() ? `link:${readlinkSync(p)}` : st.isDirectory() ? 'dir' : st.isFile() ? `file:${createHash('sha256').update(readFileSync(p)).digest('hex')}` : 'other';
      out[p.slice(dir.length)] = `${kind} mode=${(st.mode & 0o7777).toString(8)} size=${st.size} mtime=${st.mtimeMs}`;
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  const top = lstatSync(dir);
  out['.'] = `mode=${(top.mode & 0o7777).toString(8)} mtime=${top.mtimeMs}`;
  return out;
}

/** A directory outside the cache holding what an attacker would like pinlint to write into,
 * touch or delete: a victim file, and files named like cache entries and stale temporary files,
 * all last modified two days ago (older than every age the cache acts on). */
function outsideDir(): string {
  const dir = tempDir('outside');
  const old = (p: string, content: string): void => {
    writeFileSync(p, content);
    utimesSync(p, TWO_DAYS_AGO, TWO_DAYS_AGO);
  };
  old(join(dir, 'victim.txt'), 'precious\n');
  old(join(dir, 'ab'.repeat(32)), 'looks like an entry\n');
  old(join(dir, `${'cd'.repeat(32)}.1.2.deadbeef.tmp`), 'looks like a temporary file\n');
  mkdirSync(join(dir, 'ab'), { mode: 0o700 });
  old(join(dir, 'ab', 'ab'.repeat(32)), 'looks like an entry too\n');
  old(join(dir, 'ab', `${'ab'.repeat(32)}.1.2.deadbeef.tmp`), 'and a temporary file\n');
  utimesSync(join(dir, 'ab'), TWO_DAYS_AGO, TWO_DAYS_AGO);
  utimesSync(dir, TWO_DAYS_AGO, TWO_DAYS_AGO);
  return dir;
}

/** What a run of the tree without any cache reports. */
async function baseline(tree: string): Promise<{ code: number; out: string }> {
  const r = await runCli(['--format', 'sarif', '--no-cache', '.'], tree);
  return { code: r.code, out: r.out };
}

/** The entries a cold run of the tree writes: their files, below a fresh cache directory. */
async function coldCache(tree: string): Promise<{ dir: string; entries: string[] }> {
  const dir = tempDir('cache');
  await analyze({ paths: ['.'], cwd: tree, rules, cacheDir: dir, toolVersion: VERSION });
  const entries = readdirSync(join(dir, 'facts-v1'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  expect(entries.length).toBeGreaterThan(1);
  return { dir, entries };
}

/** Runs the tree with the cache in `dir` from the CLI: the report must be the one without a
 * cache, with no stack trace, except for a `cache-not-used` warning when the cache's own
 * directories are refused up front (returned: whether it was given). */
async function cliRun(tree: string, dir: string): Promise<boolean> {
  const expected = await baseline(tree);
  const cli = await runCli(['--format', 'sarif', '--cache-dir', dir, '.'], tree);
  expect(cli.err).not.toMatch(/internal error|^\s+at /m);
  expect(cli.code).toBe(expected.code);
  const sarif = JSON.parse(cli.out) as { runs: Array<{ invocations?: Array<{ toolExecutionNotifications?: Array<{ descriptor?: { id?: string } }> }> }> };
  const notes = sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
  const warned = notes.some((n) => n.descriptor?.id === 'cache-not-used');
  if (warned) {
    const inv = sarif.runs[0]?.invocations?.[0];
    if (inv) inv.toolExecutionNotifications = notes.filter((n) => n.descriptor?.id !== 'cache-not-used');
    if (inv?.toolExecutionNotifications?.length === 0) delete inv.toolExecutionNotifications;
    expect(JSON.parse(expected.out)).toEqual(sarif);
  } else {
    expect(cli.out).toBe(expected.out);
  }
  return warned;
}

/** Runs the tree with the cache in `dir` through analyze() with a bound of one byte, so a run that
 * parses anything then prunes every entry it counts. Returns the cache hits. */
async function pruningRun(tree: string, dir: string): Promise<number> {
  const run = await analyze({ paths: ['.'], cwd: tree, rules, cacheDir: dir, cacheMaxBytes: 1, toolVersion: VERSION });
  expect(run.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toEqual(['PL001 a/a.go:10', 'PL001 b/b.go:10']);
  return run.stats.cacheHits;
}

/** Both runs: the CLI's first, then the pruning one. `refused`: whether the CLI run must say
 * that the cache is not used (its top or facts-v1 directory fails its check up front). */
async function runBoth(tree: string, dir: string, refused = false): Promise<number> {
  expect(await cliRun(tree, dir)).toBe(refused);
  return pruningRun(tree, dir);
}

/** The shard directories of a cache's entry files. */
const shardsOf = (entries: string[]): Set<string> => new Set(entries.map((e) => e.split('/').at(-2) as string));

describe('a hostile facts cache directory', () => {
  it('a shard that is a link to another directory: nothing is written, touched or pruned there, and the cache is not used', async () => {
    const tree = goTree();
    const { entries } = await coldCache(tree);
    const outside = outsideDir();
    const before = snapshot(outside);
    const dir = tempDir('cache');
    mkdirSync(join(dir, 'facts-v1'), { mode: 0o700 });
    // Every shard the tree's entries fall in, and one more.
    const shards = new Set([...shardsOf(entries), 'ab']);
    for (const s of shards) symlinkSync(outside, join(dir, 'facts-v1', s));
    const hits = await runBoth(tree, dir);
    expect(snapshot(outside)).toEqual(before);
    expect(hits).toBe(0);
    // Unusable for the run: not one entry written beside the links either.
    expect(readdirSync(join(dir, 'facts-v1')).sort()).toEqual([...shards].sort());
    const cache = new FactsCache({ dir, runKey: 'k' });
    expect(cache.get('ab'.repeat(32), 'a.go')).toBeUndefined();
    expect(cache.untrusted).toMatch(/symbolic link/);
    expect(pruneCache(dir, 1)).toBe(0);
    expect(snapshot(outside)).toEqual(before);
  });

  it('facts-v1 that is a link to another directory: nothing is written, touched or pruned there', async () => {
    const tree = goTree();
    const outside = outsideDir();
    const before = snapshot(outside);
    const dir = tempDir('cache');
    symlinkSync(outside, join(dir, 'facts-v1'));
    const hits = await runBoth(tree, dir, true);
    expect(snapshot(outside)).toEqual(before);
    expect(hits).toBe(0);
    expect(readdirSync(dir)).toEqual(['facts-v1']);
  });

  it('an entry that is a symbolic or hard link to a victim file: the victim is neither touched nor changed', async () => {
    const tree = goTree();
    const { dir, entries } = await coldCache(tree);
    const outside = outsideDir();
    const victims = tempDir('victims');
    entries.forEach((e, i) => {
      const victim = join(i % 2 ? outside : victims, `victim-${i}`);
      writeFileSync(victim, `victim ${i}\n`);
      utimesSync(victim, TWO_DAYS_AGO, TWO_DAYS_AGO);
      unlinkSync(e);
      // A hard link needs the same file system: the victims' directory is beside the cache's.
      if (i % 2) symlinkSync(victim, e);
      else linkSync(victim, e);
    });
    utimesSync(outside, TWO_DAYS_AGO, TWO_DAYS_AGO);
    const before = [snapshot(outside), snapshot(victims)];
    // The CLI's run meets the links (and replaces them with entries), the second prunes.
    await runBoth(tree, dir);
    expect([snapshot(outside), snapshot(victims)]).toEqual(before);
  });

  it('prunes only regular files under the names it writes: planted links, foreign names and other directories stay', async () => {
    const tree = goTree();
    const outside = outsideDir();
    const before = snapshot(outside);
    const dir = tempDir('cache');
    const shard = join(dir, 'facts-v1', 'ab');
    mkdirSync(shard, { recursive: true, mode: 0o700 });
    const planted = [
      // Named as a stale temporary file and as an entry, but links to the victim.
      join(shard, `${'ab'.repeat(32)}.1.2.deadbeef.tmp`),
      join(shard, 'ab'.repeat(32)),
    ];
    for (const p of planted) symlinkSync(join(outside, 'victim.txt'), p);
    const foreign = [join(shard, 'notes.txt'), join(shard, `${'ab'.repeat(32)}.tmp`), join(dir, 'facts-v1', 'zz', 'ef'.repeat(32)), join(dir, 'facts-v1', 'ef'.repeat(32))];
    for (const f of foreign) {
      mkdirSync(join(f, '..'), { recursive: true, mode: 0o700 });
      writeFileSync(f, 'not pinlint\'s\n');
      utimesSync(f, TWO_DAYS_AGO, TWO_DAYS_AGO);
    }
    // A directory under an entry's name holding an entry-named file: never descended into.
    mkdirSync(join(shard, 'ab'.repeat(31) + 'cd'), { mode: 0o700 });
    writeFileSync(join(shard, 'ab'.repeat(31) + 'cd', 'ab'.repeat(32)), 'inside\n');
    utimesSync(join(shard, 'ab'.repeat(31) + 'cd', 'ab'.repeat(32)), TWO_DAYS_AGO, TWO_DAYS_AGO);
    // A cold run that parses, writes and prunes to nothing, then the CLI's, then a prune.
    await pruningRun(tree, dir);
    await cliRun(tree, dir);
    pruneCache(dir, 1);
    for (const p of planted) expect(lstatSync(p).isSymbolicLink()).toBe(true);
    for (const f of foreign) expect(readFileSync(f, 'utf8')).toBe('not pinlint\'s\n');
    expect(readFileSync(join(shard, 'ab'.repeat(31) + 'cd', 'ab'.repeat(32)), 'utf8')).toBe('inside\n');
    expect(snapshot(outside)).toEqual(before);
  });

  it('does not block on a FIFO planted under an entry\'s name, nor delete it', async () => {
    const dir = tempDir('cache');
    const cache = new FactsCache({ dir, runKey: 'k' });
    const key = cache.keyOf({ path: 'a.go', dir: '.', importPath: null, view: '', text: 'package a' });
    mkdirSync(join(dir, 'facts-v1', key.slice(0, 2)), { recursive: true, mode: 0o700 });
    const fifo = join(dir, 'facts-v1', key.slice(0, 2), key);
    await new Promise<void>((resolve, reject) => spawn('mkfifo', [fifo]).on('close', (c) => (c === 0 ? resolve() : reject(new Error(`mkfifo: ${c}`)))));
    // If get() blocked in open(), this opens the FIFO's other end after two seconds and frees it.
    const unblock = spawn('sh', ['-c', 'sleep 2; exec 3<>"$1"; sleep 1', 'sh', fifo]);
    const started = Date.now();
    expect(cache.get(key, 'a.go')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(pruneCache(dir, 1)).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    unblock.kill();
  });

  it('treats forged entries with a valid checksum as misses: no crash, the right findings', async () => {
    const tree = goTree();
    const { dir, entries } = await coldCache(tree);
    const deep = Buffer.concat([serialize(0).subarray(0, 2), Buffer.from(Array.from({ length: 400_000 }, () => [0x41, 1]).flat())]);
    const forgeries: Array<(key: string, facts: FileFacts) => Buffer> = [
      // Does not deserialize: nested deeper than the stack.
      () => deep,
      // Not an object, another key, the facts of another path.
      () => serialize(42),
      (_key, facts) => serialize({ key: 'f'.repeat(64), facts }),
      (key, facts) => serialize({ key, facts: { ...facts, path: 'elsewhere.go' } }),
      // The right key and path around facts of the wrong shape.
      (key, facts) => serialize({ key, facts: { ...facts, funcs: 'not a list' } }),
      (key, facts) => serialize({ key, facts: { ...facts, funcs: [null], imports: [7] } }),
      (key, facts) => serialize({ key, facts: { ...facts, notifications: [null] } }),
      (key, facts) => serialize({ key, facts: { ...facts, types: undefined, suppressions: {} } }),
      (key, facts) => serialize({ key, facts: { ...facts, imports: [{ path: 5, name: 'p' }] } }),
      (key, facts) => serialize({ key, facts: { ...facts, lookups: 5, stmtRanges: [[1]] } }),
      // Four billion elements long, all but one of them holes.
      (key, facts) => {
        const funcs: unknown[] = [];
        funcs.length = 2 ** 32 - 1;
        funcs[0] = {};
        return serialize({ key, facts: { ...facts, funcs } });
      },
    ];
    const forge = (round: number): void => entries.forEach((e, i) => {
      const { key, facts } = deserialize(readFileSync(e).subarray(36)) as { key: string; facts: FileFacts };
      const payload = (forgeries[(i + round) % forgeries.length] as (k: string, f: FileFacts) => Buffer)(key, facts);
      writeFileSync(e, Buffer.concat([Buffer.from('PLF1'), createHash('sha256').update(payload).digest(), payload]));
    });
    // Each forgery met by each run, in turn: the CLI's (which writes the entries again) and one
    // that counts hits (and prunes them all, so a cold run rewrites them for the next round).
    for (let round = 0; round < forgeries.length; round++) {
      forge(round);
      await cliRun(tree, dir);
      forge(round + 1);
      expect(await pruningRun(tree, dir)).toBe(0);
      await analyze({ paths: ['.'], cwd: tree, rules, cacheDir: dir, toolVersion: VERSION });
    }
  });

  it('creates its directories with mode 0700 and its entries with 0600', async () => {
    const tree = goTree();
    const dir = join(tempDir('cache'), 'new', 'pinlint');
    await runBoth(tree, dir);
    const modes = snapshot(join(dir, '..'));
    const dirs = Object.entries(modes).filter(([, v]) => v.startsWith('dir') || !v.includes(':'));
    expect(dirs.length).toBeGreaterThan(2);
    for (const [p, v] of dirs) expect(`${p} ${v}`).toMatch(/ mode=700 /);
    const files = Object.entries(modes).filter(([, v]) => v.startsWith('file'));
    expect(files.length).toBeGreaterThan(1);
    for (const [p, v] of files) expect(`${p} ${v}`).toMatch(/ mode=600 /);
  });

  it('does not use facts-v1 or a shard that other users can write', async () => {
    const tree = goTree();
    const { entries } = await coldCache(tree);
    for (const which of [['facts-v1'], [...shardsOf(entries)].map((s) => `facts-v1/${s}`)]) {
      const dir = tempDir('cache');
      for (const w of which) {
        mkdirSync(join(dir, w), { recursive: true, mode: 0o700 });
        chmodSync(join(dir, w), 0o777);
      }
      expect(await runBoth(tree, dir, which[0] === 'facts-v1')).toBe(0);
      const cache = new FactsCache({ dir, runKey: 'k' });
      cache.put(entries[0]?.split('/').at(-1) as string, { path: 'a.go', dir: '.', pkgName: 'a', generated: false, funcs: [], imports: [], pkgVars: [], funcBindings: [], types: [], notifications: [], suppressions: [] } as unknown as FileFacts);
      expect(cache.untrusted).toMatch(/writable by other users/);
      expect(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => !d.isDirectory())).toEqual([]);
    }
  });

  it.runIf(isRoot)('does not use a cache directory or facts-v1 of another user', async () => {
    const tree = goTree();
    for (const which of ['', 'facts-v1']) {
      const dir = tempDir('cache');
      mkdirSync(join(dir, which), { recursive: true, mode: 0o700 });
      chownSync(join(dir, which), 65534, 65534);
      await runBoth(tree, dir, true);
      expect(readdirSync(dir, { recursive: true })).toEqual(which ? ['facts-v1'] : []);
      const cache = new FactsCache({ dir, runKey: 'k' });
      expect(cache.get('ab'.repeat(32), 'a.go')).toBeUndefined();
      expect(cache.untrusted).toMatch(/another user/);
    }
  });
});
