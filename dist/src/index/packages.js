/** A key naming a slot, the same in every file of the package. */
export function slotKey(slot) {
    if (slot.kind === 'pkgvar')
        return `var:${slot.name}`;
    if (slot.kind === 'field')
        return `field:${slot.type}.${slot.field}`;
    return `varfield:${slot.name}.${slot.field}`;
}
/** Packages by directory and package clause, by import path, and by file. */
export class PackageIndex {
    packages = new Map();
    byImportPath = new Map();
    fileToPkg = new Map();
    constructor(files, importPathOf) {
        for (const f of files) {
            if (!f.pkgName)
                continue;
            const pkg = this.packageFor(f, f.pkgName, importPathOf);
            pkg.files.push(f);
            this.fileToPkg.set(f, pkg);
            for (const fn of f.funcs) {
                const ref = { pkg, file: f, fn };
                if (fn.recv) {
                    let m = pkg.methods.get(fn.recv);
                    if (!m)
                        pkg.methods.set(fn.recv, (m = new Map()));
                    m.set(fn.name, [...(m.get(fn.name) ?? []), ref]);
                }
                else {
                    pkg.funcs.set(fn.name, [...(pkg.funcs.get(fn.name) ?? []), ref]);
                }
            }
            for (const v of f.pkgVars)
                if (!pkg.vars.has(v.name) || v.kind !== 'other')
                    pkg.vars.set(v.name, v);
            for (const t of f.types)
                pkg.types.set(t.name, t);
            addFuncValues(pkg.funcValues, f);
        }
    }
    /** The package of a file's directory and package clause, created on first sight. */
    packageFor(f, pkgName, importPathOf) {
        const key = `${f.dir}\u0000${pkgName}`;
        let pkg = this.packages.get(key);
        if (!pkg) {
            const base = importPathOf(f.dir);
            pkg = {
                dir: f.dir, name: pkgName,
                importPath: base && pkgName.endsWith('_test') ? `${base}_test` : base,
                files: [], funcs: new Map(), methods: new Map(), vars: new Map(), types: new Map(), funcValues: new Map(),
            };
            this.packages.set(key, pkg);
            if (pkg.importPath) {
                const list = this.byImportPath.get(pkg.importPath) ?? [];
                list.push(pkg);
                this.byImportPath.set(pkg.importPath, list);
            }
        }
        return pkg;
    }
    packageOf(file) {
        return this.fileToPkg.get(file);
    }
    /** Packages a file's import of `path` may mean (several when build-tagged duplicates exist). */
    importedPackages(path) {
        return this.byImportPath.get(path) ?? [];
    }
}
/** Adds a file's function values to its package's: the initializers of package-level function
 * variables (`var syscallN = syscall.SyscallN`) and the bindings the walk recorded. */
function addFuncValues(into, f) {
    const add = (slot, value) => {
        const key = slotKey(slot);
        into.set(key, [...(into.get(key) ?? []), { file: f, value }]);
    };
    for (const v of f.pkgVars)
        if (v.kind === 'func' && v.target)
            add({ kind: 'pkgvar', name: v.name }, v.target);
    for (const b of f.funcBindings ?? [])
        add(b.slot, b.value);
}
