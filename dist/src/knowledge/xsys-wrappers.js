// x/sys (and syscall) functions known to forward a Go pointer passed as uintptr to a system call
// in their Go body, for trees that do not include x/sys itself.
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
    // std syscall, for trees that do not include the standard library (pinlint never reads GOROOT):
    // derived the same way from Go 1.19's syscall package. CertOpenStore is the windows twin of
    // x/sys's; Getkerninfo (aix) takes the caller's buffer and its size word by address
    // (net/interface_aix.go passes &tab[0] and &needed). Region addresses (VirtualLock,
    // UnmapViewOfFile), callbacks (ReadDirectoryChanges, WSAIoctl), remote addresses (PtracePeek*)
    // and flags (Mount) are left out, as for x/sys.
    syscall: {
        CertOpenStore: [4],
        Getkerninfo: [1, 2],
    },
};
