export { FOREIGN_ADDRESS_PARAMS, RETAINING_APIS, RETAINING_SYSCALLS, RETAINING_WRAPPER_PACKAGES } from './knowledge/index.js';
/** Declares a rule, inferring its message ids so a typo in `messageId` fails to compile. */
export function defineRule(rule) {
    return rule;
}
/** Reports whether the object is one the Go collector can free or move: not static, not OS memory. */
export function isCollectable(obj) {
    return obj.kind !== 'global' && obj.kind !== 'os';
}
/** Reports whether the module's Go version is at least `want` ("1.21"); unknown counts as new. */
export function goAtLeast(version, want) {
    if (!version)
        return true;
    const [a = 0, b = 0] = version.split('.').map(Number);
    const [c = 0, d = 0] = want.split('.').map(Number);
    return a > c || (a === c && b >= d);
}
/** Advice to pin, offered only where runtime.Pinner exists (Go 1.21, golang/go#46787). */
export function pinAdvice(version, obj) {
    return goAtLeast(version, '1.21') ? `, pin ${obj} with runtime.Pinner` : '';
}
/** Reports whether the pin state is one the pinner-misuse rule owns. */
export function isPinMisuse(mit) {
    return mit.pin === 'unpinned-before' || mit.pin === 'pinned-after';
}
/** The related location and flow step for where a pointer was converted and where it was stored. */
export function conversionSteps(u) {
    const steps = [{ span: u.conv, message: `${u.obj.name} converted to uintptr here`, conversion: true }];
    if (u.store && (u.store.startLine !== u.conv.startLine || u.store.startColumn !== u.conv.startColumn)) {
        steps.push({ span: u.store, message: `stored in ${u.holder ?? 'a variable'} here` });
    }
    return steps;
}
/** The trail of a finding about pointers converted to uintptr: both lists name where each was
 * converted (and stored). The related locations come after `lead`, what the finding is about
 * besides the conversion (where a pin was undone or made, where a wrapper reaches its sink);
 * the flow goes on with `then`, the steps after the conversion in the order they run (the
 * argument, the hops). */
export function conversionTrail(convs, then, lead = []) {
    const steps = (Array.isArray(convs) ? convs : [convs]).flatMap((u) => conversionSteps(u));
    return { related: [...lead, ...steps], flow: [...steps, ...then] };
}
// ---------------------------------------------------------------------------------------------
// Fixes. Edits are UTF-16 offsets into the file's text; the engine attaches the file's path.
/** The fixes a finding offers, best first: those of `candidates` that could be built (a builder
 * returns undefined where its fix does not apply). `pinlint --fix` applies only the first. */
export function availableFixes(...candidates) {
    return candidates.filter((f) => f !== undefined);
}
/** The file's line ending, so inserted lines match it (CRLF files stay CRLF). */
function lineEnding(text) {
    const i = text.indexOf('\n');
    return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
/** The name `runtime` is imported under in this file, or null when it is not imported by name. */
function runtimeName(file) {
    const imp = file.imports.find((i) => i.path === 'runtime');
    if (!imp)
        return { name: 'runtime', imported: false };
    if (imp.alias === '_' || imp.alias === '.')
        return null;
    return { name: imp.name, imported: true };
}
/** The edit that adds `import "runtime"` where gofmt would keep it (sorted into the standard
 * library group), or null when the file's imports have a shape this does not handle. */
function addRuntimeImport(file, text) {
    const site = file.importSite;
    if (!site)
        return null;
    const nl = lineEnding(text);
    const isStd = (p) => !p.split('/')[0]?.includes('.');
    if (!site.parenthesized) {
        const only = site.specs[0];
        if (!only || site.specs.length !== 1)
            return null;
        const other = `\t"${only.path}"${nl}`;
        const body = isStd(only.path)
            ? [`\t"runtime"${nl}`, other].sort().join('')
            : `\t"runtime"${nl}${nl}${other}`;
        return { start: site.declRange.start, end: site.declRange.end, newText: `import (${nl}${body})` };
    }
    const std = site.specs.filter((s) => isStd(s.path));
    const before = std.find((s) => s.path > 'runtime');
    if (before)
        return { start: before.lineStart, end: before.lineStart, newText: `\t"runtime"${nl}` };
    const last = std[std.length - 1];
    if (last) {
        const lineEnd = text.indexOf('\n', last.lineStart) + 1;
        return { start: lineEnd, end: lineEnd, newText: `\t"runtime"${nl}` };
    }
    return { start: site.openEnd, end: site.openEnd, newText: `\t"runtime"${nl}${nl}` };
}
/** A fix that keeps `obj` alive until the call has returned: `runtime.KeepAlive(obj)` after the
 * statement holding the call (or `defer runtime.KeepAlive(obj)` before a return). */
export function keepAliveFix(view, obj) {
    const stmt = view.call.stmt;
    if (!stmt || !stmt.inBlock || !/^[A-Za-z_]\w*$/.test(obj.name) || obj.keys.length === 0)
        return undefined;
    const rt = runtimeName(view.file);
    if (!rt)
        return undefined;
    const text = view.fileText();
    if (text === undefined)
        return undefined;
    const edits = [];
    const call = `${rt.name}.KeepAlive(${obj.name})`;
    const nl = lineEnding(text);
    if (stmt.isReturn)
        edits.push({ start: stmt.range.start, end: stmt.range.start, newText: `defer ${call}${nl}${stmt.indent}` });
    else
        edits.push({ start: stmt.range.end, end: stmt.range.end, newText: `${nl}${stmt.indent}${call}` });
    if (!rt.imported) {
        const imp = addRuntimeImport(view.file, text);
        if (!imp)
            return undefined;
        edits.push(imp);
    }
    return { description: `Call ${call} after the call so ${obj.name} stays alive until it returns`, path: view.file.path, edits };
}
/** A fix that moves `v := uintptr(unsafe.Pointer(e))` back into the call's argument list, when
 * `v` is used only there and `e` can move without changing behaviour. */
export function inlineConversionFix(view, arg, u) {
    const f = u.inlineFix;
    if (!f || f.uses !== 1 || !f.operandPure || u.via !== 'var' || arg.source !== u.holder)
        return undefined;
    // The conversion must still name the same object at the call: no reassignment in between.
    if (u.obj.keys.length === 0)
        return undefined;
    return {
        description: `Write ${f.convText} in the argument list`,
        path: view.file.path,
        edits: [
            { start: f.declLines.start, end: f.declLines.end, newText: '' },
            { start: arg.range.start, end: arg.range.end, newText: f.convText },
        ],
    };
}
/** A fix that calls the `…Ptr` twin of a wrapper with an unsafe.Pointer instead of a uintptr. */
export function twinFix(view, arg, twin) {
    const name = view.call.nameRange;
    const m = /^uintptr\(((\w+)\.Pointer\(.*\))\)$/s.exec(arg.source);
    const unsafeName = view.file.imports.find((i) => i.path === 'unsafe')?.name;
    if (!name || !m || m[2] !== unsafeName)
        return undefined;
    return {
        description: `Call ${twin}, which takes unsafe.Pointer and converts it inline`,
        path: view.file.path,
        edits: [
            { start: name.start, end: name.end, newText: twin },
            { start: arg.range.start, end: arg.range.end, newText: m[1] },
        ],
    };
}
