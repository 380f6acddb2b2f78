// Real Go code from Debian's packages: every finding pinlint reports there has been read and
// judged (docs/real-code.md); this test pins the list, so a change in precision or recall shows
// up as a diff to judge again. Trees that are not installed are skipped with a visible reason.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';

interface Tree {
  name: string;
  dir: string;
  expected: string[];
  /** Findings in generated files, hidden by default. */
  generatedHidden: number;
  /** Also run with Debian's GOPATH as a --context directory (imports read from there): the
   * judged findings must stay the same. */
  withContext?: string;
}

const TREES: Tree[] = [
  {
    name: 'std',
    dir: '/usr/lib/go-1.19/src',
    generatedHidden: 0,
    expected: [
      'internal/poll/fd_windows.go:1045 PL004 error',
      'internal/syscall/windows/exec_windows_test.go:132 PL004 error',
      'net/interface_aix.go:42 PL004 warning',
      'net/interface_aix.go:42 PL004 warning',
      'syscall/exec_unix.go:289 PL005 error',
      'syscall/exec_unix.go:290 PL005 error',
      'syscall/exec_unix.go:291 PL005 error',
      'syscall/exec_unix_test.go:180 PL004 error',
      'syscall/exec_unix_test.go:217 PL004 error',
      'syscall/exec_unix_test.go:231 PL004 error',
      'syscall/exec_unix_test.go:242 PL004 error',
      'syscall/syscall_aix.go:528 PL004 warning',
      'syscall/syscall_aix.go:554 PL004 warning',
      'syscall/syscall_linux.go:808 PL004 error',
      'syscall/syscall_linux.go:820 PL004 error',
      'syscall/syscall_linux.go:848 PL004 error',
      'syscall/syscall_linux.go:875 PL004 error',
      'syscall/syscall_linux.go:900 PL004 error',
      'syscall/syscall_linux.go:904 PL004 error',
      'syscall/syscall_linux.go:913 PL004 error',
      'syscall/syscall_linux_386.go:263 PL001 error',
      'syscall/syscall_linux_386.go:275 PL001 error',
      'syscall/syscall_linux_s390x.go:192 PL001 error',
      'syscall/syscall_linux_s390x.go:204 PL001 error',
      'syscall/syscall_plan9.go:316 PL001 error',
      'syscall/syscall_plan9.go:322 PL001 error',
    ],
  },
  {
    name: 'xsys',
    dir: '/usr/share/gocode/src/golang.org/x/sys',
    generatedHidden: 199,
    expected: [
      'unix/ioctl.go:30 PL004 error',
      'unix/ioctl.go:61 PL004 error',
      'unix/ioctl.go:67 PL004 warning',
      'unix/ioctl.go:73 PL004 warning',
      'unix/ioctl_zos.go:54 PL004 error',
      'unix/ioctl_zos.go:60 PL004 warning',
      'unix/syscall_darwin.go:396 PL004 warning',
      'unix/syscall_freebsd.go:270 PL004 error',
      'unix/syscall_freebsd.go:274 PL004 error',
      'unix/syscall_freebsd.go:302 PL004 error',
      'unix/syscall_freebsd_386.go:60 PL004 error',
      'unix/syscall_freebsd_386.go:65 PL002 error',
      'unix/syscall_freebsd_386.go:65 PL004 error',
      'unix/syscall_freebsd_amd64.go:60 PL004 error',
      'unix/syscall_freebsd_amd64.go:65 PL002 error',
      'unix/syscall_freebsd_amd64.go:65 PL004 error',
      'unix/syscall_freebsd_arm.go:61 PL002 error',
      'unix/syscall_freebsd_arm.go:61 PL004 error',
      'unix/syscall_freebsd_arm64.go:61 PL002 error',
      'unix/syscall_freebsd_arm64.go:61 PL004 error',
      'unix/syscall_freebsd_riscv64.go:61 PL002 error',
      'unix/syscall_freebsd_riscv64.go:61 PL004 error',
      'unix/syscall_linux.go:1599 PL004 error',
      'unix/syscall_linux.go:1611 PL004 error',
      'unix/syscall_linux.go:1643 PL004 error',
      'unix/syscall_linux.go:1670 PL004 error',
      'unix/syscall_linux.go:1699 PL004 error',
      'unix/syscall_linux.go:1703 PL004 error',
      'unix/syscall_linux.go:1712 PL004 error',
      'unix/syscall_linux_386.go:249 PL001 error',
      'unix/syscall_linux_386.go:261 PL001 error',
      'unix/syscall_linux_s390x.go:146 PL002 error',
      'unix/syscall_linux_s390x.go:155 PL002 error',
      'unix/syscall_linux_s390x.go:164 PL002 error',
      'unix/syscall_linux_s390x.go:173 PL002 error',
      'unix/syscall_linux_s390x.go:182 PL002 error',
      'unix/syscall_linux_s390x.go:191 PL002 error',
      'unix/syscall_linux_s390x.go:209 PL002 error',
      'unix/syscall_linux_s390x.go:218 PL002 error',
      'unix/syscall_linux_s390x.go:231 PL002 error',
      'unix/syscall_linux_s390x.go:244 PL002 error',
      'unix/syscall_linux_s390x.go:253 PL002 error',
      'unix/syscall_linux_s390x.go:262 PL002 error',
      'unix/syscall_solaris.go:564 PL004 warning',
      'unix/syscall_solaris.go:834 PL004 warning',
      'unix/syscall_solaris.go:851 PL004 error',
      'unix/syscall_solaris.go:1120 PL004 error',
      'unix/syscall_solaris.go:1131 PL004 error',
      'unix/xattr_bsd.go:55 PL004 error',
      'unix/xattr_bsd.go:67 PL004 error',
      'unix/xattr_bsd.go:79 PL004 error',
      'unix/xattr_bsd.go:96 PL004 error',
      'unix/xattr_bsd.go:112 PL004 error',
      'unix/xattr_bsd.go:128 PL004 error',
      'unix/xattr_bsd.go:198 PL004 error',
      'unix/xattr_bsd.go:234 PL004 error',
      'unix/xattr_bsd.go:270 PL004 error',
    ],
  },
  {
    name: 'containerd',
    withContext: '/usr/share/gocode/src',
    dir: '/usr/share/gocode/src/github.com/containerd/containerd',
    generatedHidden: 0,
    expected: [
      'cmd/containerd/command/service_windows.go:184 PL002 error',
      'mount/fmountat_linux.go:76 PL004 error',
      'mount/fmountat_linux.go:77 PL004 error',
      'mount/fmountat_linux.go:78 PL004 error',
      'mount/fmountat_linux.go:80 PL004 error',
      'mount/losetup_linux.go:118 PL004 error',
      'mount/losetup_linux.go:127 PL004 error',
      'sys/reaper/reaper_utils_linux.go:34 PL004 error',
    ],
  },
  {
    name: 'wireguard',
    withContext: '/usr/share/gocode/src',
    dir: '/usr/share/gocode/src/golang.zx2c4.com/wireguard',
    generatedHidden: 0,
    expected: [
      'conn/winrio/rio_windows.go:205 PL001 error',
      'tun/tun_freebsd.go:253 PL002 error',
    ],
  },
  {
    name: 'ebpf',
    dir: '/usr/share/gocode/src/github.com/cilium/ebpf',
    generatedHidden: 0,
    expected: [
    ],
  },
];

