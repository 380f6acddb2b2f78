// Domain knowledge, as data. Every entry cites where the fact comes from; the engine and rules
// consult these tables and never spell a sink or an API name in code. The config file (see
// docs/configuration.md) can extend them for in-house shims.
//
// This module is the barrel: the tables live in one module per topic beside it, and importers
// take every name from here.
export {
  SINKS, SYSCALL_WRAPPER_PACKAGES, PSEUDO_PACKAGES, isTableSinkFunc, isTableSinkMethod, sinkMethodNames, type SinkTable,
} from './sinks.js';
export { DLL_PACKAGES, DLL_CONSTRUCTORS, PROC_METHODS, PROC_TYPES, DLL_TYPES } from './dll.js';
export { KEEP_ALIVE, PINNER } from './keep-alive.js';
export { OS_ALLOCATORS, FOREIGN_ADDRESS_PARAMS } from './os-memory.js';
export { NAMED_UINTPTR_TYPES } from './uintptr-types.js';
export { RUNTIME_MANAGED_PACKAGES, AFTER_FORK_FUNCS, isUnderPackage } from './exemptions.js';
export {
  RETAINING_WRAPPER_PACKAGES, RETAINING_APIS, RETAINING_SYSCALLS, ASYNC_IO_HINTS, WAIT_IO_CALLS, HANDLE_OPENERS, type RetainingApi, type RetainingForm,
} from './retaining.js';
export { KNOWN_UINTPTR_WRAPPERS } from './xsys-wrappers.js';
export { FUNC_REGISTRATIONS, FUNC_REGISTRATION_NAMES, funcRegistration, type FuncRegistration } from './ffi-registration.js';
export { CGO_PACKAGE, C_NUMERIC_TYPES, C_NARROW_TYPES, C_TYPE_PREFIXES, C_TYPE_SUFFIX, CGO_GO_COPIES, CGO_HELPERS } from './cgo.js';
export { KNOWN_OS, KNOWN_ARCH, UNIX_OS, IMPLIED_OS_TAGS, NEVER_SET_TAGS } from './platforms.js';
export { INTEGER_ONLY_PACKAGES, isStandardImportPath } from './std.js';
