// The pre-commit hook as its users run it: the real `pre-commit` (Debian's 3.0.4 in .ci/run)
// installs the hook from a git repository holding this checkout, the way it installs any node
// hook (npm install, npm pack, npm install -g of the tarball), in a throw-away user repository.
// A staged Go file with a hoisted conversion must block the commit with the finding printed; the
// fixed file must pass. Installing needs the npm registry and takes about a minute (tree-sitter
// is compiled); PRE_COMMIT_HOME is a temporary directory so runs never share an environment.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasCommand, run, snapshotCheckout, userEnv } from './support/checkout.js';

const INSTALL_TIMEOUT = 900_000;
// Another pre-commit (say 4.x from a virtualenv) can be tried with PINLINT_PRE_COMMIT=/path/to/it.
const PRE_COMMIT = process.env.PINLINT_PRE_COMMIT || 'pre-commit';
const haveTools = hasCommand('git') && hasCommand(PRE_COMMIT);
const why = haveTools ? '' : ` (skipped: \`git\` or \`${PRE_COMMIT}\` is not on PATH; .ci/run installs Debian's pre-commit)`;
if (!haveTools) console.warn(`precommit.test.ts${why}`);

// A hoisted conversion (the unsafe package's documented INVALID example) and its fix.
const READ_BAD = `package pkg

import (
	"syscall"
	"unsafe"
)

// Read reads into buf.
func Read(fd int, buf []byte) (int, error) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	n, _, errno := syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}
`;
const READ_GOOD = READ_BAD
  .replace('\tp := uintptr(unsafe.Pointer(&buf[0]))\n', '')
  .replace('uintptr(fd), p,', 'uintptr(fd), uintptr(unsafe.Pointer(&buf[0])),');
// Line and column of the `p` argument (1-based, as pinlint prints them).
const READ_LINE = 11;
const READ_COL = (READ_BAD.split('\n')[READ_LINE - 1] as string).indexOf('p, uintptr(len') + 1;

// The DLL procedure is declared in a sibling file that is committed and not staged: pre-commit
// passes only use_windows.go, so the finding depends on pinlint loading the package's other files.
const PROCS = `package win

import "syscall"

var (
	modkernel32     = syscall.NewLazyDLL("kernel32.dll")
	procGetFileTime = modkernel32.NewProc("GetFileTime")
)
`;
const FILETIME_BAD = `package win

import (
	"syscall"
	"unsafe"
)

// FileTime returns the creation time of h.
func FileTime(h syscall.Handle) syscall.Filetime {
	var ft syscall.Filetime
	p := uintptr(unsafe.Pointer(&ft))
	procGetFileTime.Call(uintptr(h), p, 0, 0)
	return ft
}
`;
const FILETIME_GOOD = FILETIME_BAD
  .replace('\tp := uintptr(unsafe.Pointer(&ft))\n', '')
  .replace('uintptr(h), p,', 'uintptr(h), uintptr(unsafe.Pointer(&ft)),');
const FILETIME_LINE = 12;
const FILETIME_COL = (FILETIME_BAD.split('\n')[FILETIME_LINE - 1] as string).indexOf('p, 0, 0') + 1;

const READ_FINDING = `pkg/read_unix.go:${READ_LINE}:${READ_COL}: PL001 [hoisted-conversion]`;
const FILETIME_FINDING = `win/use_windows.go:${FILETIME_LINE}:${FILETIME_COL}: PL001 [hoisted-conversion]`;

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types?: string[];
  exclude?: string;
  stages?: string[];
  pass_filenames?: boolean;
  always_run?: boolean;
  require_serial?: boolean;
  minimum_pre_commit_version?: string;
}

describe('.pre-commit-hooks.yaml', () => {
  const manifestPath = join(REPO_ROOT, '.pre-commit-hooks.yaml');
  const hooks = parse(readFileSync(manifestPath, 'utf8')) as Hook[];
  const byId = new Map(hooks.map((h) => [h.id, h]));

  it('declares the pinlint hook for staged Go files, outside vendor/ and testdata/', () => {
    const h = byId.get('pinlint') as Hook;
    expect(h).toMatchObject({ entry: 'pinlint', language: 'node', types: ['go'], require_serial: false });
    expect(h.pass_filenames ?? true).toBe(true);
    // pre-commit matches `exclude` with Python's re.search; this pattern means the same in JS.
    const exclude = new RegExp(h.exclude as string);
    for (const p of ['vendor/x.go', 'a/vendor/b/x.go', 'testdata/x.go', 'pkg/testdata/x.go']) expect(exclude.test(p), p).toBe(true);
    for (const p of ['x.go', 'vendored/x.go', 'myvendor/x.go', 'pkg/testdata.go', 'pkg/vendor.go']) expect(exclude.test(p), p).toBe(false);
  });

  it('declares the manual vendor audit, which takes no file names', () => {
    expect(byId.get('pinlint-vendor-audit')).toMatchObject({
      entry: 'pinlint audit', language: 'node', pass_filenames: false, always_run: true, stages: ['manual'],
    });
  });

  it('stays loadable by Debian 12\'s pre-commit 3.0.4', () => {
    for (const h of hooks) {
      const [major, minor] = (h.minimum_pre_commit_version ?? '0').split('.').map(Number) as [number, number];
      expect(major * 100 + (minor ?? 0), h.id).toBeLessThanOrEqual(300);
      // Stage names valid in 3.0.x and not deprecated later: only `manual` is both.
      for (const s of h.stages ?? []) expect(s, h.id).toBe('manual');
    }
  });

  it.skipIf(!haveTools)(`passes pre-commit validate-manifest${why}`, () => {
    const r = run(PRE_COMMIT, ['validate-manifest', manifestPath], { cwd: tmpdir() });
    expect(r.status, r.output).toBe(0);
  });
});

