// The CLI as users run it: exit codes, formats, rule listing and explanations, and bad input
// that must produce a clear message instead of a crash or lost output.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LEAK, runCli, tempTree } from './support/cli.js';

const ROOT = join(import.meta.dirname, '..');

const BAD = `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`;
const GOOD = BAD.replace('p := uintptr(unsafe.Pointer(&buf[0]))\n\t', '').replace(', p,', ', uintptr(unsafe.Pointer(&buf[0])),');

const tree = (files: Record<string, string | Buffer>): string => tempTree(files, 'pinlint-cli-');
const run = runCli;

describe('exit codes', () => {
  it('is 0 with no findings', async () => {
    const r = await run(['.'], tree({ 'a.go': GOOD }));
    expect(r.code).toBe(0);
    expect(r.out).toContain('No findings');
  });
  it('is 1 with findings, and prints path:line:col: id [name] message', async () => {
    const r = await run([], tree({ 'a.go': BAD }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^a\.go:10:49: PL001 \[hoisted-conversion\] buf is converted to uintptr before the call to syscall\.Syscall/m);
    expect(r.out).toContain('converted to uintptr here at a.go:9:7');
  });
  it('--exit-zero keeps 0 on findings', async () => {
    expect((await run(['--exit-zero'], tree({ 'a.go': BAD }))).code).toBe(0);
  });
  it('--fail-on error fails on bugs only: a rule violation alone exits 0 (issue 9)', async () => {
    const violation = BAD.replace('uintptr(len(buf)))\n}', 'uintptr(len(buf)))\n\tprintln(buf[0])\n}');
    const dir = tree({ 'a.go': violation });
    const r = await run(['--fail-on', 'error'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rule violation, not yet a bug: buf is used again at line 11');
    expect((await run([], dir)).code).toBe(1);
    expect((await run(['--fail-on', 'error'], tree({ 'a.go': BAD, 'b.go': violation.replace('func read(', 'func read2(') }))).code).toBe(1);
  });
  it('a configured level moves bugs and rule violations alike, keeping them apart', async () => {
    const violation = BAD.replace('func read(', 'func read2(').replace('uintptr(len(buf)))\n}', 'uintptr(len(buf)))\n\tprintln(buf[0])\n}');
    const levels = async (config: string | null): Promise<string[]> => {
      const files: Record<string, string> = { 'a.go': BAD, 'b.go': violation };
      if (config) files['.pinlint.json'] = config;
      const r = await run(['--format', 'json'], tree(files));
      return (JSON.parse(r.out) as { findings: Array<{ level: string; severity: string }> }).findings.map((f) => `${f.severity} ${f.level}`);
    };
    expect(await levels(null)).toEqual(['bug error', 'rule-violation warning']);
    expect(await levels('{"rules": {"hoisted-conversion": "warning"}}')).toEqual(['bug warning', 'rule-violation note']);
    expect(await levels('{"rules": {"hoisted-conversion": "note"}}')).toEqual(['bug note', 'rule-violation note']);
  });
  it('--fail-on error ignores warnings, --fail-on warning does not', async () => {
    const dir = tree({ 'a.go': LEAK });
    expect((await run(['--fail-on', 'error'], dir)).code).toBe(0);
    expect((await run(['--fail-on', 'warning'], dir)).code).toBe(1);
  });
  it('is 2 for a path that does not exist, and still prints the report', async () => {
    const r = await run(['missing-dir'], tree({ 'a.go': GOOD }));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^missing-dir: error: no such file or directory \[no-such-path\]$/m);
    expect(r.out).not.toContain('ENOENT');
  });
  it('is 2 for an error even with --exit-zero and findings', async () => {
    const dir = tree({ 'a.go': BAD });
    const r = await run(['--exit-zero', '.', 'nope.go'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('PL001');
  });
});

describe('usage errors say what and how to fix', () => {
  it('unknown format', async () => {
    const r = await run(['--format', 'xml'], tree({ 'a.go': GOOD }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown format "xml". Use one of: text, concise, json, sarif, github.');
  });
  it('unknown rule in explain', async () => {
    const r = await run(['explain', 'PL999'], tree({}));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown rule "PL999"\. Known rules: PL001 hoisted-conversion/);
  });
  it('unknown rule in --rule', async () => {
    const r = await run(['--rule', 'nope', '.'], tree({ 'a.go': GOOD }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown rule "nope"');
  });
  it('unknown option', async () => {
    const r = await run(['--frobnicate'], tree({}));
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--frobnicate'");
  });
});

describe('formats and commands', () => {
  it('json lists findings with locations', async () => {
    const r = await run(['--format', 'json'], tree({ 'a.go': BAD }));
    const j = JSON.parse(r.out) as { findings: Array<{ ruleId: string; location: { path: string; startLine: number } }> };
    expect(j.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([['PL001', 'a.go', 10]]);
  });
  it('sarif is written atomically to --output and the summary goes to stderr', async () => {
    const dir = tree({ 'a.go': BAD });
    const r = await run(['--format', 'sarif', '--output', 'out/pinlint.sarif'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('wrote out/pinlint.sarif (1 finding in 1 file; 1 file scanned, 1 parsed)');
    const sarif = JSON.parse(readFileSync(join(dir, 'out/pinlint.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]?.results.map((x) => x.ruleId)).toEqual(['PL001']);
  });
  it('--rule runs only the named rules', async () => {
    const r = await run(['--rule', 'pinner-misuse', '--format', 'json'], tree({ 'a.go': BAD, 'b.go': LEAK.replace('func leak', 'func leak2') }));
    const j = JSON.parse(r.out) as { findings: Array<{ ruleId: string }> };
    expect(j.findings.map((f) => f.ruleId)).toEqual(['PL003']);
  });
  it('--rule and --disable take one value each, so the paths after them stay paths (pre-commit args)', async () => {
    const dir = tree({ 'a.go': BAD, 'b.go': LEAK.replace('func leak', 'func leak2') });
    // The pre-commit doc's form: `args: [--disable, pinner-misuse]`, then the staged files.
    const disabled = await run(['--disable', 'pinner-misuse', '--format', 'json', 'a.go', 'b.go'], dir);
    expect(disabled.err).toBe('');
    expect((JSON.parse(disabled.out) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual(['PL001']);
    const only = await run(['--rule', 'PL003', 'a.go', 'b.go', '--format', 'json'], dir);
    expect((JSON.parse(only.out) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual(['PL003']);
    // Repeated, and comma lists.
    const none = await run(['--disable', 'PL001', '--disable', 'pinner-misuse', 'a.go', 'b.go'], dir);
    expect(none.code).toBe(0);
    const commas = await run(['--disable', 'PL001,PL003', '.'], dir);
    expect(commas.code).toBe(0);
  });
  it('a missing path outside the tree keeps the SARIF valid for upload and its message plain; a missing baseline says how to make one', async () => {
    const dir = tree({ 'a.go': BAD });
    const r = await run(['--format', 'sarif', 'a.go', '/nonexistent-pinlint/x.go'], dir);
    expect(r.code).toBe(2);
    const sarif = JSON.parse(r.out) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string }; locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }> };
    const notes = sarif.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => n.message.text)).toContain('/nonexistent-pinlint/x.go: no such file or directory');
    expect(r.out).not.toContain('ENOENT');
    for (const n of notes) for (const l of n.locations ?? []) expect(l.physicalLocation.artifactLocation.uri).not.toMatch(/^(\/|\.\.(\/|$))/);
    const b = await run(['a.go', '--baseline', 'missing.json'], dir);
    expect(b.code).toBe(2);
    expect(b.err).toBe('pinlint: the baseline missing.json does not exist; create it with --write-baseline missing.json\n');
  });
  it('walks directories as the go tool does: .x.go and _x.go are ignored unless named', async () => {
    const dir = tree({ 'p/.hidden.go': BAD, 'p/_draft.go': BAD });
    const walked = await run(['--format', 'json', '.'], dir);
    const j = JSON.parse(walked.out) as { findings: unknown[]; notifications: Array<{ id: string; level: string; message: string }> };
    expect(j.findings).toEqual([]);
    expect(j.notifications).toEqual([{ level: 'warning', id: 'no-go-files', message: 'no Go files to analyze in .' }]);
    expect(walked.code).toBe(0);
    const named = await run(['p/_draft.go'], dir);
    expect(named.code).toBe(1);
    expect(named.out).toContain('PL001');
  });
  it('rules lists every rule', async () => {
    const r = await run(['rules'], tree({}));
    expect(r.out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['PL001', 'PL002', 'PL003', 'PL004', 'PL005', 'PL006', 'PL007']);
  });
  it('explain prints the rule doc by id or name', async () => {
    const a = await run(['explain', 'PL002'], tree({}));
    const b = await run(['explain', 'hidden-pointer'], tree({}));
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('How to fix');
  });
});

describe('bad input never crashes', () => {
  it('a syntax error is a warning; the rest of the file is still analyzed', async () => {
    const broken = BAD + '\nfunc oops( {\n';
    const r = await run(['--format', 'json'], tree({ 'a.go': broken }));
    const j = JSON.parse(r.out) as { findings: Array<{ ruleId: string }>; notifications: Array<{ id: string; level: string }> };
    expect(j.findings.map((f) => f.ruleId)).toEqual(['PL001']);
    expect(j.notifications.some((n) => n.id === 'parse-error' && n.level === 'warning')).toBe(true);
    expect(r.code).toBe(1);
  });
  it('a binary .go file is skipped with a warning', async () => {
    const r = await run(['--format', 'json'], tree({ 'bin.go': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), 'a.go': GOOD }));
    const j = JSON.parse(r.out) as { notifications: Array<{ id: string; path: string }> };
    expect(j.notifications).toEqual([expect.objectContaining({ id: 'binary-file', path: 'bin.go' })]);
    expect(r.code).toBe(0);
  });
  it('a Latin-1 file is read with replacement characters and a note', async () => {
    const latin1 = Buffer.concat([Buffer.from('package p\n// caf'), Buffer.from([0xe9]), Buffer.from('\n' + BAD.slice('package p\n'.length))]);
    const r = await run(['--format', 'json'], tree({ 'a.go': latin1 }));
    const j = JSON.parse(r.out) as { findings: Array<{ location: { startLine: number } }>; notifications: Array<{ id: string }> };
    expect(j.notifications.map((n) => n.id)).toEqual(['invalid-utf8']);
    expect(j.findings.map((f) => f.location.startLine)).toEqual([11]);
  });
  it('a symlink loop terminates and the file is reported once', async () => {
    const dir = tree({ 'sub/a.go': BAD });
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const r = await run(['--format', 'json'], dir);
    const j = JSON.parse(r.out) as { findings: unknown[] };
    expect(j.findings).toHaveLength(1);
  });
  it('a file over the size limit is skipped with a warning', async () => {
    const huge = 'package p\n' + '// filler\n'.repeat(900_000);
    const r = await run(['--format', 'json'], tree({ 'huge.go': huge }));
    const j = JSON.parse(r.out) as { notifications: Array<{ id: string }> };
    // The only file skipped: the scan analyzed nothing, which is an error (issue 12).
    expect(j.notifications.map((n) => n.id)).toEqual(['nothing-analyzed', 'file-too-large']);
    expect(r.code).toBe(2);
  });
  it('a declaration nesting expressions too deeply is left out with a warning, not an error', async () => {
    const terms = Array.from({ length: 20000 }, (_, i) => `uintptr(${i})`).join(' + ');
    const deep = `package p\n\nimport "unsafe"\n\nvar _ = unsafe.Pointer(nil)\n\nfunc f() uintptr {\n\treturn ${terms}\n}\n`;
    const r = await run(['--format', 'json'], tree({ 'deep.go': deep, 'a.go': BAD }));
    const j = JSON.parse(r.out) as { findings: unknown[]; notifications: Array<{ id: string; level: string }> };
    expect(j.notifications).toEqual([expect.objectContaining({ id: 'nesting-limit', level: 'warning', path: 'deep.go' })]);
    expect(j.findings).toHaveLength(1);
    expect(r.code).toBe(1);
  });
  it('a non-.go file named on the command line is skipped with a warning', async () => {
    const r = await run(['README'], tree({ README: 'hello' }));
    expect(r.out).toContain('not a .go file');
    expect(r.code).toBe(0);
  });
});

describe('context for single files (pre-commit passes only staged files)', () => {
  const WRAPPER = `package sys

import "syscall"

func Ioctl(fd int, req uint, arg uintptr) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), arg)
	if e != 0 {
		return e
	}
	return nil
}
`;
  const CALLER = `package main

import (
	"unsafe"

	"example.com/m/internal/sys"
)

func main() {
	var x [4]uint16
	_ = sys.Ioctl(0, 1, uintptr(unsafe.Pointer(&x)))
}
`;
  it('loads the packages of the module that a named file imports, and reports only the named file', async () => {
    const dir = tree({ 'go.mod': 'module example.com/m\n\ngo 1.21\n', 'internal/sys/sys_unix.go': WRAPPER, 'cmd/main_unix.go': CALLER });
    mkdirSync(join(dir, '.git'));
    const r = await run(['--format', 'json', 'cmd/main_unix.go'], dir);
    const j = JSON.parse(r.out) as { findings: Array<{ ruleId: string; location: { path: string; startLine: number } }> };
    expect(j.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([['PL004', 'cmd/main_unix.go', 11]]);
  });
  it('reads config-excluded files as context', async () => {
    const dir = tree({
      '.pinlint.json': JSON.stringify({ exclude: ['internal/**'] }),
      'go.mod': 'module example.com/m\n\ngo 1.21\n',
      'internal/sys/sys_unix.go': WRAPPER,
      'cmd/main_unix.go': CALLER,
    });
    mkdirSync(join(dir, '.git'));
    const r = await run(['--format', 'json', '.'], dir);
    const j = JSON.parse(r.out) as { findings: Array<{ location: { path: string } }> };
    expect(j.findings.map((f) => f.location.path)).toEqual(['cmd/main_unix.go']);
  });
  it('outside a repository, paths are relative to the directory holding every target', async () => {
    const dir = tree({ 'a/x.go': BAD, 'b/y.go': BAD });
    const r = await run(['--format', 'json', 'a/x.go', 'b/y.go'], dir);
    const j = JSON.parse(r.out) as { findings: Array<{ location: { path: string } }> };
    expect(j.findings.map((f) => f.location.path)).toEqual(['a/x.go', 'b/y.go']);
  });
});

describe('configuration and baselines from the command line', () => {
  it('a config file turns a rule off and changes a level; --print-config shows it', async () => {
    const dir = tree({ 'a.go': BAD, 'b.go': LEAK.replace('func leak', 'func leak2'), '.pinlint.yaml': 'rules:\n  hoisted-conversion: off\n  pinner-misuse: error\n' });
    const r = await run(['--format', 'json'], dir);
    const j = JSON.parse(r.out) as { findings: Array<{ ruleId: string; level: string }> };
    expect(j.findings.map((f) => [f.ruleId, f.level])).toEqual([['PL003', 'error']]);
    const p = await run(['--print-config'], dir);
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/^\/\/ from .*\.pinlint\.yaml/);
    expect(p.out).toContain('"hoisted-conversion": "off"');
  });
  it('an invalid config is exit 2 with the file, the key and what was expected', async () => {
    const dir = tree({ 'a.go': GOOD, '.pinlint.yaml': 'rules:\n  hoisted-conversion: warn\n' });
    const r = await run([], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.pinlint\.yaml: \/rules\/hoisted-conversion: expected "off", "note", "warning", "error" or \{level, enabled\}, got "warn"/);
  });
  it('--config names a file; a sink added there is honoured', async () => {
    const inHouse = `package p

import (
	"unsafe"

	"example.com/winapi"
)

func get(b []byte) {
	p := uintptr(unsafe.Pointer(&b[0]))
	winapi.CallProc(1, p)
}
`;
    const dir = tree({ 'a.go': inHouse, 'cfg.json': JSON.stringify({ sinks: { funcs: { 'example.com/winapi': ['CallProc'] } } }) });
    // Without it, example.com/winapi is a package pinlint cannot see: a warning that names it.
    const unseen = await run(['--format', 'json', '.'], dir, { env: { HOME: dir } });
    expect(unseen.code).toBe(1);
    expect((JSON.parse(unseen.out) as { findings: Array<{ ruleId: string; level: string; message: string }> }).findings.map((f) => `${f.ruleId} ${f.level} ${/cannot see example\.com\/winapi/.test(f.message)}`)).toEqual(['PL004 warning true']);
    const r = await run(['--config', 'cfg.json', '--format', 'json', '.'], dir);
    const j = JSON.parse(r.out) as { findings: Array<{ ruleId: string; message: string }> };
    expect(j.findings.map((f) => f.ruleId)).toEqual(['PL001']);
    expect(j.findings[0]?.message).toContain('before the call to winapi.CallProc');
  });
  it('--write-baseline records findings; --baseline hides them, survives a line shift, shows new ones', async () => {
    const dir = tree({ 'a.go': BAD });
    const w = await run(['--write-baseline', 'pinlint-baseline.json'], dir);
    expect(w.code).toBe(0);
    expect(w.err).toContain('wrote pinlint-baseline.json with 1 finding');
    const b = await run(['--baseline', 'pinlint-baseline.json'], dir);
    expect(b.code).toBe(0);
    expect(b.out).toContain('1 finding matched the baseline pinlint-baseline.json and is not shown');
    // Unrelated lines above move the finding down; it is still the baselined one.
    writeFileSync(join(dir, 'a.go'), BAD.replace('package p\n', 'package p\n\n// A comment.\n// Another.\n'));
    expect((await run(['--baseline', 'pinlint-baseline.json'], dir)).code).toBe(0);
    // A new finding is reported.
    writeFileSync(join(dir, 'b.go'), BAD.replace('func read', 'func read2'));
    const n = await run(['--baseline', 'pinlint-baseline.json', '--format', 'json'], dir);
    expect(n.code).toBe(1);
    expect((JSON.parse(n.out) as { findings: Array<{ location: { path: string } }> }).findings.map((f) => f.location.path)).toEqual(['b.go']);
  });
  it('a malformed baseline is exit 2 with a reason', async () => {
    const dir = tree({ 'a.go': BAD, 'bl.json': '{"version": 7}' });
    const r = await run(['--baseline', 'bl.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bl\.json/);
  });
});

describe('the installed command', () => {
  it('bin/pinlint.js runs the built CLI', () => {
    const dir = tree({ 'a.go': BAD });
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pinlint.js'), '--format', 'json', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    expect(execFileSync(process.execPath, [join(ROOT, 'bin', 'pinlint.js'), '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('bin/ on PATH gives a `pinlint` command, with `version` and `help` as subcommands', () => {
    const env = { ...process.env, PATH: `${join(ROOT, 'bin')}:${process.env.PATH ?? ''}` };
    const version = execFileSync('pinlint', ['version'], { encoding: 'utf8', env });
    expect(version).toBe(`${execFileSync('pinlint', ['--version'], { encoding: 'utf8', env }).trim()}\n`);
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = execFileSync('pinlint', ['help'], { encoding: 'utf8', env });
    expect(help).toMatch(/^Usage: pinlint /);
    expect(help).toMatch(/\n {2}version +print the version\n/);
    // A directory named like the command is still a path when written as one.
    const dir = tree({ 'version/a.go': BAD });
    expect(spawnSync('pinlint', ['--format', 'json', './version'], { cwd: dir, encoding: 'utf8', env }).status).toBe(1);
  });
});
