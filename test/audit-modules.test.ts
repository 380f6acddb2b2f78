// vendor/modules.txt parsing and the grouping of package directories into modules, with and
// without modules.txt.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModuleGrouper, guessModulePath, loadModules, locateTree, parseModulesTxt } from '../src/audit/modules.js';

// The shapes cmd/go writes (modload/vendor.go): plain, `=>` module replacement, directory
// replacement, a module with no vendored packages, and the trailer of wildcard replacements that
// repeats a module already listed.
const TXT = `# github.com/a/b v1.2.3
## explicit; go 1.19
github.com/a/b
github.com/a/b/sub
# github.com/a/b/v2 v2.0.1
## explicit
github.com/a/b/v2
# golang.org/x/sys v0.15.0 => golang.org/x/sys v0.16.0
## explicit; go 1.18
golang.org/x/sys/unix
golang.org/x/sys/windows
# example.com/local v0.0.0-00010101000000-000000000000 => ../local
## explicit
example.com/local/pkg
# example.com/indirect v1.0.0
## go 1.21
# example.com/nothing v0.1.0
## explicit
# example.com/local => ../local
`;

describe('parseModulesTxt', () => {
  const mods = parseModulesTxt(TXT);

  it('lists each module once, in file order, with version, replacement, packages and explicitness', () => {
    expect(mods).toEqual([
      { path: 'github.com/a/b', version: 'v1.2.3', replacement: null, packages: ['github.com/a/b', 'github.com/a/b/sub'], explicit: true },
      { path: 'github.com/a/b/v2', version: 'v2.0.1', replacement: null, packages: ['github.com/a/b/v2'], explicit: true },
      { path: 'golang.org/x/sys', version: 'v0.15.0', replacement: { path: 'golang.org/x/sys', version: 'v0.16.0' }, packages: ['golang.org/x/sys/unix', 'golang.org/x/sys/windows'], explicit: true },
      { path: 'example.com/local', version: 'v0.0.0-00010101000000-000000000000', replacement: { path: '../local', version: null }, packages: ['example.com/local/pkg'], explicit: true },
      { path: 'example.com/indirect', version: 'v1.0.0', replacement: null, packages: [], explicit: false },
      { path: 'example.com/nothing', version: 'v0.1.0', replacement: null, packages: [], explicit: true },
    ]);
  });

  it('takes a wildcard replacement from the trailer when the module line had none', () => {
    const m = parseModulesTxt('# example.com/x v1.0.0\n## explicit\nexample.com/x\n# example.com/x => example.com/fork/x v1.0.1\n');
    expect(m).toEqual([{ path: 'example.com/x', version: 'v1.0.0', replacement: { path: 'example.com/fork/x', version: 'v1.0.1' }, packages: ['example.com/x'], explicit: true }]);
  });

  it('tolerates CRLF, blank lines and unknown annotations', () => {
    const m = parseModulesTxt('# example.com/x v1.0.0\r\n## explicit; go 1.22; something-new\r\n\r\nexample.com/x/y\r\n');
    expect(m).toEqual([{ path: 'example.com/x', version: 'v1.0.0', replacement: null, packages: ['example.com/x/y'], explicit: true }]);
  });

  it('ignores package lines before any module header', () => {
    expect(parseModulesTxt('stray/pkg\n# a.com/m v1.0.0\na.com/m\n')).toEqual([
      { path: 'a.com/m', version: 'v1.0.0', replacement: null, packages: ['a.com/m'], explicit: false },
    ]);
  });
});

