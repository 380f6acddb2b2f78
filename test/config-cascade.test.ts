// The configuration nearest to each file governs it (issue 11), as in ruff and ESLint: a
// pre-commit run with files from two directories gets the same answer whatever their order;
// `extends` builds on another file, `overrides` sets rules per path, `exclude` is per file.
import { describe, expect, it } from 'vitest';
import { HOISTED_BUG, LEAK, runCli, tempTree } from './support/cli.js';


interface Json { findings: Array<{ ruleId: string; level: string; location: { path: string } }>; notifications: unknown[] }
const found = (out: string): string[] => (JSON.parse(out) as Json).findings.map((f) => `${f.location.path} ${f.ruleId} ${f.level}`).sort();

function repo(files: Record<string, string>): string {
  return tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, 'pinlint-cascade-');
}

describe('the nearest configuration governs each file', () => {
  const dir = repo({
    '.pinlint.yaml': 'rules:\n  hoisted-conversion: note\n',
    'a.go': HOISTED_BUG,
    'lib/.pinlint.yaml': 'rules:\n  hoisted-conversion: off\n',
    'lib/b.go': HOISTED_BUG,
    'lib/l.go': LEAK,
  });
  it('in a pre-commit-like run of files from two directories, in both orders', async () => {
    const want = ['a.go PL001 note', 'lib/l.go PL003 warning'];
    const one = await runCli(['--format', 'json', 'a.go', 'lib/b.go', 'lib/l.go'], dir);
    const two = await runCli(['--format', 'json', 'lib/l.go', 'lib/b.go', 'a.go'], dir);
    expect(found(one.out)).toEqual(want);
    expect(found(two.out)).toEqual(want);
    expect(one.code).toBe(1);
    // A directory run agrees.
    expect(found((await runCli(['--format', 'json', '.'], dir)).out)).toEqual(want);
  });
  it('--config names one file for every path', async () => {
    const r = await runCli(['--format', 'json', '--config', '.pinlint.yaml', 'lib/b.go', 'a.go', 'lib/l.go'], dir);
    expect(found(r.out)).toEqual(['a.go PL001 note', 'lib/b.go PL001 note', 'lib/l.go PL003 warning']);
  });
});

describe('extends, overrides and per-directory excludes', () => {
  it('a file extending its parent keeps the parent settings it does not change', async () => {
    const dir = repo({
      '.pinlint.yaml': 'rules:\n  hoisted-conversion: note\n  pinner-misuse: error\n',
      'lib/.pinlint.yaml': 'extends: ../.pinlint.yaml\nrules:\n  pinner-misuse: off\n',
      'lib/a.go': HOISTED_BUG,
      'lib/l.go': LEAK,
      'l.go': LEAK,
    });
    expect(found((await runCli(['--format', 'json', '.'], dir)).out)).toEqual(['l.go PL003 error', 'lib/a.go PL001 note']);
    const printed = await runCli(['--print-config', 'lib'], dir);
    const heads = printed.out.split('\n').filter((l) => l.startsWith('//'));
    expect(heads).toHaveLength(2);
    // The parent's file first (a temporary directory's random name may end in any letter).
    expect(heads[0]).toMatch(/^\/\/ from .*\/\.pinlint\.yaml$/);
    expect(heads[0]).not.toMatch(/\/lib\/\.pinlint\.yaml$/);
    expect(heads[1]).toMatch(/^\/\/ from .*\/lib\/\.pinlint\.yaml$/);
  });
  it('overrides set rules for the files matching their globs, later entries winning', async () => {
    const dir = repo({
      '.pinlint.json': JSON.stringify({ overrides: [{ files: ['gen/**'], rules: { PL001: 'off' } }, { files: ['**/keep_*.go'], rules: { PL001: 'warning' } }] }),
      'a.go': HOISTED_BUG,
      'gen/b.go': HOISTED_BUG,
      'gen/keep_c.go': HOISTED_BUG,
    });
    expect(found((await runCli(['--format', 'json'], dir)).out)).toEqual(['a.go PL001 error', 'gen/keep_c.go PL001 warning']);
  });
  it('a subdirectory configuration excludes paths below it, whatever the order of the paths', async () => {
    const dir = repo({ 'a.go': HOISTED_BUG, 'lib/.pinlint.yaml': 'exclude:\n  - skip.go\n', 'lib/skip.go': HOISTED_BUG, 'lib/c.go': HOISTED_BUG });
    for (const args of [['a.go', 'lib/skip.go', 'lib/c.go'], ['lib/c.go', 'lib/skip.go', 'a.go']]) {
      expect(found((await runCli(['--format', 'json', ...args], dir)).out)).toEqual(['a.go PL001 error', 'lib/c.go PL001 error']);
    }
  });
  it('a cycle of extends, a missing target and an unknown rule in overrides are usage errors', async () => {
    const cycle = repo({ '.pinlint.yaml': 'extends: lib/.pinlint.yaml\n', 'lib/.pinlint.yaml': 'extends: ../.pinlint.yaml\n', 'lib/a.go': HOISTED_BUG });
    const c = await runCli(['lib/a.go'], cycle);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/^pinlint: .*\/extends: the files extend each other in a cycle: /);
    const missing = repo({ '.pinlint.yaml': 'extends: conf/nowhere.yaml\n', 'a.go': HOISTED_BUG });
    expect((await runCli([], missing)).err).toMatch(/\/extends: "conf\/nowhere\.yaml" does not exist/);
    const unknown = repo({ '.pinlint.yaml': 'overrides:\n  - files: [gen]\n    rules: {PL099: off}\n', 'a.go': HOISTED_BUG });
    expect((await runCli([], unknown)).err).toContain('/overrides/0/rules/PL099: unknown rule "PL099"');
  });
});
