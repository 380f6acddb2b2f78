// APIs that keep a pointer after they return (overlapped I/O, callback contexts, Linux aio and
// io_uring), and the words that show a function treats overlapped I/O as asynchronous or waits
// for it: keeping memory alive across such a call is not enough.
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
 * Words that show a function treats overlapped I/O as asynchronous: it handles a pending result
 * or waits for completion. An OVERLAPPED passed to ReadFile on a handle opened without
 * FILE_FLAG_OVERLAPPED only carries the file offset and the call completes synchronously
 * (Win32 "Synchronous and Asynchronous I/O"), as in internal/poll's Pread.
 */
export const ASYNC_IO_HINTS = /ERROR_IO_PENDING|GetOverlappedResult|WaitForSingleObject|WaitForMultipleObjects|GetQueuedCompletionStatus|CancelIoEx|HEvent|ERROR_IO_INCOMPLETE/;
/** Calls that wait for an overlapped operation to finish, so memory kept alive or pinned up to
 * them is safe (Win32 GetOverlappedResult with bWait, WaitFor*Object(s)). */
export const WAIT_IO_HINTS = /GetOverlappedResult(Ex)?\(|WaitForSingleObject|WaitForMultipleObjects|GetQueuedCompletionStatus/;
