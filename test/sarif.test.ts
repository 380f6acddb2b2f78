// SARIF output checked three ways: against the 2.1.0 JSON schema shipped in a devDependency, against
// the OASIS and codeql-action copies in ../shared/data when present, and field by field against what
// GitHub code scanning requires (DESIGN.md §7, shared/reference/ecosystem.md §1 and §6).
// The text, json and github formats and the rule-doc renderer are tested at the end.

import { validators, haveShared } from './support/sarif-schemas.js';
import { describe, expect, it } from 'vitest';
import type { Finding, Notification, RuleMeta } from '../src/model/findings.js';
import { FORMATS, render, type Report, type ReportOptions } from '../src/report/index.js';
import { lineHashes } from '../src/report/fingerprint.js';
import { MAX_SARIF_RESULTS, buildSarif, pathToUri, type SarifLog, type SarifResult } from '../src/report/sarif.js';
import { buildJson } from '../src/report/json.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import {
  INFORMATION_URI,
  reflowMarkdown,
  renderRuleDocs,
  renderRuleIndex,
  renderRulePage,
  ruleHelpMarkdown,
  ruleHelpText,
  ruleHelpUri,
  ruleTags,
  truncateText,
} from '../src/docs/render.js';

// --------------------------------------------------------------------------------------------
// Schemas

/** Renders SARIF, checks it against every schema available and returns the parsed log. */
function sarif(report: Report, opts: ReportOptions = {}): SarifLog {
  const text = render('sarif', report, opts);
  const log = JSON.parse(text) as SarifLog;
  for (const [name, validate] of validators) expect({ schema: name, errors: validate(log) }).toEqual({ schema: name, errors: [] });
  expect(render('sarif', report, opts)).toBe(text); // deterministic
  expect(text.endsWith('}\n')).toBe(true);
  expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
  return log;
}

// --------------------------------------------------------------------------------------------
// Synthetic input

function meta(over: Partial<RuleMeta> & Pick<RuleMeta, 'id' | 'name'>): RuleMeta {
  return {
    summary: 'A pointer converted to uintptr outside the argument list of a protected\nsink is not kept alive.',
    docs: {
      what: 'Flags `uintptr(unsafe.Pointer(p))` computed in one statement\nand passed to a syscall in a later one.\n\nAlso flags slices built beforehand.',
      why: 'The unsafe package only protects the conversion when it is written\ndirectly in the call (pattern 4).\n\n- the GC may free the object\n  before the call\n- a stack may move',
      fix: 'Write the conversion inside the call:\n\n```go\nsyscall.Syscall(n, uintptr(unsafe.Pointer(p)), 0, 0)\n```',
      levels: [{ level: 'error', title: 'bug', when: 'Nothing keeps it alive.', example: 'package p\n' }],
    },
    examples: {
      bad: 'package p\n\nfunc f() {\n\tu := uintptr(unsafe.Pointer(p))\n\tsyscall.Syscall(1, u, 0, 0)\n}\n',
      good: 'package p\n\nfunc f() {\n\tsyscall.Syscall(1, uintptr(unsafe.Pointer(p)), 0, 0)\n}\n',
    },
    messages: { main: 'The pointer {name} may be freed or moved before the call returns.' },
    level: 'error',
    precision: 'high',
    securitySeverity: 7.5,
    tags: ['go', 'unsafe'],
    cwe: ['CWE-416'],
    references: ['https://pkg.go.dev/unsafe#Pointer', '[golang/go#44834](https://github.com/golang/go/issues/44834)'],
    ...over,
  };
}

const RULES: RuleMeta[] = [
  meta({ id: 'PL001', name: 'hoisted-uintptr' }),
  meta({
    id: 'PL002',
    name: 'wrapper-uintptr',
    level: 'warning',
    securitySeverity: 8,
    tags: ['go', 'security', 'go'],
    cwe: ['cwe-825', '416', 'CWE-20'],
    docs: { what: 'x', why: 'y', fix: 'z', whenOk: 'When `p` points to memory\nfrom `VirtualAlloc`.', levels: [] },
  }),
  meta({ id: 'PL003', name: 'retained-pointer', level: 'note', securitySeverity: 3.25, cwe: [] }),
];

// Line 5 has a tab, "é" (one UTF-16 unit) and "😀" (two units) before the flagged conversion, so
// `uintptr(` starts at UTF-16 column 19 (code points would say 18, UTF-8 bytes 22).
const MAIN_GO = [
  'package main', // 1
  '', // 2
  'import "unsafe"', // 3
  'func f(p *int) {', // 4
  '\ts := "é😀"; u := uintptr(unsafe.Pointer(p))', // 5
  '\tsyscall.Syscall(1, u, 0, 0)', // 6
  '}', // 7
  '',
].join('\n');
const CONV = 'uintptr(unsafe.Pointer(p))';
const MAIN_LINE5 = MAIN_GO.split('\n')[4] ?? '';
const CONV_COL = MAIN_LINE5.indexOf(CONV) + 1;

const WRAP_GO = '\uFEFFpackage main\r\n\r\nfunc wrap(u uintptr) {\r\n\tsyscall.Syscall(2, u, 0, 0)\r\n}\r\n';

const SOURCES: Record<string, string> = {
  'cmd/main.go': MAIN_GO,
  'pkg/wrap.go': WRAP_GO,
  'dir with space/ü#1%?.go': 'package x\n\nvar y = 1\n',
};

