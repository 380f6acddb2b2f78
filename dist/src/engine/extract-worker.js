// A worker thread that extracts facts for the main thread (see extract-pool.ts). Each message is
// one file; handling each in its own event-loop turn lets the native tree-sitter trees be freed.
import { parentPort, workerData } from 'node:worker_threads';
import { extractOne } from './extract.js';
const knowledge = workerData.knowledge;
parentPort?.on('message', (msg) => {
    parentPort?.postMessage({ id: msg.id, outcome: extractOne(msg.task, knowledge) });
});
