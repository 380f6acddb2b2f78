// The operating systems and architectures Go knows, for reading build constraints: which file
// name suffixes constrain a file, which tags a GOOS or GOARCH sets, and which tags another GOOS
// implies. A call is resolved among the definitions whose constraints can hold together with
// the caller's, so a call in pty_solaris.go reaches the solaris ioctl, not a `!solaris` one.
/**
 * GOOS values that constrain a file named `*_GOOS.go` or `*_GOOS_GOARCH.go` (also with `_test`
 * before `.go`). Source: Go 1.19 `go/build/syslist.go` (`knownOS`: "past, present, and future
 * known GOOS values"), plus `wasip1`, the port Go 1.21 added (Go 1.21 release notes, "Ports").
 */
export const KNOWN_OS = [
    'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux',
    'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
];
/**
 * GOARCH values that constrain a file named `*_GOARCH.go` or `*_GOOS_GOARCH.go`. Source: Go 1.19
 * `go/build/syslist.go` (`knownArch`).
 */
export const KNOWN_ARCH = [
    '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle',
    'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64',
    's390', 's390x', 'sparc', 'sparc64', 'wasm',
];
/**
 * The GOOS values for which the `unix` build tag holds (it is a tag only: a `_unix.go` file name
 * does not constrain the file). Source: Go 1.19 `go/build/syslist.go` (`unixOS`); the tag is
 * new in Go 1.19 (release notes, "Go command": "the unix build constraint").
 */
export const UNIX_OS = [
    'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd',
    'openbsd', 'solaris',
];
/**
 * Tags a GOOS sets besides its own name. Source: `go help buildconstraint` ("Using GOOS=android
 * matches build tags and files as for GOOS=linux in addition to android tags and files", the same
 * for illumos/solaris and ios/darwin); Go 1.19 `go/build/build.go` `matchTag`.
 */
export const IMPLIED_OS_TAGS = {
    android: ['linux'],
    illumos: ['solaris'],
    ios: ['darwin'],
};
/**
 * Tags no build sets: a file that requires one is part of no package build. Source: `go help
 * buildconstraint` ("To keep a file from being considered for any build: //go:build ignore (any
 * other unsatisfied word will work as well, but "ignore" is conventional.)"). Such files are
 * generator inputs and programs run by name (`go run mkpost.go`, cgo -godefs input such as x/sys's
 * `types_freebsd.go`): their declarations are no variant of the package's own, so a caller's
 * names never resolve to them while a variant that builds exists.
 */
export const NEVER_SET_TAGS = ['ignore'];
