// The benchmark's corpora (Debian's packaged Go sources) and the `go vet` comparison on the same
// packages. Each corpus is skipped when its package is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
const GOROOT_SRC = '/usr/lib/go-1.19/src';
const GOCODE = '/usr/share/gocode';
const GO = '/usr/bin/go';
const gocode = (path, name) => ({
    name,
    dir: join(GOCODE, 'src', path),
    cwd: join(GOCODE, 'src', path),
    paths: [join(GOCODE, 'src', path)],
    vet: { packages: [`${path}/...`] },
});
export const CORPORA = [
    { name: 'golang-src (std)', dir: GOROOT_SRC, cwd: GOROOT_SRC, paths: [GOROOT_SRC] },
    // The go vet comparison: five std packages, pinlint on the same directories.
    {
        name: 'std: syscall, internal/syscall/unix, os, net, runtime',
        dir: GOROOT_SRC,
        cwd: GOROOT_SRC,
        paths: ['syscall', 'internal/syscall/unix', 'os', 'net', 'runtime'].map((p) => join(GOROOT_SRC, p)),
        vet: { packages: ['syscall', 'internal/syscall/unix', 'os', 'net', 'runtime'], std: true },
    },
    gocode('golang.org/x/sys', 'x/sys'),
    gocode('github.com/containerd/containerd', 'containerd'),
    gocode('github.com/cilium/ebpf', 'cilium/ebpf'),
    gocode('golang.zx2c4.com/wireguard', 'wireguard'),
];
/** `go vet` on the corpus's packages with a fresh GOCACHE: seconds, or why it was not measured. */
export function goVet(c, tmp) {
    if (!c.vet)
        return 'n/a';
    if (!existsSync(GO))
        return 'Go not installed';
    const cache = mkdtempSync(join(tmp, 'gocache-'));
    try {
        const env = {
            ...process.env,
            GOCACHE: cache,
            GOFLAGS: '',
            ...(c.vet.std ? { GO111MODULE: 'on' } : { GO111MODULE: 'off', GOPATH: GOCODE }),
        };
        const t0 = performance.now();
        const r = spawnSync(GO, ['vet', ...c.vet.packages], { cwd: c.vet.std ? GOROOT_SRC : tmp, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const secs = ((performance.now() - t0) / 1000).toFixed(2);
        // go vet exits 1 when it reports something, which is still a full run; a build failure
        // (a dependency missing from Debian's GOPATH) says so.
        if (r.status !== 0 && /cannot find package|no required module|could not import|build constraints exclude/.test(r.stderr))
            return `${secs} (incomplete: ${firstLine(r.stderr)})`;
        return secs;
    }
    finally {
        rmSync(cache, { recursive: true, force: true });
    }
}
function firstLine(s) {
    return (s.split('\n').find((l) => /cannot|no required|could not|exclude/.test(l)) ?? '').trim().slice(0, 80).replace(/\|/g, '/');
}
