// Build constraints (`go help buildconstraint`): what each file's name and header say, whether
// two constraints can hold in one build, and that resolution, related locations and code flows
// follow the caller's platform.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConstraintOf, fileNameConstraint, headerConstraint, parseGoBuild } from '../src/go/build.js';
import { satisfiable } from '../src/types/platforms.js';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';
import type { BuildExpr } from '../src/model/facts.js';
import { extractFacts } from '../src/flow/extract.js';
import { TreeIndex } from '../src/index/tree-index.js';

const tag = (t: string): BuildExpr => ({ tag: t });
const not = (x: BuildExpr): BuildExpr => ({ not: x });

describe('file name constraints', () => {
  it.each([
    ['pty_solaris.go', tag('solaris')],
    ['source_windows_amd64.go', { and: [tag('windows'), tag('amd64')] }],
    ['exec_windows_test.go', tag('windows')],
    ['x_linux_arm64_test.go', { and: [tag('linux'), tag('arm64')] }],
    ['syscall_linux_s390x.go', { and: [tag('linux'), tag('s390x')] }],
    ['defs_arm64.go', tag('arm64')],
    ['x_linux.pb.go', tag('linux')],
    // Only what follows the first underscore counts (Go 1.4 and later).
    ['linux_amd64.go', tag('amd64')],
    // GOARCH_GOOS is no pair; the last element alone counts.
    ['x_amd64_linux.go', tag('linux')],
  ])('%s', (name, want) => {
    expect(fileNameConstraint(name)).toEqual(want);
  });

  // `unix` is a tag, not a file name suffix.
  it.each(['linux.go', 'pty.go', 'x_unix.go', 'x_test.go', 'linux_test.go', 'x_posix.go'])('%s is not constrained by its name', (name) => {
    expect(fileNameConstraint(name)).toBeNull();
  });
});

describe('header constraints', () => {
  it('parses //go:build expressions with Go precedence', () => {
    expect(parseGoBuild(' (linux && 386) || (darwin && !cgo)')).toEqual({
      or: [{ and: [tag('linux'), tag('386')] }, { and: [tag('darwin'), not(tag('cgo'))] }],
    });
    expect(parseGoBuild(' !solaris')).toEqual(not(tag('solaris')));
    expect(parseGoBuild(' a || b && c')).toEqual({ or: [tag('a'), { and: [tag('b'), tag('c')] }] });
    expect(parseGoBuild(' linux &&')).toBeNull();
    expect(parseGoBuild(' (linux')).toBeNull();
  });

  it('takes the //go:build line over +build lines', () => {
    expect(headerConstraint('// +build linux\n//go:build windows\n\npackage p\n')).toEqual(tag('windows'));
  });

  it('reads legacy +build lines: spaces are or, commas and, lines and', () => {
    expect(headerConstraint('// +build linux,386 darwin\n// +build !cgo\n\npackage p\n')).toEqual({
      and: [{ or: [{ and: [tag('linux'), tag('386')] }, tag('darwin')] }, not(tag('cgo'))],
    });
  });

  it('ignores +build lines not followed by a blank line before the package clause', () => {
    expect(headerConstraint('// +build linux\npackage p\n')).toBeNull();
    expect(headerConstraint('// Copyright\n\n// +build linux\n// Package p does things.\npackage p\n')).toBeNull();
  });

  it('ignores constraints after the package clause and inside block comments', () => {
    expect(headerConstraint('package p\n\n//go:build linux\n')).toBeNull();
    expect(headerConstraint('/*\n//go:build linux\n*/\n\npackage p\n')).toBeNull();
    expect(headerConstraint('/* license */\n//go:build linux\n\npackage p\n')).toEqual(tag('linux'));
  });

  it('joins the file name and the header', () => {
    expect(buildConstraintOf('a/b/tty_linux.go', '//go:build cgo\n\npackage p\n')).toEqual({ and: [tag('linux'), tag('cgo')] });
    expect(buildConstraintOf('a/b/tty.go', '\uFEFF//go:build !windows\n\npackage p\n')).toEqual(not(tag('windows')));
    expect(buildConstraintOf('a/b/tty.go', 'package p\n')).toBeNull();
  });
});

