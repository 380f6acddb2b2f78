// Code the unsafe.Pointer rules for user code do not describe: packages that live under the
// runtime's own memory invariants, and functions that run between fork and exec, where the
// collector does not run.
/**
 * Packages whose code manages memory under the runtime's own invariants (objects that are never
 * freed, no stack growth in nosplit code, guintptr words), so the unsafe.Pointer rules for user
 * code do not describe their safety: findings there are not reported. Import path prefixes.
 */
export const RUNTIME_MANAGED_PACKAGES = ['runtime', 'internal/runtime', 'internal/abi', 'internal/bytealg'];
/**
 * Functions that run in a child process between fork and exec: only one thread exists and the
 * garbage collector does not run there, so no Go object can be freed or moved under a syscall
 * (std syscall/exec_*.go doc comments). Keyed by import path.
 */
export const AFTER_FORK_FUNCS = {
    syscall: ['forkAndExecInChild', 'forkAndExecInChild1'],
};
/** Reports whether an import path is in one of the listed path prefixes. */
export function isUnderPackage(path, prefixes) {
    if (!path)
        return false;
    return prefixes.some((p) => path === p || path.startsWith(p + '/'));
}
