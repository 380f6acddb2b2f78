// Runs extraction over many files for one analysis run. The main thread reads each file, applies
// the prefilter and asks the facts cache (engine/cache.ts); what is left to parse goes to a
// pool of worker threads (piscina), started at the first file that needs parsing once there is
// enough of it to pay for starting workers, and kept for the rest of the run: the rounds that
// load imported packages and the type stage's re-analyses use the same workers. Outcomes come
// back in the tasks' order, so the output does not depend on the number of workers.
//
// Why reading stays on the main thread: reading is the floor (the standard library's 63 MB in
// about 0.1 s), the facts a cache hit yields are needed on the main thread anyway (deserializing
// them there once is cheaper than deserializing in a worker and cloning them across), and a warm
// pre-commit run then starts no worker at all.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeText, readForExtract } from './extract.js';
import { FactsCache } from './cache.js';
/** Starting workers pays once this much text waits for parsing: two workers take about 0.25 s
 * of CPU to load the grammar and the analysis, what parsing and analyzing ~1 MB costs. */
export const WORKER_MIN_BYTES = 1024 * 1024;
const YIELD_EVERY = 50;
/** Files queued in one worker ahead of the one it is parsing, so it never waits for a message. */
const TASKS_PER_WORKER = 4;
/** The compiled worker script; absent when running from TypeScript sources (tests). */
const WORKER_SCRIPT = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
/** How many workers a run may use: PINLINT_WORKERS when set (0: the main thread only), else one
 * per core up to four; none when running from TypeScript sources. */
