/** The view key of `name` in package `pkg` (null: the file's own package). */
export function viewKey(pkg, name) {
    return `${pkg ?? ''}#${name}`;
}
/** Go's predeclared type names (go.dev/ref/spec#Predeclared_identifiers): never declared in a
 * package, so never worth asking the type layer about. */
export const PREDECLARED_TYPES = new Set(['uintptr', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'byte', 'rune', 'string', 'bool', 'error', 'any', 'float32', 'float64', 'complex64', 'complex128', 'comparable']);
