// FFI libraries that bind a C function to a Go function variable: after
// `purego.RegisterLibFunc(&write, libc, "write")`, a call `write(fd, p, n)` calls the C function.
// The value they store is an ordinary Go closure, not a protected sink, so a pointer-derived
// uintptr handed to it is unprotected wherever it was converted (DESIGN.md §1, "indirect").
/**
 * Registration functions by import path.
 *
 * github.com/ebitengine/purego (func.go at commit d476432ce7e3d8bb64b7cd257d332ee221ed6e7b;
 * https://pkg.go.dev/github.com/ebitengine/purego#RegisterFunc):
 * - `func RegisterFunc(fptr any, cfn uintptr)`: "fptr will be set to a function that when
 *   called will call the C function given by cfn". The function is built with
 *   `reflect.MakeFunc`, whose closure copies every argument into a `[maxArgs]uintptr` and calls
 *   the C function through `syscall_SyscallN`. The closure is a Go function with a body and no
 *   `//go:uintptrescapes`, and a call through the variable is dynamic anyway (golang/go#34684),
 *   so a `uintptr` argument (`uintptr <=> uintptr_t` in its conversion table) is a bare integer:
 *   nothing keeps the object it came from alive or in place.
 * - `func RegisterLibFunc(fptr any, handle uintptr, name string)`: "a wrapper around
 *   RegisterFunc that uses the C function returned from Dlsym(handle, name)".
 *
 * Typed pointer arguments (`unsafe.Pointer`, `*T`, `[]T`, `string`) are safe: the closure defers
 * `runtime.KeepAlive(args)` (and of its own copies) until the C function returns, since v0.4.0
 * (purego#128), and values passed through `reflect.Value` live on the heap, so they do not move.
 * Such calls are not reported.
 */
export const FUNC_REGISTRATIONS = {
    'github.com/ebitengine/purego': {
        RegisterFunc: { fptr: 0 },
        RegisterLibFunc: { fptr: 0, symbol: 2 },
    },
};
/** The registration function `pkg.name`, if it is one. */
export function funcRegistration(pkg, name) {
    const fs = Object.hasOwn(FUNC_REGISTRATIONS, pkg) ? FUNC_REGISTRATIONS[pkg] : undefined;
    return fs && Object.hasOwn(fs, name) ? fs[name] : undefined;
}
/** Names of every registration function, for the prefilter: a file that registers a C function
 * must be read even when it never writes `uintptr` or `unsafe`. */
export const FUNC_REGISTRATION_NAMES = [...new Set(Object.values(FUNC_REGISTRATIONS).flatMap((fs) => Object.keys(fs)))].sort();
