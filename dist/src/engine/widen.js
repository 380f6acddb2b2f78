import { codeNames } from '../go/lexical.js';
import { readGoFile } from './read.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { NAMED_UINTPTR_TYPES } from '../knowledge/index.js';
/** Skipped files, and the names each was checked against already. */
export class SkippedFiles {
    entries = [];
    /** `text`: the file as the prefilter read it, kept for the rest of the extraction (reading it
     * again each round cost more than holding it); read again when absent. */
    add(task, text) {
        this.entries.push({ task, checked: new Set(), ...(text === undefined ? {} : { text }) });
    }
    /**
     * The skipped files whose code names something the facts so far follow, as tasks that bypass
     * the prefilter; they are no longer skipped. A file is read again only when a name it could
     * mention is new since its last check.
     */
    widen(files, importPathOf) {
        if (this.entries.length === 0)
            return [];
        const now = followedNames(files, importPathOf);
        const out = [];
        const kept = [];
        for (const e of this.entries) {
            if (mentions(e, now))
                out.push({ ...e.task, parseAll: true });
            else
                kept.push(e);
        }
        this.entries = kept;
        return out;
    }
}
function mentions(e, now) {
    const candidates = [...(now.byDir.get(e.task.dir) ?? []), ...now.methods];
    const imported = [...now.byImport].filter(([path, names]) => [...names].some((n) => !e.checked.has(`${path}\0${n}`)));
    if (candidates.every((n) => e.checked.has(n)) && imported.length === 0)
        return false;
    const text = e.text ?? textOf(e.task);
    if (text === null)
        return false;
    const names = new Set(candidates.filter((n) => !e.checked.has(n)));
    for (const [path, exported] of imported) {
        // Without the import, `pkg.Name` cannot refer to that package (a dot import names it too).
        if (!text.includes(`"${path}"`))
            continue;
        for (const n of exported)
            names.add(n);
    }
    for (const [path, exported] of imported)
        for (const n of exported)
            e.checked.add(`${path}\0${n}`);
    for (const n of candidates)
        e.checked.add(n);
    // A substring test first: most files name none of them anywhere.
    const present = new Set([...names].filter((n) => text.includes(n)));
    return codeNames(text, present);
}
function textOf(task) {
    const read = readGoFile(task.real, (task.limits ?? DEFAULT_LIMITS).maxFileBytes);
    return read.ok ? read.text : null;
}
/** The base type name of a declared type (`*pkg.T`, `[]T`, `...T` → `T`). */
function baseName(type) {
    const m = /(\w+)\s*$/.exec(type.replace(/^[*[\]. ]+/, ''));
    return m ? m[1] : '';
}
/** The names the facts follow (see the header): named types built on uintptr (through chains of
 * definitions), helpers whose results carry pointer-derived integers, and function slots (types
 * of functions taking uintptr, structs with such fields, package variables holding functions). */
export function followedNames(files, importPathOf) {
    const uintptrTypes = new Set(['uintptr']);
    // A chain of definitions (`type HWND HANDLE`, `type HANDLE uintptr`) may run across files in
    // any order: repeat until no type is added.
    for (let grew = true; grew;) {
        grew = false;
        for (const f of files)
            for (const t of f.types) {
                if (uintptrTypes.has(t.name))
                    continue;
                if (t.kind === 'uintptr' || (t.underlying && uintptrTypes.has(baseName(t.underlying)))) {
                    uintptrTypes.add(t.name);
                    grew = true;
                }
            }
    }
    const out = { byDir: new Map(), byImport: new Map(), methods: new Set() };
    // Named uintptr types of packages that are never read (the standard library's syscall.Handle).
    for (const [path, names] of Object.entries(NAMED_UINTPTR_TYPES))
        for (const n of names)
            addTo(out.byImport, path, n);
    const add = (f, name) => {
        addTo(out.byDir, f.dir, name);
        const path = /^\p{Lu}/u.test(name) ? importPathOf(f.dir) : null;
        if (path)
            addTo(out.byImport, path, name);
    };
    // Field type texts have their spaces removed (`func(addruintptr,nint)`): a substring test, which
    // can only look for more than needed.
    const takesUintptr = (type) => type.startsWith('func(') && [...uintptrTypes].some((n) => type.includes(n));
    for (const f of files) {
        for (const t of f.types) {
            // A function slot: a function type or a struct field that holds a function taking uintptr.
            // Whichever file binds a function to it (`var mapper = &mmapper{mmap: mmap}`) names the type.
            const slot = (t.kind === 'func' && t.uintptrSignature) || Object.values(t.fields ?? {}).some(takesUintptr);
            if (slot || (t.name !== 'uintptr' && uintptrTypes.has(t.name)))
                add(f, t.name);
        }
        // A package variable holding a function value: a file may bind another one to it.
        for (const v of f.pkgVars)
            if (v.kind === 'func')
                add(f, v.name);
        for (const fn of f.funcs) {
            if (!returnsPointerInteger(fn))
                continue;
            if (fn.recv)
                out.methods.add(fn.name);
            else
                add(f, fn.name);
        }
    }
    return out;
}
function addTo(m, key, name) {
    let set = m.get(key);
    if (!set)
        m.set(key, (set = new Set()));
    set.add(name);
}
/** A function whose results carry a pointer-derived integer (of a parameter's pointee, its own
 * allocation, or hidden in a field or element). */
function returnsPointerInteger(fn) {
    return Object.values(fn.returns ?? {}).some((r) => !!(r.uptrParams?.length || r.uptrFresh || r.hidden?.length));
}
