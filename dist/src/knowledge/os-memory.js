// Memory the Go collector does not manage: the OS allocators whose results may be held as uintptr
// anywhere, and the parameters that by contract receive an address the OS handed out.
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
/**
 * Parameters that by contract receive an address the OS handed out (a mapped view, a VirtualAlloc
 * region, a System V segment), or an address where the OS is to place a new mapping: whatever the
 * caller converts there is not a Go object the OS reads or writes through, so a conversion into
 * them is not reported. Keyed by import path, then function, then parameter indexes. Sources: the
 * Win32 and POSIX documentation of each call (LocalFree/GlobalFree: "a handle to the memory
 * object, returned by LocalAlloc/GlobalAlloc or their ReAlloc"; mremap(2): the old address of an
 * existing mapping and, with MREMAP_FIXED, the address it moves to; mmap(2): "If addr is NULL,
 * then the kernel chooses the (page-aligned) address at which to create the mapping ... If addr is
 * not NULL, then the kernel takes it as a hint about where to place the mapping", so x/sys's
 * `MmapPtr(fd, offset, addr unsafe.Pointer, …)` hands mmap a placement, not memory).
 */
export const FOREIGN_ADDRESS_PARAMS = {
    syscall: { UnmapViewOfFile: [0], FlushViewOfFile: [0], VirtualFree: [0], VirtualLock: [0], VirtualUnlock: [0], VirtualProtect: [0], mmap: [0], munmap: [0], LocalFree: [0], GlobalFree: [0] },
    'golang.org/x/sys/windows': { UnmapViewOfFile: [0], FlushViewOfFile: [0], VirtualFree: [0], VirtualLock: [0], VirtualUnlock: [0], VirtualProtect: [0], VirtualQuery: [0], LocalFree: [0], GlobalFree: [0] },
    'golang.org/x/sys/unix': { shmdt: [0], mmap: [0], munmap: [0], mremap: [0, 4] },
    'internal/syscall/unix': { munmap: [0] },
};
