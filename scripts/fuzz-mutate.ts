// Mutators and generators for `npm run fuzz` (scripts/fuzz.ts): a seeded PRNG, byte-level and
// syntax-aware mutations of seed files, and generators of deep nesting. Deterministic: the same
// seed gives the same cases.

/** mulberry32: a small, fast, seedable PRNG (public domain algorithm). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

const INSERTS = ['\r', '\0', '\uFEFF', '\u2028', '\u2029', '\r\n', '{', '}', '(', ')', '"', '`', '/*', '//pinlint:ignore PL001 -- x\n'];

type Mutator = (r: Rand, s: string, other: string) => string;

const MUTATORS: Record<string, Mutator> = {
  byteFlip: (r, s) => {
    const b = Buffer.from(s, 'utf8');
    if (b.length === 0) return s;
    for (let k = 1 + int(r, 4); k > 0; k--) { const i = int(r, b.length); b[i] = (b[i] as number) ^ (1 << int(r, 8)); }
    return b.toString('utf8');
  },
  truncate: (r, s) => s.slice(0, int(r, s.length + 1)),
  splice: (r, s, other) => s.slice(0, int(r, s.length + 1)) + other.slice(int(r, other.length + 1)),
  deleteBracket: (r, s) => {
    const at: number[] = [];
    for (let i = 0; i < s.length; i++) if ('{}()[]'.includes(s[i] as string)) at.push(i);
    if (at.length === 0) return s;
    const i = pick(r, at);
    return s.slice(0, i) + s.slice(i + 1);
  },
  duplicateSpan: (r, s) => {
    const a = int(r, s.length + 1);
    const b = Math.min(s.length, a + int(r, 400));
    return s.slice(0, b) + s.slice(a, b).repeat(1 + int(r, 3)) + s.slice(b);
  },
  insert: (r, s) => {
    const i = int(r, s.length + 1);
    return s.slice(0, i) + pick(r, INSERTS) + s.slice(i);
  },
};

const HEADER = 'package p\n\nimport (\n\t"syscall"\n\t"unsafe"\n)\n\n';
const PL001 = 'func f(b []byte) {\n\tp := uintptr(unsafe.Pointer(&b[0]))\n\tsyscall.Syscall(1, p, 0, 0)\n}\n';

/** Deep nesting of one kind, around a real PL001 in the same file (it must survive). */
export function deepNesting(r: Rand): string {
  const n = 100 + int(r, 6000);
  const kinds = [
    () => 'var v = ' + '('.repeat(n) + '1' + ')'.repeat(n),
    () => 'var v = 1' + '+1'.repeat(n * 4),
    () => 'var v = ' + 'T{'.repeat(n) + '}'.repeat(n),
    () => 'type T ' + 'struct { f '.repeat(n) + 'int' + ' }'.repeat(n),
    () => 'func g() {\n' + '{'.repeat(n) + '}'.repeat(n) + '\n}',
    () => 'func g() {\n' + 'if x {'.repeat(n) + '}'.repeat(n) + '\n}',
    () => 'var v = ' + 'func() {'.repeat(n) + '}'.repeat(n),
    () => 'var x = T{' + 'u++;'.repeat(n),
    () => 'var v = ' + 'g('.repeat(n) + ')'.repeat(n),
    () => 'var v ' + '*'.repeat(n) + 'int',
  ];
  return HEADER + PL001 + '\n' + pick(r, kinds)() + '\n';
}

export interface Case {
  name: string;
  text: string;
}

/** One fuzz case from the seeds: a deep-nesting generator now and then, else 1-3 mutations. */
export function makeCase(r: Rand, seeds: readonly string[]): Case {
  if (r() < 0.05) return { name: 'deep-nesting', text: deepNesting(r) };
  let text = pick(r, seeds);
  const names: string[] = [];
  for (let k = 1 + int(r, 3); k > 0; k--) {
    const m = pick(r, Object.keys(MUTATORS));
    names.push(m);
    text = (MUTATORS[m] as Mutator)(r, text, pick(r, seeds));
  }
  return { name: names.join('+'), text };
}

/** Metamorphic variants of a file: each must give the same findings, shifted as stated. */
export function variants(text: string): Array<{ name: string; text: string; lineShift: number; file?: string }> {
  return [
    { name: 'crlf', text: text.replace(/\r?\n/g, '\r\n'), lineShift: 0 },
    { name: 'bom', text: '\uFEFF' + text, lineShift: 0 },
    { name: 'prepended-lines', text: '// one\n// two\n\n' + text, lineShift: 3 },
    { name: 'renamed', text, lineShift: 0, file: 'renamed_file.go' },
  ];
}
