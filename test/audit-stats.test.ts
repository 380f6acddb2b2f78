// Per-module numbers on a small synthetic vendor tree whose every count is known (see
// test/audit/synthetic.ts for what each file contributes).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditTree } from '../src/cli/audit.js';
import { isClean, isExportedFunc, isInternalPackage, rankByRisk, type ModuleStats } from '../src/audit/stats.js';
import { rules } from '../rules/index.js';
import { writeSyntheticTree } from './audit/synthetic.js';
import { addRichFiles } from './audit/rich.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tree(omit: string[] = []): string {
  const d = writeSyntheticTree(omit);
  dirs.push(d);
  return d;
}

/** Every enabled rule at 0, then the given counts. */
function byRule(counts: Record<string, number> = {}): Record<string, number> {
  return { ...Object.fromEntries(rules.map((r) => [r.meta.id, 0])), ...counts };
}

/** The numbers of a row, without the lists. */
function row(m: ModuleStats | undefined): Record<string, unknown> {
  if (!m) return {};
  return {
    path: m.path, version: m.version, replacement: m.replacement, listed: m.listed,
    files: m.files, sinkCalls: m.sinkCalls, inlineProtected: m.inlineProtected, findingsByRule: m.findingsByRule,
    wrappers: m.wrappers.length, exported: m.wrappers.filter((w) => w.exported).length, sinks: m.sinks.length,
  };
}

describe('audit of the synthetic vendor tree', async () => {
  const { data } = await auditTree(tree());
  const mod = (p: string): ModuleStats | undefined => data.modules.find((m) => m.path === p);

  it('groups by modules.txt, leaves out a module with no packages, guesses an unlisted one', () => {
    expect(data.tree).toBe('vendor');
    expect(data.modulesTxt).toBe('vendor/modules.txt');
    expect(data.modules.map((m) => m.path)).toEqual(['example.com/clean', 'example.com/local', 'example.com/shim', 'github.com/stray/pkg']);
  });

  it('counts example.com/shim exactly', () => {
    expect(row(mod('example.com/shim'))).toEqual({
      path: 'example.com/shim', version: 'v1.2.3', replacement: null, listed: true,
      files: 2,
      // Ioctl, GetWinsize, Read (syscall.Syscall); Stat (rawcall); Poke (callEscapes). Getpid's
      // rawcall(39, 0) is not counted: the engine records a call to a function it cannot name as a
      // sink while parsing only when an argument is pointer- or parameter-derived (facts.ts
      // maybeRecord), and rawcall is known to be a sink only once the tree is indexed.
      sinkCalls: 5,
      // GetWinsize, Stat, Poke.
      inlineProtected: 3,
      findingsByRule: byRule({ PL001: 1 }),
      wrappers: 2,
      exported: 1,
      sinks: 2,
    });
  });

  it('describes the wrappers and sinks shim defines', () => {
    const m = mod('example.com/shim');
    expect(m?.wrappers).toEqual([
      { name: 'Ioctl', package: 'example.com/shim/ioctl', path: 'vendor/example.com/shim/ioctl/ioctl_linux.go', line: 15, column: 6, variants: 1, exported: true, internal: false, params: ['arg'], pointerCalls: [] },
      { name: 'ioctlRaw', package: 'example.com/shim/ioctl', path: 'vendor/example.com/shim/ioctl/ioctl_linux.go', line: 24, column: 6, variants: 1, exported: false, internal: false, params: ['arg'], pointerCalls: [] },
    ]);
    expect(m?.sinks).toEqual([
      { name: 'callEscapes', package: 'example.com/shim/raw', path: 'vendor/example.com/shim/raw/raw.go', line: 11, column: 6, variants: 1, kind: 'uintptrescapes' },
      { name: 'rawcall', package: 'example.com/shim/raw', path: 'vendor/example.com/shim/raw/raw.go', line: 8, column: 6, variants: 1, kind: 'bodyless' },
    ]);
  });

  it('reports the hoisted conversion at the sink call, with paths relative to the audited directory', () => {
    const f = mod('example.com/shim')?.findings ?? [];
    expect(f.map((x) => [x.ruleId, x.location.path, x.location.startLine, x.location.startColumn])).toEqual([
      ['PL001', 'vendor/example.com/shim/ioctl/ioctl_linux.go', 41, 64],
    ]);
    expect(f[0]?.related.map((r) => `${r.location.path}:${r.location.startLine}`)).toEqual([
      'vendor/example.com/shim/ioctl/ioctl_linux.go:40',
      'vendor/example.com/shim/ioctl/ioctl_linux.go:40',
    ]);
  });

  it('counts the other modules exactly', () => {
    expect(row(mod('example.com/clean'))).toEqual({
      path: 'example.com/clean', version: 'v0.1.0', replacement: { path: 'example.com/fork/clean', version: 'v0.1.1' }, listed: true,
      files: 12, sinkCalls: 0, inlineProtected: 0, findingsByRule: byRule(), wrappers: 0, exported: 0, sinks: 0,
    });
    // Hoisted but kept alive: a sink call, not protected inline, no finding.
    expect(row(mod('example.com/local'))).toEqual({
      path: 'example.com/local', version: 'v0.0.0-00010101000000-000000000000', replacement: { path: '../local', version: null }, listed: true,
      files: 1, sinkCalls: 1, inlineProtected: 0, findingsByRule: byRule(), wrappers: 0, exported: 0, sinks: 0,
    });
    // Its finding is suppressed inline: counted apart, not per module.
    expect(row(mod('github.com/stray/pkg'))).toEqual({
      path: 'github.com/stray/pkg', version: null, replacement: null, listed: false,
      files: 1, sinkCalls: 1, inlineProtected: 0, findingsByRule: byRule(), wrappers: 0, exported: 0, sinks: 0,
    });
  });

  it('totals the modules', () => {
    expect(data.totals).toEqual({
      modules: 4, files: 16, sinkCalls: 7, inlineProtected: 3, findingsByRule: byRule({ PL001: 1 }), findings: 1,
      findingsByLevel: { error: 1, warning: 0, note: 0 }, generatedFindings: 0,
      suppressed: 1, wrappers: 2, exportedWrappers: 1, pointerWrappers: 0, sinks: 2,
    });
    expect(data.notifications).toEqual([]);
  });
});

