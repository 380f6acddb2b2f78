// Everything that can drift has a check (DESIGN.md §8): the registry against rule files, fixture
// folders and doc pages; generated docs against metadata; the docs' examples against the rules.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { renderRuleDocs } from '../src/docs/render.js';
import { analyze } from '../src/engine/analyze.js';

const ROOT = join(import.meta.dirname, '..');
const ruleFiles = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();

describe('rule registry', () => {
  it('lists every rule module exactly once, named by its file', () => {
    expect(rules.map((r) => r.meta.name).sort()).toEqual(ruleFiles);
  });
  it('uses unique, well-formed ids and names', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.meta.id).toMatch(/^PL\d{3}$/);
      expect(r.meta.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.meta.tags).toContain('security');
      expect(r.meta.securitySeverity).toBeGreaterThan(0);
      expect(r.meta.securitySeverity).toBeLessThanOrEqual(10);
      expect(r.meta.summary.length).toBeGreaterThan(20);
      for (const m of Object.values(r.meta.messages)) expect(m).toMatch(/[.;]/);
    }
  });
  it('gives every rule a fixture folder with findings and safe cases, and a doc page', () => {
    const folders = readdirSync(join(ROOT, 'fixtures')).filter((f) => !f.startsWith('_') && !f.startsWith('.')).sort();
    expect(folders).toEqual(ruleFiles);
    for (const name of ruleFiles) {
      const dir = join(ROOT, 'fixtures', name);
      const texts = readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => readFileSync(join(dir, f), 'utf8'));
      expect(texts.length, name).toBeGreaterThan(0);
      expect(texts.some((t) => /\/\/ want /.test(t)), `${name} has a want`).toBe(true);
      expect(texts.some((t) => /Safe/.test(t)), `${name} has safe cases`).toBe(true);
      expect(existsSync(join(ROOT, 'docs', 'rules', `${name}.md`)), `${name}.md`).toBe(true);
    }
  });
});

describe('generated docs', () => {
  it('are current (run `npm run docs` when this fails)', () => {
    for (const [rel, content] of renderRuleDocs(rules.map((r) => r.meta))) {
      const abs = join(ROOT, rel);
      expect(existsSync(abs) ? readFileSync(abs, 'utf8') : '(missing)', `${rel} is stale: run npm run docs`).toBe(content);
    }
  });
});

describe('documented examples behave as labelled', () => {
  for (const rule of rules) {
    it(rule.meta.name, async () => {
      for (const [kind, text] of [['bad', rule.meta.examples.bad], ['good', rule.meta.examples.good]] as const) {
        const dir = mkdtempSync(join(tmpdir(), 'pinlint-example-'));
        writeFileSync(join(dir, 'example.go'), text);
        const result = await analyze({ paths: [dir], cwd: dir, rules: [rule] });
        const own = result.findings.filter((f) => f.ruleId === rule.meta.id);
        if (kind === 'bad') expect(own.length, `${rule.meta.name} bad example`).toBeGreaterThan(0);
        else expect(own, `${rule.meta.name} good example`).toEqual([]);
      }
    });
  }
});

// Each level a rule page explains comes with an example: the rule reports it, and every finding
// of the rule there has that level (issue 9: bug, rule violation and their levels).
describe('documented levels behave as labelled', () => {
  for (const rule of rules) {
    it(rule.meta.name, async () => {
      expect(rule.meta.docs.levels.length, `${rule.meta.name} documents its levels`).toBeGreaterThan(0);
      for (const doc of rule.meta.docs.levels) {
        const dir = mkdtempSync(join(tmpdir(), 'pinlint-level-'));
        writeFileSync(join(dir, 'example.go'), doc.example);
        const result = await analyze({ paths: [dir], cwd: dir, rules: [rule] });
        const own = result.findings.filter((f) => f.ruleId === rule.meta.id);
        const label = `${rule.meta.name} ${doc.level} (${doc.title}) example`;
        expect(own.length, label).toBeGreaterThan(0);
        expect(own.map((f) => f.level), label).toEqual(own.map(() => doc.level));
        const severity = /^bug/.test(doc.title) ? 'bug' : /^rule violation/.test(doc.title) ? 'rule-violation' : undefined;
        if (severity) expect(own.map((f) => f.severity), label).toEqual(own.map(() => severity));
      }
    });
  }
});

const gofmt = ['/usr/bin/gofmt', '/usr/lib/go/bin/gofmt'].find((p) => existsSync(p));
describe.skipIf(!gofmt)(gofmt ? 'fixtures are valid, formatted Go' : 'fixtures are valid Go (gofmt not installed: skipped)', () => {
  it('gofmt -l lists nothing and gofmt -e finds no syntax error', () => {
    // gofmt writes LF, so it lists a CRLF fixture (kept to test CRLF files): such a file must
    // be formatted once its line endings are LF.
    const listed = execFileSync(gofmt as string, ['-l', '-e', join(ROOT, 'fixtures')], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const crlf = listed.filter((f) => readFileSync(f, 'utf8').includes('\r\n'));
    expect(listed.filter((f) => !crlf.includes(f))).toEqual([]);
    for (const f of crlf) {
      const dir = mkdtempSync(join(tmpdir(), 'pinlint-gofmt-'));
      writeFileSync(join(dir, 'lf.go'), readFileSync(f, 'utf8').replace(/\r\n/g, '\n'));
      expect(execFileSync(gofmt as string, ['-l', '-e', dir], { encoding: 'utf8' }), f).toBe('');
    }
  });
  it('the documented examples are formatted Go', () => {
    for (const rule of rules) {
      for (const text of [rule.meta.examples.bad, rule.meta.examples.good, ...rule.meta.docs.levels.map((l) => l.example)]) {
        const dir = mkdtempSync(join(tmpdir(), 'pinlint-gofmt-'));
        writeFileSync(join(dir, 'x.go'), text);
        expect(execFileSync(gofmt as string, ['-l', dir], { encoding: 'utf8' }), rule.meta.name).toBe('');
      }
    }
  });
});
