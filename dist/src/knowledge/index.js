// Domain knowledge, as data. Every entry cites where the fact comes from; the engine and rules
// consult these tables and never spell a sink or an API name in code. The config file (see
// docs/configuration.md) can extend them for in-house shims.
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
/** Packages whose DLL API creates procedures: constructors and the methods that return procs. */
export const DLL_PACKAGES = ['syscall', 'golang.org/x/sys/windows'];
/** Functions (in DLL_PACKAGES) that return a DLL handle object. */
export const DLL_CONSTRUCTORS = ['NewLazyDLL', 'NewLazySystemDLL', 'LoadDLL', 'MustLoadDLL', 'LoadDLLFrom'];
/** Methods on a DLL object that return a procedure whose `Call` is a sink. */
export const PROC_METHODS = ['NewProc', 'FindProc', 'MustFindProc', 'FindProcByOrdinal', 'MustFindProcByOrdinal'];
/** Type names (in DLL_PACKAGES) of procedures and DLLs, for typed variables and fields. */
export const PROC_TYPES = ['Proc', 'LazyProc'];
export const DLL_TYPES = ['DLL', 'LazyDLL'];
/** runtime.KeepAlive and friends: a call after the sink keeps the named object alive. */
export const KEEP_ALIVE = [{ pkg: 'runtime', name: 'KeepAlive' }];
/** runtime.Pinner (Go 1.21, golang/go#46787). */
export const PINNER = { pkg: 'runtime', type: 'Pinner', pin: 'Pin', unpin: 'Unpin' };
/**
 * Calls whose results are memory the Go collector does not manage, so a uintptr of them can be
 * held anywhere (DESIGN.md §2): mmap'd slices, Windows heap and virtual memory, C memory.
 * `result` is the index of the result that carries the memory.
 */
