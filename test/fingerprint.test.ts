// primaryLocationLineHash must equal what github/codeql-action computes (src/fingerprints.ts), or
// the upload action warns about inconsistent fingerprints and alerts stop matching across commits.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineHashes } from '../src/report/fingerprint.js';

// ../shared sits next to the repository in CI only; a user's clone has none.
const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const VECTORS_FILE = resolve(SHARED_DATA, 'codeql-line-hash-vectors.json');
const haveVectors = existsSync(VECTORS_FILE);

interface VectorFile {
  vectors: { input: string; expected: string[] }[];
}

describe.skipIf(!haveVectors)(
  haveVectors
    ? 'fingerprint golden vectors from codeql-action (../shared/data)'
    : 'fingerprint golden vectors (../shared/data not present: skipped)',
  () => {
    const file = haveVectors ? (JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as VectorFile) : { vectors: [] };

    it('has the 9 vectors taken from codeql-action', () => {
      expect(file.vectors).toHaveLength(9);
    });

    file.vectors.forEach((v, i) => {
      it(`vector ${i + 1}: ${JSON.stringify(v.input.slice(0, 30))}`, () => {
        expect(lineHashes(v.input)).toEqual(v.expected);
      });
    });

    it('the straightforward reference below also reproduces every vector', () => {
      for (const v of file.vectors) expect(referenceLineHashes(v.input)).toEqual(v.expected);
    });
  },
);

/**
 * The same hash by its definition instead of a rolling window: normalise the stream (drop spaces,
 * tabs and the LF of CRLF; CR becomes LF), append the 65535 sentinel and 100 zeros, and for every
 * line start p take sum(stream[p+k] * 37^(99-k)) mod 2^64. Written independently of
 * src/report/fingerprint.ts so the two check each other on inputs the golden vectors do not cover.
 */
function referenceLineHashes(text: string): string[] {
  const stream: number[] = [];
  let prevCR = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || (prevCR && c === 0x0a)) {
      prevCR = false;
      continue;
    }
    prevCR = c === 0x0d;
    stream.push(c === 0x0d ? 0x0a : c);
  }
  stream.push(65535);
  const starts = [0];
  stream.forEach((c, i) => {
    if (c === 0x0a) starts.push(i + 1);
  });
  for (let k = 0; k < 100; k++) stream.push(0);
  const seen = new Map<string, number>();
  return starts.map((p) => {
    let h = 0n;
    for (let k = 0; k < 100; k++) h = (h * 37n + BigInt(stream[p + k] ?? 0)) & 0xffffffffffffffffn;
    const hex = h.toString(16);
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    return `${hex}:${n}`;
  });
}

describe('fingerprint: our own vectors', () => {
  // Expected values below were computed by a separate Python implementation of the definition
  // (UTF-16 units via str.encode('utf-16-le')), which also reproduces the 9 codeql-action vectors.

  it('an empty file has one line, hashed c129715d7a2bc9a3:1', () => {
    expect(lineHashes('')).toEqual(['c129715d7a2bc9a3:1']);
  });

  it('hashes a BOM as U+FEFF instead of stripping it', () => {
    expect(lineHashes('\uFEFFpackage main\n')).toEqual(['bac0d04b3b090261:1', 'c129715d7a2bc9a3:1']);
    expect(lineHashes('package main\n')).toEqual(['afb1528ffcd4a476:1', 'c129715d7a2bc9a3:1']);
  });

  it('hashes UTF-16 code units: non-ASCII and astral characters (surrogate pairs)', () => {
    expect(lineHashes('a := "é😀"\nb\n')).toEqual(['fa79fe0c2dcd075b:1', 'ade70578248be16f:1', 'c129715d7a2bc9a3:1']);
    // Hashing code points instead (one unit for the emoji) would give a different first line.
    expect(lineHashes('a := "é\uD83D"\nb\n')[0]).not.toBe('fa79fe0c2dcd075b:1');
  });

  it('treats CRLF, lone CR and LF alike', () => {
    const lf = lineHashes('a\nb\n');
    expect(lf).toEqual(['81b8d8db678b2bbe:1', 'ade70578248be16f:1', 'c129715d7a2bc9a3:1']);
    expect(lineHashes('a\r\nb\r\n')).toEqual(lf);
    expect(lineHashes('a\rb\r')).toEqual(lf);
  });

  it('ignores spaces and tabs but not other whitespace', () => {
    expect(lineHashes('\t a \t\n  b\n')).toEqual(lineHashes('a\nb\n'));
    expect(lineHashes('a\u00a0\nb\n')).not.toEqual(lineHashes('a\nb\n'));
  });

  it('counts repeated windows per file, in line order', () => {
    const h = lineHashes('x\nx\nx');
    expect(h.map((s) => s.split(':')[1])).toEqual(['1', '1', '1']); // windows differ: later lines see less
    const same = lineHashes(`${'y\n'.repeat(120)}`);
    // Lines 1..71 each see 100 units of "y\n" (line 71 starts at unit 140 of 240): identical
    // windows, so the counter runs 1..71; line 72's window reaches the end-of-file sentinel.
    expect(same.slice(0, 71).map((s) => s.split(':')[1])).toEqual(Array.from({ length: 71 }, (_, k) => String(k + 1)));
    expect(new Set(same.slice(0, 71).map((s) => s.split(':')[0])).size).toBe(1);
    expect(same[71]?.split(':')[0]).not.toBe(same[0]?.split(':')[0]);
  });

  it('agrees with the direct definition on a long, mixed file', () => {
    const text =
      '\uFEFF// Copyright 😀 Ünïcödé\r\npackage main\n\nimport "unsafe"\r\rfunc f(p *int) uintptr {\n\treturn uintptr(unsafe.Pointer(p)) // 日本語\n}\n' +
      'x := "a\tb c"\n'.repeat(30);
    const got = lineHashes(text);
    expect(got).toEqual(referenceLineHashes(text));
    expect(got).toHaveLength(text.split(/\r\n|\r|\n/).length);
  });

  it('gives every line exactly one hash, with the trailing empty line after a final newline', () => {
    expect(lineHashes('a')).toHaveLength(1);
    expect(lineHashes('a\n')).toHaveLength(2);
    expect(lineHashes('a\n').at(-1)).toBe('c129715d7a2bc9a3:1');
    expect(lineHashes('\n\n\n')).toHaveLength(4);
  });

  it('prints the hash as unpadded lower-case hex', () => {
    for (const h of lineHashes(' a\nb\n  \t\tc\n d\nQ')) expect(h).toMatch(/^[0-9a-f]{1,16}:[1-9]\d*$/);
    expect(lineHashes(' a\nb\n  \t\tc\n d')[1]).toBe('54703d4cd895b18:1');
  });
});
