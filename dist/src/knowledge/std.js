// The standard library without its source: which import paths are std, and why a pointer-derived
// integer handed to std is judged by the tables alone. pinlint never reads GOROOT (Go need not be
// installed), so std is known by these tables instead of by summaries.
/**
 * Reports whether an import path is a standard-library one by its form: its first element has no
 * dot (cmd/go/internal/search.IsStandardImportPath; module paths outside std must start with a
 * domain name, golang.org/ref/mod#module-path).
 */
export function isStandardImportPath(path) {
    const first = path.split('/')[0] ?? '';
    return !first.includes('.');
}
/**
 * Standard-library packages (import path prefixes) that take integers and never use one as an
 * address: a `uintptr` of a Go pointer handed to them is a number to them (printed, hashed,
 * encoded, compared, stored atomically), so a call to them is not a finding, whatever pinlint can
 * see of their source. The rest of std that takes a `uintptr` is in the other tables: the system
 * calls (`SINKS`), the exported wrappers that forward a caller's buffer (`KNOWN_UINTPTR_WRAPPERS`),
 * the typed-pointer wrappers (`SYSCALL_WRAPPER_PACKAGES`). In Go 1.19 the only non-internal std
 * packages with exported functions taking a `uintptr` are syscall, sync/atomic, os, net and
 * runtime (`grep '^func [A-Z].*uintptr'` over GOROOT/src); the others here take integers of any
 * type. Each entry gives what the package does with the integer and where that is documented.
 */
export const INTEGER_ONLY_PACKAGES = {
    // AddUintptr, LoadUintptr, StoreUintptr, SwapUintptr, CompareAndSwapUintptr, atomic.Uintptr.
    // Keeping a pointer as that integer hides it from the collector (unsafe.Pointer rule 6 is about
    // what reaches the OS; the hidden-pointer rule judges that where it happens).
    'sync/atomic': 'operates on the integer value (https://pkg.go.dev/sync/atomic#StoreUintptr)',
    fmt: 'formats integers as numbers; %p takes pointers, not integers (https://pkg.go.dev/fmt#hdr-Printing)',
    log: 'formats its operands as fmt does (https://pkg.go.dev/log#Printf)',
    strconv: 'converts integers to and from text (https://pkg.go.dev/strconv#FormatUint)',
    'math/bits': 'bit counts and arithmetic on unsigned integers (https://pkg.go.dev/math/bits)',
    'encoding/binary': 'encodes the integer\'s bytes (https://pkg.go.dev/encoding/binary#ByteOrder)',
    // hash, hash/crc32, hash/fnv, hash/maphash, …: Write takes bytes, Sum returns them.
    hash: 'hashes the bytes it is given (https://pkg.go.dev/hash#Hash)',
    // ValueOf(u) of a uintptr is a Value of kind Uintptr; reflect dereferences unsafe.Pointer and
    // pointer kinds only (NewAt takes an unsafe.Pointer).
    reflect: 'a uintptr is a Value of kind Uintptr (https://pkg.go.dev/reflect#Kind)',
    sort: 'compares the values it is given (https://pkg.go.dev/sort)',
    errors: 'takes errors and strings (https://pkg.go.dev/errors)',
    // NewFile(fd uintptr, name) takes a file descriptor; the calls that take memory take []byte.
    os: 'uintptr parameters are file descriptors (https://pkg.go.dev/os#NewFile)',
    // FuncForPC(pc), CallersFrames([]uintptr): program counters, code the collector never moves;
    // runtime/debug.WriteHeapDump(fd uintptr) takes a file descriptor.
    runtime: 'uintptr parameters are program counters (https://pkg.go.dev/runtime#FuncForPC) and descriptors (https://pkg.go.dev/runtime/debug#WriteHeapDump)',
};