function hoisted(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'PL001',
    ruleName: 'hoisted-uintptr',
    level: 'error',
    message: 'The pointer p is converted to uintptr before the call, so it may be freed or moved before the call returns.',
    location: { path: 'cmd/main.go', startLine: 6, startColumn: 21, endLine: 6, endColumn: 22 },
    related: [
      {
        message: 'converted to uintptr here',
        location: { path: 'cmd/main.go', startLine: 5, startColumn: CONV_COL, endLine: 5, endColumn: CONV_COL + CONV.length },
      },
    ],
    flow: [],
    ...over,
  };
}

function report(findings: Finding[], notifications: Notification[] = [], reads?: Map<string, number>): Report {
  return {
    rules: RULES,
    findings,
    notifications,
    readSource: (p) => {
      reads?.set(p, (reads.get(p) ?? 0) + 1);
      return SOURCES[p];
    },
    toolVersion: '0.1.0',
  };
}

function only<T>(xs: readonly T[] | undefined): T {
  expect(xs).toHaveLength(1);
  return (xs as readonly T[])[0] as T;
}

function results(log: SarifLog): SarifResult[] {
  return only(log.runs).results;
}

// --------------------------------------------------------------------------------------------

describe('SARIF schema validation', () => {
  it('validates every log in this file against the devDependency schema', () => {
    expect(validators[0]?.[0]).toBe('sarif-multitool 2020-12');
  });

  it.skipIf(!haveShared)(
    haveShared
      ? 'also validates against the OASIS and codeql-action copies in ../shared/data'
      : 'OASIS and codeql-action schemas (../shared/data not present: skipped)',
    () => {
      expect(validators.map(([n]) => n)).toEqual(['sarif-multitool 2020-12', 'OASIS draft-04', 'codeql-action']);
    },
  );

  it('the validators do reject an invalid log', () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {} }] }] };
    for (const [, validate] of validators) expect(validate(bad).length).toBeGreaterThan(0);
  });

  it.skipIf(!haveShared)(
    haveShared
      ? 'the OASIS schema rejects a region without startLine'
      : 'OASIS region check (../shared/data not present: skipped)',
    () => {
      const log = buildSarif(report([hoisted()]));
      const loc = only(results(log)[0]?.locations).physicalLocation;
      delete (loc.region as Partial<NonNullable<typeof loc.region>>).startLine;
      // The multitool and codeql-action copies do not enforce it (ecosystem.md §1.9); OASIS does.
      const oasis = validators.find(([n]) => n === 'OASIS draft-04');
      expect(oasis?.[1](log).length).toBeGreaterThan(0);
    },
  );
});

describe('SARIF log and run', () => {
  it('a clean run has results: [] and the fixed envelope', () => {
    const log = sarif(report([]));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const run = only(log.runs);
    expect(run.results).toEqual([]);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: 'The repository root.' } } });
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run).not.toHaveProperty('automationDetails');
    expect(Object.keys(run)).toEqual(['tool', 'invocations', 'originalUriBaseIds', 'columnKind', 'results', 'properties']);
    expect(run.properties).toEqual({ filesWithFindings: 0, findings: 0, suppressed: 0 });
  });

  it('tool.driver lists every rule, not only those that fired', () => {
    const driver = only(sarif(report([hoisted()])).runs).tool.driver;
    expect(driver.name).toBe('pinlint');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe(INFORMATION_URI);
    expect(driver.rules.map((r) => r.id)).toEqual(['PL001', 'PL002', 'PL003']);
  });

  it('every reportingDescriptor carries what GitHub reads', () => {
    const rules = only(sarif(report([])).runs).tool.driver.rules;
    for (const [i, r] of rules.entries()) {
      const m = RULES[i] as RuleMeta;
      expect(r.id).toBe(m.id);
      expect(r.name).toBe(m.name);
      expect(r.name).not.toBe(r.id);
      expect(r.name.length).toBeLessThanOrEqual(255);
      for (const d of [r.shortDescription.text, r.fullDescription.text]) {
        expect(d.trim()).not.toBe('');
        expect(d.length).toBeLessThanOrEqual(1024);
      }
      expect(r.help.text.trim()).not.toBe('');
      expect(r.help.markdown.trim()).not.toBe('');
      expect(r.helpUri).toBe(`https://github.com/pinlint/pinlint/blob/main/docs/rules/${m.name}.md`);
      expect(r.defaultConfiguration.level).toBe(m.level);
      expect(r.properties.precision).toBe(m.precision);
      expect(r.properties.tags).toContain('security');
      expect(new Set(r.properties.tags).size).toBe(r.properties.tags.length);
      expect(r.properties.tags.length).toBeLessThanOrEqual(20);
      const sev = r.properties['security-severity'];
      expect(typeof sev).toBe('string');
      expect(sev).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(sev)).toBeGreaterThan(0);
      expect(Number(sev)).toBeLessThanOrEqual(10);
      expect(Number(sev)).toBe(m.securitySeverity);
    }
    expect(rules.map((r) => r.properties['security-severity'])).toEqual(['7.5', '8.0', '3.25']);
    expect(rules[0]?.properties.tags).toEqual(['go', 'unsafe', 'security', 'external/cwe/cwe-416']);
    expect(rules[1]?.properties.tags).toEqual([
      'go',
      'security',
      'external/cwe/cwe-825',
      'external/cwe/cwe-416',
      'external/cwe/cwe-020',
    ]);
    expect(rules[2]?.properties.tags).toEqual(['go', 'unsafe', 'security']);
    // Descriptions are reflowed plain text: no hard line breaks inside a paragraph.
    expect(rules[0]?.shortDescription.text).toBe(
      'A pointer converted to uintptr outside the argument list of a protected sink is not kept alive.',
    );
    expect(rules[0]?.fullDescription.text).toBe(
      'Flags `uintptr(unsafe.Pointer(p))` computed in one statement and passed to a syscall in a later one.\n\nAlso flags slices built beforehand.',
    );
  });

  it('truncates an over-long fullDescription to 1024 characters at a word boundary', () => {
    const long = meta({ id: 'PL009', name: 'long-rule', docs: { what: 'word '.repeat(400), why: 'y', fix: 'z', levels: [] } });
    const log = sarif({ ...report([]), rules: [long] });
    const full = only(only(log.runs).tool.driver.rules).fullDescription.text;
    expect(full.length).toBeLessThanOrEqual(1024);
    expect(full.length).toBeGreaterThan(1000);
    expect(full).toMatch(/ word…$/);
  });

  it('refuses rules GitHub would reject', () => {
    const r = (m: RuleMeta): Report => ({ ...report([]), rules: [m] });
    expect(() => render('sarif', r(meta({ id: 'PL001', name: 'PL001' })))).toThrow(/name must differ/);
    expect(() => render('sarif', r(meta({ id: 'PL001', name: 'x', securitySeverity: 0 })))).toThrow(/securitySeverity/);
    expect(() => render('sarif', r(meta({ id: 'PL001', name: 'x', securitySeverity: 11 })))).toThrow(/securitySeverity/);
    expect(() => render('sarif', r(meta({ id: 'PL001', name: 'x', cwe: ['use after free'] })))).toThrow(/CWE/);
    expect(() => render('sarif', { ...report([]), rules: [RULES[0] as RuleMeta, RULES[0] as RuleMeta] })).toThrow(/twice/);
  });

  it('fails fast on a finding whose rule is not in report.rules', () => {
    expect(() => render('sarif', report([hoisted({ ruleId: 'PL999' })]))).toThrow(/PL999/);
  });
});

