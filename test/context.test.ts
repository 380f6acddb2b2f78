// Code outside the scanned tree (DESIGN.md §1b): where imported packages are found (GOPATH src/,
// GOPATH-era vendor/, the longest matching tail without go.mod, the module cache by GOMODCACHE,
// GOPATH or HOME, GOFLAGS=-mod, the go env file, --context and the configuration's `context`),
// that only imported packages and only their non-test files are read, that context is never
// reported, and that locations in context outside the repository stay out of SARIF.
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';
import { compare, parseExpectations } from './harness/want.js';
import { runCli, tempTree } from './support/cli.js';
import { escapeModulePath, goEnv, moduleCacheDir, parseGoMod, requiredModuleOf } from '../src/index/gomod.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const GOPATH_FIXTURES = join(FIXTURES, '_gopath');
const WRAPPER = join(FIXTURES, 'wrapper-conversion');
const CACHE = join(WRAPPER, 'testdata', 'gomodcache');

describe('trees without go.mod (fixtures/_gopath)', () => {
  const goFiles = (readdirSync(GOPATH_FIXTURES, { recursive: true }) as string[]).filter((f) => f.endsWith('.go')).map((f) => f.split(sep).join('/')).sort();
  for (const target of ['src/example.org/app', 'checkout/tool']) {
    describe(target, async () => {
      const dir = join(GOPATH_FIXTURES, target);
      const result = await analyze({ paths: [dir], cwd: dir, rules, env: {} });
      it('analyzes without errors', () => {
        expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
      });
      for (const file of goFiles.filter((f) => f.startsWith(target + '/'))) {
        it(file, () => {
          const text = readFileSync(join(GOPATH_FIXTURES, file), 'utf8');
          const got = result.findings
            .filter((f) => relative(GOPATH_FIXTURES, join(result.root, f.location.path)).split(sep).join('/') === file)
            .map((f) => ({ line: f.location.startLine, column: f.location.startColumn, message: f.message }));
          expect(compare(file, parseExpectations(text, file), got)).toEqual([]);
        });
      }
    });
  }

  it('resolves a relative import beside the importer', async () => {
    const dir = tempTree({
      'app/sys/sys_linux.go': 'package sys\n\nimport "syscall"\n\n// Ioctl is a wrapper.\nfunc Ioctl(fd int, arg uintptr) {\n\tsyscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), 0, arg)\n}\n',
      'app/main_linux.go': 'package main\n\nimport (\n\t"unsafe"\n\n\t"./sys"\n)\n\nfunc main() {\n\tvar n int32\n\tsys.Ioctl(0, uintptr(unsafe.Pointer(&n)))\n}\n',
    });
    const result = await analyze({ paths: [join(dir, 'app', 'main_linux.go')], cwd: dir, rules, env: {} });
    expect(result.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.level} ${f.message.split(',')[0]}`)).toEqual([
      'main_linux.go:11 error n is passed as uintptr to sys.Ioctl',
    ]);
  });

  it('resolves a one-element tail only to the root itself (a checkout under its own name)', async () => {
    const dir = tempTree({
      'tool/tool_linux.go': 'package tool\n\nimport "syscall"\n\n// Ioctl is a wrapper.\nfunc Ioctl(fd int, arg uintptr) {\n\tsyscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), 0, arg)\n}\n',
      'tool/cmd/x/main_linux.go': 'package main\n\nimport (\n\t"unsafe"\n\n\t"github.com/acme/tool"\n)\n\nfunc main() {\n\tvar n int32\n\ttool.Ioctl(0, uintptr(unsafe.Pointer(&n)))\n}\n',
    });
    const result = await analyze({ paths: [join(dir, 'tool')], cwd: dir, rules, env: {} });
    expect(result.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.level} ${f.message.split(',')[0]}`)).toEqual([
      'cmd/x/main_linux.go:11 error n is passed as uintptr to tool.Ioctl',
    ]);
  });
});