describe('ModuleGrouper', () => {
  const g = new ModuleGrouper(parseModulesTxt(TXT));

  it('assigns listed packages to the module that lists them', () => {
    expect(g.moduleOf('github.com/a/b/sub')).toMatchObject({ path: 'github.com/a/b', version: 'v1.2.3', listed: true });
    expect(g.moduleOf('github.com/a/b/v2')).toMatchObject({ path: 'github.com/a/b/v2', version: 'v2.0.1' });
    expect(g.moduleOf('golang.org/x/sys/unix')).toMatchObject({ path: 'golang.org/x/sys', replacement: { path: 'golang.org/x/sys', version: 'v0.16.0' } });
  });

  it('assigns unlisted directories to the longest module path prefix, at element boundaries', () => {
    expect(g.moduleOf('github.com/a/b/sub/deeper')).toMatchObject({ path: 'github.com/a/b' });
    expect(g.moduleOf('github.com/a/b/v2/internal/x')).toMatchObject({ path: 'github.com/a/b/v2' });
    expect(g.moduleOf('golang.org/x/sys/unix/linux')).toMatchObject({ path: 'golang.org/x/sys' });
    // github.com/a/bc is not inside github.com/a/b.
    expect(g.moduleOf('github.com/a/bc/d')).toEqual({ path: 'github.com/a/bc', version: null, replacement: null, listed: false });
  });

  it('lists only modules that have vendored packages', () => {
    expect(g.listedModules().map((m) => m.path)).toEqual(['github.com/a/b', 'github.com/a/b/v2', 'golang.org/x/sys', 'example.com/local']);
  });

  it('falls back to path-based guesses without modules.txt, versions unknown', () => {
    const none = new ModuleGrouper(null);
    expect(none.listedModules()).toEqual([]);
    expect(none.moduleOf('golang.org/x/sys/unix')).toEqual({ path: 'golang.org/x/sys', version: null, replacement: null, listed: false });
  });
});

describe('guessModulePath', () => {
  it.each([
    ['github.com/cilium/ebpf/internal/sys', 'github.com/cilium/ebpf'],
    ['github.com/a/b', 'github.com/a/b'],
    ['github.com/a/b/v3/pkg', 'github.com/a/b/v3'],
    ['golang.org/x/sys/unix', 'golang.org/x/sys'],
    ['golang.org/x/sys', 'golang.org/x/sys'],
    ['gopkg.in/yaml.v3', 'gopkg.in/yaml.v3'],
    ['gopkg.in/check.v1/sub', 'gopkg.in/check.v1'],
    ['go.etcd.io/bbolt/internal', 'go.etcd.io/bbolt'],
    ['golang.zx2c4.com/wireguard/tun', 'golang.zx2c4.com/wireguard'],
    ['example.com/x/v2/y', 'example.com/x/v2'],
    ['example.com/x/v1/y', 'example.com/x'],
    ['single', 'single'],
  ])('%s → %s', (dir, mod) => {
    expect(guessModulePath(dir)).toBe(mod);
  });
});

describe('locateTree', () => {
  it('prefers <dir>/vendor and its modules.txt; else <dir> itself; a missing modules.txt is null', () => {
    const root = mkdtempSync(join(tmpdir(), 'pinlint-locate-'));
    mkdirSync(join(root, 'mod', 'vendor'), { recursive: true });
    writeFileSync(join(root, 'mod', 'vendor', 'modules.txt'), TXT);
    mkdirSync(join(root, 'deps', 'github.com', 'a', 'b'), { recursive: true });

    const withVendor = locateTree(join(root, 'mod'));
    expect(withVendor).toEqual({ base: join(root, 'mod', 'vendor'), modulesTxt: join(root, 'mod', 'vendor', 'modules.txt') });
    expect(loadModules(withVendor)).toHaveLength(6);
    // A vendor directory passed directly still finds its modules.txt.
    expect(locateTree(join(root, 'mod', 'vendor')).modulesTxt).toBe(join(root, 'mod', 'vendor', 'modules.txt'));

    const deps = locateTree(join(root, 'deps'));
    expect(deps).toEqual({ base: join(root, 'deps'), modulesTxt: null });
    expect(loadModules(deps)).toBeNull();
    rmSync(root, { recursive: true, force: true });
  });
});