describe.skipIf(!haveTools)(`pre-commit hook, installed by the real framework${why}`, () => {
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let hookRepo: { dir: string; rev: string };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pinlint-precommit-'));
    env = userEnv(join(tmp, 'home'), { PRE_COMMIT_HOME: join(tmp, 'pre-commit-home') });
    hookRepo = snapshotCheckout(join(tmp, 'pinlint'), env);
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** A user repository with one commit holding the procedure declarations. */
  function userRepo(name: string): { dir: string; git: (...a: string[]) => ReturnType<typeof run> } {
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    const git = (...a: string[]) => run('git', a, { cwd: dir, env });
    expect(git('init', '-q').status).toBe(0);
    write(dir, { 'go.mod': 'module example.com/user\n\ngo 1.21\n', 'win/zsyscall_windows.go': PROCS });
    expect(git('add', '-A').status).toBe(0);
    expect(git('commit', '-q', '-m', 'initial').status).toBe(0);
    return { dir, git };
  }

  it('blocks a commit that stages a hoisted conversion, and lets the fixed file through', () => {
    const { dir, git } = userRepo('user');
    write(dir, {
      '.pre-commit-config.yaml': [
        'repos:',
        `  - repo: ${hookRepo.dir}`,
        `    rev: ${hookRepo.rev}`,
        '    hooks:',
        '      - id: pinlint',
        '',
      ].join('\n'),
    });
    const install = run(PRE_COMMIT, ['install', '--install-hooks'], { cwd: dir, env });
    expect(install.status, install.output).toBe(0);

    // Staged: two bugs pinlint must report, and the same bug under vendor/ and testdata/, which
    // the hook's `exclude` keeps out.
    write(dir, {
      'pkg/read_unix.go': READ_BAD,
      'win/use_windows.go': FILETIME_BAD,
      'vendor/example.com/dep/read.go': READ_BAD.replace('package pkg', 'package dep'),
      'pkg/testdata/read.go': READ_BAD.replace('package pkg', 'package testdata'),
    });
    expect(git('add', '-A').status).toBe(0);

    const failing = run(PRE_COMMIT, ['run', '--color', 'never'], { cwd: dir, env });
    console.log(`--- pre-commit run (staged hoisted conversions), exit ${failing.status}\n${failing.output}`);
    expect(failing.status, failing.output).toBe(1);
    expect(failing.output).toContain('- hook id: pinlint');
    expect(failing.output).toContain('- exit code: 1');
    expect(failing.output).toContain(READ_FINDING);
    expect(failing.output).toContain(FILETIME_FINDING);
    expect(failing.output).not.toMatch(/vendor\/|testdata\//);

    // The same through git: the installed hook stops the commit.
    const head = git('rev-parse', 'HEAD').stdout;
    const blocked = git('commit', '-m', 'add Read and FileTime');
    expect(blocked.status, blocked.output).toBe(1);
    expect(blocked.output).toContain(READ_FINDING);
    expect(git('rev-parse', 'HEAD').stdout).toBe(head);

    write(dir, { 'pkg/read_unix.go': READ_GOOD, 'win/use_windows.go': FILETIME_GOOD });
    expect(git('add', '-A').status).toBe(0);
    const passing = run(PRE_COMMIT, ['run', '--color', 'never'], { cwd: dir, env });
    console.log(`--- pre-commit run (conversions inline), exit ${passing.status}\n${passing.output}`);
    expect(passing.status, passing.output).toBe(0);
    expect(passing.output).toMatch(/^pinlint .*\.+Passed$/m);

    const committed = git('commit', '-q', '-m', 'add Read and FileTime');
    expect(committed.status, committed.output).toBe(0);
    expect(git('rev-parse', 'HEAD').stdout).not.toBe(head);
  }, INSTALL_TIMEOUT);

  it('pre-commit try-repo against this checkout reports the staged finding', () => {
    // try-repo installs into a store of its own (it ignores PRE_COMMIT_HOME), so this is a second
    // full install; it is the command hook authors are told to test with.
    const { dir, git } = userRepo('try-repo-user');
    write(dir, { 'pkg/read_unix.go': READ_BAD });
    expect(git('add', 'pkg/read_unix.go').status).toBe(0);
    const r = run(PRE_COMMIT, ['try-repo', hookRepo.dir, 'pinlint', '--color', 'never'], { cwd: dir, env });
    console.log(`--- pre-commit try-repo ${hookRepo.dir} pinlint, exit ${r.status}\n${r.output}`);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toContain(READ_FINDING);
  }, INSTALL_TIMEOUT);
});
