// A worker thread of the extraction pool (extract-pool.ts, run by piscina): each job is one file
// the main thread read, parsed and analyzed here; the facts go to the cache from here and back
// to the main thread as a structured clone. Piscina hands the next job from the event loop
// (atomics disabled), so the native tree-sitter trees of one file are freed before the next.
import { workerData } from 'piscina';
import { analyzeText } from './extract.js';
import { FactsCache } from './cache.js';
const init = workerData;
const cache = init.cache ? new FactsCache(init.cache) : null;
export default function extract(job) {
    return analyzeText(job.task, job.read, init.knowledge, cache);
}
