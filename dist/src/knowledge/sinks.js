// The protected sinks: functions and methods of std syscall, x/sys and purego whose
// inline-converted uintptr arguments the compiler keeps alive across the call (bodyless,
// //go:uintptrkeepalive or //go:uintptrescapes), the packages whose exported wrappers hand typed
// pointers to the OS, the pseudo-packages whose bodyless declarations are not sinks, and the
// lookups over a sink table (the built-in one, or one extended by configuration).
export const SINKS = {
    funcs: {
        // std syscall: unix Syscall/Syscall6/RawSyscall are //go:uintptrkeepalive since Go 1.19 and
        // bodyless before; RawSyscall6 and Syscall9 bodyless; AllThreadsSyscall* //go:uintptrescapes.
        // Windows Syscall..Syscall18 and SyscallN are bodyless (linkname into the runtime) up to Go
        // 1.25 and //go:uintptrkeepalive from 1.26 (go-semantics.md §2.6).
        syscall: [
            'Syscall', 'Syscall6', 'Syscall9', 'Syscall12', 'Syscall15', 'Syscall18', 'SyscallN',
            'RawSyscall', 'RawSyscall6', 'AllThreadsSyscall', 'AllThreadsSyscall6',
        ],
        // x/sys/unix: bodyless in syscall_unix_gc.go / syscall_linux_gc.go (go-semantics.md §3.2).
        'golang.org/x/sys/unix': [
            'Syscall', 'Syscall6', 'Syscall9', 'RawSyscall', 'RawSyscall6', 'SyscallNoError', 'RawSyscallNoError',
        ],
        // purego.SyscallN is //go:uintptrescapes (ebitengine/purego PR #7).
        'github.com/ebitengine/purego': ['SyscallN'],
    },
    methods: {
        // (*Proc).Call and (*LazyProc).Call are //go:uintptrescapes since Go 1.7 (#16035), and method
        // calls on them are honoured since Go 1.14 (#34474).
        syscall: { Proc: ['Call'], LazyProc: ['Call'] },
        'golang.org/x/sys/windows': { Proc: ['Call'], LazyProc: ['Call'] },
    },
};
/**
 * Packages whose exported functions are thin system-call wrappers that hand typed pointer
 * arguments to the OS by converting them inline (mksyscall / mkwinsyscall output). A struct whose
 * uintptr field hides a Go pointer is exposed to the OS when its address reaches them.
 */
export const SYSCALL_WRAPPER_PACKAGES = ['syscall', 'golang.org/x/sys/unix', 'golang.org/x/sys/windows'];
/** Reports whether `name` is a sink function of `pkg` in the table. */
export function isTableSinkFunc(table, pkg, name) {
    return table.funcs[pkg]?.includes(name) ?? false;
}
/** Reports whether `typeName.method` of `pkg` is a sink method in the table. */
export function isTableSinkMethod(table, pkg, typeName, method) {
    return table.methods[pkg]?.[typeName]?.includes(method) ?? false;
}
/** Method names that can be sinks on some type: a call by another name is never a method sink. */
export function sinkMethodNames(table) {
    const names = new Set();
    for (const types of Object.values(table.methods))
        for (const ms of Object.values(types))
            for (const m of ms)
                names.add(m);
    return names;
}
/** Pseudo-packages whose bodyless declarations are compiler builtins, not assembly sinks. */
export const PSEUDO_PACKAGES = ['unsafe', 'builtin'];
