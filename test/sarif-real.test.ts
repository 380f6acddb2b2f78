// Every SARIF pinlint emits for real findings — each rule's fixture folder, with codeFlows,
// related locations, fixes and notes — validates against the SARIF 2.1.0 schemas and keeps the
// GitHub-facing promises (relative URIs, one location, rule indexes, fingerprints).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { rules } from '../rules/index.js';
import { validators } from './support/sarif-schemas.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

async function sarifOf(args: string[]): Promise<{ code: number; log: any }> {
  let out = '';
  const code = await main(['--format', 'sarif', ...args], { stdout: (s) => { out += s; }, stderr: () => {}, cwd: FIXTURES, isTTY: false });
  return { code, log: JSON.parse(out) };
}

describe('SARIF for the fixture findings of every rule', () => {
  for (const rule of rules) {
    it(rule.meta.name, async () => {
      const { code, log } = await sarifOf([join(FIXTURES, rule.meta.name), '--include-generated']);
      expect(code).toBe(1);
      for (const [name, validate] of validators) expect({ schema: name, errors: validate(log) }).toEqual({ schema: name, errors: [] });
      const run = log.runs[0];
      expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.meta.id));
      const results = run.results.filter((r: { ruleId: string }) => r.ruleId === rule.meta.id);
      expect(results.length).toBeGreaterThan(0);
      for (const r of run.results) {
        expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        expect(r.locations).toHaveLength(1);
        const loc = r.locations[0].physicalLocation;
        expect(loc.artifactLocation.uri).toMatch(new RegExp(`^fixtures/${rule.meta.name}/`));
        expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
        expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);
        for (const rel of r.relatedLocations ?? []) expect(r.message.text).toContain(`](${rel.id})`);
      }
    });
  }
});

// Issue 9: a later-use rule violation next to a no-use bug, in one fixture file: the SARIF level
// and properties tell them apart, and the log still validates.
describe('SARIF tells a bug from a rule violation', () => {
  it('gives the no-use bug error and the later-use violation warning, with their evidence', async () => {
    const { code, log } = await sarifOf([join(FIXTURES, 'hoisted-conversion', 'severity_linux.go')]);
    expect(code).toBe(1);
    for (const [name, validate] of validators) expect({ schema: name, errors: validate(log) }).toEqual({ schema: name, errors: [] });
    const at = (line: number): any => log.runs[0].results.find((r: any) => r.locations[0].physicalLocation.region.startLine === line);
    const violation = at(32);
    const bug = at(40);
    expect(violation.level).toBe('warning');
    expect(violation.properties).toEqual({
      'pinlint/severity': 'rule-violation',
      'pinlint/evidence': 'buf is used again at line 33, so the collector keeps it alive today; a refactor that drops that use turns this into a use-after-free',
      'pinlint/evidenceLine': 33,
    });
    expect(bug.level).toBe('error');
    expect(bug.properties).toEqual({ 'pinlint/severity': 'bug', 'pinlint/evidence': 'nothing refers to buf after the call, so it may be freed while the call runs' });
    expect(violation.message.text).toContain('Rule violation, not yet a bug:');
    expect(bug.message.text).toContain('Bug: nothing refers to buf');
    // Every judged result says which; bad-suppression's are about comments, not memory.
    for (const r of log.runs[0].results) expect(['bug', 'rule-violation']).toContain(r.properties?.['pinlint/severity']);
  });
});
