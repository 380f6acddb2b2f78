// The compiled JavaScript is committed (dist/) so that installing pinlint from git needs no
// TypeScript: pre-commit >= 4.6.1 runs `npm install -g git+file://…`, which does not install
// devDependencies for a `prepare` build (npm/cli#8440). This test fails when dist/ is stale:
// run `npm run build` and commit the result.
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function jsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).map((f) => f.split('\\').join('/')).sort();
}

describe('committed build', () => {
  it('dist/ equals a fresh build of the sources (run `npm run build` when this fails)', () => {
    const out = mkdtempSync(join(tmpdir(), 'pinlint-dist-'));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT, stdio: 'pipe' });
    const fresh = jsFiles(out);
    expect(jsFiles(join(ROOT, 'dist'))).toEqual(fresh);
    for (const f of fresh) {
      expect(readFileSync(join(ROOT, 'dist', f), 'utf8'), `dist/${f} is stale`).toBe(readFileSync(join(out, f), 'utf8'));
    }
    expect(relative(ROOT, out)).not.toBe('dist');
  }, 120_000);
});
