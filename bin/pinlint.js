#!/usr/bin/env node
// Entry point: runs the compiled CLI. dist/ is committed (test/dist.test.ts keeps it equal to a
// fresh `npm run build`), so an install from a tarball or a git checkout needs no TypeScript.
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: !!process.stdout.isTTY,
});
// Let pending writes to a pipe drain before exiting.
process.exitCode = code;
