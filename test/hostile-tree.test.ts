// Issue 19: the scanned tree is untrusted input (docs/security.md). Each test lays out a hostile
// tree in a temporary directory next to an "outside" directory standing for the rest of the
// machine (a secret, a victim file), runs pinlint on the tree, and checks the safe outcome: nothing
// outside is read into the run, echoed, written, touched or deleted, and a user's edit is never
// lost. Output escaping, per-file bounds and the cache have their own files
// (hostile-output, hostile-limits, hostile-cache).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';
import { Confinement } from '../src/model/confine.js';
import { ChangedFileError, OutputError, writeFixedFile, writeOutput } from '../src/cli/output.js';
import { HOISTED_BUG, runCli, tempTree, type CliRun } from './support/cli.js';

const SECRET = 'ghp_S3CR3TT0K3N';
/** A secret shaped like a configuration (`key: value` lines), as /etc/shadow or a token file is. */
const SECRET_FILE = `${SECRET}: 1\nroot: $6$salt$hash:19000:0:99999:7:::\n`;

/** A repository (`repo/`, with .git) and an outside directory holding a secret and a Go file with
 * a bug, in one temporary directory. */
function layout(repo: Record<string, string>, outside: Record<string, string> = {}): { base: string; repo: string; outside: string } {
  const files: Record<string, string> = { 'outside/secret.yaml': SECRET_FILE, 'outside/o.go': HOISTED_BUG, ...prefixed('outside', outside), ...prefixed('repo', repo) };
  const base = tempTree(files, 'pinlint-hostile-');
  mkdirSync(join(base, 'repo', '.git'), { recursive: true });
  return { base, repo: join(base, 'repo'), outside: join(base, 'outside') };
}

function prefixed(dir: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));
}

/** Every entry below `dir` with its size, mode and modification time: equal snapshots mean
 * nothing was written, touched, created or deleted there. */
function snapshot(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((n) => {
    const st = statSync(join(dir, n));
    return `${n} ${st.size} ${st.mode} ${st.mtimeMs}`;
  });
}

/** One line of stderr, no stack trace, nothing of the secret anywhere. */
function expectOneCleanError(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.out + run.err).not.toContain(SECRET);
  expect(run.out + run.err).not.toContain('$6$');
  expect(run.err).not.toMatch(/\n\s+at /);
  expect(run.err).toMatch(pattern);
}