for (const tree of TREES) {
  const present = existsSync(tree.dir);
  describe.skipIf(!present)(present ? `real code: ${tree.name}` : `real code: ${tree.name} (${tree.dir} not installed: skipped)`, () => {
    it('reports exactly the judged findings, none in generated files, and no errors', async () => {
      // The trees as installed, with no module cache: imports outside a tree stay unseen.
      const result = await analyze({ paths: [tree.dir], cwd: tree.dir, rules, env: {} });
      const got = result.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId} ${f.level}`);
      expect(got).toEqual(tree.expected);
      expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
      expect(got.filter((g) => /(^|\/)z[a-z_]*\.go:/.test(g))).toEqual([]);
      const hidden = result.notifications.find((n) => n.id === 'generated-findings');
      expect(hidden?.message.split(' ')[0] ?? '0').toBe(String(tree.generatedHidden));
    }, 180_000);
    const context = tree.withContext;
    if (context) it('reports the same with the imported packages read as context', async () => {
      const result = await analyze({ paths: [tree.dir], cwd: tree.dir, rules, env: {}, context: [context] });
      expect(result.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId} ${f.level}`)).toEqual(tree.expected);
      expect(result.files.length).toBeGreaterThan(result.reported.length);
    }, 180_000);
  });
}
