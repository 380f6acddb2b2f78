// A Go pointer kept in a uintptr field, a uintptr array element or a byte buffer, and the
// object holding it handed to the OS.
import { availableFixes, conversionTrail, defineRule, isPinMisuse, judgeAll, keepAliveAdvice, keepAliveFix, pinAdvice } from '../src/rule-api.js';
export default defineRule({
    meta: {
        id: 'PL002',
        name: 'hidden-pointer',
        summary: 'A Go pointer stored as uintptr inside a struct, array or buffer that is passed to a system call is invisible to the garbage collector.',
        docs: {
            what: `A struct or array passed to a system call (directly as \`uintptr(unsafe.Pointer(&s))\`, as a
typed pointer to a function of \`syscall\`, \`golang.org/x/sys/unix\`, \`golang.org/x/sys/windows\`, to
a C function through cgo, to a function value holding a sink or a C function registered with
purego, or to a function of the scanned tree or a known x/sys wrapper that hands it on to a sink,
whether it takes a typed pointer and converts it inline or takes the address as a \`uintptr\` and
forwards it, like an \`ioctl\` wrapper) holds a Go pointer in a \`uintptr\` field, a \`uintptr\`
element or raw bytes: the iovec, SECURITY_ATTRIBUTES, bpf_attr, ifreq and TRUSTEE shapes, and C
structs with a \`uintptr_t\` field, which cgo's pointer check cannot see either.`,
            why: `The compiler's protection covers only the object whose address is converted in the call: \`&s\`.
The garbage collector scans \`s\` by type, and a \`uintptr\` field is an integer to it, so the object
that field points to is not kept alive and not updated when it moves (\`unsafe.Pointer\` rule 6;
golang/go#25797, #44662; aws-ebpf-sdk-go#156). The OS then follows a stale address.`,
            fix: `Make the field a typed pointer (\`*T\` or \`unsafe.Pointer\`) so the collector sees it, as x/sys
did for \`SecurityAttributes.SecurityDescriptor\`; or pin the pointee with \`runtime.Pinner\` before
the call and unpin it after; or at least call \`runtime.KeepAlive(pointee)\` after the call (this
keeps it alive but does not stop a stack object from moving).`,
            whenOk: `The field holds memory from the OS (\`VirtualAlloc\`, \`mmap\`, C) or the address of a
package-level variable.`,
            levels: [
                {
                    level: 'error',
                    title: 'bug',
                    when: `Nothing visible keeps the object alive and in place during the call: no reference to it after the call on any path, or it is a local whose address does not escape by any syntactic sign (stored in a package-level variable, returned), so it may live on the stack, which moves when it grows (a wrapper or the Go function cgo generates runs between the argument and the OS). The message ends with \`Bug:\` and the reason. A finding about several hidden objects is a bug when any of them is.`,
                    example: `package p

import (
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, n int) {
	b := make([]byte, n)
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(n)}
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
                },
                {
                    level: 'warning',
                    title: 'rule violation',
                    when: `The function visibly keeps a heap object alive across the call: it uses the object again after the call on some path (the message names the line), or stored it in a package-level variable, map or slice before the call. The collector keeps it today, but the code still breaks the unsafe.Pointer rules, and a refactor that drops that use turns it into a use-after-free. The message ends with \`Rule violation, not yet a bug:\` and the reason.`,
                    example: `package p

import (
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

var sent [][]byte

func writev(fd int, n int) {
	b := make([]byte, n)
	sent = append(sent, b)
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(n)}
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
                },
            ],
        },
        examples: {
            bad: `package p

import (
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, b []byte) {
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(len(b))}
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
            good: `package p

import (
	"syscall"
	"unsafe"
)

type iovec struct {
	base *byte
	len  uint64
}

func writev(fd int, b []byte) {
	iov := iovec{base: &b[0], len: uint64(len(b))}
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
        },
        messages: {
            hidden: '{container} passed to {sink} holds a pointer to {obj} in {field}{more}, which the garbage collector does not see, so {obj} may be freed or moved before the call returns; make the field a typed pointer{pin}, or {keep}.',
        },
        level: 'error',
        precision: 'high',
        securitySeverity: 7.5,
        tags: ['security', 'correctness', 'unsafe', 'ffi'],
        cwe: ['CWE-416'],
        references: [
            'https://pkg.go.dev/unsafe#Pointer (rule 6)',
            'https://github.com/golang/go/issues/25797',
            'https://github.com/golang/go/issues/44662',
        ],
    },
    checkCall(view, report) {
        const { call, target, index } = view;
        // The container reaches the OS directly, through a typed-pointer wrapper, or as the integer
        // a uintptr wrapper forwards (`ioctl(fd, req, uintptr(unsafe.Pointer(&s)))`): whichever way,
        // the pointer in its uintptr field is invisible to the collector (unsafe.Pointer rule 6).
        const handsToOS = (argIndex, spread) => {
            if (target.kind === 'sink' || target.kind === 'syscall-package' || target.kind === 'cgo')
                return true;
            // A function value holding a sink or a C function registered with purego: the OS or the
            // C code reads what the argument points to.
            if (target.kind === 'indirect')
                return target.sink !== null || !!target.registered;
            if (target.kind === 'configured-wrapper')
                return !target.params || target.params.includes(argIndex);
            if (target.kind === 'func')
                return index.argReachesSink(target, argIndex, spread, 'ptr') || index.argReachesSink(target, argIndex, spread, 'uintptr');
            return false;
        };
        call.args.forEach((arg, i) => {
            if (!handsToOS(i, arg.spread))
                return;
            // One finding per container: several hidden pointers in one struct are one mistake; one
            // finding per object (issue 9): the engine keeps one per (argument, object) too.
            const byContainer = new Map();
            for (const src of arg.sources) {
                if (src.kind !== 'hidden')
                    continue;
                if (!view.isGoMemory(src.u.obj) || view.isMitigated(src.mit) || isPinMisuse(src.mit))
                    continue;
                // Each object once per argument: the first container that hides it names it.
                if ([...byContainer.values()].some((l) => l.some((x) => x.u.obj.name === src.u.obj.name)))
                    continue;
                byContainer.set(src.container, [...(byContainer.get(src.container) ?? []), src]);
            }
            for (const [container, list] of byContainer) {
                const first = list[0];
                const others = list.slice(1).map((x) => x.u.obj.name);
                const sink = target.kind === 'other' ? call.calleeText : target.name;
                // Go code between the argument and the OS (a wrapper, cgo's function) can grow the stack.
                const j = judgeAll(list.map((x) => ({ obj: x.u.obj, mit: x.mit })), target.kind === 'sink' ? undefined : sink);
                report({
                    ...j,
                    object: list.map((x) => x.u.obj.name).join(', '),
                    messageId: 'hidden',
                    data: {
                        container,
                        sink,
                        obj: first.u.obj.name,
                        field: first.field,
                        more: others.length ? ` (and to ${others.join(', ')})` : '',
                        pin: pinAdvice(view.goVersion, first.u.obj.name),
                        keep: keepAliveAdvice(first.u.obj),
                    },
                    span: arg.span,
                    ...conversionTrail(list.map((x) => x.u), [{ span: arg.span, message: `${container} passed here` }]),
                    fixes: availableFixes(keepAliveFix(view, list.map((x) => x.u))),
                });
            }
        });
    },
});
