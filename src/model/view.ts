// What the type layer (src/types/) tells the flow analysis of one file about names declared
// elsewhere in the tree or its context: named integer types built on uintptr, the declared result
// types of functions and methods, and what their results carry. Plain data, so a view travels to
// a worker with its file and a cache can key on it.
import type { ReturnFact, StoreFact } from './facts.js';

/** A declared type as the type layer resolved it: `pkg` is an import path, null for a type the
 * language predeclares (or one the layer could not place). */
export interface TypeRefC {
  pkg: string | null;
  name: string;
  pointer: boolean;
}

/** What one result of a function is, by its declared type and by what its body returns. */
export interface ResultView extends ReturnFact {
  /** The declared type, when it names a type (`*syscall.Proc`, `HWND`). */
  type?: TypeRefC;
  /** The declared type is a DLL procedure type (`*syscall.Proc`, `*windows.LazyProc`). */
  procType?: boolean;
  /** The declared type is unsafe.Pointer. */
  unsafePtr?: boolean;
  /** The declared type is runtime.Pinner or a pointer to one. */
  pinner?: boolean;
}

export type ViewEntry =
  /** A named type whose underlying type is uintptr (through any chain of definitions and aliases). */
  | { kind: 'uintptr-type' }
  /** A function or method (key `…#F`): what its results are whatever its arguments (declared
   * types, OS memory, its own allocation); with key `…#F!args`, what they carry of its arguments
   * (asked only when an argument or the receiver carries something pinlint follows), and what it
   * writes through its pointer parameters (`stores`). */
  | { kind: 'func'; results: ResultView[]; stores?: StoreFact[] }
  /** The pointer parameters whose pointee a function hands to the OS converted inline (key
   * `…#F!out`; a generated syscall wrapper): what the OS writes there, such as a pointer to memory
   * it allocated, is not Go memory. Asked only for calls with an `&p` argument. */
  | { kind: 'out-params'; params: number[] }
  /** A function declared in the package (key `…#F!fn`): `hook = F` stores a function value. */
  | { kind: 'func-decl' }
  /** A package-level variable or struct field: its declared type. */
  | { kind: 'var'; type: TypeRefC; procType?: boolean }
  /** A struct type's fields in declaration order, as [name, type text] (key `…#T!fields`):
   * asked only for a positional literal of a type declared elsewhere that holds a pointer-derived
   * integer, so a message names the field it is in (issue 9). */
  | { kind: 'fields'; order: Array<[string, string]> };

/**
 * Keys: `#Name` for a name of the file's own package, `path#Name` for a name of the package
 * imported from `path`, `…#Type.Method` / `…#Type.Field` for methods and fields of a named
 * type, and `…!out` for a function's out-parameters. Each key is one question, asked only where
 * its answer can change the file's facts, and only entries that tell the flow something are
 * present: a file is analyzed again only when an answer it depends on changes.
 */
export type TypeView = Record<string, ViewEntry>;

/** The view key of `name` in package `pkg` (null: the file's own package). */
export function viewKey(pkg: string | null, name: string): string {
  return `${pkg ?? ''}#${name}`;
}

/** Go's predeclared type names (go.dev/ref/spec#Predeclared_identifiers): never declared in a
 * package, so never worth asking the type layer about. */
export const PREDECLARED_TYPES: ReadonlySet<string> = new Set(['uintptr', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'byte', 'rune', 'string', 'bool', 'error', 'any', 'float32', 'float64', 'complex64', 'complex128', 'comparable']);
