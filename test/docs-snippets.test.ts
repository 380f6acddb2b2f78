// Every command the docs mark runnable runs as written (issue 11: "every command in them runs as
// written"). A shell snippet is marked by its fence's info string:
//
//     ```sh runnable            the snippet must exit 0
//     ```sh runnable exit=1     ... or with this code (pinlint exits 1 for findings)
//
// (GitHub and other renderers take the first word as the language and ignore the rest.) Snippets
// that need the network, a clone of this repository, Go or GitHub stay unmarked; the install
// routes are run by test/install.test.ts instead. The snippets of one page run in order, in one
// fresh temporary directory holding a copy of fixtures/ (the README's examples use
// fixtures/_example), with the built pinlint (bin/pinlint.js, on dist/) as `pinlint` on PATH.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, run, userEnv } from './support/checkout.js';

export interface Snippet {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  runnable: boolean;
  exit: number;
  code: string;
}

const SHELLS = new Set(['sh', 'bash', 'shell', 'console']);

/** The fenced code blocks of a Markdown text (``` or ~~~ fences, indented ones in lists too). */
export function snippets(file: string, text: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i] as string);
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const words = info.trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`).test(lines[j] as string); j++) {
      body.push((lines[j] as string).startsWith(indent) ? (lines[j] as string).slice(indent.length) : (lines[j] as string));
    }
    const exit = words.find((w) => /^exit=\d+$/.test(w));
    out.push({ file, line: i + 1, lang: words[0] ?? '', runnable: words.includes('runnable'), exit: exit ? Number(exit.slice(5)) : 0, code: `${body.join('\n')}\n` });
    i = j;
  }
  return out;
}

function markdownFiles(): string[] {
  const docs = (readdirSync(join(REPO_ROOT, 'docs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => join('docs', f));
  return ['README.md', ...docs.sort()];
}

const all = markdownFiles().flatMap((f) => snippets(f, readFileSync(join(REPO_ROOT, f), 'utf8')));
const runnable = all.filter((s) => s.runnable);
const byFile = new Map<string, Snippet[]>();
for (const s of runnable) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);

const tmp = mkdtempSync(join(tmpdir(), 'pinlint-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const bin = join(tmp, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'pinlint'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO_ROOT, 'bin', 'pinlint.js')}" "$@"\n`);
chmodSync(join(bin, 'pinlint'), 0o755);
const env = { ...userEnv(join(tmp, 'home')), PATH: `${bin}:${process.env.PATH ?? ''}` };

describe('the snippet reader', () => {
  it('reads fences, their info words and indented bodies', () => {
    const md = 'a\n\n1. Run:\n\n   ```sh runnable exit=1\n   pinlint x\n   ```\n\n```yaml\nk: v\n```\n';
    expect(snippets('t.md', md)).toEqual([
      { file: 't.md', line: 5, lang: 'sh', runnable: true, exit: 1, code: 'pinlint x\n' },
      { file: 't.md', line: 9, lang: 'yaml', runnable: false, exit: 0, code: 'k: v\n' },
    ]);
  });

  it('finds runnable snippets in the README and the docs, all of them shell', () => {
    expect(byFile.get('README.md')?.length ?? 0).toBeGreaterThan(0);
    expect(runnable.length).toBeGreaterThanOrEqual(4);
    for (const s of runnable) expect(SHELLS.has(s.lang), `${s.file}:${s.line}`).toBe(true);
  });
});

describe('links between the pages', () => {
  it('point at files that exist', () => {
    const broken: string[] = [];
    for (const f of markdownFiles()) {
      const text = readFileSync(join(REPO_ROOT, f), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = (m[1] as string).split('#')[0] as string;
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(join(REPO_ROOT, dirname(f), target))) broken.push(`${f}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe.each([...byFile.keys()])('runnable snippets of %s', (file) => {
  const dir = join(tmp, relative(REPO_ROOT, join(REPO_ROOT, file)).replace(/[/.]/g, '_'));
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO_ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
  for (const s of byFile.get(file) ?? []) {
    it(`line ${s.line} exits ${s.exit}: ${s.code.trim().split('\n')[0]}`, () => {
      const r = run('bash', ['-e', '-o', 'pipefail', '-c', s.code], { cwd: dir, env, timeout: 120_000 });
      expect(r.status, `${file}:${s.line}\n${s.code}\n--- output ---\n${r.output}`).toBe(s.exit);
    }, 180_000);
  }
});
