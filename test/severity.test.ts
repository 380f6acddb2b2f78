// Bug or rule violation (issue 9, DESIGN.md §1c): how the engine turns a rule's judgement and a
// configured level into a finding's level, keeps one finding per rule, argument and object, and
// how `judge` reads the evidence the flow walk recorded.
import { describe, expect, it } from 'vitest';
import { dedupe, findingLevel } from '../src/engine/findings.js';
import type { Finding } from '../src/model/findings.js';
import type { Mitigation, ObjFact } from '../src/model/facts.js';
import { judge } from '../src/rule-api.js';

describe('findingLevel', () => {
  it('puts a bug at the rule level and a rule violation one step below', () => {
    expect(findingLevel('error', undefined, undefined, 'bug')).toBe('error');
    expect(findingLevel('error', undefined, undefined, 'rule-violation')).toBe('warning');
    expect(findingLevel('warning', undefined, undefined, 'rule-violation')).toBe('note');
    expect(findingLevel('note', undefined, undefined, 'rule-violation')).toBe('note');
    expect(findingLevel('error', undefined, undefined, undefined)).toBe('error');
  });
  it('moves every finding by the steps a configured level moves the rule, within note..error', () => {
    expect(findingLevel('error', 'warning', undefined, 'bug')).toBe('warning');
    expect(findingLevel('error', 'warning', undefined, 'rule-violation')).toBe('note');
    expect(findingLevel('error', 'note', undefined, 'bug')).toBe('note');
    expect(findingLevel('warning', 'error', undefined, 'bug')).toBe('error');
    expect(findingLevel('warning', 'error', undefined, 'rule-violation')).toBe('warning');
    expect(findingLevel('error', 'error', undefined, 'rule-violation')).toBe('warning');
  });
  it('keeps a level the rule asks for, moved by the configuration too', () => {
    expect(findingLevel('error', undefined, 'warning', 'bug')).toBe('warning');
    expect(findingLevel('error', 'warning', 'warning', 'bug')).toBe('note');
    expect(findingLevel('warning', 'error', 'note', undefined)).toBe('warning');
  });
});

describe('dedupe', () => {
  const at = { path: 'a.go', startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 };
  const f = (over: Partial<Finding>): Finding => ({ ruleId: 'PL002', ruleName: 'hidden-pointer', level: 'error', message: 'm', location: at, related: [], flow: [], ...over });
  it('keeps one finding per rule, argument and object, the highest level winning', () => {
    const out = dedupe([
      f({ object: 'buf', level: 'warning', message: 'via one path' }),
      f({ object: 'buf', level: 'error', message: 'via another' }),
      f({ object: 'name', message: 'another object' }),
      f({ object: 'buf', ruleId: 'PL004', message: 'another rule' }),
      f({ object: 'buf', location: { ...at, startColumn: 12, endColumn: 15 }, message: 'another argument' }),
    ]);
    expect(out.map((x) => x.message)).toEqual(['via another', 'another object', 'another rule', 'another argument']);
  });
  it('tells findings that name no object apart by their message', () => {
    expect(dedupe([f({ message: 'a' }), f({ message: 'a' }), f({ message: 'b' })]).map((x) => x.message)).toEqual(['a', 'b']);
  });
});

describe('judge', () => {
  const heap: ObjFact = { name: 'buf', keys: ['buf#1'], kind: 'local', stack: false, fresh: true };
  const stack: ObjFact = { name: 'st', keys: ['st#1'], kind: 'local', stack: true, fresh: true };
  const none: Mitigation = { pin: 'none' };
  const span = (line: number) => ({ startLine: line, startColumn: 1, endLine: line, endColumn: 4 });
  it('calls a heap object nothing refers to after the call a bug', () => {
    expect(judge(heap, none)).toMatchObject({ severity: 'bug', object: 'buf' });
  });
  it('calls a later use or a package-level store a rule violation, naming the line', () => {
    expect(judge(heap, { ...none, usedAfter: span(52) })).toMatchObject({ severity: 'rule-violation', evidenceLine: 52, evidence: expect.stringContaining('used again at line 52') });
    expect(judge(heap, { ...none, storedGlobal: { span: span(40), holder: 'registry[id]' } })).toMatchObject({ severity: 'rule-violation', evidenceLine: 40, evidence: expect.stringContaining('package-level registry[id] at line 40') });
  });
  it('calls a stack object a bug even when it is used later, unless it escapes', () => {
    expect(judge(stack, { ...none, usedAfter: span(9) }, 'ioctl')).toMatchObject({ severity: 'bug', evidence: expect.stringContaining('moves when ioctl grows it') });
    expect(judge(stack, { ...none, usedAfter: span(9), returned: true })).toMatchObject({ severity: 'rule-violation' });
    expect(judge(stack, { ...none, storedGlobal: { span: span(4), holder: 'last' } })).toMatchObject({ severity: 'rule-violation' });
  });
});
