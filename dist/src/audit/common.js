import { summarize, summaryLine } from '../report/text.js';
export function columns(d) {
    return [
        { title: 'Module', help: 'module path (from modules.txt, or guessed from the import path)', numeric: false, value: (m) => m.path, total: (x) => `Total (${x.totals.modules} module${x.totals.modules === 1 ? '' : 's'})` },
        { title: 'Version', help: 'version from modules.txt, with its replacement after =>', numeric: false, value: versionOf, total: () => '' },
        { title: 'Findings', help: 'unsuppressed findings of every rule', numeric: true, value: (m) => m.findings.length, total: (x) => x.totals.findings },
        ...d.rules.map((r) => ({
            title: r.id, help: `${r.name} findings (${r.level})`, numeric: true, rule: r,
            value: (m) => m.findingsByRule[r.id] ?? 0, total: (x) => x.totals.findingsByRule[r.id] ?? 0,
        })),
        { title: 'Generated', help: generatedHelp(d), numeric: true, value: (m) => m.generatedFindings, total: (x) => x.totals.generatedFindings },
        { title: 'Wrappers', help: 'unprotected functions that forward a uintptr parameter to a sink: callers that pass uintptr(unsafe.Pointer(p)) get no protection', numeric: true, value: (m) => m.wrappers.length, total: (x) => x.totals.wrappers },
        { title: 'Ptr-fed', help: 'of those wrappers, the ones some caller in the tree passes a pointer-derived value (file descriptors, flags and sizes are integers, not pointers)', numeric: true, value: (m) => m.wrappers.filter((w) => w.pointerCalls.length > 0).length, total: (x) => x.totals.pointerWrappers },
        { title: 'Exported', help: 'of those wrappers, the exported ones: code outside the module can misuse them', numeric: true, value: (m) => m.wrappers.filter((w) => w.exported).length, total: (x) => x.totals.exportedWrappers },
        { title: 'Sinks', help: 'bodyless (assembly, linkname) or //go:uintptrescapes functions with uintptr parameters the module defines', numeric: true, value: (m) => m.sinks.length, total: (x) => x.totals.sinks },
        { title: 'Files', help: '.go files scanned', numeric: true, value: (m) => m.files, total: (x) => x.totals.files },
        { title: 'Sink calls', help: 'calls to a protected sink (syscall.Syscall*, Proc.Call, bodyless or //go:uintptrescapes functions)', numeric: true, value: (m) => m.sinkCalls, total: (x) => x.totals.sinkCalls },
        { title: 'Inline', help: 'sink calls whose pointer arguments are all converted inline: uintptr(unsafe.Pointer(p)) in the argument list', numeric: true, value: (m) => m.inlineProtected, total: (x) => x.totals.inlineProtected },
    ];
}
/** What the Generated column means in this run: counted (the default) or left out. */
export function generatedHelp(d) {
    return d.includeGenerated
        ? 'of the findings, those in generated files (// Code generated ... DO NOT EDIT.): counted and listed, because in a dependency they are the code that ships; --exclude-generated leaves them out'
        : 'findings in generated files were left out (--exclude-generated): 0 here, a note counts them';
}
export function versionOf(m) {
    const v = m.version ?? '?';
    if (!m.replacement)
        return v;
    return `${v} => ${m.replacement.path}${m.replacement.version ? ` ${m.replacement.version}` : ''}`;
}
export function provenance(d) {
    return d.modulesTxt
        ? `modules and versions from ${d.modulesTxt}`
        : `no modules.txt in ${d.tree}: modules guessed from import paths, versions unknown`;
}
export function allFindings(d) {
    return d.modules.flatMap((m) => m.findings);
}
/** A reporter Report over some findings, so the check reporters (text excerpts, JSON shapes) can be reused. */
export function asReport(findings, notifications, d, ctx) {
    return { rules: [], findings, notifications, readSource: (p) => ctx.readSource(p), toolVersion: d.toolVersion, counts: d.counts };
}
/** "3 findings (1 error, 2 warnings) in 2 files; 1 suppressed." as `pinlint check` prints it. */
export function findingsLine(d, ctx) {
    return summaryLine({ ...summarize(asReport(allFindings(d), d.notifications, d, ctx)), suppressed: d.totals.suppressed });
}
export function at(l) {
    return `${l.path}:${l.startLine}:${l.startColumn}`;
}
export function variantsNote(variants) {
    return variants > 1 ? ` (+${plural(variants - 1, 'build variant')})` : '';
}
export function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
// One helper owns escaping (report/escape.ts); the audit's renderers import it from here.
export { escapeHtml } from '../report/escape.js';
