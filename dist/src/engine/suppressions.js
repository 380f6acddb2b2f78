/** The [first, last] lines of the statement holding `line`: the smallest multi-line statement
 * range that contains it, or the line alone. */
export function statementOf(ranges, line) {
    let best = [line, line];
    let size = Infinity;
    for (const [a, b] of ranges ?? []) {
        if (a > line)
            break; // sorted by first line
        if (b >= line && b - a < size) {
            best = [a, b];
            size = b - a;
        }
    }
    return best;
}
/** Reports whether a statement directive that applies to `appliesTo` covers `finding`. */
function covers(file, appliesTo, finding) {
    const lines = [finding.location.startLine, ...finding.related.filter((r) => r.conversion && r.location.path === finding.location.path).map((r) => r.location.startLine)];
    return lines.some((l) => {
        const [a, b] = statementOf(file.stmtRanges, l);
        return appliesTo >= a && appliesTo <= b;
    });
}
/**
 * Marks suppressed findings (they stay in the list; reporters decide whether to show them).
 * `known` holds every rule id and name; `enabled` those that ran, since a suppression for a
 * rule that did not run cannot be judged unused.
 */
export function applySuppressions(findings, files, known, enabled, honour) {
    const uses = [];
    const byPath = new Map();
    for (const f of files) {
        for (const fact of f.suppressions) {
            const use = { file: f, fact, used: false, unknown: fact.rules.filter((r) => !known.has(r)) };
            uses.push(use);
            const list = byPath.get(f.path) ?? [];
            list.push(use);
            byPath.set(f.path, list);
        }
    }
    if (!honour)
        return { findings, uses: [] };
    for (const finding of findings) {
        const candidates = (byPath.get(finding.location.path) ?? []).filter((u) => !u.fact.malformed && u.fact.rules.some((r) => r === finding.ruleId || r === finding.ruleName));
        // A statement directive is the more precise claim, so it is the one credited when both apply.
        const use = candidates.find((u) => u.fact.scope !== 'file' && covers(u.file, u.fact.appliesTo, finding)) ?? candidates.find((u) => u.fact.scope === 'file');
        if (use) {
            use.used = true;
            finding.suppression = { justification: use.fact.reason, location: { path: finding.location.path, ...use.fact.span } };
        }
    }
    // Only suppressions whose every named rule ran can be called unused.
    for (const u of uses)
        if (!u.used && !u.fact.rules.every((r) => enabled.has(r) || !known.has(r)))
            u.used = true;
    return { findings, uses };
}
