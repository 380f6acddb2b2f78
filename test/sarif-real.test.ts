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
