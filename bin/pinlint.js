#!/usr/bin/env node
// Entry point: runs the compiled CLI. dist/ is committed (test/dist.test.ts keeps it equal to a
// fresh `npm run build`), so an install from a tarball or a git checkout needs no TypeScript.
import { runProcess } from '../dist/src/cli/process.js';

await runProcess(process.argv.slice(2));
