// Domain knowledge, as data. Every entry cites where the fact comes from; the engine and rules
// consult these tables and never spell a sink or an API name in code. The config file (see
// docs/configuration.md) can extend them for in-house shims.

/** Import paths whose package-level functions listed here keep inline-converted pointers alive. */
export interface SinkTable {
  /** import path → function names that are protected sinks (bodyless, //go:uintptrkeepalive or
   * //go:uintptrescapes in that package). */
  funcs: Record<string, readonly string[]>;
  /** import path → type name → methods that are protected sinks. */
  methods: Record<string, Record<string, readonly string[]>>;
}

export const SINKS: SinkTable = {
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
export const DLL_PACKAGES: readonly string[] = ['syscall', 'golang.org/x/sys/windows'];

/** Functions (in DLL_PACKAGES) that return a DLL handle object. */
export const DLL_CONSTRUCTORS: readonly string[] = ['NewLazyDLL', 'NewLazySystemDLL', 'LoadDLL', 'MustLoadDLL', 'LoadDLLFrom'];

/** Methods on a DLL object that return a procedure whose `Call` is a sink. */
export const PROC_METHODS: readonly string[] = ['NewProc', 'FindProc', 'MustFindProc', 'FindProcByOrdinal', 'MustFindProcByOrdinal'];

/** Type names (in DLL_PACKAGES) of procedures and DLLs, for typed variables and fields. */
export const PROC_TYPES: readonly string[] = ['Proc', 'LazyProc'];
export const DLL_TYPES: readonly string[] = ['DLL', 'LazyDLL'];

/** runtime.KeepAlive and friends: a call after the sink keeps the named object alive. */
export const KEEP_ALIVE: readonly { pkg: string; name: string }[] = [{ pkg: 'runtime', name: 'KeepAlive' }];

/** runtime.Pinner (Go 1.21, golang/go#46787). */
export const PINNER = { pkg: 'runtime', type: 'Pinner', pin: 'Pin', unpin: 'Unpin' } as const;

/**
 * Calls whose results are memory the Go collector does not manage, so a uintptr of them can be
 * held anywhere (DESIGN.md §2): mmap'd slices, Windows heap and virtual memory, C memory.
 * `result` is the index of the result that carries the memory.
 */
export const OS_ALLOCATORS: Record<string, readonly string[]> = {
  syscall: ['Mmap', 'LocalAlloc', 'VirtualAlloc', 'GlobalAlloc', 'HeapAlloc', 'CoTaskMemAlloc'],
  'golang.org/x/sys/unix': ['Mmap', 'MmapPtr', 'Mremap'],
  'golang.org/x/sys/windows': [
    'VirtualAlloc', 'VirtualAllocEx', 'LocalAlloc', 'GlobalAlloc', 'HeapAlloc', 'HeapReAlloc',
    'CoTaskMemAlloc', 'MapViewOfFile',
  ],
};

/** Named uintptr types outside the scanned tree; converting through them loses the protection. */
export const NAMED_UINTPTR_TYPES: Record<string, readonly string[]> = {
  syscall: ['Handle'],
  'golang.org/x/sys/windows': ['Handle', 'HWND', 'HMODULE'],
};

/**
 * Packages whose exported functions are thin system-call wrappers that hand typed pointer
 * arguments to the OS by converting them inline (mksyscall / mkwinsyscall output). A struct whose
 * uintptr field hides a Go pointer is exposed to the OS when its address reaches them.
 */
export const SYSCALL_WRAPPER_PACKAGES: readonly string[] = ['syscall', 'golang.org/x/sys/unix', 'golang.org/x/sys/windows'];

/** Reports whether `name` is a sink function of `pkg` in the table. */
export function isTableSinkFunc(table: SinkTable, pkg: string, name: string): boolean {
  return table.funcs[pkg]?.includes(name) ?? false;
}

/** Reports whether `typeName.method` of `pkg` is a sink method in the table. */
export function isTableSinkMethod(table: SinkTable, pkg: string, typeName: string, method: string): boolean {
  return table.methods[pkg]?.[typeName]?.includes(method) ?? false;
}

/** Method names that can be sinks on some type: a call by another name is never a method sink. */
export function sinkMethodNames(table: SinkTable): Set<string> {
  const names = new Set<string>();
  for (const types of Object.values(table.methods)) for (const ms of Object.values(types)) for (const m of ms) names.add(m);
  return names;
}

/**
 * Packages whose code manages memory under the runtime's own invariants (objects that are never
 * freed, no stack growth in nosplit code, guintptr words), so the unsafe.Pointer rules for user
 * code do not describe their safety: findings there are not reported. Import path prefixes.
 */
export const RUNTIME_MANAGED_PACKAGES: readonly string[] = ['runtime', 'internal/runtime', 'internal/abi', 'internal/bytealg'];

/** Pseudo-packages whose bodyless declarations are compiler builtins, not assembly sinks. */
export const PSEUDO_PACKAGES: readonly string[] = ['unsafe', 'builtin'];

/**
 * Functions that run in a child process between fork and exec: only one thread exists and the
 * garbage collector does not run there, so no Go object can be freed or moved under a syscall
 * (std syscall/exec_*.go doc comments). Keyed by import path.
 */
export const AFTER_FORK_FUNCS: Record<string, readonly string[]> = {
  syscall: ['forkAndExecInChild', 'forkAndExecInChild1'],
};

/** Reports whether an import path is in one of the listed path prefixes. */
export function isUnderPackage(path: string | null, prefixes: readonly string[]): boolean {
  if (!path) return false;
  return prefixes.some((p) => path === p || path.startsWith(p + '/'));
}
