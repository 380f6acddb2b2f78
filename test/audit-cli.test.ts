// `pinlint audit` as a user runs it: exit codes, output shapes for each format, --output, bad
// input, and progress on stderr only when stderr is a terminal.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './support/cli.js';
import type { AuditIO } from '../src/cli/audit.js';
import { writeSyntheticTree } from './audit/synthetic.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tree(omit: string[] = []): string {
  const d = writeSyntheticTree(omit);
  dirs.push(d);
  return d;
}

const run = (args: string[], cwd: string, extra: Partial<AuditIO> = {}): Promise<CliRun> => runCli(args, cwd, { stderrIsTTY: false, ...extra });

describe('pinlint audit --format json', async () => {
  const dir = tree();
  const { code, out, err } = await run(['audit', dir, '--format', 'json'], tmpdir());
  const json = JSON.parse(out) as Record<string, unknown> & { modules: Array<Record<string, unknown>>; totals: Record<string, unknown> };

  it('exits 1 for the error-level finding and writes only JSON to stdout', () => {
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('has a fixed top-level shape', () => {
    expect(Object.keys(json)).toEqual(['tool', 'tree', 'modulesTxt', 'versionsKnown', 'includeGenerated', 'rules', 'totals', 'modules', 'notifications']);
    expect(json.includeGenerated).toBe(true);
    expect(json.tool).toMatchObject({ name: 'pinlint' });
    expect(json.tree).toBe('vendor');
    expect(json.modulesTxt).toBe('vendor/modules.txt');
    expect(json.versionsKnown).toBe(true);
    expect(json.notifications).toEqual([]);
    expect(json.totals).toMatchObject({
      modules: 4, files: 16, sinkCalls: 7, inlineProtected: 3, findings: 1, findingsByLevel: { error: 1, warning: 0, note: 0 },
      generatedFindings: 0, suppressed: 1, wrappers: 2, exportedWrappers: 1, pointerWrappers: 0, sinks: 2,
    });
    // The same file counts as the text summary and `pinlint check` (issue 11): every file found is
    // scanned, the ones that can matter are parsed.
    expect(json.totals.filesScanned).toBe(json.totals.files);
    expect(json.totals.filesParsed).toBeGreaterThan(0);
    expect(json.totals.filesParsed as number).toBeLessThan(json.totals.filesScanned as number);
  });

  it('lists modules in path order with their numbers, declarations and findings', () => {
    expect(json.modules.map((m) => m.path)).toEqual(['example.com/clean', 'example.com/local', 'example.com/shim', 'github.com/stray/pkg']);
    const shim = json.modules[2] as Record<string, unknown> & { findingList: Array<Record<string, unknown>>; wrappers: Array<Record<string, unknown>>; findingsByRule: Record<string, number> };
    expect(Object.keys(shim)).toEqual(['path', 'version', 'replacement', 'listed', 'files', 'sinkCalls', 'inlineProtected', 'findings', 'findingsByRule', 'findingsByLevel', 'generatedFindings', 'wrappers', 'sinks', 'findingList']);
    expect(shim).toMatchObject({ version: 'v1.2.3', replacement: null, listed: true, files: 2, sinkCalls: 5, inlineProtected: 3, findings: 1 });
    expect(shim.findingsByRule.PL001).toBe(1);
    expect(shim.wrappers.map((w) => [w.name, w.exported, w.pointerCalls])).toEqual([['Ioctl', true, []], ['ioctlRaw', false, []]]);
    expect(shim.findingList).toHaveLength(1);
    expect(shim.findingList[0]).toMatchObject({ ruleId: 'PL001', ruleName: 'hoisted-conversion', level: 'error', location: { path: 'vendor/example.com/shim/ioctl/ioctl_linux.go', startLine: 41 } });
    expect(json.modules[0]).toMatchObject({ version: 'v0.1.0', replacement: { path: 'example.com/fork/clean', version: 'v0.1.1' } });
    expect(json.modules[3]).toMatchObject({ version: null, listed: false });
  });

  it('is deterministic and independent of the working directory (no absolute paths)', async () => {
    const again = await run(['audit', '.', '--format', 'json'], dir);
    expect(again.out).toBe(out);
    expect(out).not.toContain(dir);
  });
});

describe('pinlint audit exit codes and formats', () => {
  it('--exit-zero exits 0 with findings; --fail-on error still fails on an error-level finding', async () => {
    const dir = tree();
    expect((await run(['audit', dir, '--exit-zero'], dir)).code).toBe(0);
    expect((await run(['audit', dir, '--fail-on', 'error'], dir)).code).toBe(1);
  });

  it('exits 0 on a tree without findings', async () => {
    const dir = tree(['vendor/example.com/shim/ioctl/ioctl_linux.go']);
    const { code, out } = await run(['audit', dir], dir);
    expect(code).toBe(0);
    expect(out).toContain('No findings; 1 suppressed; 15 files scanned, 3 parsed.');
  });

  it('prints a text table by default, from the current directory by default, ranked by risk', async () => {
    const dir = tree();
    const { code, out } = await run(['audit'], dir);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toBe('pinlint audit of vendor (modules and versions from vendor/modules.txt)');
    expect(lines[2]).toMatch(/^Module\s+Version\s+Findings\s+PL001\s+.*PL007\s+Generated\s+Wrappers\s+Ptr-fed\s+Exported\s+Sinks\s+Files\s+Sink calls\s+Inline$/);
    // The module with the finding first; the rest by path.
    expect(lines[4]).toMatch(/^example\.com\/shim\s+v1\.2\.3\s+1\s+1\s+(0\s+){6}0\s+2\s+0\s+1\s+2\s+2\s+5\s+3$/);
    expect(lines[5]).toMatch(/^example\.com\/clean\s/);
    expect(out).toMatch(/^github\.com\/stray\/pkg\s+\?\s+0\s.*\s1\s+1\s+0$/m);
    expect(out).toMatch(/^Total \(4 modules\)\s+1\s+1\s.*\s16\s+7\s+3$/m);
    expect(out).toContain('example.com/shim/ioctl.Ioctl(arg) at vendor/example.com/shim/ioctl/ioctl_linux.go:15:6');
    expect(out).toMatch(/1 finding \(1 error\) in 1 file; 1 suppressed; 16 files scanned, \d+ parsed\./);
  });

  it('says when versions are unknown', async () => {
    const dir = tree(['vendor/modules.txt']);
    const { out } = await run(['audit', dir], dir);
    expect(out.split('\n')[0]).toBe('pinlint audit of vendor (no modules.txt in vendor: modules guessed from import paths, versions unknown)');
  });

  it('writes Markdown for a PR comment to --output: table, then <details> per module', async () => {
    const dir = tree();
    const { code, out, err } = await run(['audit', dir, '--format', 'markdown', '--output', 'report/audit.md'], dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('pinlint: wrote report/audit.md (4 modules, 1 finding, 16 files)\n');
    const md = readFileSync(join(dir, 'report/audit.md'), 'utf8');
    expect(md).toMatch(/^\| Module \| Version \| Findings \| PL001 \|/m);
    // Module paths and versions come from the tree: code spans, where Markdown reads nothing.
    expect(md).toContain('| `example.com/shim` | `v1.2.3` | 1 | 1 | 0 |');
    expect(md).toContain('| `example.com/clean` | `v0.1.0 => example.com/fork/clean v0.1.1` | 0 |');
    expect(md.indexOf('`example.com/shim`')).toBeLessThan(md.indexOf('`example.com/clean`'));
    expect(md).toContain('<details>\n<summary><code>example.com/shim</code> <code>v1.2.3</code>: 1 finding, 1 exported wrapper</summary>');
    // The finding as `pinlint check` prints it, with its excerpt, inside a text fence.
    expect(md).toContain('```text\nvendor/example.com/shim/ioctl/ioctl_linux.go:41:64: PL001 [hoisted-conversion]');
    expect(md).toContain('41 |     n, _, errno := syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))');
    expect(md).toContain('- `example.com/shim/ioctl.Ioctl` forwards `arg` (`vendor/example.com/shim/ioctl/ioctl_linux.go:15`)');
    expect(md.match(/<details>/g)).toHaveLength(1);
    expect(md.match(/<\/details>/g)).toHaveLength(1);
  });

  it('counts and shows findings in generated files by default; --exclude-generated leaves them to a note', async () => {
    const dir = tree();
    const gen = join(dir, 'vendor', 'example.com', 'shim', 'raw', 'zsyscall.go');
    writeFileSync(gen, `// Code generated by mksyscall; DO NOT EDIT.

package raw

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`);
    const all = JSON.parse((await run(['audit', dir, '--format', 'json'], dir)).out);
    expect(all.totals.findings).toBe(2);
    expect(all.totals.generatedFindings).toBe(1);
    expect(all.includeGenerated).toBe(true);
    // The old flag still works (it is the default now).
    expect(JSON.parse((await run(['audit', dir, '--format', 'json', '--include-generated'], dir)).out).totals.findings).toBe(2);
    const text = (await run(['audit', dir], dir)).out;
    expect(text).toMatch(/^example\.com\/shim\s+v1\.2\.3\s+2\s+2\s+(0\s+){6}1\s/m);
    expect(text).toContain('Generated: of the findings, those in generated files, which an audit counts');
    const skipped = JSON.parse((await run(['audit', dir, '--format', 'json', '--exclude-generated'], dir)).out);
    expect(skipped.totals.findings).toBe(1);
    expect(skipped.includeGenerated).toBe(false);
    expect(skipped.notifications.map((n: { id: string }) => n.id)).toContain('generated-findings');
  });

  it("applies the audited module's configuration: a rule turned off is not counted", async () => {
    const dir = tree();
    const before = JSON.parse((await run(['audit', dir, '--format', 'json'], dir)).out);
    expect(before.totals.findings).toBe(1);
    writeFileSync(join(dir, '.pinlint.json'), JSON.stringify({ rules: { 'hoisted-conversion': 'off' } }));
    const after = JSON.parse((await run(['audit', dir, '--format', 'json'], dir)).out);
    expect(after.totals.findings).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"rules": {"nope": "off"}}');
    const bad = await run(['audit', dir, '--config', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('/rules/nope');
  });

  it('writes HTML', async () => {
    const dir = tree();
    const { out } = await run(['audit', dir, '--format', 'html'], dir);
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out).toContain('<table id="modules">');
  });

  it('rejects an unknown format, a missing directory and a file with exit 2 and a reason', async () => {
    const dir = tree();
    const bad = await run(['audit', dir, '--format', 'sarif'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/argument 'sarif' is invalid\. Allowed choices are text, json, markdown, html/);
    const missing = await run(['audit', 'nowhere'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('pinlint: cannot audit "nowhere": no such directory.');
    const file = await run(['audit', 'go.mod'], dir);
    expect(file.code).toBe(2);
    expect(file.err).toContain('not a directory');
  });

  it('warns when a module root has no vendor/ directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinlint-audit-novendor-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n');
    const { code, err } = await run(['audit', dir], dir);
    expect(code).toBe(0);
    expect(err).toContain('has a go.mod but no vendor/ directory');
  });
});

describe('progress on stderr', () => {
  // Enough files for a progress line (the engine reports every 50 files).
  const dir = mkdtempSync(join(tmpdir(), 'pinlint-audit-progress-'));
  dirs.push(dir);
  for (let i = 0; i < 260; i++) {
    const p = join(dir, 'vendor', 'example.com', 'many', `p${i % 13}`, `f${i}.go`);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, `package p${i % 13}\n\nconst C${i} = ${i}\n`);
  }

  it('draws one updating line when stderr is a terminal, and erases it before the report', async () => {
    const { code, err, out } = await run(['audit', dir, '--format', 'json'], dir, { stderrIsTTY: true, env: {} });
    expect(code).toBe(0);
    expect(err).toContain('\rpinlint: scanning 50/260 files (19%)');
    expect(err).toContain('\rpinlint: scanning 260/260 files (100%)');
    expect(err).not.toContain('\n');
    expect(err.endsWith('\r')).toBe(true);
    expect(JSON.parse(out).totals.files).toBe(260);
  });

  it('stays quiet when stderr is not a terminal, or with --no-progress', async () => {
    expect((await run(['audit', dir], dir, { stderrIsTTY: false })).err).toBe('');
    expect((await run(['audit', dir, '--no-progress'], dir, { stderrIsTTY: true, env: {} })).err).toBe('');
  });
});
