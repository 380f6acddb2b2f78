import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLI keeps a facts cache in $XDG_CACHE_HOME/pinlint by default: tests (and the processes
    // they start, which inherit the environment) use a temporary one, never the user's.
    env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'pinlint-test-cache-')) },
  },
});
