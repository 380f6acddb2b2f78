// The install routes the README documents, run as a new user runs them on a fresh machine: from a
// tarball packed from a clone (`npm pack`, then `npm install -g`) and from a git checkout (`npm ci
// --omit=dev`, then `node bin/pinlint.js`; dist/ is committed, so nothing is built), each with
// the npm installed here (11) and with npm 10, the one that ships with Node 20; and the installed
// command as a `repo: local` pre-commit hook. Each install needs the npm registry and compiles
// tree-sitter (a minute or more): the tests skip with a message when the registry, npm 10, git or
// pre-commit cannot be had. The clone is a committed snapshot of this checkout, so what is tested
// is what a clone of these files would give.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasCommand, run, snapshotCheckout, userEnv, type RunResult } from './support/checkout.js';

const INSTALL_TIMEOUT = 900_000;
const ALLOW = '--allow-scripts=tree-sitter,tree-sitter-go';

const tmp = mkdtempSync(join(tmpdir(), 'pinlint-install-'));
const env = userEnv(join(tmp, 'home'));
const haveGit = hasCommand('git');
/** The registry answers (`npm ping`), within a minute. */
const online = run('npm', ['ping'], { cwd: tmp, env, timeout: 60_000 }).status === 0;
/** npm 10 through npx, only when the registry is reachable. */
const npm10 = online && run('npx', ['-y', 'npm@10', '--version'], { cwd: tmp, env, timeout: 180_000 }).stdout.trim().startsWith('10.');
const skipAll = !online || !haveGit ? ` (skipped: ${!haveGit ? '`git` is not on PATH' : 'the npm registry is not reachable (`npm ping` failed)'})` : '';
const skip10 = skipAll || (npm10 ? '' : ' (skipped: `npx -y npm@10` did not run npm 10)');
const skipHook = skipAll || (hasCommand('pre-commit') ? '' : ' (skipped: `pre-commit` is not on PATH)');
for (const s of new Set([skipAll, skip10, skipHook])) if (s) console.warn(`install.test.ts${s}`);

/** npm as the user runs it: the one on PATH (11 here), or npm 10 through npx. */
type Npm = (args: string[], cwd: string) => RunResult;
const npm11: Npm = (args, cwd) => run('npm', args, { cwd, env, timeout: INSTALL_TIMEOUT });
const npm10run: Npm = (args, cwd) => run('npx', ['-y', 'npm@10', ...args], { cwd, env, timeout: INSTALL_TIMEOUT });

/** A hoisted conversion: pinlint must exit 1 and name the rule. */
const BAD_GO = `package p

import (
	"syscall"
	"unsafe"
)

func Read(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`;

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** Runs an installed pinlint on a Go file with a finding and checks it works end to end. */
function expectWorking(cmd: string, args: string[]): void {
  const version = run(cmd, [...args, '--version'], { cwd: tmp, env });
  expect(version.status, version.output).toBe(0);
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  const dir = mkdtempSync(join(tmp, 'user-'));
  write(dir, { 'read.go': BAD_GO });
  const r = run(cmd, [...args, 'read.go'], { cwd: dir, env });
  expect(r.status, r.output).toBe(1);
  expect(r.stdout).toContain('read.go:10:49: PL001 [hoisted-conversion]');
}

/** Install output must not warn about install scripts (npm 11's allowScripts) or fail to build. */
function expectQuietInstall(r: RunResult): void {
  expect(r.status, r.output).toBe(0);
  expect(r.output).not.toMatch(/install-scripts|allowScripts|ERR!/);
}

describe('install scripts (npm 11 allowScripts)', () => {
  it('decides every package of the lock file that has an install script, so npm ci never warns', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const scripted = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([k]) => k.replace(/^.*node_modules\//, '')).sort();
    expect(Object.keys(pkg.allowScripts).sort()).toEqual(scripted);
    // tree-sitter's binding must build; the SARIF multitool's postinstall only makes its .NET
    // binary executable, and the tests read its schema file, never run the binary.
    expect(pkg.allowScripts).toEqual({ '@microsoft/sarif-multitool-linux': false, 'tree-sitter': true, 'tree-sitter-go': true });
  });

  it('documents the local hook this file runs, word for word', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'pre-commit.md'), 'utf8')).toContain(`\`\`\`yaml\n${LOCAL_HOOK}\`\`\``);
  });

  it('documents no version tag that does not exist', () => {
    const tags = run('git', ['tag', '--list'], { cwd: REPO_ROOT }).stdout.split('\n').filter(Boolean);
    for (const f of ['README.md', 'docs/pre-commit.md', 'docs/github-code-scanning.md']) {
      const text = readFileSync(join(REPO_ROOT, f), 'utf8');
      for (const m of text.matchAll(/(?:rev: |pinlint\/pinlint@|--branch )(v\d+\.\d+\.\d+)/g)) expect(tags, `${f}: ${m[0]}`).toContain(m[1]);
    }
  });
});

