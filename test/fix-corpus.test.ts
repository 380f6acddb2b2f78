// Every fix pinlint offers, applied (issue 9): on the fixture corpus and on copies of Debian's Go
// sources, each rewritten file still parses and stays formatted, its package gains no type error
// for the platform the file builds on, and analyzing the rewritten tree no longer reports the
// fixed findings. The counts are pinned in docs/fixes.md.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GO, GOFMT, type FixCounts, applyEveryFix, buildChecker } from './support/fix-corpus.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const DEBIAN = [
  { name: 'std', dir: '/usr/lib/go-1.19/src' },
  { name: 'x/sys', dir: '/usr/share/gocode/src/golang.org/x/sys' },
  { name: 'containerd', dir: '/usr/share/gocode/src/github.com/containerd/containerd' },
  { name: 'wireguard', dir: '/usr/share/gocode/src/golang.zx2c4.com/wireguard' },
  { name: 'cilium/ebpf', dir: '/usr/share/gocode/src/github.com/cilium/ebpf' },
];
const DOC = join(ROOT, 'docs', 'fixes.md');

let checker: string | null = null;
const all: FixCounts[] = [];

beforeAll(() => {
  checker = buildChecker();
}, 300_000);

function expectClean(c: FixCounts): void {
  expect(c.problems).toEqual([]);
  expect(c.reparsed).toBe(GOFMT ? c.files : 0);
  if (checker) expect(c.typeChecked).toBe(c.files);
  expect(c.cleared).toBe(c.applied);
}

describe('every fix offered on the fixtures', () => {
  const folders = readdirSync(FIXTURES).filter((d) => !d.startsWith('_')).sort();
  for (const name of folders) {
    it(name, async () => {
      const dir = join(FIXTURES, name);
      const c = await applyEveryFix(`fixtures/${name}`, dir, checker, (root) => ({
        env: { GOMODCACHE: join(root, 'testdata', 'gomodcache') },
        context: [join(root, 'testdata', 'context')].filter((d) => existsSync(d)),
      }));
      all.push(c);
      expectClean(c);
    }, 120_000);
  }
});

describe('every fix offered on Debian Go sources', () => {
  for (const t of DEBIAN) {
    it.skipIf(!existsSync(t.dir))(existsSync(t.dir) ? t.name : `${t.name} (not installed: skipped)`, async () => {
      const c = await applyEveryFix(t.name, t.dir, checker);
      all.push(c);
      expectClean(c);
    }, 600_000);
  }
});

describe('docs/fixes.md', () => {
  // Decided when tests are collected, before beforeAll builds the checker: Go must be installed.
  const complete = (): boolean => DEBIAN.every((t) => existsSync(t.dir)) && !!GO && !!GOFMT;
  it.skipIf(!complete())(complete() ? 'pins the counts measured here' : 'pins the counts (skipped: a Debian tree or Go is missing)', () => {
    const rows = [...all].sort((a, b) => (a.corpus.startsWith('fixtures/') === b.corpus.startsWith('fixtures/') ? (a.corpus < b.corpus ? -1 : 1) : a.corpus.startsWith('fixtures/') ? -1 : 1));
    const sum = (k: keyof FixCounts): number => rows.reduce((n, r) => n + (r[k] as number), 0);
    const line = (r: Pick<FixCounts, 'corpus' | 'findings' | 'offered' | 'applied' | 'files' | 'reparsed' | 'typeChecked' | 'cleared'>): string =>
      `| ${r.corpus} | ${r.findings} | ${r.offered} | ${r.applied} | ${r.files} | ${r.reparsed} | ${r.typeChecked} | ${r.cleared} |`;
    const table = [
      '| corpus | findings | fixes offered | applied | files rewritten | re-parsed | type-checked | findings cleared |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(line),
      line({ corpus: '**total**', findings: sum('findings'), offered: sum('offered'), applied: sum('applied'), files: sum('files'), reparsed: sum('reparsed'), typeChecked: sum('typeChecked'), cleared: sum('cleared') }),
    ].join('\n');
    const doc = readFileSync(DOC, 'utf8');
    const block = /<!-- fix-counts:start -->\n([\s\S]*?)\n?<!-- fix-counts:end -->/;
    if (process.env.PINLINT_UPDATE_DOCS) writeFileSync(DOC, doc.replace(block, `<!-- fix-counts:start -->\n${table}\n<!-- fix-counts:end -->`));
    expect(block.exec(readFileSync(DOC, 'utf8'))?.[1]).toBe(table);
  });
});
