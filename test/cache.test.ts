// The facts cache (engine/cache.ts): a warm run gives the bytes a cold one gives and parses
// nothing; a damaged entry is recomputed, never trusted; concurrent runs share a directory
// safely; --no-cache reads and writes nothing; the size bound evicts the oldest entries. Every
// test uses a temporary cache directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { FactsCache, defaultCacheDir, pruneCache, runKeyFor } from '../src/engine/cache.js';
import type { FileFacts } from '../src/model/facts.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../src/version.js';
import { runCli } from './support/cli.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures', 'hoisted-conversion');

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'pinlint-cache-test-'));

/** Every file below `dir` (entries and anything else). */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

async function sarif(cacheArgs: string[], cwd = FIXTURES): Promise<{ code: number; out: string }> {
  const r = await runCli(['--format', 'sarif', ...cacheArgs, '.'], cwd);
  return { code: r.code, out: r.out };
}

describe('facts cache', () => {
  it('gives the same SARIF warm as cold, and a warm run parses nothing', async () => {
    const dir = tempDir();
    const none = await sarif(['--no-cache']);
    const cold = await sarif(['--cache-dir', dir]);
    const warm = await sarif(['--cache-dir', dir]);
    expect(cold.code).toBe(1);
    expect(cold.out).toBe(none.out);
    expect(warm.out).toBe(cold.out);
    expect(filesIn(dir).length).toBeGreaterThan(0);
    const again = await analyze({ paths: ['.'], cwd: FIXTURES, rules, cacheDir: dir, toolVersion: VERSION });
    expect(again.stats.filesParsed).toBe(0);
    expect(again.stats.cacheHits).toBeGreaterThan(0);
  });

  it('recomputes truncated, garbage and tampered entries instead of trusting them', async () => {
    const dir = tempDir();
    const cold = await sarif(['--cache-dir', dir]);
    const entries = filesIn(dir);
    entries.forEach((f, i) => {
      const kind = i % 3;
      if (kind === 0) writeFileSync(f, Buffer.from('PLF1'));
      else if (kind === 1) writeFileSync(f, 'not a cache entry at all');
      else {
        // A flipped byte in the payload: the checksum no longer matches.
        const b = readFileSync(f);
        b[b.length - 1] = (b[b.length - 1] ?? 0) ^ 0xff;
        writeFileSync(f, b);
      }
    });
    const run = await analyze({ paths: ['.'], cwd: FIXTURES, rules, cacheDir: dir, toolVersion: VERSION });
    expect(run.stats.cacheHits).toBe(0);
    expect(run.stats.filesParsed).toBeGreaterThan(0);
    expect((await sarif(['--cache-dir', dir])).out).toBe(cold.out);
    // The damaged entries were replaced by good ones.
    const warm = await analyze({ paths: ['.'], cwd: FIXTURES, rules, cacheDir: dir, toolVersion: VERSION });
    expect(warm.stats.filesParsed).toBe(0);
  });

  it('rejects an entry stored under another key or for another path', () => {
    const cache = new FactsCache({ dir: tempDir(), runKey: runKeyFor({}, 'test') });
    const facts = { path: 'a.go', dir: '.', pkgName: 'a', generated: false, funcs: [], imports: [], pkgVars: [], funcBindings: [], types: [], notifications: [], suppressions: [] } as unknown as FileFacts;
    const key = cache.keyOf({ path: 'a.go', dir: '.', importPath: null, view: '', text: 'package a' });
    cache.put(key, facts);
    expect(cache.get(key, 'a.go')).toEqual(facts);
    expect(cache.get(key, 'b.go')).toBeUndefined();
    const other = cache.keyOf({ path: 'a.go', dir: '.', importPath: null, view: '{"#T":1}', text: 'package a' });
    expect(other).not.toBe(key);
    expect(cache.get(other, 'a.go')).toBeUndefined();
  });

  it('is shared safely by two runs at once', async () => {
    const dir = tempDir();
    const expected = (await sarif(['--no-cache'], join(ROOT, 'fixtures'))).out;
    const run = (): Promise<string> => new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [join(ROOT, 'bin', 'pinlint.js'), '--format', 'sarif', '--cache-dir', dir, '.'], { cwd: join(ROOT, 'fixtures'), env: { ...process.env, PINLINT_WORKERS: '2' } });
      let out = '';
      p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      p.on('error', reject);
      p.on('close', (code) => (code === 1 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a).toBe(expected);
    expect(b).toBe(expected);
    expect(filesIn(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The installed code (dist/) has its own key: ask it, in this process, what a third run parses.
    const dist = (await import(join(ROOT, 'dist', 'src', 'engine', 'analyze.js'))) as typeof import('../src/engine/analyze.js');
    const distRules = ((await import(join(ROOT, 'dist', 'rules', 'index.js'))) as typeof import('../rules/index.js')).rules;
    const warm = await dist.analyze({ paths: ['.'], cwd: join(ROOT, 'fixtures'), rules: distRules, cacheDir: dir, toolVersion: VERSION });
    expect(warm.stats.filesParsed).toBe(0);
    expect(warm.stats.cacheHits).toBeGreaterThan(100);
  }, 180_000);

  it('writes nothing with --no-cache, and uses $XDG_CACHE_HOME/pinlint by default (check and audit)', async () => {
    const home = tempDir();
    const env = { ...process.env, XDG_CACHE_HOME: home };
    await runCli(['--no-cache', '.'], FIXTURES, { env });
    await runCli(['audit', '--no-cache', '--format', 'json', '.'], FIXTURES, { env });
    expect(filesIn(home)).toEqual([]);
    await runCli(['.'], FIXTURES, { env });
    expect(filesIn(join(home, 'pinlint')).length).toBeGreaterThan(0);
    const audited = tempDir();
    await runCli(['audit', '--cache-dir', audited, '--format', 'json', '.'], FIXTURES, { env });
    expect(filesIn(audited).length).toBeGreaterThan(0);
    expect(defaultCacheDir({ HOME: '/h' })).toBe('/h/.cache/pinlint');
    expect(defaultCacheDir({ HOME: '/h', XDG_CACHE_HOME: 'relative' })).toBe('/h/.cache/pinlint');
    expect(defaultCacheDir({ HOME: '/h', XDG_CACHE_HOME: '/x' })).toBe('/x/pinlint');
  });

  it('evicts the least recently used entries beyond its bound, and temporary files left by dead runs', () => {
    const dir = tempDir();
    const cache = new FactsCache({ dir, runKey: 'k' });
    const keys = Array.from({ length: 10 }, (_x, i) => cache.keyOf({ path: `${i}.go`, dir: '.', importPath: null, view: '', text: 'x' }));
    keys.forEach((k, i) => cache.put(k, { path: `${i}.go`, dir: '.', pkgName: 'a', generated: false, funcs: [], imports: [], pkgVars: [], funcBindings: [], types: [], notifications: [], suppressions: [], pad: 'x'.repeat(1000) } as unknown as FileFacts));
    const files = filesIn(dir).sort();
    const now = Date.now();
    // Entry i was last used i minutes ago: the highest i are the oldest.
    keys.forEach((k, i) => {
      const f = files.find((x) => x.endsWith(k)) as string;
      utimesSync(f, (now - i * 60_000) / 1000, (now - i * 60_000) / 1000);
    });
    mkdirSync(join(dir, 'facts-v1', 'ab'), { recursive: true });
    // Named as put() names its temporary files: pruning deletes no other name.
    const stale = join(dir, 'facts-v1', 'ab', `${'ab'.repeat(32)}.1.2.deadbeef.tmp`);
    writeFileSync(stale, 'half');
    utimesSync(stale, (now - 7200_000) / 1000, (now - 7200_000) / 1000);
    const size = statSync(files[0] as string).size;
    const removed = pruneCache(dir, size * 5, now);
    const left = keys.filter((k) => cache.get(k, `${keys.indexOf(k)}.go`) !== undefined).map((k) => keys.indexOf(k));
    expect(left).toEqual([0, 1, 2, 3]);
    expect(existsSync(stale)).toBe(false);
    expect(removed).toBe(7);
  });
});
