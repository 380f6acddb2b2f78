// Function values as sinks: what a call through a package-level variable or a function-typed field
// resolves to is taken from every file of the package (assignments in init, composite literals,
// purego registrations), and the code flow of the finding names what the value holds.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/analyze.js';
import { rules } from '../rules/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'indirect-sink-call');
const indirect = rules.filter((r) => r.meta.name === 'indirect-sink-call');

describe('calls through bound function values', async () => {
  const result = await analyze({ paths: [DIR], cwd: DIR, rules: indirect });
  const at = (file: string, callee: string) =>
    result.findings.filter((f) => f.location.path.endsWith(file) && f.message.includes(`(${callee})`)).flatMap((f) => f.flow.map((r) => r.message));

  it('names the sink a package-level variable is set to in another file', () => {
    expect(at('func_fields_linux.go', 'rawSyscall')).toContain('passed through rawSyscall here (holds syscall.RawSyscall)');
    expect(at('func_fields_linux.go', 'sysRead')).toContain('passed through sysRead here (holds syscall.Syscall)');
  });

  it('names the method value a field is set to in init', () => {
    expect(at('func_fields_windows.go', 'clockFuncs.now')).toContain('passed through clockFuncs.now here (holds procGetSystemTimeAsFileTime.Call)');
  });

  it('names the C function a purego registration binds', () => {
    const related = result.findings.filter((f) => f.location.path.endsWith('purego_linux.go') && f.message.includes('for libz.crc32,')).flatMap((f) => f.flow.map((r) => r.message));
    expect(related).toContain('passed to libz.crc32 here (C function crc32, registered with purego.RegisterLibFunc)');
  });
});
