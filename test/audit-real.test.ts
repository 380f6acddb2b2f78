// The audit on real code: a vendor tree assembled from Debian-packaged Go sources (x/sys,
// cilium/ebpf, containerd, wireguard) with a modules.txt written from the packages' versions.
// The reports are kept under test-output/ (git-ignored) for a human to read.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditTree, type AuditRun } from '../src/cli/audit.js';
import { renderAudit } from '../src/audit/render.js';
import { DEBIAN_MODULES, GOCODE, assembleDebianVendor } from './audit/debian-tree.js';

const XSYS = join(GOCODE, 'golang.org/x/sys');
const available = existsSync(XSYS);
if (!available) console.warn(`audit-real: skipped: ${XSYS} is absent (apt-get install golang-golang-x-sys-dev golang-github-cilium-ebpf-dev golang-github-containerd-containerd-dev golang-golang.zx2c4-wireguard-dev)`);

const OUT = join(import.meta.dirname, '..', 'test-output');

describe.skipIf(!available)('audit of a vendor tree assembled from /usr/share/gocode', () => {
  let dir = '';
  let modules: Array<{ module: string; version: string }> = [];
  let run: AuditRun;
  let seconds = 0;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finishes', async () => {
    ({ dir, modules } = assembleDebianVendor());
    const start = performance.now();
    run = await auditTree(dir);
    seconds = (performance.now() - start) / 1000;
    console.log(`audit-real: ${run.data.totals.files} files in ${run.data.totals.modules} modules audited in ${seconds.toFixed(1)} s`);
    expect(run.data.totals.files).toBeGreaterThan(500);
  }, 600_000);

  it('lists every assembled module with its version and files scanned', () => {
    expect(modules.map((m) => m.module)).toEqual(DEBIAN_MODULES.filter((m) => existsSync(join(GOCODE, m.module))).map((m) => m.module));
    for (const { module, version } of modules) {
      const row = run.data.modules.find((m) => m.path === module);
      expect(row, module).toBeDefined();
      expect(row?.version).toBe(version);
      expect(row?.listed).toBe(true);
      expect(row?.files, module).toBeGreaterThan(0);
    }
    // Nothing fell outside the listed modules.
    expect(run.data.modules.filter((m) => !m.listed)).toEqual([]);
    expect(run.data.notifications.filter((n) => n.level === 'error')).toEqual([]);
  });

  it('finds x/sys sink calls, most of them protected inline, and the sinks it defines', () => {
    const xsys = run.data.modules.find((m) => m.path === 'golang.org/x/sys');
    expect(xsys?.sinkCalls).toBeGreaterThan(0);
    expect(xsys?.inlineProtected).toBeGreaterThan(0);
    expect(xsys?.inlineProtected).toBeLessThanOrEqual(xsys?.sinkCalls ?? 0);
    // syscall_linux_gc.go declares RawSyscallNoError without a body; gccgo.go gives it a Go body.
    expect(xsys?.sinks.find((s) => s.name === 'RawSyscallNoError')).toMatchObject({ kind: 'bodyless', unprotectedVariants: 1 });
    // The linux Ptrace peek/poke helpers forward addr as uintptr (golang/go#58387 added ptracePtr).
    expect(xsys?.wrappers.find((w) => w.name === 'PtracePeekData')).toMatchObject({ exported: true, params: ['addr'] });
  });

  it('renders every format within its limits, and keeps them under test-output/', () => {
    mkdirSync(OUT, { recursive: true });
    const ctx = { readSource: run.readSource };
    const text = renderAudit('text', run.data, ctx);
    const md = renderAudit('markdown', run.data, ctx);
    const html = renderAudit('html', run.data, ctx);
    const json = renderAudit('json', run.data, ctx);
    for (const { module } of modules) {
      expect(text).toContain(module);
      expect(md).toContain(`\`${module}\``);
      expect(html).toContain(`data-module="${module}"`);
    }
    expect(md.length).toBeLessThan(65_536); // GitHub's comment limit
    expect(JSON.parse(json).modules).toHaveLength(run.data.modules.length);
    writeFileSync(join(OUT, 'audit-debian.txt'), text);
    writeFileSync(join(OUT, 'audit-debian.md'), md);
    writeFileSync(join(OUT, 'audit-debian.html'), html);
    writeFileSync(join(OUT, 'audit-debian.json'), json);
    console.log(`audit-real (${seconds.toFixed(1)} s):\n${text}`);
  });
});