describe('audit without modules.txt', async () => {
  const { data } = await auditTree(tree(['vendor/modules.txt']));

  it('groups by import path and says that versions are unknown', () => {
    expect(data.modulesTxt).toBeNull();
    expect(data.modules.map((m) => [m.path, m.version, m.listed, m.files])).toEqual([
      ['example.com/clean', null, false, 12],
      ['example.com/local', null, false, 1],
      ['example.com/shim', null, false, 2],
      ['github.com/stray/pkg', null, false, 1],
    ]);
    expect(data.totals).toMatchObject({ files: 16, sinkCalls: 7, inlineProtected: 3, findings: 1, wrappers: 2, exportedWrappers: 1, sinks: 2 });
  });
});

describe('audit of a tree of dependencies (no vendor/ directory)', async () => {
  const root = tree();
  const { data } = await auditTree(join(root, 'vendor'));

  it('treats the directory itself as the tree, with its modules.txt, and shows paths relative to it', () => {
    expect(data.tree).toBe('.');
    expect(data.modulesTxt).toBe('modules.txt');
    expect(data.modules.find((m) => m.path === 'example.com/shim')?.findings[0]?.location.path).toBe('example.com/shim/ioctl/ioctl_linux.go');
    expect(data.totals.files).toBe(16);
  });
});

describe('audit with inline suppressions off', async () => {
  const { data } = await auditTree(tree(), { inlineSuppressions: false });

  it('counts the finding the comment would hide', () => {
    expect(data.modules.find((m) => m.path === 'github.com/stray/pkg')?.findingsByRule).toEqual(byRule({ PL001: 1 }));
    expect(data.totals.suppressed).toBe(0);
  });
});