describe('SARIF results', () => {
  it('has ruleId, matching ruleIndex, level, message and exactly one location', () => {
    const f2: Finding = {
      ...hoisted(),
      ruleId: 'PL003',
      ruleName: 'retained-pointer',
      level: 'note',
      related: [],
      message: 'Retained.',
    };
    const log = sarif(report([hoisted(), f2]));
    const rules = only(log.runs).tool.driver.rules;
    const rs = results(log);
    expect(rs.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['PL001', 0, 'error'],
      ['PL003', 2, 'note'],
    ]);
    for (const r of rs) {
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.message.text.trim()).not.toBe('');
      expect(r.locations).toHaveLength(1);
    }
    expect(rs[1]?.message.text).toBe('Retained.');
  });

  it('puts a judged finding\'s severity and evidence in properties, and none on an unjudged one', () => {
    const bug = hoisted({ severity: 'bug', evidence: 'nothing refers to p after the call' });
    const viol = hoisted({ level: 'warning', severity: 'rule-violation', evidence: 'p is used again at line 7', evidenceLine: 7, location: { ...hoisted().location, startLine: 7, endLine: 7 } });
    const rs = results(sarif(report([bug, viol, hoisted({ location: { ...hoisted().location, startLine: 8, endLine: 8 } })])));
    expect(rs.map((r) => [r.level, r.properties])).toEqual([
      ['error', { 'pinlint/severity': 'bug', 'pinlint/evidence': 'nothing refers to p after the call' }],
      ['warning', { 'pinlint/severity': 'rule-violation', 'pinlint/evidence': 'p is used again at line 7', 'pinlint/evidenceLine': 7 }],
      ['error', undefined],
    ]);
  });

  it('uses relative, percent-encoded uris under %SRCROOT% with UTF-16 regions', () => {
    const r = only(results(sarif(report([hoisted()]))));
    const loc = only(r.locations).physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'cmd/main.go', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({ startLine: 6, startColumn: 21, endLine: 6, endColumn: 22 });
    const rel = only(r.relatedLocations);
    expect(rel.id).toBe(1);
    expect(rel.message).toEqual({ text: 'converted to uintptr here' });
    // The region selects exactly the conversion when read as UTF-16 code units.
    expect(CONV_COL).toBe(19);
    expect(rel.physicalLocation.region).toEqual({ startLine: 5, startColumn: 19, endLine: 5, endColumn: 19 + CONV.length });
    const reg = rel.physicalLocation.region;
    expect(MAIN_LINE5.slice((reg?.startColumn ?? 0) - 1, (reg?.endColumn ?? 0) - 1)).toBe(CONV);
  });

  it('percent-encodes paths per RFC 3986 and keeps `/`', () => {
    expect(pathToUri('dir with space/ü#1%?.go')).toBe('dir%20with%20space/%C3%BC%231%25%3F.go');
    expect(pathToUri('a:b/c.go')).toBe('a%3Ab/c.go');
    expect(pathToUri('x/日本/😀.go')).toBe('x/%E6%97%A5%E6%9C%AC/%F0%9F%98%80.go');
    expect(pathToUri("pkg/a-b_c.~(1)+[2].go")).toBe("pkg/a-b_c.~(1)+%5B2%5D.go");
    const f = hoisted({
      location: { path: 'dir with space/ü#1%?.go', startLine: 3, startColumn: 5, endLine: 3, endColumn: 6 },
      related: [],
    });
    const r = only(results(sarif(report([f]))));
    const uri = only(r.locations).physicalLocation.artifactLocation.uri;
    expect(uri).toBe('dir%20with%20space/%C3%BC%231%25%3F.go');
    expect(decodeURIComponent(uri)).toBe('dir with space/ü#1%?.go');
    expect(uri.startsWith('/')).toBe(false);
    expect(uri).not.toMatch(/^[a-z]+:/i);
  });

  it('links every related location from the message as [text](id)', () => {
    const f = hoisted({
      related: [
        { message: 'converted here', location: { path: 'cmd/main.go', startLine: 5, startColumn: 19, endLine: 5, endColumn: 45 } },
        { message: 'passed to [wrap]', location: { path: 'pkg/wrap.go', startLine: 4, startColumn: 21, endLine: 4, endColumn: 22 } },
        { message: '', location: { path: 'pkg/wrap.go', startLine: 3, startColumn: 6, endLine: 3, endColumn: 10 } },
      ],
    });
    const r = only(results(sarif(report([f]))));
    expect(r.message.text).toBe(
      'The pointer p is converted to uintptr before the call, so it may be freed or moved before the call returns' +
        ' ([converted here](1), [passed to \\[wrap\\]](2), [related location](3)).',
    );
    expect(r.relatedLocations?.map((l) => l.id)).toEqual([1, 2, 3]);
    for (const l of r.relatedLocations ?? []) expect(r.message.text).toContain(`](${l.id ?? -1})`);
  });

  it('leaves a message alone when it already links every related location', () => {
    const f = hoisted({ message: 'Converted [here](1) and passed on.' });
    expect(only(results(sarif(report([f])))).message.text).toBe('Converted [here](1) and passed on.');
    const g = hoisted({ message: 'No period' });
    expect(only(results(sarif(report([g])))).message.text).toBe('No period ([converted to uintptr here](1))');
  });

  it('escapes source text that would read as a link, so only pinlint links related locations', () => {
    // Go's call through a slice of funcs, quoted in a message, reads as `[text](id)` in Markdown.
    const f = hoisted({ message: 'fns[0](p) is passed on.' });
    expect(only(results(sarif(report([f])))).message.text).toBe('fns[0\\](p) is passed on ([converted to uintptr here](1)).');
    const g = hoisted({ message: 'fns[0](2) is passed on', related: [] });
    expect(only(results(sarif(report([g])))).message.text).toBe('fns[0\\](2) is passed on');
  });

  it('has no relatedLocations key when there are none', () => {
    const r = only(results(sarif(report([hoisted({ related: [] })]))));
    expect(r).not.toHaveProperty('relatedLocations');
    expect(r.message.text).toBe(hoisted().message);
  });

  it('builds a codeFlow from a flow of two or more steps, capped at 1000 locations', () => {
    const step = (line: number, message: string): Finding['flow'][number] => ({
      message,
      location: { path: 'cmd/main.go', startLine: line, startColumn: 2, endLine: line, endColumn: 3 },
    });
    const two = only(results(sarif(report([hoisted({ flow: [step(5, 'converted'), step(6, 'reaches Syscall')] })]))));
    const locs = only(only(two.codeFlows).threadFlows).locations;
    expect(locs).toEqual([
      {
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'cmd/main.go', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 2, endLine: 5, endColumn: 3 },
          },
          message: { text: 'converted' },
        },
      },
      {
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'cmd/main.go', uriBaseId: '%SRCROOT%' },
            region: { startLine: 6, startColumn: 2, endLine: 6, endColumn: 3 },
          },
          message: { text: 'reaches Syscall' },
        },
      },
    ]);

    const one = only(results(sarif(report([hoisted({ flow: [step(5, 'only step')] })]))));
    expect(one).not.toHaveProperty('codeFlows');

    const long = Array.from({ length: 1005 }, (_, k) => step(1 + (k % 7), `step ${k}`));
    const capped = only(results(sarif(report([hoisted({ flow: long })]))));
    const cl = only(only(capped.codeFlows).threadFlows).locations;
    expect(cl).toHaveLength(1000);
    expect(cl[999]?.location.message?.text).toBe('step 999');
  });

  it('fingerprints the primary line with codeql-action\'s hash, hashing each file once', () => {
    const reads = new Map<string, number>();
    const f1 = hoisted();
    const f2 = hoisted({ location: { path: 'cmd/main.go', startLine: 5, startColumn: 19, endLine: 5, endColumn: 26 } });
    const f3 = hoisted({ location: { path: 'pkg/wrap.go', startLine: 4, startColumn: 21, endLine: 4, endColumn: 22 }, related: [] });
    const f4 = hoisted({ location: { path: 'gone.go', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, related: [] });
    const log = sarif(report([f1, f2, f3, f4], [], reads));
    const rs = results(log);
    const main = lineHashes(MAIN_GO);
    const wrap = lineHashes(WRAP_GO);
    expect(rs[0]?.partialFingerprints).toEqual({ primaryLocationLineHash: main[5] });
    expect(rs[1]?.partialFingerprints).toEqual({ primaryLocationLineHash: main[4] });
    // The BOM and CRLF file: line 4 of the decoded text as the action would hash it.
    expect(rs[2]?.partialFingerprints).toEqual({ primaryLocationLineHash: wrap[3] });
    expect(rs[3]).not.toHaveProperty('partialFingerprints'); // source unavailable
    expect(main[5]).toMatch(/^[0-9a-f]+:1$/);
    // sarif() renders twice; each render reads each file once.
    expect(Object.fromEntries(reads)).toEqual({ 'cmd/main.go': 2, 'pkg/wrap.go': 2, 'gone.go': 2 });
  });

  it('omits every fingerprint when fingerprints is false', () => {
    const rs = results(sarif(report([hoisted(), hoisted()]), { fingerprints: false }));
    expect(rs).toHaveLength(2);
    for (const r of rs) expect(r).not.toHaveProperty('partialFingerprints');
  });

  it('turns fixes into replacements with line/column regions in UTF-16 units', () => {
    const start = MAIN_GO.indexOf('u := uintptr');
    const del = MAIN_GO.indexOf('\tsyscall.Syscall(1, u');
    const f = hoisted({
      fixes: [
        {
          description: 'Convert inside the call',
          path: 'cmd/main.go',
          edits: [
            // Given out of order on purpose: replacements come out sorted by offset.
            { start: MAIN_GO.indexOf('u, 0, 0)'), end: MAIN_GO.indexOf('u, 0, 0)') + 1, newText: CONV },
            { start, end: start + `u := ${CONV}`.length, newText: '' },
            { start: del, end: del, newText: '// moved\n' },
          ],
        },
        { description: 'Unknown file', path: 'gone.go', edits: [{ start: 0, end: 1, newText: 'x' }] },
        { description: 'Out of range', path: 'cmd/main.go', edits: [{ start: 0, end: MAIN_GO.length + 1, newText: 'x' }] },
      ],
    });
    const r = only(results(sarif(report([f]))));
    expect(r.fixes).toEqual([
      {
        description: { text: 'Convert inside the call' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'cmd/main.go', uriBaseId: '%SRCROOT%' },
            replacements: [
              // "u := uintptr(...)" starts at UTF-16 column 14 of line 5 (after the tab, é and 😀).
              { deletedRegion: { startLine: 5, startColumn: 14, endLine: 5, endColumn: 14 + 5 + CONV.length } },
              { deletedRegion: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 1 }, insertedContent: { text: '// moved\n' } },
              { deletedRegion: { startLine: 6, startColumn: 21, endLine: 6, endColumn: 22 }, insertedContent: { text: CONV } },
            ],
          },
        ],
      },
    ]);
    // An edit that spans a newline ends on the next line.
    const g = hoisted({ fixes: [{ description: 'join', path: 'cmd/main.go', edits: [{ start: 0, end: 'package main\n\n'.length, newText: '' }] }] });
    const rg = only(results(sarif(report([g]))));
    expect(only(only(only(rg.fixes).artifactChanges).replacements).deletedRegion).toEqual({
      startLine: 1,
      startColumn: 1,
      endLine: 3,
      endColumn: 1,
    });
    // No usable fix: no key at all.
    const h = hoisted({ fixes: [{ description: 'x', path: 'gone.go', edits: [{ start: 0, end: 0, newText: 'x' }] }] });
    expect(only(results(sarif(report([h]))))).not.toHaveProperty('fixes');
  });
});

