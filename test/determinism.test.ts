// Findings that were lost, misplaced or ordered by the machine rather than by the input:
// - a carriage return inside a comment shifted the lines of later suppressions (they were split
//   on \r as well as \n, positions only on \n);
// - U+2028 after `//pinlint:ignore` disabled the directive (a `.`-based pattern);
// - the wrapper fixed point stopped after 50 rounds, so a long chain declared caller-first was
//   silently not reported;
// - findings were sorted with localeCompare, so the order of a report depended on the locale.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';

const HEADER = 'package p\n\nimport (\n\t"syscall"\n\t"unsafe"\n)\n\n';
const CONVERT = '\tp := uintptr(unsafe.Pointer(&b[0]))\n';
const CALL = '\tsyscall.Syscall(1, p, 0, 0)\n';
const HOISTED = CONVERT + CALL;

interface JsonReport {
  findings: Array<{ ruleId: string; location: { path: string; startLine: number } }>;
  notifications: unknown[];
}

async function findings(files: Record<string, string>, args: string[] = []): Promise<JsonReport['findings']> {
  const dir = tempTree({ 'go.mod': 'module example.com/p\n\ngo 1.21\n', ...files });
  const run = await runCli(['--format', 'json', ...args, '.'], dir);
  return (JSON.parse(run.out) as JsonReport).findings;
}

describe('one line model', () => {
  it('keeps a suppression working after a lone carriage return inside an earlier comment', async () => {
    const src = HEADER + '// a comment with a lone \r carriage return\n' +
      'func f(b []byte) {\n' + CONVERT + '\t//pinlint:ignore PL001 -- b is owned by the caller for the whole call\n' + CALL + '}\n';
    expect(await findings({ 'a.go': src })).toEqual([]);
  });

  it('keeps a suppression working when the comment goes on past U+2028 or U+2029', async () => {
    for (const sep of ['\u2028', '\u2029']) {
      const src = HEADER + 'func f(b []byte) {\n' + CONVERT + `\t//pinlint:ignore PL001 -- owned by the caller${sep}for the whole call\n` + CALL + '}\n';
      expect(await findings({ 'a.go': src }), JSON.stringify(sep)).toEqual([]);
    }
  });

  it('still reads CRLF files: the suppression applies and nothing is reported as bad', async () => {
    const src = (HEADER + 'func f(b []byte) {\n' + CONVERT + '\t//pinlint:ignore PL001 -- owned by the caller\n' + CALL + '}\n').replace(/\n/g, '\r\n');
    expect(await findings({ 'a.go': src })).toEqual([]);
  });
});

describe('wrapper summaries', () => {
  it('follow a forwarding chain of any length, declared caller-first', async () => {
    const hops = 80;
    let src = HEADER + 'func use(b []byte) {\n\tw0(uintptr(unsafe.Pointer(&b[0])))\n}\n\n';
    for (let i = 0; i < hops; i++) {
      src += i < hops - 1
        ? `func w${i}(a uintptr) {\n\tw${i + 1}(a)\n}\n\n`
        : `func w${i}(a uintptr) {\n\tsyscall.Syscall(1, a, 0, 0)\n}\n`;
    }
    const got = await findings({ 'a.go': src });
    expect(got.map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['PL004:9']);
  });
});

describe('report order', () => {
  it('sorts paths by code units, whatever the locale: upper case first, "." before "_"', async () => {
    const body = (name: string): string => HEADER + `func ${name}(b []byte) {\n` + HOISTED + '}\n';
    const got = await findings({ 'x_linux.go': body('g'), 'x.go': body('f'), 'X.go': body('h'), 'é.go': body('i') });
    expect(got.map((f) => f.location.path)).toEqual(['X.go', 'x.go', 'x_linux.go', 'é.go']);
  });
});
