// cgo's pseudo-package "C": which `C.name(x)` are conversions to a C type and which are calls into
// C, and what a call into C returns. Source: the cmd/cgo documentation, "Go references to C"
// (https://pkg.go.dev/cmd/cgo), and for what a call compiles to, cmd/cgo/out.go (Go 1.19).

/** The import path of cgo's pseudo-package (`import "C"`). */
export const CGO_PACKAGE = 'C';

/**
 * C's standard numeric types under their cgo names: "The standard C numeric types are available
 * under the names C.char, C.schar (signed char), C.uchar (unsigned char), C.short, C.ushort
 * (unsigned short), C.int, C.uint (unsigned int), C.long, C.ulong (unsigned long), C.longlong
 * (long long), C.ulonglong (unsigned long long), C.float, C.double, C.complexfloat (complex float),
 * and C.complexdouble (complex double)" (cmd/cgo, "Go references to C").
 */
export const C_NUMERIC_TYPES: readonly string[] = [
  'char', 'schar', 'uchar', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'longlong', 'ulonglong',
  'float', 'double', 'complexfloat', 'complexdouble',
];

/**
 * C types that cannot hold an address on a 64-bit platform, so a pointer converted to one is a
 * truncated number: `char`, `short` and `int` are at most 4 bytes on every platform Go supports
 * (cmd/cgo maps a C integer type by its size: gcc.go `typeConv.Type`, `dwarf.IntType`), the
 * exact-width types are their width (C11 7.20.1.1), and no pointer converts to a floating type
 * (C11 6.3.2.3p6 allows integer types only). `long` is left out: it is 8 bytes on LP64.
 */
export const C_NARROW_TYPES: readonly string[] = [
  'char', 'schar', 'uchar', 'short', 'ushort', 'int', 'uint', 'float', 'double', 'complexfloat', 'complexdouble',
  'int8_t', 'int16_t', 'int32_t', 'uint8_t', 'uint16_t', 'uint32_t',
];

/** "To access a struct, union, or enum type directly, prefix it with struct_, union_, or enum_,
 * as in C.struct_stat" (cmd/cgo, "Go references to C"). */
export const C_TYPE_PREFIXES: readonly string[] = ['struct_', 'union_', 'enum_'];

/**
 * The suffix POSIX reserves for type names in every header (POSIX.1-2017, XSH 2.2.2 "The Name
 * Space": "_t" for any header), which covers C11's `<stdint.h>` and `<stddef.h>` types
 * (`uintptr_t`, `size_t`) and POSIX's (`socklen_t`, `pid_t`, `off_t`). Other typedefs are
 * recognized when the file's own preamble declares them.
 */
export const C_TYPE_SUFFIX = '_t';

/**
 * Functions cgo itself provides that copy C data into new Go memory: their results are Go
 * objects the collector manages, not C memory ("A few special functions convert between Go and
 * C types by making copies of the data", cmd/cgo). `C.CString` and `C.CBytes` go the other way
 * (the copy is in the C heap, like any other C function's result).
 */
export const CGO_GO_COPIES: readonly string[] = ['GoString', 'GoStringN', 'GoBytes'];

/**
 * Functions cgo provides that take Go values, not C arguments: calls to them are not calls into
 * C with integer arguments (cmd/cgo, "Go references to C").
 */
export const CGO_HELPERS: readonly string[] = ['CString', 'CBytes', ...CGO_GO_COPIES];