describe('go.mod, the go environment and the module cache layout', () => {
  const mod = parseGoMod('/m', [
    'module "example.com/m" // the main module',
    'go 1.20.3',
    'require example.com/a v1.0.0',
    'require (',
    '\texample.com/a/b v0.2.0 // indirect',
    '\t"example.com/Q" v1.1.0',
    ')',
    'replace example.com/a v1.0.0 => ../a-fork',
    'replace (',
    '\texample.com/Q => example.com/q2 v1.2.0',
    ')',
    'exclude example.com/a v0.9.0',
  ].join('\n'));

  it('reads the module path, go version, requirements and replacements', () => {
    expect(mod?.module).toBe('example.com/m');
    expect(mod?.go).toBe('1.20');
    expect([...(mod?.require ?? [])]).toEqual([['example.com/a', 'v1.0.0'], ['example.com/a/b', 'v0.2.0'], ['example.com/Q', 'v1.1.0']]);
    expect(mod?.replace.get('example.com/a')).toEqual({ dir: '/a-fork' });
    expect(mod?.replace.get('example.com/Q')).toEqual({ module: 'example.com/q2', version: 'v1.2.0' });
    expect(parseGoMod('/x', 'go 1.21\n')).toBeNull();
  });

  it('takes an import from the longest required module path, at an element boundary', () => {
    if (!mod) throw new Error('no go.mod');
    expect(requiredModuleOf(mod, 'example.com/a/b/c')).toBe('example.com/a/b');
    expect(requiredModuleOf(mod, 'example.com/a/x')).toBe('example.com/a');
    expect(requiredModuleOf(mod, 'example.com/ab')).toBeNull();
  });

  it('escapes capitals as the module cache does', () => {
    expect(escapeModulePath('github.com/Microsoft/go-winio')).toBe('github.com/!microsoft/go-winio');
    expect(moduleCacheDir('/c', 'github.com/BurntSushi/toml', 'v1.2.0')).toBe(join('/c', 'github.com/!burnt!sushi/toml@v1.2.0'));
  });

  it('finds the module cache and GOFLAGS as cmd/go does, the environment before the go env file', () => {
    expect(goEnv({ GOMODCACHE: '/c', GOPATH: '/g', HOME: '/h' }).modCache).toBe('/c');
    expect(goEnv({ GOPATH: ['/g1', '/g2'].join(delimiter), HOME: '/h' })).toMatchObject({ modCache: join('/g1', 'pkg', 'mod'), gopath: ['/g1', '/g2'] });
    expect(goEnv({ HOME: '/h', GOENV: 'off' }).modCache).toBe(join('/h', 'go', 'pkg', 'mod'));
    expect(goEnv({}).modCache).toBeNull();
    expect(goEnv({ GOFLAGS: '-v -mod=vendor', GOENV: 'off' }).modFlag).toBe('vendor');
    expect(goEnv({ GO111MODULE: 'off', GOENV: 'off' }).modulesOff).toBe(true);
    const file = join(tempTree({}), 'env');
    writeFileSync(file, 'GOFLAGS=-mod=mod\nGOMODCACHE=/from-file\n');
    expect(goEnv({ GOENV: file })).toMatchObject({ modFlag: 'mod', modCache: '/from-file' });
    expect(goEnv({ GOENV: file, GOMODCACHE: '/from-env' }).modCache).toBe('/from-env');
  });
});

