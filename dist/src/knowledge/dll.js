// The Windows DLL API of std syscall and x/sys/windows: how a procedure comes to exist (a DLL
// constructor, then NewProc/FindProc), so the flow analysis knows which values hold procedures
// whose `Call` is a sink.
/** Packages whose DLL API creates procedures: constructors and the methods that return procs. */
export const DLL_PACKAGES = ['syscall', 'golang.org/x/sys/windows'];
/** Functions (in DLL_PACKAGES) that return a DLL handle object. */
export const DLL_CONSTRUCTORS = ['NewLazyDLL', 'NewLazySystemDLL', 'LoadDLL', 'MustLoadDLL', 'LoadDLLFrom'];
/** Methods on a DLL object that return a procedure whose `Call` is a sink. */
export const PROC_METHODS = ['NewProc', 'FindProc', 'MustFindProc', 'FindProcByOrdinal', 'MustFindProcByOrdinal'];
/** Type names (in DLL_PACKAGES) of procedures and DLLs, for typed variables and fields. */
export const PROC_TYPES = ['Proc', 'LazyProc'];
export const DLL_TYPES = ['DLL', 'LazyDLL'];