describe('the tree cannot make pinlint read a file outside it', () => {
  it('refuses `extends` that leaves the root, relative or absolute, before reading the target', async () => {
    for (const target of ['../outside/secret.yaml', 'ABS']) {
      const t = layout({ 'a.go': HOISTED_BUG });
      const path = target === 'ABS' ? join(t.outside, 'secret.yaml') : target;
      writeFileSync(join(t.repo, '.pinlint.yaml'), `extends: ${path}\n`);
      const run = await runCli(['.'], t.repo);
      expectOneCleanError(run, /\/extends: the file to extend is outside the repository root/);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses `extends` through a link inside the root that leads out of it', async () => {
    const t = layout({ 'a.go': HOISTED_BUG, '.pinlint.yaml': 'extends: base.yaml\n' });
    symlinkSync('../outside/secret.yaml', join(t.repo, 'base.yaml'));
    expectOneCleanError(await runCli(['.'], t.repo), /outside the repository root/);
  });

  it('still extends a file inside the root, also through a link that stays inside', async () => {
    const t = layout({ 'a.go': HOISTED_BUG, 'conf/base.yaml': 'rules:\n  PL001: off\n', '.pinlint.yaml': 'extends: linked.yaml\n' });
    symlinkSync('conf/base.yaml', join(t.repo, 'linked.yaml'));
    const run = await runCli(['--format', 'json', '.'], t.repo);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('does not read a configuration file that is a link to a file outside the root', async () => {
    for (const name of ['.pinlint.yml', '.pinlint.json']) {
      const t = layout({ 'a.go': HOISTED_BUG });
      symlinkSync('../outside/secret.yaml', join(t.repo, name));
      const run = await runCli(['.'], t.repo);
      expectOneCleanError(run, /configuration file is outside the repository root .*pinlint does not read it/);
      // Also when it is named on the command line: the name is the tree's.
      const named = await runCli(['--config', name, '.'], t.repo);
      expectOneCleanError(named, /pinlint does not read it/);
    }
  });

  it('a configuration file outside the root, named by the user, may extend anything', async () => {
    const t = layout({ 'a.go': HOISTED_BUG }, { 'user.yaml': 'extends: base.yaml\n', 'base.yaml': 'rules:\n  PL001: off\n' });
    const run = await runCli(['--config', join(t.outside, 'user.yaml'), '.'], t.repo);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('refuses `context` directories outside the root from the tree, without saying what is there', async () => {
    const t = layout({ 'a.go': HOISTED_BUG, '.pinlint.yaml': 'context:\n  - ../outside\n' });
    expectOneCleanError(await runCli(['.'], t.repo), /\/context\/0: the context directory is outside the repository root/);
  });

  it('never quotes the text of a configuration file that does not parse', async () => {
    const cases: Record<string, string> = {
      '.pinlint.yaml': `rules: {}\n- ${SECRET}\nb: "${SECRET}"\n`,
      '.pinlint.yml': `a: *${SECRET}\n`,
      '.pinlint.json': `{"rules": ${SECRET}}`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const t = layout({ 'a.go': HOISTED_BUG, [name]: text });
      expectOneCleanError(await runCli(['.'], t.repo), /invalid (YAML|JSON)/);
    }
  });

  it('refuses a configuration file too large to be one, before parsing it', async () => {
    const t = layout({ 'a.go': HOISTED_BUG, '.pinlint.yaml': `# ${SECRET}\n${'['.repeat(1024 * 1024 + 1)}\n` });
    expectOneCleanError(await runCli(['.'], t.repo), /more than the 1048576 a configuration file may have/);
  });

  it('does not follow a directory link out of the tree, so no file or configuration there counts', async () => {
    // The outside directory has a bug and a configuration that would fail the run if it were read.
    const t = layout({ 'a.go': 'package p\n' }, { 'sub/.pinlint.yaml': 'rules: [broken\n', 'sub/b.go': HOISTED_BUG });
    symlinkSync('../outside', join(t.repo, 'linkdir'));
    symlinkSync('/', join(t.repo, 'root'));
    const before = snapshot(t.outside);
    const run = await runCli(['--format', 'json', '.'], t.repo);
    const report = JSON.parse(run.out) as { findings: unknown[]; notifications: Array<{ id: string; path?: string; level: string }> };
    expect(report.findings).toEqual([]);
    expect(report.notifications.map((n) => `${n.level}:${n.id}:${n.path}`)).toEqual(['note:symlink-not-followed:linkdir', 'note:symlink-not-followed:root']);
    expect(run.code).toBe(0);
    expect(snapshot(t.outside)).toEqual(before);
  });

  it('skips a Go file linked from outside the root with a warning, and reads one linked inside it', async () => {
    const t = layout({ 'in/real.go': HOISTED_BUG });
    symlinkSync('../outside/o.go', join(t.repo, 'out.go'));
    symlinkSync('in/real.go', join(t.repo, 'alias.go'));
    const run = await runCli(['--format', 'json', '.'], t.repo);
    const report = JSON.parse(run.out) as { findings: Array<{ location: { path: string } }>; notifications: Array<{ id: string; path?: string }> };
    // The link inside the root and its target are one file, reported once.
    expect(report.findings).toHaveLength(1);
    expect(report.notifications.map((n) => `${n.id}:${n.path}`)).toEqual(['symlink-outside-root:out.go']);
    expect(run.out).not.toContain(t.outside);
  });

  it('reads no package outside the root that go.mod, an import or vendor/ points to', async () => {
    const wrapper = 'package w\n\nimport "syscall"\n\nfunc Call(p uintptr) { syscall.Syscall(1, p, 0, 0) }\n';
    const caller = 'package p\n\nimport (\n\t"unsafe"\n\n\t"example.com/w"\n\trel "../../outside/w"\n)\n\nfunc f(b []byte) {\n\tw.Call(uintptr(unsafe.Pointer(&b[0])))\n\trel.Call(uintptr(unsafe.Pointer(&b[0])))\n}\n';
    const t = layout({ 'go.mod': 'module example.com/p\n\ngo 1.21\n\nrequire example.com/w v1.0.0\n\nreplace example.com/w => ../outside/w\n', 'p/p.go': caller }, { 'w/go.mod': 'module example.com/w\n', 'w/w.go': wrapper });
    const result = await analyze({ paths: ['.'], cwd: t.repo, rules, env: {} });
    expect(result.files.map((f) => f.path).filter((p) => p.includes('outside') || p.startsWith('..'))).toEqual([]);
    // The same package inside the tree (vendored) is read, so the wrapper call is found.
    const inside = layout({ 'go.mod': 'module example.com/p\n\ngo 1.21\n\nrequire example.com/w v1.0.0\n\nreplace example.com/w => ./w\n', 'p/p.go': caller.replace('\trel "../../outside/w"\n', '').replace(/\trel\.Call.*\n/, ''), 'w/go.mod': 'module example.com/w\n', 'w/w.go': wrapper });
    const ok = await analyze({ paths: ['.'], cwd: inside.repo, rules, env: {} });
    expect(ok.files.map((f) => f.path)).toContain('w/w.go');
    expect(ok.findings.length).toBeGreaterThan(0);
  });
});

describe('other names of the tree that lead out of it', () => {
  it('does not read a committed baseline that is a link leading out of the root', async () => {
    const t = layout({ 'a.go': HOISTED_BUG });
    symlinkSync('../outside/secret.yaml', join(t.repo, 'baseline.json'));
    expectOneCleanError(await runCli(['--baseline', 'baseline.json', '.'], t.repo), /cannot read the baseline baseline\.json: it is a symbolic link that leads outside the analyzed tree/);
  });

  it('does not read a go.mod that is a link leading out of the root', async () => {
    // Read, the outside go.mod would make example.com/w/inner the tree's own inner/ package, a
    // wrapper; not read, the import is one found nowhere. Inside the root the same go.mod is read.
    const wrapper = 'package inner\n\nimport "syscall"\n\nfunc Call(p uintptr) { syscall.Syscall(1, p, 0, 0) }\n';
    const caller = 'package p\n\nimport (\n\t"unsafe"\n\n\t"example.com/w/inner"\n)\n\nfunc f(b []byte) {\n\tinner.Call(uintptr(unsafe.Pointer(&b[0])))\n}\n';
    const messages = async (repo: string): Promise<string[]> => (await analyze({ paths: ['.'], cwd: repo, rules, env: {} })).findings.map((f) => f.message);
    const linked = layout({ 'p/p.go': caller, 'inner/inner.go': wrapper }, { 'go.mod': 'module example.com/w\n' });
    symlinkSync('../outside/go.mod', join(linked.repo, 'go.mod'));
    expect((await messages(linked.repo)).join('\n')).not.toMatch(/forwards it to syscall\.Syscall/);
    const inside = layout({ 'p/p.go': caller, 'inner/inner.go': wrapper, 'conf/go.mod': 'module example.com/w\n' });
    symlinkSync('conf/go.mod', join(inside.repo, 'go.mod'));
    expect((await messages(inside.repo)).join('\n')).toMatch(/forwards it to syscall\.Syscall/);
  });

  it('the audit uses neither a vendor/ nor a modules.txt that leads out of the root', async () => {
    const mods = `# example.com/${SECRET} v1.0.0\n## explicit\nexample.com/${SECRET}\n`;
    for (const link of ['vendor', 'vendor/modules.txt']) {
      const t = layout({ 'go.mod': 'module example.com/app\n\ngo 1.21\n', 'main.go': 'package main\n\nfunc main() {}\n', ...(link === 'vendor' ? {} : { 'vendor/example.com/x/x.go': 'package x\n' }) }, { 'vendor/modules.txt': mods, [`vendor/example.com/${SECRET}/s.go`]: HOISTED_BUG });
      symlinkSync(link === 'vendor' ? '../outside/vendor' : '../../outside/vendor/modules.txt', join(t.repo, link));
      const run = await runCli(['audit', '--format', 'json', '--exit-zero', '.'], t.repo);
      expect(run.out + run.err).not.toContain(SECRET);
      expect(run.err).not.toMatch(/\n\s+at /);
    }
  });

  it('a configuration error names a hostile directory escaped, and --print-config prints values escaped', async () => {
    const hostile = 'x\n::error title=pwn::owned\u001b[31m';
    const t = layout({ [`${hostile}/a.go`]: HOISTED_BUG, [`${hostile}/.pinlint.yaml`]: 'rules: [\n' });
    const run = await runCli(['.'], t.repo);
    expect(run.code).toBe(2);
    for (const line of run.err.split('\n')) expect(line).not.toMatch(/^\s*::|\u001b/);
    const ok = layout({ [`${hostile}/a.go`]: HOISTED_BUG, [`${hostile}/.pinlint.yaml`]: 'exclude: ["##[error]x\\u2028::warning::y"]\n' });
    const printed = await runCli(['--print-config', hostile], ok.repo);
    expect(printed.code).toBe(0);
    for (const line of printed.out.split('\n')) expect(line).not.toMatch(/^\s*::|\u001b|##\[|\u2028/);
    expect(printed.out).toContain('#\\u0023[error]x\\u2028::warning::y');
  });
});

describe('the tree cannot make pinlint write outside it', () => {
  it('refuses -o and --write-baseline through a directory link in the tree', async () => {
    for (const flag of ['-o', '--write-baseline']) {
      const t = layout({ 'a.go': HOISTED_BUG });
      symlinkSync('../outside', join(t.repo, 'results'));
      const before = snapshot(t.outside);
      const run = await runCli([flag, 'results/x.json', '.'], t.repo);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/results is a symbolic link inside the analyzed tree/);
      expect(snapshot(t.outside)).toEqual(before);
    }
  });

  it('writes the report where the user said when the link is outside the tree (the machine\'s own)', async () => {
    const t = layout({ 'a.go': HOISTED_BUG });
    symlinkSync(t.outside, join(t.base, 'out-link'));
    const run = await runCli(['-o', join(t.base, 'out-link', 'r.json'), '--format', 'json', '.'], t.repo);
    expect(run.code).toBe(1);
    expect(existsSync(join(t.outside, 'r.json'))).toBe(true);
  });

  it('never writes a fix into a file whose real path is outside the root', () => {
    const t = layout({ 'a.go': HOISTED_BUG });
    symlinkSync('../outside/o.go', join(t.repo, 'o.go'));
    const before = snapshot(t.outside);
    expect(() => writeFixedFile(join(t.repo, 'o.go'), HOISTED_BUG, 'package p\n', new Confinement(t.repo))).toThrow(/outside the analyzed tree/);
    expect(snapshot(t.outside)).toEqual(before);
  });

  it('--fix leaves files outside the tree alone, also when a link in the tree names one', async () => {
    const t = layout({ 'a.go': HOISTED_BUG });
    symlinkSync('../outside/o.go', join(t.repo, 'o.go'));
    const before = snapshot(t.outside);
    const run = await runCli(['--fix', '.'], t.repo);
    expect(run.err).toMatch(/applied 1 fix to 1 file/);
    expect(readFileSync(join(t.repo, 'a.go'), 'utf8')).not.toBe(HOISTED_BUG);
    expect(snapshot(t.outside)).toEqual(before);
  });
});

describe('an edit made while pinlint runs is never lost', () => {
  it('skips a fixed file that changed after it was read, keeps the edit, and fails the run', () => {
    const dir = tempTree({ 'a.go': HOISTED_BUG });
    const edited = HOISTED_BUG.replace('func f', 'func edited');
    writeFileSync(join(dir, 'a.go'), edited);
    expect(() => writeFixedFile(join(dir, 'a.go'), HOISTED_BUG, 'package p\n', new Confinement(dir))).toThrow(ChangedFileError);
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(edited);
    expect(readdirSync(dir)).toEqual(['a.go']);
  });

  it('a baseline edited during the run is not overwritten by --write-baseline (exit 2)', async () => {
    // 200 files make the progress line run; its first frame is the moment the "editor" saves.
    const files: Record<string, string> = { 'base.json': '{"version": 1, "findings": []}\n' };
    for (let i = 0; i < 200; i++) files[`f${i}.go`] = i === 0 ? HOISTED_BUG : `package p\n\nvar v${i} uintptr\n`;
    const dir = tempTree(files);
    const mine = '{"version": 1, "findings": [], "note": "my edit"}\n';
    let saved = false;
    let err = '';
    const run = await runCli(['--write-baseline', 'base.json', '.'], dir, {
      stderrIsTTY: true,
      env: { ...process.env, CI: '' },
      stderr: (s: string) => {
        err += s;
        if (!saved) writeFileSync(join(dir, 'base.json'), mine);
        saved = true;
      },
    });
    expect(saved).toBe(true);
    expect(run.code).toBe(2);
    expect(err).toMatch(/skipped the baseline .*base\.json: it changed after pinlint read it/);
    expect(readFileSync(join(dir, 'base.json'), 'utf8')).toBe(mine);
  });

  it('writeOutput with an expected text refuses a file that appeared meanwhile', () => {
    const dir = tempTree({});
    writeFileSync(join(dir, 'b.json'), 'theirs');
    expect(() => writeOutput(join(dir, 'b.json'), 'ours', 'baseline', { expected: null })).toThrow(OutputError);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('theirs');
  });
});

describe('pinlint executes nothing', () => {
  it('no module of the analyzer imports a way to run a program (docs/security.md)', () => {
    const root = join(import.meta.dirname, '..');
    const modules = ['src', 'rules'].flatMap((d) => (readdirSync(join(root, d), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(d, f)));
    expect(modules.length).toBeGreaterThan(50);
    const spawning = modules.filter((f) => /from ['"](node:)?child_process['"]|require\(['"](node:)?child_process|process\.binding|\bdlopen\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(spawning).toEqual([]);
  });
});
