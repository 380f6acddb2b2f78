// APIs that keep a pointer after they return (overlapped I/O, callback contexts, Linux aio and
// io_uring), the words that show a function treats overlapped I/O as asynchronous, the calls
// that wait for it, and the functions that open handles for it: keeping memory alive across such
// a call is not enough.
const WINDOWS_WRAPPERS = ['golang.org/x/sys/windows', 'syscall'];
export const RETAINING_WRAPPER_PACKAGES = WINDOWS_WRAPPERS;
export const RETAINING_APIS = [
    // Overlapped I/O: the buffer and the OVERLAPPED are used until the operation completes
    // (Win32 docs "Synchronous and Asynchronous I/O"; golang/go#67437 discussion).
    // On a synchronous handle ReadFile and WriteFile take the file offset from the OVERLAPPED
    // (positional I/O, as internal/poll's Pread does) and report the count in lpNumberOf…;
    // "use NULL for this parameter if this is an asynchronous operation" (Win32 ReadFile docs).
    { name: 'ReadFile', source: 'Win32 ReadFile: lpBuffer and lpOverlapped are used until the I/O completes', go: { retained: [1, 3], when: 3, count: 2 }, raw: { retained: [1, 4], when: 4, count: 3 }, syncOverlapped: 'the file offset' },
    { name: 'WriteFile', source: 'Win32 WriteFile: lpBuffer and lpOverlapped are used until the I/O completes', go: { retained: [1, 3], when: 3, count: 2 }, raw: { retained: [1, 4], when: 4, count: 3 }, syncOverlapped: 'the file offset' },
    // "If hDevice was opened without specifying FILE_FLAG_OVERLAPPED, lpOverlapped is ignored"
    // (Win32 DeviceIoControl docs); the same holds for the others below on synchronous handles and
    // non-overlapped sockets.
    { name: 'DeviceIoControl', source: 'Win32 DeviceIoControl with lpOverlapped: buffers are used until completion', go: { retained: [2, 4, 7], when: 7, count: 6 }, raw: { retained: [2, 4, 7], when: 7, count: 6 } },
    { name: 'ReadDirectoryChanges', source: 'Win32 ReadDirectoryChangesW with lpOverlapped', go: { retained: [1, 6], when: 6, count: 5 } },
    { name: 'ReadDirectoryChangesW', source: 'Win32 ReadDirectoryChangesW with lpOverlapped', raw: { retained: [1, 6], when: 6, count: 5 } },
    // The WSABUF array itself is transient: "the service provider's responsibility to capture
    // these WSABUF structures before returning from this call. This enables applications to build
    // stack-based WSABUF arrays" (Winsock WSARecv/WSASend, lpBuffers). The buffers it points to and
    // the OVERLAPPED are used until completion.
    { name: 'WSARecv', source: 'Winsock WSARecv with lpOverlapped: the OVERLAPPED and the buffers the WSABUF array points to are used after return', go: { retained: [1, 5], transient: [1], when: 5, count: 3 }, raw: { retained: [1, 5], transient: [1], when: 5, count: 3 } },
    { name: 'WSASend', source: 'Winsock WSASend with lpOverlapped: the OVERLAPPED and the buffers the WSABUF array points to are used after return', go: { retained: [1, 5], transient: [1], when: 5, count: 3 }, raw: { retained: [1, 5], transient: [1], when: 5, count: 3 } },
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
 * Words that show a function treats overlapped I/O as asynchronous: it handles a pending result
 * or waits for completion. An OVERLAPPED passed to ReadFile on a handle opened without
 * FILE_FLAG_OVERLAPPED only carries the file offset and the call completes synchronously
 * (Win32 "Synchronous and Asynchronous I/O"), as in internal/poll's Pread.
 */
export const ASYNC_IO_HINTS = /ERROR_IO_PENDING|GetOverlappedResult|WaitForSingleObject|WaitForMultipleObjects|GetQueuedCompletionStatus|CancelIoEx|HEvent|ERROR_IO_INCOMPLETE/;
/**
 * Calls that wait for an overlapped operation to finish, so memory kept alive or pinned up to
 * them is safe. `go`/`raw`: the argument (Go wrapper / Win32 order) that says whether the call
 * waits; a literal `false` or `0` there makes it a poll, not a wait.
 */
export const WAIT_IO_CALLS = [
    { name: 'GetOverlappedResult', go: 3, raw: 3, source: 'Win32 GetOverlappedResult: "If this parameter [bWait] is TRUE … the function does not return until the operation has been completed"' },
    { name: 'GetOverlappedResultEx', go: 3, raw: 3, source: 'Win32 GetOverlappedResultEx: dwMilliseconds 0 returns at once' },
    { name: 'WaitForSingleObject', go: 1, raw: 1, source: 'Win32 WaitForSingleObject: dwMilliseconds 0 only tests the object' },
    { name: 'WaitForSingleObjectEx', go: 1, raw: 1, source: 'Win32 WaitForSingleObjectEx: dwMilliseconds 0 only tests the object' },
    // x/sys: WaitForMultipleObjects(handles []Handle, waitAll bool, waitMilliseconds uint32).
    { name: 'WaitForMultipleObjects', go: 2, raw: 3, source: 'Win32 WaitForMultipleObjects: dwMilliseconds 0 only tests the objects' },
    { name: 'WaitForMultipleObjectsEx', go: 3, raw: 3, source: 'Win32 WaitForMultipleObjectsEx: dwMilliseconds 0 only tests the objects' },
    { name: 'GetQueuedCompletionStatus', go: 4, raw: 4, source: 'Win32 GetQueuedCompletionStatus: waits up to dwMilliseconds for a completion packet' },
    { name: 'GetQueuedCompletionStatusEx', go: 4, raw: 4, source: 'Win32 GetQueuedCompletionStatusEx: waits up to dwMilliseconds for completion packets' },
];
/**
 * Functions that open a handle, the argument holding their flags, and the flag that makes the
 * handle overlapped: without it every read and write on the handle completes before returning
 * ("If this flag is not specified, then I/O operations are serialized, even if the calls to the
 * read and write functions specify an OVERLAPPED structure", Win32 CreateFile docs). Argument
 * indexes are those of the x/sys and syscall wrappers (and of the Win32 functions).
 */
export const HANDLE_OPENERS = [
    { name: 'CreateFile', flags: 5, overlapped: 'FILE_FLAG_OVERLAPPED', source: 'Win32 CreateFileW dwFlagsAndAttributes' },
    { name: 'CreateNamedPipe', flags: 1, overlapped: 'FILE_FLAG_OVERLAPPED', source: 'Win32 CreateNamedPipeW dwOpenMode' },
    { name: 'WSASocket', flags: 5, overlapped: 'WSA_FLAG_OVERLAPPED', source: 'Winsock WSASocketW dwFlags' },
];
