// Named uintptr types declared outside the scanned tree (Windows handles): a pointer converted
// through one of them, not straight to uintptr, loses the sink's protection.
/** Named uintptr types outside the scanned tree; converting through them loses the protection. */
export const NAMED_UINTPTR_TYPES = {
    syscall: ['Handle'],
    'golang.org/x/sys/windows': ['Handle', 'HWND', 'HMODULE'],
};
