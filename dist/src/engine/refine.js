import { TypeTable } from '../types/table.js';
export const MAX_ROUNDS = 4;
/** Re-analyzes files with their type views until the views settle; returns how many files each
 * round analyzed again, and whether the views settled within MAX_ROUNDS. */
export async function refineWithTypes(out, importPathOf, extractor) {
    const rounds = [];
    const used = new Map();
    // One more round than analyses: the last only checks that no view changed.
    for (let round = 0; round <= MAX_ROUNDS; round++) {
        const table = new TypeTable(out.files, importPathOf);
        const redo = [];
        for (const f of out.files) {
            if (!f.lookups)
                continue;
            const view = table.viewFor(f);
            const sig = signature(view);
            if (sig === (used.get(f) ?? '{}'))
                continue;
            const task = out.taskOf.get(f);
            if (task)
                redo.push({ old: f, task: { ...task, view, viewKey: sig }, sig });
        }
        if (redo.length === 0)
            return { rounds, settled: true };
        if (round === MAX_ROUNDS)
            return { rounds, settled: false };
        rounds.push(redo.length);
        const outcomes = await extractor.extract(redo.map((r) => r.task));
        const replaced = new Map();
        outcomes.forEach((o, i) => {
            const r = redo[i];
            if (o.kind !== 'facts')
                return;
            replaced.set(r.old, o.facts);
            out.taskOf.set(o.facts, r.task);
            used.set(o.facts, r.sig);
            if (out.reportedFacts.delete(r.old))
                out.reportedFacts.add(o.facts);
        });
        out.files = out.files.map((f) => replaced.get(f) ?? f);
    }
    return { rounds, settled: true };
}
function signature(view) {
    return JSON.stringify(view);
}
