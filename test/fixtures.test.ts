// The data-driven fixture test: every rule runs alone over its fixture folder, and its findings
// must match the `// want` annotations exactly (DESIGN.md §6).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';
import { compare, parseExpectations } from './harness/want.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

for (const rule of rules) {
  const dir = join(FIXTURES, rule.meta.name);
  // Subfolders hold separate modules (their own go.mod, e.g. an older `go` directive). Files in
  // vendor/ and testdata/ are context only: they are listed so that a finding there fails.
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.go')).map((f) => f.split(sep).join('/')).sort();
  describe(`fixtures/${rule.meta.name}`, async () => {
    // A rule that judges suppressions needs the findings of every rule; only its own are compared.
    // No environment of the machine's: a folder's module cache is its testdata/gomodcache and its
    // extra context directory its testdata/context, when present (never scanned: testdata/).
    const env = { GOMODCACHE: join(dir, 'testdata', 'gomodcache') };
    const context = [join(dir, 'testdata', 'context')].filter((d) => existsSync(d));
    const result = await analyze({ paths: [dir], cwd: dir, rules: rule.checkSuppressions ? rules : [rule], env, context });
    result.findings = result.findings.filter((f) => f.ruleId === rule.meta.id);
    it('analyzes without errors', () => {
      expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
    });
    for (const file of files) {
      it(file, () => {
        const text = readFileSync(join(dir, file), 'utf8');
        const expectations = parseExpectations(text, file);
        const got = result.findings
          .filter((f) => relative(dir, join(result.root, f.location.path)).split(sep).join('/') === file)
          .map((f) => ({ line: f.location.startLine, column: f.location.startColumn, message: f.message }));
        expect(compare(file, expectations, got)).toEqual([]);
      });
    }
  });
}
