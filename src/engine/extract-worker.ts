// A worker thread that extracts facts for the main thread (see extract-pool.ts). Each message is
// one file; handling each in its own event-loop turn lets the native tree-sitter trees be freed.
import { parentPort, workerData } from 'node:worker_threads';
import { extractOne, type ExtractTask } from './extract.js';
import type { Knowledge } from '../flow/extract.js';

const knowledge = (workerData as { knowledge: Knowledge }).knowledge;

parentPort?.on('message', (msg: { id: number; task: ExtractTask }) => {
  parentPort?.postMessage({ id: msg.id, outcome: extractOne(msg.task, knowledge) });
});