function workerLimit() {
    if (!existsSync(WORKER_SCRIPT))
        return { n: 0, forced: true };
    const env = process.env.PINLINT_WORKERS;
    if (env !== undefined && env !== '')
        return { n: Math.max(0, Math.floor(Number(env)) || 0), forced: true };
    return { n: Math.min(availableParallelism(), 4), forced: false };
}
/** How often the main thread, waiting for workers, says which file is oldest (ms). */
const WORKING_EVERY = 500;
/** The extraction of one run: call extract() per batch, close() at the end. */
export class Extractor {
    knowledge;
    cacheSpec;
    /** Told what extraction is on (null: nothing): when that changes, now and then while a file is
     * analyzed on this thread (its heartbeat), and every WORKING_EVERY ms while workers have files. */
    onWorking;
    pool = null;
    limit = workerLimit();
    cache;
    stats = { filesRead: 0, bytesRead: 0, filesParsed: 0, bytesParsed: 0, cacheHits: 0, workers: 0 };
    constructor(knowledge, cacheSpec) {
        this.knowledge = knowledge;
        this.cacheSpec = cacheSpec;
        this.cache = cacheSpec ? new FactsCache(cacheSpec) : null;
    }
    /** Extracts every task; the outcomes come back in the tasks' order. */
    async extract(tasks, onProgress) {
        const out = new Array(tasks.length);
        const pending = [];
        let held = [];
        let heldBytes = 0;
        let done = 0;
        const watch = new Outstanding(this.onWorking);
        const settle = (i, o) => {
            out[i] = o;
            this.count(o);
            done++;
            if (done % YIELD_EVERY === 0)
                onProgress?.(done, tasks.length);
        };
        const dispatch = (i, job) => {
            watch.add(i, job.task.path);
            pending.push(this.inWorker(job).then((o) => {
                watch.remove(i);
                settle(i, o);
            }));
        };
        for (let i = 0; i < tasks.length; i++) {
            const task = tasks[i];
            const read = readForExtract(task, this.cache);
            if (read.kind !== 'text') {
                settle(i, read);
                continue;
            }
            const hit = read.key === undefined ? undefined : this.cache?.get(read.key, task.path);
            if (hit) {
                settle(i, { kind: 'facts', facts: hit, cost: { bytes: read.text.length, parsed: 0, cached: true } });
                continue;
            }
            const job = { task, read };
            if (this.pool) {
                dispatch(i, job);
                continue;
            }
            // Held until there is enough to parse to start workers (then all go to them), or the
            // batch ends (then they are parsed here).
            held.push({ i, job });
            heldBytes += read.text.length;
            if (this.startPool(heldBytes)) {
                for (const h of held)
                    dispatch(h.i, h.job);
                held = [];
            }
        }
        for (let k = 0; k < held.length; k++) {
            const h = held[k];
            if (k > 0 && k % YIELD_EVERY === 0)
                await new Promise((r) => setImmediate(r));
            settle(h.i, analyzeText(h.job.task, h.job.read, this.knowledge, this.cache, watch.here(h.job.task.path)));
        }
        watch.idle();
        // tree-sitter's native trees are released by finalizers that run only on a turn of the event
        // loop (DESIGN.md §9); without one after the last parse, a caller that runs analyses back to
        // back on promises alone (a fuzzer, an editor integration) holds every tree it ever parsed:
        // 30,000 runs grew to 3 GB resident.
        if (held.length > 0)
            await new Promise((r) => setImmediate(r));
        try {
            await Promise.all(pending);
        }
        finally {
            watch.stop();
        }
        return out;
    }
    /** Starts the pool when `bytes` of text wait and workers are allowed; reports whether it runs. */
    startPool(bytes) {
        if (this.pool)
            return true;
        if (this.limit.n === 0 || (!this.limit.forced && bytes < WORKER_MIN_BYTES))
            return false;
        const workerData = { knowledge: this.knowledge, cache: this.cacheSpec };
        this.pool = new Piscina({
            filename: WORKER_SCRIPT,
            minThreads: this.limit.n,
            maxThreads: this.limit.n,
            concurrentTasksPerWorker: TASKS_PER_WORKER,
            // Workers take their next file from the event loop, not by blocking on Atomics.wait, so
            // native tree-sitter trees are freed between files (DESIGN.md §9).
            atomics: 'disabled',
            // The pool lives for the run (min = max threads); close() ends it.
            idleTimeout: Infinity,
            workerData,
        });
        this.stats.workers = this.limit.n;
        return true;
    }
    /** Runs one job in the pool. A worker that dies (out of memory, a crash in the native binding)
     * does not lose the run: its file is analyzed here instead. */
    async inWorker(job) {
        try {
            return (await this.pool.run(job));
        }
        catch {
            return analyzeText(job.task, job.read, this.knowledge, this.cache);
        }
    }
    count(o) {
        if (!o.cost)
            return;
        this.stats.filesRead++;
        this.stats.bytesRead += o.cost.bytes;
        if (o.cost.cached)
            this.stats.cacheHits++;
        if (o.cost.parsed > 0) {
            this.stats.filesParsed++;
            this.stats.bytesParsed += o.cost.parsed;
        }
    }
    /** Why the facts cache is not used in this run (FactsCache.refusal), or undefined. */
    cacheRefusal() {
        return this.cache?.refusal();
    }
    /** Whether this run wrote cache entries here or in its workers (then the cache is pruned). */
    get wroteCache() {
        return this.cacheSpec !== null && this.stats.filesParsed > 0;
    }
    /** Stops the workers. */
    async close() {
        const pool = this.pool;
        this.pool = null;
        if (pool)
            await pool.destroy();
    }
}
/**
 * Which file extraction has been on longest, for Extractor.onWorking. The main thread knows which
 * files it handed to workers and which came back: the oldest one out is the one to name (a
 * worker takes its files in order), timed from when it became the oldest. While it waits for
 * workers, a timer says so every WORKING_EVERY ms; a file analyzed on the main thread says so
 * from its heartbeat, since the thread then runs no timer.
 */
class Outstanding {
    tell;
    out = new Map();
    oldest = null;
    timer = null;
    constructor(tell) {
        this.tell = tell;
    }
    add(i, path) {
        if (!this.tell)
            return;
        this.out.set(i, path);
        if (!this.timer) {
            this.timer = setInterval(() => this.report(), WORKING_EVERY);
            this.timer.unref();
        }
        if (this.out.size === 1)
            this.report();
    }
    remove(i) {
        if (!this.tell || !this.out.delete(i))
            return;
        this.report();
    }
    /** The heartbeat of a file analyzed on this thread, which is the file being worked on. */
    here(path) {
        const tell = this.tell;
        if (!tell)
            return undefined;
        const file = { path, since: performance.now() };
        tell(file);
        return () => tell(file);
    }
    /** Nothing analyzed on this thread any more: back to the files out with workers. */
    idle() {
        if (this.tell)
            this.report();
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        this.tell?.(null);
    }
    report() {
        const first = this.out.values().next();
        const path = first.done ? null : first.value;
        if (path !== this.oldest?.path)
            this.oldest = path === null ? null : { path, since: performance.now() };
        this.tell?.(this.oldest);
    }
}