describe('SARIF suppressions', () => {
  const suppressed = hoisted({
    location: { path: 'pkg/wrap.go', startLine: 4, startColumn: 21, endLine: 4, endColumn: 22 },
    related: [],
    suppression: {
      justification: 'buffer from mmap, not the Go heap',
      location: { path: 'pkg/wrap.go', startLine: 3, startColumn: 2, endLine: 3, endColumn: 60 },
    },
  });

  it('leaves suppressed findings out by default, with no suppressions key anywhere', () => {
    const text = render('sarif', report([hoisted(), suppressed]));
    const rs = results(sarif(report([hoisted(), suppressed])));
    expect(rs).toHaveLength(1);
    expect(rs[0]?.locations[0].physicalLocation.artifactLocation.uri).toBe('cmd/main.go');
    expect(text).not.toContain('"suppressions"');
    expect(text).not.toContain('mmap');
  });

  it('with includeSuppressed, emits them with an accepted inSource suppression and [] elsewhere', () => {
    const rs = results(sarif(report([hoisted(), suppressed, hoisted()]), { includeSuppressed: true }));
    expect(rs).toHaveLength(3);
    expect(rs.map((r) => r.suppressions?.length)).toEqual([0, 1, 0]);
    for (const r of rs) expect(Array.isArray(r.suppressions)).toBe(true); // all-or-none
    expect(rs[1]?.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'buffer from mmap, not the Go heap',
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'pkg/wrap.go', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 60 },
          },
        },
      },
    ]);
  });

  it('with includeSuppressed and nothing suppressed, every result still says []', () => {
    const rs = results(sarif(report([hoisted()]), { includeSuppressed: true }));
    expect(only(rs).suppressions).toEqual([]);
  });
});

