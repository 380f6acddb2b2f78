#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm's `prepare` builds dist/ on install).
import { main } from '../dist/src/cli.js';

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: !!process.stdout.isTTY,
});
// Let pending writes to a pipe drain before exiting.
process.exitCode = code;