describe('what is read as context', () => {
  it('reads only imported packages, never their _test.go files, and reports none of it', async () => {
    const result = await analyze({ paths: [WRAPPER], cwd: WRAPPER, rules, env: { GOMODCACHE: CACHE } });
    const read = result.files.map((f) => relative(WRAPPER, join(result.root, f.path)).split(sep).join('/'));
    expect(read).toContain('vendored/vendor/example.com/devshim/internal/raw/raw_linux.go');
    expect(read).toContain('testdata/gomodcache/example.com/rawsys@v0.2.0/rawsys_linux.go');
    expect(read).toContain('testdata/local/local_linux.go');
    // Not imported by anything; a test file; a version nobody requires.
    expect(read).not.toContain('vendored/vendor/example.com/unused/unused_linux.go');
    const reported = new Set(result.reported);
    const contextRead = result.files.filter((f) => !reported.has(f.path)).map((f) => f.path);
    expect(contextRead.length).toBeGreaterThan(5);
    expect(contextRead.filter((p) => p.endsWith('_test.go'))).toEqual([]);
    expect(read.filter((p) => p.includes('shim@v1.1.0'))).toEqual([]);
    expect(result.findings.filter((f) => /(^|\/)(vendor|testdata)\//.test(f.location.path))).toEqual([]);
  });
});

/** Findings of a CLI run as `path:line level`, and the raw run. */
async function check(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; lines: string[]; err: string }> {
  const r = await runCli(['--format', 'json', '--rule', 'wrapper-conversion', ...args], cwd, { env });
  const lines = r.code === 2 ? [] : (JSON.parse(r.out) as { findings: Array<{ location: { path: string; startLine: number }; level: string; message: string }> }).findings
    .map((f) => `${f.location.path.split('/').pop()}:${f.location.startLine} ${f.level}${/cannot see/.test(f.message) ? ' unseen' : ''}`);
  return { code: r.code, lines, err: r.err };
}

describe('the module cache and GOFLAGS', () => {
  const cached = join(WRAPPER, 'cached');
  const judged = ['app_linux.go:23 error', 'app_linux.go:29 error', 'app_linux.go:34 error'];

  it('is found by GOMODCACHE, else GOPATH/pkg/mod, else HOME/go/pkg/mod, and the go env file', async () => {
    const gopath = tempTree({});
    mkdirSync(join(gopath, 'pkg'));
    symlinkSync(CACHE, join(gopath, 'pkg', 'mod'));
    const home = tempTree({});
    mkdirSync(join(home, 'go', 'pkg'), { recursive: true });
    symlinkSync(CACHE, join(home, 'go', 'pkg', 'mod'));
    const envFile = join(tempTree({}), 'env');
    writeFileSync(envFile, `GOMODCACHE=${CACHE}\n`);
    expect((await check(['.'], cached, { GOMODCACHE: CACHE })).lines).toEqual(judged);
    expect((await check(['.'], cached, { GOPATH: gopath })).lines).toEqual(judged);
    expect((await check(['.'], cached, { HOME: home })).lines).toEqual(judged);
    expect((await check(['.'], cached, { GOENV: envFile })).lines).toEqual(judged);
    // GOMODCACHE wins over GOPATH.
    expect((await check(['.'], cached, { GOMODCACHE: CACHE, GOPATH: tempTree({}) })).lines).toEqual(judged);
  });

  it('without a module cache, calls into the required modules are unseen warnings', async () => {
    const r = await check(['.'], cached, { HOME: tempTree({}) });
    // example.com/local is a directory replacement: found without a cache.
    expect(r.lines).toEqual(['app_linux.go:23 warning unseen', 'app_linux.go:29 warning unseen', 'app_linux.go:34 error', 'app_linux.go:47 warning unseen']);
    expect(r.code).toBe(1);
  });

  it('-mod=mod ignores vendor/, -mod=vendor ignores the module cache', async () => {
    const vendored = join(WRAPPER, 'vendored');
    expect((await check(['.'], vendored, { GOMODCACHE: CACHE })).lines).toEqual(['app_linux.go:24 error']);
    expect((await check(['.'], vendored, { GOMODCACHE: CACHE, GOFLAGS: '-mod=mod' })).lines).toEqual(['app_linux.go:24 warning unseen', 'app_linux.go:40 warning unseen']);
    const envFile = join(tempTree({}), 'env');
    writeFileSync(envFile, 'GOFLAGS=-mod=mod\n');
    expect((await check(['.'], vendored, { GOMODCACHE: CACHE, GOENV: envFile })).lines).toEqual(['app_linux.go:24 warning unseen', 'app_linux.go:40 warning unseen']);
    // A copy of the cached module with an empty vendor/: -mod=vendor reads nothing from the cache,
    // nor the directory replacement (the go command vendors replaced modules too).
    const copy = join(tempTree({}), 'cached');
    cpSync(cached, copy, { recursive: true });
    mkdirSync(join(copy, 'vendor'));
    expect((await check(['.'], copy, { GOMODCACHE: CACHE, GOFLAGS: '-mod=vendor' })).lines).toEqual(['app_linux.go:23 warning unseen', 'app_linux.go:29 warning unseen', 'app_linux.go:34 warning unseen', 'app_linux.go:47 warning unseen']);
  });

  it('keeps steps inside a module cache outside the repository out of SARIF locations', async () => {
    const outside = join(tempTree({}), 'mod');
    cpSync(CACHE, outside, { recursive: true });
    const r = await runCli(['--format', 'sarif', '--rule', 'wrapper-conversion', '.'], cached, { env: { GOMODCACHE: outside } });
    const uris = [...r.out.matchAll(/"uri": "([^"]*)"/g)].map((m) => m[1] as string);
    expect(uris.length).toBeGreaterThan(3);
    expect(uris.filter((u) => u.startsWith('..') || u.startsWith('/') || u.includes('gomodcache'))).toEqual([]);
  });
});

describe('--context and the configuration key', () => {
  const shim = {
    'shim/go.mod': 'module example.com/shim\n\ngo 1.21\n',
    'shim/shim_linux.go': 'package shim\n\nimport "syscall"\n\n// Ioctl is a wrapper.\nfunc Ioctl(fd int, arg uintptr) {\n\tsyscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), 0, arg)\n}\n',
    'app/go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/shim v1.0.0\n',
    'app/main_linux.go': 'package main\n\nimport (\n\t"unsafe"\n\n\t"example.com/shim"\n)\n\nfunc main() {\n\tvar n int32\n\tshim.Ioctl(0, uintptr(unsafe.Pointer(&n)))\n}\n',
  };

  it('reads a module directory given with --context (relative to the working directory)', async () => {
    const dir = tempTree(shim);
    const env = { HOME: dir };
    expect((await check(['app'], dir, env)).lines).toEqual(['main_linux.go:11 warning unseen']);
    expect((await check(['--context', 'shim', 'app'], dir, env)).lines).toEqual(['main_linux.go:11 error']);
  });

  it('reads a directory laid out by import path, and the GOPATH above its src/', async () => {
    const dir = tempTree({ ...Object.fromEntries(Object.entries(shim).filter(([k]) => k.startsWith('app/'))), 'gopath/src/example.com/shim/shim_linux.go': shim['shim/shim_linux.go'] });
    expect((await check(['--context', 'gopath/src', 'app'], dir, { HOME: dir })).lines).toEqual(['main_linux.go:11 error']);
    expect((await check(['--context', 'gopath', 'app'], dir, { HOME: dir })).lines).toEqual(['main_linux.go:11 error']);
  });

  it('reads the `context` directories of the configuration file, relative to it', async () => {
    // In one repository: a configuration in the tree names only directories inside it (docs/security.md).
    const dir = tempTree({ ...shim, '.git/HEAD': 'ref: refs/heads/main\n', 'app/.pinlint.yaml': 'context: [../shim]\n' });
    expect((await check(['app'], dir, { HOME: dir })).lines).toEqual(['main_linux.go:11 error']);
    const printed = await runCli(['--print-config', 'app'], dir, { env: { HOME: dir } });
    expect(printed.out).toContain('"context": [\n    "../shim"\n  ]');
  });

  it('refuses a context directory that does not exist, naming where it was given', async () => {
    const dir = tempTree({ ...shim, '.git/HEAD': 'ref: refs/heads/main\n', 'app/.pinlint.yaml': 'context: [../nowhere]\n' });
    const fromConfig = await runCli(['app'], dir, { env: { HOME: dir } });
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.err).toMatch(/\.pinlint\.yaml: \/context\/0: "\.\.\/nowhere" is not a directory/);
    const fromCli = await runCli(['--context', 'missing', 'shim'], dir, { env: { HOME: dir } });
    expect(fromCli.code).toBe(2);
    expect(fromCli.err).toMatch(/--context missing: not a directory/);
  });
});
