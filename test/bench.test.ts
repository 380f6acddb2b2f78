// The benchmark's quick mode runs every measurement once on a tiny corpus: this checks that the
// script runs and prints its tables with every column (no timing is asserted).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

describe('npm run bench --quick', () => {
  it('prints the corpus table and the scaling table for a tiny corpus', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'bench.js'), '--quick', join(ROOT, 'fixtures', '_example')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^machine: .*\d+ cores, Node v\d+/);
    const header = lines.find((l) => l.startsWith('| corpus | files |')) ?? '';
    const columns = header.split('|').map((c) => c.trim()).filter(Boolean);
    expect(columns).toEqual(['corpus', 'files', 'MB', 'MB parsed', 'wall s (no cache)', 'MB/s', 'CPU s', 'peak RSS MB', 'read floor s (CPU)', 'naive parse s (CPU, 1 thread)', 'cold cache s (CPU)', 'warm cache s (CPU)', 'go vet s', 'findings']);
    const row = lines.find((l) => l.startsWith('| _example |')) ?? '';
    const cells = row.split('|').map((c) => c.trim()).filter(Boolean);
    expect(cells).toHaveLength(columns.length);
    // Files found, and the warm run answered from the cache.
    expect(Number(cells[1])).toBeGreaterThan(0);
    expect(cells[11]).toMatch(/^\d+\.\d\d \(\d+\.\d\d; [1-9]\d* hits\)$/);
    const scale = lines.filter((l) => l.startsWith('| _example |'))[1] ?? '';
    expect(scale.split('|').map((c) => c.trim()).filter(Boolean)).toHaveLength(7);
  }, 240_000);
});