describe('wrappers fed pointers, generated files and the risk ranking (issue 11)', async () => {
  const dir = tree();
  addRichFiles(dir);
  const { data } = await auditTree(dir);
  const shim = data.modules.find((m) => m.path === 'example.com/shim');
  const caller = data.modules.find((m) => m.path === 'example.com/caller');

  it('records the calls that pass a wrapper a pointer-derived value, not those passing flags or descriptors', () => {
    const ioctl = shim?.wrappers.find((w) => w.name === 'Ioctl');
    // term.Size passes uintptr(unsafe.Pointer(&ws)); term.SetNonblock passes uintptr(on), an integer.
    expect(ioctl?.pointerCalls).toEqual([{
      location: { path: 'vendor/example.com/caller/term/term.go', startLine: 18, startColumn: 33, endLine: 18, endColumn: 61 },
      arg: 'uintptr(unsafe.Pointer(&ws))', forwarded: false,
    }]);
    // ioctlRaw's only caller in the tree passes nothing; Fcntl gets 0 from Flags.
    expect(shim?.wrappers.find((w) => w.name === 'ioctlRaw')?.pointerCalls).toEqual([]);
    expect(caller?.wrappers.map((w) => [w.name, w.pointerCalls.length])).toEqual([['Fcntl', 0]]);
    expect(data.totals.pointerWrappers).toBe(1);
  });

  it('counts the findings of generated files, by default, and says which files are generated', () => {
    expect(data.includeGenerated).toBe(true);
    expect(data.generatedPaths).toEqual(['vendor/example.com/caller/term/zsys_linux.go']);
    expect(caller?.generatedFindings).toBe(2);
    expect(caller?.findingsByLevel).toEqual({ error: 3, warning: 0, note: 0 });
    expect(data.totals.generatedFindings).toBe(2);
  });

  it('ranks modules by errors, then warnings, then wrappers called with pointers; clean ones last by path', () => {
    expect(rankByRisk(data.modules).map((m) => m.path)).toEqual(['example.com/caller', 'example.com/shim', 'example.com/clean', 'example.com/local', 'github.com/stray/pkg']);
    expect(data.modules.filter(isClean).map((m) => m.path)).toEqual(['example.com/clean', 'example.com/local', 'github.com/stray/pkg']);
  });

  it('a forwarding caller feeds the wrapper a pointer when its own callers do', async () => {
    const d2 = tree();
    addRichFiles(d2);
    writeFileSync(join(d2, 'vendor/example.com/caller/term/fwd.go'), FORWARD);
    const { data: fwd } = await auditTree(d2);
    const ioctlRaw = fwd.modules.find((m) => m.path === 'example.com/shim')?.wrappers.find((w) => w.name === 'Ioctl');
    expect(ioctlRaw?.pointerCalls.map((c) => [c.location.path.split('/').pop(), c.arg, c.forwarded])).toEqual([
      ['fwd.go', 'arg', true],
      ['term.go', 'uintptr(unsafe.Pointer(&ws))', false],
    ]);
  });
});

/** A wrapper of the wrapper, called with a pointer: its own call of Ioctl passes a parameter. */
const FORWARD = `package term

import (
	"unsafe"

	"example.com/shim/ioctl"
)

func ioctlArg(fd int, arg uintptr) error {
	return ioctl.Ioctl(fd, 0x1234, arg)
}

func Get(fd int, v *int32) error {
	return ioctlArg(fd, uintptr(unsafe.Pointer(v)))
}
`;

describe('predicates', () => {
  it('isExportedFunc needs an exported name and, for methods, an exported receiver', () => {
    const fn = (name: string, recv: string | null) => ({ name, recv });
    expect(isExportedFunc(fn('Ioctl', null))).toBe(true);
    expect(isExportedFunc(fn('ioctl', null))).toBe(false);
    expect(isExportedFunc(fn('Call', 'Proc'))).toBe(true);
    expect(isExportedFunc(fn('Call', 'proc'))).toBe(false);
  });
  it('isInternalPackage matches an internal path element only', () => {
    expect(isInternalPackage('github.com/cilium/ebpf/internal/unix')).toBe(true);
    expect(isInternalPackage('internal/x')).toBe(true);
    expect(isInternalPackage('github.com/a/internalize')).toBe(false);
  });
});
