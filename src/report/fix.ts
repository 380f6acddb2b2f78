// Applying fixes: pick one fix per finding, drop fixes that would overlap ones already taken,
// merge identical edits (two KeepAlive fixes both adding `import "runtime"`), and rewrite each
// file from its text. Writing is the CLI's job (atomically); this module is pure.
import type { Finding, Fix, TextEdit } from '../model/findings.js';
import { compareText } from '../model/order.js';
import { createTwoFilesPatch } from 'diff';

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

/** A unified diff of two versions of a file: three lines of context, one hunk per change (hunks
 * closer than twice the context merge, as in diff -u). jsdiff's Myers diff costs O(N·D), so a
 * two-line change to a large file is a two-hunk diff, not a replacement of the file. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts the patch with a line of '=' (its Index-style separator); diff -u does not.
  return patch.replace(/^=+\n/, '');
}