describe('SARIF category, notifications and limits', () => {
  it('sets automationDetails.id from sarifCategory, with a trailing slash', () => {
    const a = only(sarif(report([]), { sarifCategory: 'pinlint/vendor' }).runs);
    expect(a.automationDetails).toEqual({ id: 'pinlint/vendor/' });
    expect(Object.keys(a)[1]).toBe('automationDetails');
    const b = only(sarif(report([]), { sarifCategory: 'first-party/' }).runs);
    expect(b.automationDetails?.id).toBe('first-party/');
    expect(b.automationDetails?.id.endsWith('/')).toBe(true);
    expect(only(sarif(report([]), { sarifCategory: '' }).runs)).not.toHaveProperty('automationDetails');
  });

  it('reports notifications as toolExecutionNotifications, failing the execution on an error', () => {
    const ns: Notification[] = [
      { level: 'warning', id: 'parse-error', message: 'syntax error; analyzed what parsed', path: 'cmd/main.go', span: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 5 } },
      { level: 'note', id: 'binary-file', message: 'skipped a binary file', path: 'dir with space/ü#1%?.go' },
      { level: 'error', id: 'internal', message: 'rule crashed' },
    ];
    const inv = only(only(sarif(report([], ns)).runs).invocations);
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: { text: 'syntax error; analyzed what parsed' },
        descriptor: { id: 'parse-error' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'cmd/main.go', uriBaseId: '%SRCROOT%' },
              region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 5 },
            },
          },
        ],
      },
      {
        level: 'note',
        message: { text: 'skipped a binary file' },
        descriptor: { id: 'binary-file' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'dir%20with%20space/%C3%BC%231%25%3F.go', uriBaseId: '%SRCROOT%' } } }],
      },
      { level: 'error', message: { text: 'rule crashed' }, descriptor: { id: 'internal' } },
    ]);
    const ok = only(only(sarif(report([], ns.slice(0, 2))).runs).invocations);
    expect(ok.executionSuccessful).toBe(true);
  });

  it(`keeps at most ${MAX_SARIF_RESULTS} results, highest levels first, and says how many were dropped`, () => {
    const note = (k: number): Finding =>
      hoisted({
        ruleId: 'PL003',
        ruleName: 'retained-pointer',
        level: 'note',
        message: `note ${k}`,
        related: [],
        location: { path: 'cmd/main.go', startLine: 1 + (k % 7), startColumn: 1, endLine: 1 + (k % 7), endColumn: 2 },
      });
    const findings: Finding[] = [];
    for (let k = 0; k < MAX_SARIF_RESULTS + 1; k++) findings.push(note(k));
    findings.splice(5, 0, hoisted({ message: 'error A', related: [] }));
    findings.push(hoisted({ message: 'error B', related: [] }));
    expect(findings).toHaveLength(MAX_SARIF_RESULTS + 3);
    const log = sarif(report(findings), { fingerprints: false });
    const rs = results(log);
    expect(rs).toHaveLength(MAX_SARIF_RESULTS);
    const msgs = rs.map((r) => r.message.text);
    // Both errors survive, in their original places; the last three notes are the ones dropped.
    expect(msgs[5]).toBe('error A');
    expect(msgs.at(-1)).toBe('error B');
    expect(msgs.at(-2)).toBe(`note ${MAX_SARIF_RESULTS - 3}`);
    expect(msgs).not.toContain(`note ${MAX_SARIF_RESULTS - 2}`);
    const inv = only(only(log.runs).invocations);
    expect(inv.executionSuccessful).toBe(true);
    const [dropped, display] = inv.toolExecutionNotifications ?? [];
    expect(dropped?.level).toBe('warning');
    expect(dropped?.descriptor.id).toBe('sarif-results-truncated');
    expect(dropped?.message.text).toMatch(/^3 of 25003 results were left out .* at most 25000 results per run/);
    expect(display?.level).toBe('note');
    expect(display?.message.text).toContain('displays only the top 5000');
  });

  it('contains no absolute path and no timestamp, and ignores the key order of its input', () => {
    const a = hoisted();
    const b = Object.fromEntries(Object.entries(hoisted()).reverse()) as unknown as Finding;
    b.location = Object.fromEntries(Object.entries(a.location).reverse()) as unknown as Finding['location'];
    const ta = render('sarif', report([a]), { includeSuppressed: true });
    expect(render('sarif', report([b]), { includeSuppressed: true })).toBe(ta);
    expect(ta).not.toContain(process.cwd());
    expect(ta).not.toMatch(/file:\/\//);
    expect(ta).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('every format is listed and rendered deterministically', () => {
    expect(FORMATS).toEqual(['text', 'concise', 'json', 'sarif', 'github']);
    const r = report([hoisted()], [{ level: 'warning', id: 'parse-error', message: 'bad', path: 'cmd/main.go' }]);
    for (const f of FORMATS) expect(render(f, r)).toBe(render(f, r));
  });
});

// --------------------------------------------------------------------------------------------
// Other formats

describe('text format', () => {
  it('prints path:line:col, rule, message, the excerpt with carets, and related notes', () => {
    const out = render('text', report([hoisted()]));
    expect(out).toBe(
      [
        'cmd/main.go:6:21: PL001 [hoisted-uintptr] The pointer p is converted to uintptr before the call, so it may be freed or moved before the call returns.',
        '  |',
        '6 |     syscall.Syscall(1, u, 0, 0)',
        '  |                        ^',
        '  = note: converted to uintptr here at cmd/main.go:5:19',
        '  |',
        // tab -> 4 spaces; 😀 is two cells wide, so the carets start at display cell 21.
        '5 |     s := "é😀"; u := uintptr(unsafe.Pointer(p))',
        `  | ${' '.repeat(21)}${'^'.repeat(CONV.length)}`,
        '',
        '1 finding (1 error) in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('underlines a multi-line span to the end of its first line and widens the gutter', () => {
    const f = hoisted({
      level: 'warning',
      location: { path: 'cmd/main.go', startLine: 4, startColumn: 8, endLine: 6, endColumn: 3 },
      related: [{ message: 'here', location: { path: 'pkg/wrap.go', startLine: 40, startColumn: 1, endLine: 40, endColumn: 2 } }],
    });
    const lines = render('text', report([f])).split('\n');
    expect(lines.slice(1, 4)).toEqual([
      '   |',
      ' 4 | func f(p *int) {',
      `   | ${' '.repeat(7)}${'^'.repeat('p *int) {'.length)}`,
    ]);
    // Line 40 does not exist: the note is printed without an excerpt.
    expect(lines[4]).toBe('   = note: here at pkg/wrap.go:40:1');
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('1 finding (1 warning) in 1 file.');
  });

  it('prints notifications, counts suppressed findings, and says No findings when clean', () => {
    expect(render('text', report([]))).toBe('No findings.\n');
    const s = hoisted({ suppression: { justification: 'ok', location: hoisted().location } });
    const n: Notification[] = [
      { level: 'warning', id: 'parse-error', message: 'syntax error', path: 'a.go', span: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 8 } },
      { level: 'error', id: 'unreadable', message: 'permission denied', path: 'b.go' },
      { level: 'note', id: 'config', message: 'no config file' },
    ];
    const out = render('text', report([s], n));
    expect(out).toBe(
      [
        'a.go:3:7: warning: syntax error [parse-error]',
        'b.go: error: permission denied [unreadable]',
        'pinlint: note: no config file [config]',
        '',
        'No findings; 1 suppressed; 3 notifications.',
        '',
      ].join('\n'),
    );
    const shown = render('text', report([s, hoisted({ level: 'note', related: [] }), hoisted({ location: { ...hoisted().location, path: 'pkg/wrap.go' }, related: [] })]), { includeSuppressed: true });
    expect(shown.split('\n')[0]).toMatch(/ \(suppressed: ok\)$/);
    expect(shown.endsWith('\n2 findings (1 error, 1 note) in 2 files; 1 suppressed.\n')).toBe(true);
  });

  it('adds ANSI colours only when asked', () => {
    expect(render('text', report([hoisted()]))).not.toContain('\u001b[');
    const c = render('text', report([hoisted()]), { color: true });
    expect(c).toContain('\u001b[1;31mPL001\u001b[0m');
    expect(c.replace(/\u001b\[[0-9;]*m/g, '')).toBe(render('text', report([hoisted()])));
  });
});

describe('json format', () => {
  it('has version, findings, notifications and summary, in a fixed key order', () => {
    const s = hoisted({ suppression: { justification: 'ok', location: hoisted().location } });
    const r = report([hoisted({ fixes: [{ description: 'd', path: 'cmd/main.go', edits: [{ start: 1, end: 2, newText: 'x' }] }] }), s], [
      { level: 'note', id: 'config', message: 'no config' },
    ]);
    const text = render('json', r);
    const j = JSON.parse(text) as ReturnType<typeof buildJson>;
    expect(Object.keys(j)).toEqual(['version', 'findings', 'notifications', 'summary']);
    expect(j.version).toBe('0.1.0');
    expect(j.findings).toHaveLength(1);
    expect(Object.keys(j.findings[0] ?? {})).toEqual(['ruleId', 'ruleName', 'level', 'message', 'location', 'related', 'flow', 'fixes']);
    expect(j.findings[0]?.location).toEqual({ path: 'cmd/main.go', startLine: 6, startColumn: 21, endLine: 6, endColumn: 22 });
    expect(j.notifications).toEqual([{ level: 'note', id: 'config', message: 'no config' }]);
    expect(j.summary).toEqual({ findings: 1, errors: 1, warnings: 0, notes: 0, filesWithFindings: 1, suppressed: 1, fixable: 1, byRule: { PL001: 1 }, notifications: 1 });
    expect(text).toBe(`${JSON.stringify(j, null, 2)}\n`);
    const all = buildJson(r, { includeSuppressed: true });
    expect(all.findings).toHaveLength(2);
    expect(all.findings[1]?.suppression).toEqual({ justification: 'ok', location: hoisted().location });
  });
  it('carries a judged finding\'s severity, evidence and evidence line after the message', () => {
    const f = hoisted({ level: 'warning', severity: 'rule-violation', evidence: 'p is used again at line 7', evidenceLine: 7, object: 'p' });
    const j = buildJson(report([f]));
    expect(Object.keys(j.findings[0] ?? {})).toEqual(['ruleId', 'ruleName', 'level', 'message', 'severity', 'evidence', 'evidenceLine', 'location', 'related', 'flow']);
    expect(j.findings[0]).toMatchObject({ severity: 'rule-violation', evidence: 'p is used again at line 7', evidenceLine: 7 });
  });
});

describe('github format', () => {
  it('escapes data and property values as workflow commands require', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('emits one annotation per finding, columns only on single-line spans', () => {
    const multi = hoisted({
      level: 'note',
      message: '50% of\nthis',
      related: [],
      location: { path: 'x,y:z.go', startLine: 3, startColumn: 4, endLine: 5, endColumn: 2 },
    });
    const out = render('github', report([hoisted(), multi], [
      { level: 'warning', id: 'parse-error', message: 'bad syntax', path: 'a.go', span: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 } },
      { level: 'error', id: 'internal', message: 'no path' },
    ]));
    expect(out).toBe(
      [
        '::error file=cmd/main.go,line=6,endLine=6,col=21,endColumn=22,title=pinlint PL001 hoisted-uintptr::' +
          'The pointer p is converted to uintptr before the call, so it may be freed or moved before the call returns.' +
          '%0Anote: converted to uintptr here at cmd/main.go:5:19',
        '::notice file=x%2Cy%3Az.go,line=3,endLine=5,title=pinlint PL001 hoisted-uintptr::50%25 of%0Athis',
        '::warning file=a.go,line=2,endLine=2,col=1,endColumn=4,title=pinlint parse-error::bad syntax',
        '',
      ].join('\n'),
    );
    expect(render('github', report([]))).toBe('');
  });

  it('leaves suppressed findings out unless asked, then shows them as notices', () => {
    const s = hoisted({ related: [], suppression: { justification: 'safe: static buffer', location: hoisted().location } });
    expect(render('github', report([s]))).toBe('');
    expect(render('github', report([s]), { includeSuppressed: true })).toBe(
      '::notice file=cmd/main.go,line=6,endLine=6,col=21,endColumn=22,title=pinlint PL001 hoisted-uintptr::' +
        `${hoisted().message}%0Asuppressed: safe: static buffer\n`,
    );
  });
});

describe('rule docs rendering', () => {
  const m = RULES[1] as RuleMeta;

  it('renders a rule page with banner, title, table and sections in order', () => {
    const page = renderRulePage(RULES[0] as RuleMeta);
    const lines = page.split('\n');
    expect(lines[0]).toBe('<!-- generated from rules/hoisted-uintptr.ts by `npm run docs` — do not edit -->');
    expect(lines[2]).toBe('# hoisted-uintptr (PL001)');
    expect(lines[4]).toBe('A pointer converted to uintptr outside the argument list of a protected sink is not kept alive.');
    expect(page).toContain('| Default level | error |\n| Levels | error (bug) |\n| Precision | high |\n| Security severity | 7.5 |');
    expect(page).toContain('| Tags | `go`, `unsafe`, `security` |');
    expect(page).toContain('| CWE | [CWE-416](https://cwe.mitre.org/data/definitions/416.html) |');
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## What it flags', '## Why it is a bug', '## How to fix', '## Levels', '## Examples', '## References']);
    expect(page).toContain('### error: bug\n\nNothing keeps it alive.\n\n```go\npackage p\n```');
    expect(page).toContain('```go\npackage p\n\nfunc f() {\n\tu := uintptr(unsafe.Pointer(p))\n\tsyscall.Syscall(1, u, 0, 0)\n}\n```');
    expect(page).toContain('- <https://pkg.go.dev/unsafe#Pointer>\n- [golang/go#44834](https://github.com/golang/go/issues/44834)\n');
    expect(page.endsWith('\n')).toBe(true);
    expect(renderRulePage(m)).toContain('## When it is safe\n\nWhen `p` points to memory from `VirtualAlloc`.');
  });

  it('reflows paragraphs and list items but keeps code, lists and blank lines', () => {
    expect(reflowMarkdown('a\nb\n\n- c\n  d\n- e\n\n```go\nx\ny\n```\nf\ng')).toBe('a b\n\n- c d\n- e\n\n```go\nx\ny\n```\nf g');
    const md = ruleHelpMarkdown(RULES[0] as RuleMeta);
    expect(md).toContain('The unsafe package only protects the conversion when it is written directly in the call (pattern 4).');
    expect(md).toContain('- the GC may free the object before the call\n- a stack may move');
    expect(md).toContain('```go\nsyscall.Syscall(n, uintptr(unsafe.Pointer(p)), 0, 0)\n```');
    expect(md).toContain(`[Full documentation](${ruleHelpUri(RULES[0] as RuleMeta)})`);
    expect(md).not.toContain('<!--');
  });

  it('plain-text help has the same content without Markdown links', () => {
    const t = ruleHelpText(RULES[0] as RuleMeta);
    expect(t.split('\n')[0]).toBe(
      'hoisted-uintptr (PL001): A pointer converted to uintptr outside the argument list of a protected sink is not kept alive.',
    );
    expect(t).toContain('\nWhy it is a bug:\nThe unsafe package only protects');
    expect(t).toContain('\n    \tu := uintptr(unsafe.Pointer(p))\n');
    expect(t).toContain('- golang/go#44834 (https://github.com/golang/go/issues/44834)');
    expect(t).toContain('- https://pkg.go.dev/unsafe#Pointer');
    expect(t).not.toContain('](');
    // Fenced code becomes an indented block in plain text.
    expect(t).toContain('How to fix:\nWrite the conversion inside the call:\n\n    syscall.Syscall(n, uintptr(unsafe.Pointer(p)), 0, 0)\n\nLevels:\n- error (bug): Nothing keeps it alive.\n\nFlagged:');
    expect(t).not.toContain('```');
  });

  it('uses a fence longer than any backtick run in an example', () => {
    const withTicks = meta({ id: 'PL010', name: 'ticks', examples: { bad: 'var s = `a ``` b`', good: 'x' } });
    expect(renderRulePage(withTicks)).toContain('````go\nvar s = `a ``` b`\n````');
  });

  it('renders the index and the full set of files', () => {
    const idx = renderRuleIndex(RULES);
    expect(idx.split('\n')[0]).toBe('<!-- generated from rules/index.ts by `npm run docs` — do not edit -->');
    expect(idx).toContain(
      '| PL002 | [wrapper-uintptr](wrapper-uintptr.md) | A pointer converted to uintptr outside the argument list of a protected sink is not kept alive. | warning | high | 8.0 |',
    );
    expect([...renderRuleDocs(RULES).keys()]).toEqual([
      'docs/rules/hoisted-uintptr.md',
      'docs/rules/wrapper-uintptr.md',
      'docs/rules/retained-pointer.md',
      'docs/rules/README.md',
    ]);
  });

  it('tags and truncation helpers', () => {
    expect(ruleTags(meta({ id: 'PL011', name: 'n', tags: Array.from({ length: 25 }, (_, k) => `t${k}`), cwe: ['CWE-416'] }))).toHaveLength(20);
    expect(ruleTags(meta({ id: 'PL011', name: 'n', tags: Array.from({ length: 25 }, (_, k) => `t${k}`), cwe: ['CWE-416'] }))).toEqual(
      expect.arrayContaining(['security', 'external/cwe/cwe-416']),
    );
    expect(truncateText('short', 1024)).toBe('short');
    expect(truncateText('aaaa bbbb cccc', 12)).toBe('aaaa bbbb…');
    // Cutting after 10 units would split the surrogate pair of 😀: the half is dropped too.
    expect(truncateText(`${'a'.repeat(9)}😀b`, 11)).toBe(`${'a'.repeat(9)}…`);
    expect(truncateText(`${'a'.repeat(9)}😀`, 11)).toBe(`${'a'.repeat(9)}😀`);
  });
});
