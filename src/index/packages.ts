// The packages of the scanned tree: files grouped by directory and package clause, each package
// with its import path, functions, methods, package variables and types. Packages that share an
// import path (build-tagged duplicates) are all kept, not merged. Lookups by name take the
// asking file, so that of several build-constrained definitions only those that can be built
// with it are seen (platforms.ts).
import type { CalleeFact, FileFacts, FuncFact, FuncSlot, PkgVarFact, TypeFact } from '../model/facts.js';
import { BuildCompat } from '../types/platforms.js';

export interface PackageInfo {
  /** Directory relative to the repository root. */
  dir: string;
  name: string;
  importPath: string | null;
  files: FileFacts[];
  funcs: Map<string, FuncRef[]>;
  /** receiver base type → method name → declarations */
  methods: Map<string, Map<string, FuncRef[]>>;
  vars: Map<string, PkgVarFact>;
  types: Map<string, TypeFact>;
  /** Function values stored in package-level variables and struct fields, by slotKey, from
   * every file of the package (initializers, assignments in any function, registrations). */
  funcValues: Map<string, FuncBinding[]>;
  /** Every declaration of each package variable and type, with its file (build variants). */
  varDecls: Map<string, Array<Decl<PkgVarFact>>>;
  typeDecls: Map<string, Array<Decl<TypeFact>>>;
}

export interface Decl<T> {
  file: FileFacts;
  fact: T;
}

/** One function value a slot may hold, with the file whose imports name it. */
export interface FuncBinding {
  file: FileFacts;
  value: CalleeFact;
}

/** A key naming a slot, the same in every file of the package. */
export function slotKey(slot: FuncSlot): string {
  if (slot.kind === 'pkgvar') return `var:${slot.name}`;
  if (slot.kind === 'field') return `field:${slot.type}.${slot.field}`;
  return `varfield:${slot.name}.${slot.field}`;
}

export interface FuncRef {
  pkg: PackageInfo;
  file: FileFacts;
  fn: FuncFact;
}

/** Packages by directory and package clause, by import path, and by file. */
export class PackageIndex {
  readonly packages = new Map<string, PackageInfo>();
  readonly byImportPath = new Map<string, PackageInfo[]>();
  private fileToPkg = new Map<FileFacts, PackageInfo>();
  readonly builds = new BuildCompat();

  constructor(files: FileFacts[], importPathOf: (dir: string) => string | null) {
    for (const f of files) {
      if (!f.pkgName) continue;
      const pkg = this.packageFor(f, f.pkgName, importPathOf);
      pkg.files.push(f);
      this.fileToPkg.set(f, pkg);
      for (const fn of f.funcs) {
        const ref: FuncRef = { pkg, file: f, fn };
        if (fn.recv) {
          let m = pkg.methods.get(fn.recv);
          if (!m) pkg.methods.set(fn.recv, (m = new Map()));
          m.set(fn.name, [...(m.get(fn.name) ?? []), ref]);
        } else {
          pkg.funcs.set(fn.name, [...(pkg.funcs.get(fn.name) ?? []), ref]);
        }
      }
      for (const v of f.pkgVars) {
        if (!pkg.vars.has(v.name) || v.kind !== 'other') pkg.vars.set(v.name, v);
        pushDecl(pkg.varDecls, v.name, { file: f, fact: v });
      }
      for (const t of f.types) {
        pkg.types.set(t.name, t);
        pushDecl(pkg.typeDecls, t.name, { file: f, fact: t });
      }
      addFuncValues(pkg.funcValues, f);
    }
  }

  /** The package of a file's directory and package clause, created on first sight. */
  private packageFor(f: FileFacts, pkgName: string, importPathOf: (dir: string) => string | null): PackageInfo {
    const key = `${f.dir}\u0000${pkgName}`;
    let pkg = this.packages.get(key);
    if (!pkg) {
      const base = importPathOf(f.dir);
      pkg = {
        dir: f.dir, name: pkgName,
        importPath: base && pkgName.endsWith('_test') ? `${base}_test` : base,
        files: [], funcs: new Map(), methods: new Map(), vars: new Map(), types: new Map(), funcValues: new Map(), varDecls: new Map(), typeDecls: new Map(),
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

  packageOf(file: FileFacts): PackageInfo | undefined {
    return this.fileToPkg.get(file);
  }

  /** Packages a file's import of `path` may mean (several when build-tagged duplicates exist). */
  importedPackages(path: string): PackageInfo[] {
    return this.byImportPath.get(path) ?? [];
  }

  /** The functions named `name` of `pkgs` that can be built with `from`. */
  funcs(pkgs: PackageInfo[], name: string, from: FileFacts | undefined): FuncRef[] {
    return this.builds.select(from, pkgs.flatMap((p) => p.funcs.get(name) ?? []), (r) => r.file);
  }

  /** The methods `recv.name` of `pkgs` that can be built with `from`. */
  methods(pkgs: PackageInfo[], recv: string, name: string, from: FileFacts | undefined): FuncRef[] {
    return this.builds.select(from, pkgs.flatMap((p) => p.methods.get(recv)?.get(name) ?? []), (r) => r.file);
  }

  /** The package variable `name` of `pkg` as declared for a build with `from`: of several
   * compatible declarations, the last that holds something pinlint tracks, else the first. */
  variable(pkg: PackageInfo | undefined, name: string, from: FileFacts | undefined): PkgVarFact | undefined {
    const decls = this.builds.select(from, pkg?.varDecls.get(name) ?? [], (d) => d.file);
    return [...decls].reverse().find((d) => d.fact.kind !== 'other')?.fact ?? decls[0]?.fact;
  }

  /** The type `name` of `pkg` as declared for a build with `from` (the last compatible one). */
  type(pkg: PackageInfo | undefined, name: string, from: FileFacts | undefined): TypeFact | undefined {
    const decls = this.builds.select(from, pkg?.typeDecls.get(name) ?? [], (d) => d.file);
    return decls[decls.length - 1]?.fact;
  }
}

function pushDecl<T>(map: Map<string, Array<Decl<T>>>, name: string, d: Decl<T>): void {
  const list = map.get(name);
  if (list) list.push(d);
  else map.set(name, [d]);
}

/** Adds a file's function values to its package's: the initializers of package-level function
 * variables (`var syscallN = syscall.SyscallN`) and the bindings the walk recorded. */
function addFuncValues(into: Map<string, FuncBinding[]>, f: FileFacts): void {
  const add = (slot: FuncSlot, value: CalleeFact): void => {
    const key = slotKey(slot);
    into.set(key, [...(into.get(key) ?? []), { file: f, value }]);
  };
  for (const v of f.pkgVars) if (v.kind === 'func' && v.target) add({ kind: 'pkgvar', name: v.name }, v.target);
  for (const b of f.funcBindings ?? []) add(b.slot, b.value);
}