export const OS_ALLOCATORS = {
    syscall: ['Mmap', 'LocalAlloc', 'VirtualAlloc', 'GlobalAlloc', 'HeapAlloc', 'CoTaskMemAlloc'],
    'golang.org/x/sys/unix': ['Mmap', 'MmapPtr', 'Mremap'],
    'golang.org/x/sys/windows': [
        'VirtualAlloc', 'VirtualAllocEx', 'LocalAlloc', 'GlobalAlloc', 'HeapAlloc', 'HeapReAlloc',
        'CoTaskMemAlloc', 'MapViewOfFile',
    ],
};
/** Named uintptr types outside the scanned tree; converting through them loses the protection. */
export const NAMED_UINTPTR_TYPES = {
    syscall: ['Handle'],
    'golang.org/x/sys/windows': ['Handle', 'HWND', 'HMODULE'],
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
/**
 * Packages whose code manages memory under the runtime's own invariants (objects that are never
 * freed, no stack growth in nosplit code, guintptr words), so the unsafe.Pointer rules for user
 * code do not describe their safety: findings there are not reported. Import path prefixes.
 */
export const RUNTIME_MANAGED_PACKAGES = ['runtime', 'internal/runtime', 'internal/abi', 'internal/bytealg'];
/** Pseudo-packages whose bodyless declarations are compiler builtins, not assembly sinks. */
export const PSEUDO_PACKAGES = ['unsafe', 'builtin'];
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
const WINDOWS_WRAPPERS = ['golang.org/x/sys/windows', 'syscall'];
export const RETAINING_WRAPPER_PACKAGES = WINDOWS_WRAPPERS;
export const RETAINING_APIS = [
    // Overlapped I/O: the buffer and the OVERLAPPED are used until the operation completes
    // (Win32 docs "Synchronous and Asynchronous I/O"; golang/go#67437 discussion).
    { name: 'ReadFile', source: 'Win32 ReadFile: lpBuffer and lpOverlapped are used until the I/O completes', go: { retained: [1, 3], when: 3 }, raw: { retained: [1, 4], when: 4 } },
    { name: 'WriteFile', source: 'Win32 WriteFile: lpBuffer and lpOverlapped are used until the I/O completes', go: { retained: [1, 3], when: 3 }, raw: { retained: [1, 4], when: 4 } },
    { name: 'DeviceIoControl', source: 'Win32 DeviceIoControl with lpOverlapped: buffers are used until completion', go: { retained: [2, 4, 7], when: 7 }, raw: { retained: [2, 4, 7], when: 7 } },
    { name: 'ReadDirectoryChanges', source: 'Win32 ReadDirectoryChangesW with lpOverlapped', go: { retained: [1, 6], when: 6 } },
    { name: 'ReadDirectoryChangesW', source: 'Win32 ReadDirectoryChangesW with lpOverlapped', raw: { retained: [1, 6], when: 6 } },
    { name: 'WSARecv', source: 'Winsock WSARecv with lpOverlapped: buffers are filled after return', go: { retained: [1, 5], when: 5 }, raw: { retained: [1, 5], when: 5 } },
    { name: 'WSASend', source: 'Winsock WSASend with lpOverlapped', go: { retained: [1, 5], when: 5 }, raw: { retained: [1, 5], when: 5 } },
    { name: 'ConnectNamedPipe', source: 'Win32 ConnectNamedPipe with lpOverlapped', go: { retained: [1], when: 1 }, raw: { retained: [1], when: 1 } },
    // Contexts handed back to callbacks later.
    { name: 'RegisterServiceCtrlHandlerEx', source: 'the context is passed to every later handler call (golang/go#67437; x/sys 348425aa)', go: { retained: [2] } },
    { name: 'RegisterServiceCtrlHandlerExW', source: 'the context is passed to every later handler call (golang/go#67437)', raw: { retained: [2] } },
    { name: 'CreateThread', source: 'Win32 CreateThread: lpParameter is read by the new thread after the call returns', go: { retained: [3] }, raw: { retained: [3] } },
    { name: 'SetWindowLongPtrW', source: 'GWLP_USERDATA and similar slots keep the value for the window\'s lifetime', raw: { retained: [2] } },
    { name: 'SetWindowLongPtr', source: 'GWLP_USERDATA and similar slots keep the value for the window\'s lifetime', go: { retained: [2] } },
];
/** Linux system calls whose argument structures hold pointers the kernel uses after return. */
export const RETAINING_SYSCALLS = [
    { sysno: 'SYS_IO_SUBMIT', source: 'io_submit(2): the iocb buffers are read or written until the aio completes' },
    { sysno: 'SYS_IO_URING_ENTER', source: 'io_uring_enter(2): submission entries point at buffers used until completion' },
    { sysno: 'SYS_IO_URING_REGISTER', source: 'io_uring_register(2): registered buffers stay in use until unregistered' },
];
/**
 * Parameters that by contract receive an address the OS handed out (a mapped view, a VirtualAlloc
 * region, a System V segment): whatever the caller converts there is not a Go object, so a
 * conversion into them is not reported. Keyed by import path, then function, then parameter
 * indexes. Sources: the Win32 and POSIX documentation of each call.
 */
export const FOREIGN_ADDRESS_PARAMS = {
    syscall: { UnmapViewOfFile: [0], FlushViewOfFile: [0], VirtualFree: [0], VirtualLock: [0], VirtualUnlock: [0], VirtualProtect: [0] },
    'golang.org/x/sys/windows': { UnmapViewOfFile: [0], FlushViewOfFile: [0], VirtualFree: [0], VirtualLock: [0], VirtualUnlock: [0], VirtualProtect: [0], VirtualQuery: [0] },
    'golang.org/x/sys/unix': { shmdt: [0], munmap: [0] },
    'internal/syscall/unix': { munmap: [0] },
};
/**
 * Words that show a function treats overlapped I/O as asynchronous: it handles a pending result
 * or waits for completion. An OVERLAPPED passed to ReadFile on a handle opened without
 * FILE_FLAG_OVERLAPPED only carries the file offset and the call completes synchronously
 * (Win32 "Synchronous and Asynchronous I/O"), as in internal/poll's Pread.
 */
export const ASYNC_IO_HINTS = /ERROR_IO_PENDING|GetOverlappedResult|WaitForSingleObject|WaitForMultipleObjects|GetQueuedCompletionStatus|CancelIoEx|HEvent|ERROR_IO_INCOMPLETE/;
/** Calls that wait for an overlapped operation to finish, so memory kept alive or pinned up to
 * them is safe (Win32 GetOverlappedResult with bWait, WaitFor*Object(s)). */
export const WAIT_IO_HINTS = /GetOverlappedResult(Ex)?\(|WaitForSingleObject|WaitForMultipleObjects|GetQueuedCompletionStatus/;
/**
 * Exported functions of x/sys (and syscall) that take a Go pointer as a `uintptr` parameter and
 * forward it to a system call in their Go body: unprotected wrappers, like the tree's own (this is
 * how the wrapper rule knows them when x/sys is not in the scanned tree). Parameter indexes count
 * from 0. Derived from x/sys at e8c1c327 (2026) and 0.3.0 by pinlint's own wrapper summaries
 * (`pinlint audit`), keeping the parameters that carry a caller's buffer or structure; remote
 * addresses (ReadProcessMemory, PtracePeek*) and integer arguments are left out.
 */
export const KNOWN_UINTPTR_WRAPPERS = {
    'golang.org/x/sys/windows': {
        RegisterServiceCtrlHandlerEx: [2], // context (golang/go#67437)
        SubscribeServiceChangeNotifications: [3], // callbackCtx
        QueryInformationJobObject: [2],
        SetInformationJobObject: [2],
        QueryWorkingSetEx: [1],
        NtCreateFile: [9], // eabuffer
        CertOpenStore: [4], // para
    },
    'golang.org/x/sys/unix': {
        Prctl: [1, 2, 3, 4],
        PrctlRetInt: [1, 2, 3, 4],
        ExtattrGetFd: [3],
        ExtattrSetFd: [3],
        ExtattrListFd: [2],
        ExtattrGetFile: [3],
        ExtattrSetFile: [3],
        ExtattrListFile: [2],
        ExtattrGetLink: [3],
        ExtattrSetLink: [3],
        ExtattrListLink: [2],
        PtraceLwpInfo: [1],
    },
};
