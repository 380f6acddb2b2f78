// The facts cache: one file's FileFacts on disk, keyed by everything they are a function of (the
// file's text, its path, its package's import path, the type view it was analyzed with, the
// knowledge tables and configuration in force, and pinlint's own version and code), so a run over
// unchanged files parses nothing (issue 10). It is shared by concurrent runs and by the worker
// threads of one run, and it is only ever an optimization: an entry that cannot be read, is
// truncated, was written by another version or fails its checksum is a miss and is recomputed; an
// entry that cannot be written is simply not written. Nothing here throws.
//
// Layout: <dir>/facts-v1/<2 hex>/<64 hex>. An entry is MAGIC, the SHA-256 of the payload, then the
// payload: v8.serialize({ key, facts }), the same structured clone that carries facts out of a
// worker, so a warm run hands the index exactly what a cold one would.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, futimesSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { FileFacts } from '../model/facts.js';

/** The cache's own folder name under $XDG_CACHE_HOME (or ~/.cache). */
export const CACHE_NAME = 'pinlint';
/** Bumped when the entry format changes; old entries are then never read (and pruned by age). */
const LAYOUT = 'facts-v1';
const MAGIC = Buffer.from('PLF1');
const HEADER = MAGIC.length + 32;
/** Default bound on the cache's size: the standard library's facts take about 60 MB, so this
 * holds a handful of large trees. Beyond it the least recently used entries go. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** After pruning, the cache is brought down to this share of the bound, so a run that writes a
 * few entries does not prune again at once. */
const PRUNE_TO = 0.8;
/** A hit refreshes an entry's modification time (its age for eviction) at most this often. */
const TOUCH_AFTER_MS = 24 * 3600 * 1000;
/** Temporary files older than this were left by a run that died mid-write. */
const STALE_TEMP_MS = 3600 * 1000;

/** The default cache directory: $XDG_CACHE_HOME/pinlint, else ~/.cache/pinlint (the XDG base
 * directory specification's default). */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_CACHE_HOME;
  // The specification says a relative value is invalid and must be ignored.
  if (xdg && xdg.startsWith('/')) return join(xdg, CACHE_NAME);
  return join(env.HOME || homedir(), '.cache', CACHE_NAME);
}

/** What the cache needs to know in a worker: plain data, sent once as workerData. */
export interface CacheSpec {
  dir: string;
  /** The hash of everything a run shares: version, code, knowledge and configuration. */
  runKey: string;
}

/** Identifies one analysis of one file. */
export interface EntryId {
  path: string;
  dir: string;
  importPath: string | null;
  /** The type view's signature (JSON), '' for a first analysis. */
  view: string;
  text: string;
}

/** The run-wide part of every key: pinlint's version, a hash of the code that computes facts
 * (so a rebuilt checkout with the same version number never reads facts of older code), and the
 * knowledge tables with the configuration's additions. */
export function runKeyFor(knowledge: unknown, version: string): string {
  const h = createHash('sha256');
  h.update(`${LAYOUT}\0${version}\0${codeHash()}\0`);
  h.update(serialize(knowledge));
  return h.digest('hex');
}

let code: string | undefined;
/** A hash of the modules whose behaviour facts depend on (model, knowledge, go, flow, and this
 * folder's extraction), read once per process from wherever this module runs (dist/ or src/). */
function codeHash(): string {
  if (code !== undefined) return code;
  const h = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const src = dirname(here);
  for (const folder of ['model', 'knowledge', 'go', 'flow', 'engine']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(src, folder)).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort();
    } catch {
      // A layout without the folder hashes what there is.
    }
    for (const n of names) {
      try {
        h.update(`${folder}/${n}\0`).update(readFileSync(join(src, folder, n)));
      } catch {
        h.update(`${folder}/${n}\0?`);
      }
    }
  }
  code = h.digest('hex');
  return code;
}

/** One cache directory, opened in each thread that uses it. */
export class FactsCache {
  private readonly root: string;
  /** Entries this thread wrote, so the run knows whether to prune. */
  written = 0;
  hits = 0;
  misses = 0;

  constructor(readonly spec: CacheSpec) {
    this.root = join(spec.dir, LAYOUT);
  }

  keyOf(id: EntryId): string {
    const h = createHash('sha256');
    h.update(this.spec.runKey);
    // Lengths first, so no two different tuples hash the same string.
    for (const part of [id.path, id.dir, id.importPath ?? '\0none', id.view]) h.update(`${part.length}:${part}\0`);
    h.update(id.text);
    return h.digest('hex');
  }

  private fileOf(key: string): string {
    return join(this.root, key.slice(0, 2), key);
  }

