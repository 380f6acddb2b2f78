// Applying fixes: pick one fix per finding, drop fixes that would overlap ones already taken,
// merge identical edits (two KeepAlive fixes both adding `import "runtime"`), and rewrite each
// file from its text. Writing is the CLI's job (atomically); this module is pure.
import type { Finding, Fix, TextEdit } from '../model/findings.js';
import { compareText } from '../model/order.js';

export interface FilePlan {
  path: string;
  before: string;
  after: string;
  /** Fixes applied to this file. */
  applied: Fix[];
  /** Fixes left out because they overlapped another fix. */
  skipped: Fix[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions at one point
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}

/** Plans the fixes of the shown (unsuppressed) findings, file by file, in a stable order. */
export function planFixes(findings: readonly Finding[], readSource: (path: string) => string | undefined): FilePlan[] {
  const byPath = new Map<string, Fix[]>();
  for (const f of findings) {
    const fix = f.suppression ? undefined : f.fixes?.[0];
    if (!fix) continue;
    const list = byPath.get(fix.path) ?? [];
    list.push(fix);
    byPath.set(fix.path, list);
  }
  const plans: FilePlan[] = [];
  for (const [path, fixes] of [...byPath].sort((a, b) => compareText(a[0], b[0]))) {
    const before = readSource(path);
    if (before === undefined) continue;
    const taken: TextEdit[] = [];
    const applied: Fix[] = [];
    const skipped: Fix[] = [];
    for (const fix of fixes) {
      const fresh = fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
      const inRange = fix.edits.every((e) => e.start >= 0 && e.end <= before.length && e.start <= e.end);
      if (!inRange || fresh.some((e) => taken.some((t) => overlaps(t, e)))) {
        skipped.push(fix);
        continue;
      }
      taken.push(...fresh);
      applied.push(fix);
    }
    // Apply from the end so earlier offsets stay valid; insertions at one point keep their order.
    const ordered = taken.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
    let after = before;
    for (const { e } of ordered) after = after.slice(0, e.start) + e.newText + after.slice(e.end);
    plans.push({ path, before, after, applied, skipped });
  }
  return plans;
}

/** A unified diff of two versions of a file (three lines of context). */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  // Line operations for the changed middle: an LCS when it is small, else replace it whole.
  type Op = { kind: ' ' | '-' | '+'; text: string };
  const ops: Op[] = [];
  if (am.length * bm.length <= 4_000_000) {
    const dp: Uint32Array[] = Array.from({ length: am.length + 1 }, () => new Uint32Array(bm.length + 1));
    for (let i = am.length - 1; i >= 0; i--) {
      for (let j = bm.length - 1; j >= 0; j--) {
        (dp[i] as Uint32Array)[j] = am[i] === bm[j] ? ((dp[i + 1] as Uint32Array)[j + 1] as number) + 1 : Math.max((dp[i + 1] as Uint32Array)[j] as number, (dp[i] as Uint32Array)[j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < am.length || j < bm.length) {
      if (i < am.length && j < bm.length && am[i] === bm[j]) ops.push({ kind: ' ', text: am[i++] as string }), j++;
      else if (i < am.length && (j === bm.length || ((dp[i + 1] as Uint32Array)[j] as number) >= ((dp[i] as Uint32Array)[j + 1] as number))) ops.push({ kind: '-', text: am[i++] as string });
      else ops.push({ kind: '+', text: bm[j++] as string });
    }
  } else {
    for (const t of am) ops.push({ kind: '-', text: t });
    for (const t of bm) ops.push({ kind: '+', text: t });
  }
  const all: Op[] = [...a.slice(0, pre).map((t) => ({ kind: ' ' as const, text: t })), ...ops, ...a.slice(a.length - suf).map((t) => ({ kind: ' ' as const, text: t }))];
  // Group into hunks with 3 lines of context.
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const changed = all.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] as number;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] as number) - last <= 7) last = changed[++k] as number;
    k++;
    const from = Math.max(0, first - 3);
    const to = Math.min(all.length, last + 4);
    let aStart = 1;
    let bStart = 1;
    for (let x = 0; x < from; x++) {
      if (all[x]?.kind !== '+') aStart++;
      if (all[x]?.kind !== '-') bStart++;
    }
    const slice = all.slice(from, to);
    const aLen = slice.filter((o) => o.kind !== '+').length;
    const bLen = slice.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of slice) out.push(`${o.kind}${o.text}`);
  }
  return out.join('\n') + '\n';
}
