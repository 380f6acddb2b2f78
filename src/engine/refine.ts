// The type stage: after every file of the tree and its context has been analyzed once, the type
// layer (src/types/) answers the questions each file asked about names declared elsewhere
// (named uintptr types, what helpers return, declared result types), and the files whose
// answers changed are analyzed again with them. A file's facts are a function of its text and
// its view only, so workers and a cache keyed on both keep working; the re-analyses go through
// the run's extractor, so they use its workers and its cache like the first analysis. Answers depend on other
// files' facts (a helper's return summary depends on its own callees), so this repeats until no
// view changes, up to MAX_ROUNDS (a chain of helpers deeper than that is not followed further).
import type { FileFacts } from '../model/facts.js';
import type { TypeView } from '../model/view.js';
import { TypeTable } from '../types/table.js';
import type { Extractor } from './extract-pool.js';
import type { ExtractTask } from './extract.js';

export const MAX_ROUNDS = 4;

export interface Refinable {
  files: FileFacts[];
  reportedFacts: Set<FileFacts>;
  /** How each file was extracted, to extract it again. */
  taskOf: Map<FileFacts, ExtractTask>;
}

/** Re-analyzes files with their type views until the views settle; returns how many files each
 * round analyzed again, and whether the views settled within MAX_ROUNDS. */
export async function refineWithTypes(out: Refinable, importPathOf: (dir: string) => string | null, extractor: Extractor): Promise<{ rounds: number[]; settled: boolean }> {
  const rounds: number[] = [];
  const used = new Map<FileFacts, string>();
  // One more round than analyses: the last only checks that no view changed.
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const table = new TypeTable(out.files, importPathOf);
    const redo: Array<{ old: FileFacts; task: ExtractTask; sig: string }> = [];
    for (const f of out.files) {
      if (!f.lookups) continue;
      const view = table.viewFor(f);
      const sig = signature(view);
      if (sig === (used.get(f) ?? '{}')) continue;
      const task = out.taskOf.get(f);
      if (task) redo.push({ old: f, task: { ...task, view, viewKey: sig }, sig });
    }
    if (redo.length === 0) return { rounds, settled: true };
    if (round === MAX_ROUNDS) return { rounds, settled: false };
    rounds.push(redo.length);
    const outcomes = await extractor.extract(redo.map((r) => r.task));
    const replaced = new Map<FileFacts, FileFacts>();
    outcomes.forEach((o, i) => {
      const r = redo[i] as (typeof redo)[number];
      if (o.kind !== 'facts') return;
      replaced.set(r.old, o.facts);
      out.taskOf.set(o.facts, r.task);
      used.set(o.facts, r.sig);
      if (out.reportedFacts.delete(r.old)) out.reportedFacts.add(o.facts);
    });
    out.files = out.files.map((f) => replaced.get(f) ?? f);
  }
  return { rounds, settled: true };
}

function signature(view: TypeView): string {
  return JSON.stringify(view);
}