  /** The facts stored under `key`, or undefined: missing, unreadable, truncated, of another
   * format or failing the checksum (then the entry is removed, to be written anew). */
  get(key: string, path: string): FileFacts | undefined {
    const file = this.fileOf(key);
    let bytes: Buffer;
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const st = fstatSync(fd);
      bytes = Buffer.allocUnsafe(st.size);
      let at = 0;
      while (at < st.size) {
        const n = readSync(fd, bytes, at, st.size - at, at);
        if (n === 0) break;
        at += n;
      }
      bytes = bytes.subarray(0, at);
      if (Date.now() - st.mtimeMs > TOUCH_AFTER_MS) {
        const now = new Date();
        try { futimesSync(fd, now, now); } catch { /* a read-only cache still serves hits */ }
      }
    } catch {
      this.misses++;
      return undefined;
    } finally {
      if (fd !== undefined) try { closeSync(fd); } catch { /* nothing to do */ }
    }
    const facts = decode(bytes, key, path);
    if (!facts) {
      this.misses++;
      try { unlinkSync(file); } catch { /* another run may have replaced it already */ }
      return undefined;
    }
    this.hits++;
    return facts;
  }

  /** Stores facts under `key`: written to a temporary file created exclusively (O_EXCL, so two
   * writers never share one), then renamed over the entry, so a reader sees a whole entry or
   * none. Concurrent runs writing the same key write the same bytes. */
  put(key: string, facts: FileFacts): void {
    const file = this.fileOf(key);
    const payload = serialize({ key, facts });
    const sum = createHash('sha256').update(payload).digest();
    const temp = `${file}.${process.pid}.${threadId}.${randomBytes(4).toString('hex')}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(temp, 'wx', 0o644);
      for (const part of [MAGIC, sum, payload]) {
        let at = 0;
        while (at < part.length) at += writeSync(fd, part, at, part.length - at);
      }
      closeSync(fd);
      fd = undefined;
      renameSync(temp, file);
      this.written++;
    } catch {
      if (fd !== undefined) try { closeSync(fd); } catch { /* nothing to do */ }
      try { unlinkSync(temp); } catch { /* never created */ }
    }
  }
}

/** The facts an entry holds, when it is whole, of this format and for this key and path. */
function decode(bytes: Buffer, key: string, path: string): FileFacts | undefined {
  if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(HEADER);
  const sum = createHash('sha256').update(payload).digest();
  if (!sum.equals(bytes.subarray(MAGIC.length, HEADER))) return undefined;
  let value: unknown;
  try {
    value = deserialize(payload);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const entry = value as { key?: unknown; facts?: Partial<FileFacts> };
  const f = entry.facts;
  if (entry.key !== key || !f || typeof f !== 'object' || f.path !== path) return undefined;
  if (!Array.isArray(f.funcs) || !Array.isArray(f.imports) || !Array.isArray(f.notifications)) return undefined;
  return f as FileFacts;
}

/**
 * Keeps the cache within `maxBytes`: removes temporary files left by runs that died, then, when
 * the entries add up to more, the least recently used (oldest modification time; a hit refreshes
 * it) until they take PRUNE_TO of the bound. Returns the entries removed. Runs after a run that
 * wrote entries; a concurrent run may remove an entry another is about to read, which is then a
 * miss, never a wrong answer.
 */
export function pruneCache(dir: string, maxBytes = DEFAULT_MAX_BYTES, now = Date.now()): number {
  const root = join(dir, LAYOUT);
  const entries: Array<{ file: string; size: number; mtime: number }> = [];
  let total = 0;
  let removed = 0;
  let subdirs: string[];
  try {
    subdirs = readdirSync(root);
  } catch {
    return 0;
  }
  for (const sub of subdirs) {
    let names: string[];
    try {
      names = readdirSync(join(root, sub));
    } catch {
      continue;
    }
    for (const n of names) {
      const file = join(root, sub, n);
      try {
        const st = statSync(file);
        if (n.endsWith('.tmp')) {
          if (now - st.mtimeMs > STALE_TEMP_MS) { rmSync(file, { force: true }); removed++; }
          continue;
        }
        entries.push({ file, size: st.size, mtime: st.mtimeMs });
        total += st.size;
      } catch {
        // removed by a concurrent run meanwhile
      }
    }
  }
  if (total <= maxBytes) return removed;
  // Oldest first; the name breaks ties so the order is the same on every run.
  entries.sort((a, b) => a.mtime - b.mtime || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const e of entries) {
    if (total <= maxBytes * PRUNE_TO) break;
    rmSync(e.file, { force: true });
    total -= e.size;
    removed++;
  }
  return removed;
}