describe.skipIf(!!skipAll)(`installing pinlint${skipAll}`, () => {
  let clone = '';
  let tarball = '';
  beforeAll(() => {
    const snap = snapshotCheckout(join(tmp, 'origin'), env);
    clone = join(tmp, 'pinlint');
    const c = run('git', ['clone', '-q', snap.dir, clone], { cwd: tmp, env });
    expect(c.status, c.output).toBe(0);
    const packed = npm11(['pack', '--pack-destination', tmp], clone);
    expect(packed.status, packed.output).toBe(0);
    const name = readdirSync(tmp).find((f) => /^pinlint-.*\.tgz$/.test(f));
    expect(name, packed.output).toBeDefined();
    tarball = join(tmp, name as string);
  }, INSTALL_TIMEOUT);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('from the packed tarball, with npm 11: npm install -g, then pinlint', () => {
    const prefix = join(tmp, 'global-11');
    expectQuietInstall(npm11(['install', '-g', '--prefix', prefix, ALLOW, '--no-audit', '--no-fund', tarball], tmp));
    expectWorking(join(prefix, 'bin', 'pinlint'), []);
  }, INSTALL_TIMEOUT);

  it('from a git checkout, with npm 11: npm ci --omit=dev, then node bin/pinlint.js (no build)', () => {
    expectQuietInstall(npm11(['ci', '--omit=dev', '--no-audit', '--no-fund'], clone));
    expectWorking(process.execPath, [join(clone, 'bin', 'pinlint.js')]);
  }, INSTALL_TIMEOUT);

  it.skipIf(!!skip10)(`from the packed tarball, with npm 10${skip10}`, () => {
    const prefix = join(tmp, 'global-10');
    expectQuietInstall(npm10run(['install', '-g', '--prefix', prefix, ALLOW, '--no-audit', '--no-fund', tarball], tmp));
    expectWorking(join(prefix, 'bin', 'pinlint'), []);
  }, INSTALL_TIMEOUT);

  it.skipIf(!!skip10)(`from a git checkout, with npm 10${skip10}`, () => {
    const clone10 = join(tmp, 'pinlint-10');
    expect(run('git', ['clone', '-q', clone, clone10], { cwd: tmp, env }).status).toBe(0);
    expectQuietInstall(npm10run(['ci', '--omit=dev', '--no-audit', '--no-fund'], clone10));
    expectWorking(process.execPath, [join(clone10, 'bin', 'pinlint.js')]);
  }, INSTALL_TIMEOUT);

  it.skipIf(!!skipHook)(`as a repo: local pre-commit hook running the installed pinlint${skipHook}`, () => {
    const prefix = join(tmp, 'global-11');
    const hookEnv = { ...env, PATH: `${join(prefix, 'bin')}:${env.PATH ?? ''}`, PRE_COMMIT_HOME: join(tmp, 'pre-commit-home') };
    const dir = join(tmp, 'user-repo');
    mkdirSync(dir);
    const git = (...a: string[]): RunResult => run('git', a, { cwd: dir, env: hookEnv });
    expect(git('init', '-q').status).toBe(0);
    write(dir, {
      '.pre-commit-config.yaml': LOCAL_HOOK,
      'pkg/read.go': BAD_GO,
    });
    expect(git('add', '-A').status).toBe(0);
    const r = run('pre-commit', ['run', '--color', 'never'], { cwd: dir, env: hookEnv, timeout: INSTALL_TIMEOUT });
    expect(r.status, r.output).toBe(1);
    expect(r.output).toContain('pkg/read.go:10:49: PL001 [hoisted-conversion]');
  }, INSTALL_TIMEOUT);
});

/** The `repo: local` hook of docs/pre-commit.md, word for word. */
export const LOCAL_HOOK = `repos:
  - repo: local
    hooks:
      - id: pinlint
        name: pinlint
        entry: pinlint
        language: system
        types: [go]
        exclude: '(^|/)(vendor|testdata)/'
`;
