// What users of go vet, ruff and staticcheck expect of a command line (issue 11): a mistyped
// command gets a suggestion, every usage error reads alike, colors follow --color and NO_COLOR,
// format names in any case, a concise format, statistics, the fixable count, paths relative to
// the working directory, progress only on a terminal outside CI, syntax errors visible in every
// format (and failing the run with --strict), and the same counts in every format.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOISTED_BUG, runCli, tempTree } from './support/cli.js';

const tree = (files: Record<string, string>): string => tempTree(files, 'pinlint-conv-');
// The prefilter parses only files that can matter (engine/extract.ts): this one mentions unsafe.
const BROKEN = 'package p\n\nimport "unsafe"\n\nvar _ = unsafe.Sizeof(0)\n\nfunc f() {\n\tx := \n}\n';
const ESC = '\u001b[';

describe('usage errors', () => {
  it('a mistyped command gets "did you mean", and a directory of that name is still a path', async () => {
    const dir = tree({ 'a.go': HOISTED_BUG });
    const r = await runCli(['chek', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('pinlint: unknown command "chek"; did you mean `check`? Run `pinlint --help` for the commands.\n');
    expect((await runCli(['audt'], dir)).err).toContain('did you mean `audit`?');
    mkdirSync(join(dir, 'chek'));
    writeFileSync(join(dir, 'chek', 'b.go'), HOISTED_BUG);
    const path = await runCli(['chek'], dir);
    expect(path.code).toBe(1);
    expect(path.out).toContain('chek/b.go:10:');
  });
  it('every usage error is one line: pinlint: what, and how to go on', async () => {
    const dir = tree({ 'a.go': HOISTED_BUG });
    for (const args of [['--frobnicate'], ['--format', 'xml'], ['--fail-on', 'never'], ['--color', 'sometimes', '.'], ['--rule', 'nope'], ['explain']]) {
      const r = await runCli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/^pinlint: [^\n]+\n$/);
      expect(r.out).toBe('');
    }
  });
});

describe('colors and formats', () => {
  it('--color always|never|auto, --no-color, NO_COLOR; a path after bare --color stays a path', async () => {
    const dir = tree({ 'a.go': HOISTED_BUG });
    const tty = { isTTY: true, env: {} };
    expect((await runCli([], dir, tty)).out).toContain(ESC);
    expect((await runCli(['--color', 'auto'], dir, tty)).out).toContain(ESC);
    expect((await runCli([], dir, { isTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain(ESC);
    expect((await runCli(['--no-color'], dir, tty)).out).not.toContain(ESC);
    expect((await runCli(['--color', 'never'], dir, tty)).out).not.toContain(ESC);
    expect((await runCli(['--color', 'ALWAYS'], dir, { isTTY: false, env: { NO_COLOR: '1' } })).out).toContain(ESC);
    expect((await runCli([], dir)).out).not.toContain(ESC);
    const bare = await runCli(['--color', 'a.go'], dir);
    expect(bare.code).toBe(1);
    expect(bare.out).toContain(`${ESC}1ma.go:10:`);
  });
  it('format names in any letter case', async () => {
    const dir = tree({ 'a.go': HOISTED_BUG });
    const r = await runCli(['--format', 'JSON'], dir);
    expect((JSON.parse(r.out) as { findings: unknown[] }).findings).toHaveLength(1);
    expect((await runCli(['-f', 'Sarif'], dir)).out).toContain('"version": "2.1.0"');
  });
  it('--format concise prints one line per finding, then the summary and the fixable count', async () => {
    const dir = tree({ 'a.go': HOISTED_BUG, 'b.go': HOISTED_BUG.replace('func f', 'func g') });
    const r = await runCli(['--format', 'concise'], dir);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^a\.go:10:21: PL001 b is converted to uintptr before the call to syscall\.Syscall/);
    expect(lines[1]).toMatch(/^b\.go:10:21: PL001 /);
    expect(lines.slice(2)).toEqual(['', '2 findings (2 errors) in 2 files; 2 files scanned, 2 parsed.', '2 fixable with `pinlint --fix` (`--fix --dry-run` shows the changes).', '']);
  });
  it('--statistics counts per rule after the findings, or on stderr for machine formats', async () => {
    const dir = tree({ 'a.go': HOISTED_BUG, 'b.go': HOISTED_BUG.replace('func f', 'func g') });
    const text = await runCli(['--statistics'], dir);
    expect(text.out).toContain('\n2  PL001  hoisted-conversion  (2 fixable)\n\n2 findings (2 errors) in 2 files;');
    const sarif = await runCli(['--statistics', '--format', 'sarif'], dir);
    expect(sarif.err).toBe('pinlint: 2  PL001  hoisted-conversion  (2 fixable)\n');
    expect((await runCli([], dir)).out).not.toContain('PL001  hoisted-conversion');
  });
});

describe('paths and counts', () => {
  it('text paths are relative to the working directory; SARIF and JSON stay repository-relative', async () => {
    const dir = tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'sub/a.go': HOISTED_BUG });
    const cwd = join(dir, 'sub');
    const text = await runCli(['.'], cwd);
    expect(text.out).toMatch(/^a\.go:10:21: PL001/);
    expect(text.out).toContain('converted to uintptr here at a.go:9:');
    expect((await runCli(['--format', 'concise', '.'], cwd)).out).toMatch(/^a\.go:10:21: /);
    const sarif = JSON.parse((await runCli(['--format', 'sarif', '.'], cwd)).out) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('sub/a.go');
    const fromRoot = await runCli(['sub'], dir);
    expect(fromRoot.out).toMatch(/^sub\/a\.go:10:21: /);
  });
  it('files scanned, parsed and with findings agree in text, JSON, SARIF and the --output line', async () => {
    // b.go cannot matter (no uintptr, unsafe, procedure or pin), so it is scanned but not parsed.
    const dir = tree({ 'a.go': HOISTED_BUG, 'b.go': 'package p\n\nfunc g() {}\n', 'c.go': BROKEN.replace('func f', 'func h') });
    const text = await runCli([], dir);
    expect(text.out).toContain('1 finding (1 error) in 1 file; 1 notification; 3 files scanned, 2 parsed.');
    const json = JSON.parse((await runCli(['--format', 'json'], dir)).out) as { summary: Record<string, number> };
    expect(json.summary).toMatchObject({ findings: 1, filesWithFindings: 1, filesScanned: 3, filesParsed: 2 });
    const out = await runCli(['--format', 'sarif', '-o', 'r.sarif'], dir);
    expect(out.err).toContain('pinlint: wrote r.sarif (1 finding in 1 file; 3 files scanned, 2 parsed)\n');
    const sarif = JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')) as { runs: Array<{ properties: Record<string, number> }> };
    expect(sarif.runs[0]?.properties).toEqual({ filesScanned: 3, filesParsed: 2, filesWithFindings: 1, findings: 1, suppressed: 0 });
  });
});

describe('syntax errors', () => {
  it('are visible in every format, do not fail the run, and fail it with --strict (exit 2)', async () => {
    const dir = tree({ 'c.go': BROKEN });
    const text = await runCli([], dir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^c\.go:\d+:\d+: warning: syntax error/m);
    expect((await runCli(['--format', 'concise'], dir)).out).toMatch(/^c\.go:\d+:\d+: warning: syntax error/m);
    const json = await runCli(['--format', 'json'], dir);
    expect((JSON.parse(json.out) as { notifications: Array<{ id: string }> }).notifications.map((n) => n.id)).toContain('parse-error');
    expect(json.err).toMatch(/^pinlint: c\.go:\d+:\d+: warning: syntax error/);
    const sarif = await runCli(['--format', 'sarif'], dir);
    expect(sarif.out).toContain('"id": "parse-error"');
    expect(sarif.err).toMatch(/warning: syntax error/);
    const github = await runCli(['--format', 'github'], dir);
    expect(github.out).toMatch(/^::warning file=c\.go,.*::syntax error/m);
    const strict = await runCli(['--strict'], dir);
    expect(strict.code).toBe(2);
    expect(strict.out).toMatch(/c\.go:\d+:\d+: error: syntax error.*--strict/);
    const strictJson = await runCli(['--strict', '--format', 'json'], dir);
    expect(strictJson.code).toBe(2);
  });
});

describe('progress', () => {
  const dir = tree({});
  for (let i = 0; i < 210; i++) {
    const p = join(dir, `p${i % 7}`, `f${i}.go`);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, `package p${i % 7}\n\nconst C${i} = ${i}\n`);
  }
  it('is drawn on a terminal stderr and erased, never on stdout, in pipes or in CI', async () => {
    const tty = await runCli([], dir, { stderrIsTTY: true, env: {} });
    expect(tty.err).toContain('\rpinlint: scanning 210/210 files (100%)');
    expect(tty.err.endsWith('\r')).toBe(true);
    expect(tty.err).not.toContain('\n');
    expect(tty.out).not.toContain('scanning');
    expect((await runCli([], dir, { stderrIsTTY: false, env: {} })).err).toBe('');
    expect((await runCli([], dir, { stderrIsTTY: true, env: { CI: 'true' } })).err).toBe('');
    expect((await runCli(['--no-progress'], dir, { stderrIsTTY: true, env: {} })).err).toBe('');
    const audit = await runCli(['audit', dir], dir, { stderrIsTTY: true, env: { CI: '1' } });
    expect(audit.err).not.toContain('scanning');
  });
});
