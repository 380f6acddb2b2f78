// Assembles a vendor tree from Debian-packaged Go sources (/usr/share/gocode/src), the way
// `go mod vendor` lays one out, with a modules.txt whose versions come from the packages.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const GOCODE = '/usr/share/gocode/src';

/** Module path → Debian package that ships it. */
export const DEBIAN_MODULES: ReadonlyArray<{ module: string; deb: string }> = [
  { module: 'github.com/cilium/ebpf', deb: 'golang-github-cilium-ebpf-dev' },
  { module: 'github.com/containerd/containerd', deb: 'golang-github-containerd-containerd-dev' },
  { module: 'golang.org/x/sys', deb: 'golang-golang-x-sys-dev' },
  { module: 'golang.zx2c4.com/wireguard', deb: 'golang-golang.zx2c4-wireguard-dev' },
];

/** A Go version for a Debian package version: `1.6.20~ds1-1+deb12u3` → `v1.6.20`. */
export function goVersionOf(debVersion: string): string {
  const upstream = debVersion.replace(/^\d+:/, '').replace(/-[^-]*$/, '').replace(/[~+].*$/, '');
  return /^\d+\.\d+\.\d+$/.test(upstream) ? `v${upstream}` : 'v0.0.0-debian';
}

function debVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/**
 * Copies the .go files and go.mod of each module present under /usr/share/gocode/src into
 * `<tmp>/vendor/<module>` (copies, not symlinks: the engine resolves real paths, and a symlink
 * would put the files outside the tree), skipping testdata and dot directories as `go mod vendor`
 * and the engine do, and writes vendor/modules.txt. Returns the module root and what was included.
 */
export function assembleDebianVendor(): { dir: string; modules: Array<{ module: string; version: string }> } {
  const dir = mkdtempSync(join(tmpdir(), 'pinlint-audit-debian-'));
  const vendor = join(dir, 'vendor');
  const included: Array<{ module: string; version: string }> = [];
  const lines: string[] = [];
  for (const { module, deb } of DEBIAN_MODULES) {
    const src = join(GOCODE, module);
    if (!existsSync(src)) continue;
    cpSync(src, join(vendor, module), {
      recursive: true,
      dereference: true,
      filter: (from) => {
        const name = basename(from);
        if (statSync(from).isDirectory()) return from === src || !(name === 'testdata' || name.startsWith('.') || name.startsWith('_'));
        return name.endsWith('.go') || name === 'go.mod';
      },
    });
    const version = goVersionOf(debVersion(deb));
    included.push({ module, version });
    lines.push(`# ${module} ${version}`, '## explicit');
    // modules.txt lists every vendored package directory of the module.
    lines.push(...packageDirs(join(vendor, module)).map((p) => (p === '' ? module : `${module}/${p}`)));
  }
  mkdirSync(vendor, { recursive: true });
  writeFileSync(join(vendor, 'modules.txt'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'go.mod'), `module example.com/debian-audit\n\ngo 1.19\n`);
  return { dir, modules: included };
}

/** Subdirectories (relative, `/`-separated, '' for the root) that hold .go files. */
function packageDirs(root: string, rel = ''): string[] {
  const out: string[] = [];
  const here = join(root, rel);
  let hasGo = false;
  for (const name of readdirSync(here).sort()) {
    const p = join(here, name);
    if (statSync(p).isDirectory()) out.push(...packageDirs(root, rel ? `${rel}/${name}` : name));
    else if (name.endsWith('.go') && !name.endsWith('_test.go')) hasGo = true;
  }
  return hasGo ? [rel, ...out] : out;
}
