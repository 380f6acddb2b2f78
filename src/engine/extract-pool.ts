// Runs extraction over many files: in worker threads when there are enough files to pay for
// starting them (DESIGN.md §9: the binding works in workers, two workers scale about 1.9×),
// otherwise on the main thread, yielding every few files so native trees can be freed.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractOne, type ExtractOutcome, type ExtractTask } from './extract.js';
import type { Knowledge } from '../flow/extract.js';

/** Below this many files, starting workers costs more than it saves. */
export const WORKER_MIN_FILES = 300;
const YIELD_EVERY = 50;
/** Files handed to one worker before it answers: enough to keep it busy, few enough to balance. */
const IN_FLIGHT = 4;

/** The compiled worker script; absent when running from TypeScript sources (tests). */
const WORKER_SCRIPT = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

function workerCount(files: number): number {
  if (process.env.PINLINT_WORKERS !== undefined) return Math.max(0, Number(process.env.PINLINT_WORKERS) || 0);
  if (files < WORKER_MIN_FILES || !existsSync(WORKER_SCRIPT)) return 0;
  return Math.min(availableParallelism(), 4);
}

/** Extracts every task; the outcomes come back in the tasks' order. */
export async function extractAll(tasks: ExtractTask[], knowledge: Knowledge, onProgress?: (done: number, total: number) => void): Promise<ExtractOutcome[]> {
  const n = workerCount(tasks.length);
  if (n === 0 || !existsSync(WORKER_SCRIPT)) return extractInline(tasks, knowledge, onProgress);
  return extractInWorkers(tasks, knowledge, n, onProgress);
}

async function extractInline(tasks: ExtractTask[], knowledge: Knowledge, onProgress?: (done: number, total: number) => void): Promise<ExtractOutcome[]> {
  const out: ExtractOutcome[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) {
      await new Promise((r) => setImmediate(r));
      onProgress?.(i, tasks.length);
    }
    out.push(extractOne(tasks[i] as ExtractTask, knowledge));
  }
  return out;
}

function extractInWorkers(tasks: ExtractTask[], knowledge: Knowledge, n: number, onProgress?: (done: number, total: number) => void): Promise<ExtractOutcome[]> {
  return new Promise((resolveAll, rejectAll) => {
    const out = new Array<ExtractOutcome | undefined>(tasks.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const workers: Worker[] = [];
    const finish = (err?: unknown): void => {
      for (const w of workers) void w.terminate();
      if (!err) {
        resolveAll(out as ExtractOutcome[]);
        return;
      }
      // A worker that dies (out of memory, a crash in the native binding) does not lose the run:
      // what it had not answered is extracted here.
      const missing = tasks.map((_task, i) => (out[i] === undefined ? i : -1)).filter((i) => i >= 0);
      extractInline(missing.map((i) => tasks[i] as ExtractTask), knowledge)
        .then((rest) => {
          missing.forEach((i, k) => { out[i] = rest[k]; });
          resolveAll(out as ExtractOutcome[]);
        })
        .catch(rejectAll);
    };
    const feed = (w: Worker): void => {
      if (next < tasks.length) {
        const id = next++;
        w.postMessage({ id, task: tasks[id] });
      }
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(WORKER_SCRIPT, { workerData: { knowledge } });
      workers.push(w);
      w.on('message', (msg: { id: number; outcome: ExtractOutcome }) => {
        out[msg.id] = msg.outcome;
        done++;
        if (done % YIELD_EVERY === 0) onProgress?.(done, tasks.length);
        if (done === tasks.length) finish();
        else feed(w);
      });
      w.on('error', (err) => {
        if (!failed) {
          failed = true;
          finish(err);
        }
      });
      for (let j = 0; j < IN_FLIGHT; j++) feed(w);
    }
    if (tasks.length === 0) finish();
  });
}