describe('constraints that can hold together', () => {
  it('tells platforms apart', () => {
    expect(satisfiable([tag('solaris'), not(tag('solaris'))])).toBe(false);
    expect(satisfiable([tag('linux'), tag('windows')])).toBe(false);
    expect(satisfiable([tag('linux'), tag('amd64')])).toBe(true);
    expect(satisfiable([tag('windows'), tag('unix')])).toBe(false);
    expect(satisfiable([tag('solaris'), tag('unix')])).toBe(true);
  });

  it('never sets the ignore tag: a //go:build ignore file is part of no build (go help buildconstraint)', () => {
    expect(satisfiable([tag('ignore')])).toBe(false);
    expect(satisfiable([tag('freebsd'), tag('ignore')])).toBe(false);
    expect(satisfiable([not(tag('ignore'))])).toBe(true);
    // A free tag, by contrast, may be set.
    expect(satisfiable([tag('freebsd'), tag('cgo')])).toBe(true);
  });

  it('knows the tags a GOOS implies (android is linux, illumos is solaris, ios is darwin)', () => {
    expect(satisfiable([tag('android'), tag('linux')])).toBe(true);
    expect(satisfiable([tag('illumos'), not(tag('solaris'))])).toBe(false);
    expect(satisfiable([tag('linux'), not(tag('android'))])).toBe(true);
  });

  it('treats other tags as free but consistent', () => {
    expect(satisfiable([tag('cgo'), tag('linux')])).toBe(true);
    expect(satisfiable([tag('cgo'), not(tag('cgo'))])).toBe(false);
    expect(satisfiable([{ and: [tag('linux'), tag('cgo')] }, { or: [not(tag('cgo')), tag('windows')] }])).toBe(false);
  });
});

describe('resolution follows the caller\'s platform', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'wrapper-conversion', 'platforms');
  const base = (p: string): string => p.replace(/^.*\//, '');

  it('points related locations and code flows into files built with the caller', async () => {
    const result = await analyze({ paths: [dir], cwd: dir, rules: rules.filter((r) => r.meta.name === 'wrapper-conversion') });
    const seen = new Map<string, Set<string>>();
    for (const f of result.findings) {
      const set = seen.get(base(f.location.path)) ?? new Set<string>();
      for (const r of [...f.related, ...f.flow]) set.add(base(r.location.path));
      seen.set(base(f.location.path), set);
    }
    expect(seen.get('pty_solaris.go')).toEqual(new Set(['pty_solaris.go', 'control_solaris.go']));
    expect(seen.get('pty_linux.go')).toEqual(new Set(['pty_linux.go', 'ioctl_other.go', 'setup_linux.go', 'control_linux.go', 'term_linux.go']));
    expect(seen.get('pty_bsd.go')).toEqual(new Set(['pty_bsd.go', 'ioctl_other.go']));
    // A function slot bound in a file built on both platforms (slot.go) reaches the caller's.
    expect(seen.get('send_solaris.go')).toEqual(new Set(['send_solaris.go']));
  });
});

describe('procedures, package variables and types by platform', () => {
  const files = [
    ['p/proc_windows.go', 'package p\n\nimport "syscall"\n\nvar procGetInfo = syscall.NewLazyDLL("k.dll").NewProc("GetInfo")\n'],
    ['p/proc_other.go', '//go:build !windows\n\npackage p\n\ntype stub struct{}\n\nfunc (stub) Call(a ...uintptr) (uintptr, uintptr, error) { return 0, 0, nil }\n\nvar procGetInfo stub\n'],
  ].map(([path, text]) => extractFacts(path as string, 'p', text as string));
  const caller = (name: string): ReturnType<typeof extractFacts> => extractFacts(`p/${name}`, 'p',
    'package p\n\nimport "unsafe"\n\nfunc get() {\n\tvar x [8]byte\n\tprocGetInfo.Call(uintptr(unsafe.Pointer(&x)))\n}\n');
  const onWindows = caller('use_windows.go');
  const onLinux = caller('use_linux.go');
  const anywhere = caller('use.go');
  const index = new TreeIndex([...files, onWindows, onLinux, anywhere], () => 'example.com/p');
  const targetIn = (f: ReturnType<typeof extractFacts>): string => {
    const call = f.funcs[0]?.calls.find((c) => c.calleeText === 'procGetInfo.Call');
    return call ? index.resolve(f, call.callee).kind : 'no call';
  };

  it('a windows caller reaches the DLL procedure (a protected sink)', () => {
    expect(targetIn(onWindows)).toBe('sink');
  });

  it('a linux caller reaches the !windows stub\'s method', () => {
    expect(targetIn(onLinux)).toBe('func');
  });

  it('a caller without a constraint sees every declaration and keeps the procedure', () => {
    expect(targetIn(anywhere)).toBe('sink');
  });

  it('records the constraint in the file facts', () => {
    expect(files[1]?.build).toEqual(not(tag('windows')));
    expect(files[0]?.build).toEqual(tag('windows'));
    expect(anywhere.build).toBeUndefined();
  });
});
