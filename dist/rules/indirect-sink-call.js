// A sink called through a value the compiler cannot resolve statically: an interface, a method
// value, a function-typed variable, field or parameter, or a C function that an FFI library
// (purego) bound to a Go function variable. Even an inline conversion is unprotected.
import { availableFixes, conversionTrail, defineRule, isPinMisuse, judge, keepAliveAdvice, keepAliveFix, mayMove } from '../src/rule-api.js';
const HOW = {
    'method-value': 'a method value',
    'func-var': 'a function variable',
    'package-func-var': 'a package-level function variable',
    'func-param': 'a function-typed parameter',
    'func-field': 'a function-typed field',
    interface: 'an interface',
};
export default defineRule({
    meta: {
        id: 'PL005',
        name: 'indirect-sink-call',
        summary: 'A system call, DLL procedure or purego-registered C function called through an interface, method value or function variable does not protect pointers converted in its arguments.',
        docs: {
            what: `A pointer converted to \`uintptr\` — even inline — is passed to a call the compiler cannot resolve
statically: a method of an interface whose method takes \`uintptr\`s (a \`proc\` interface around
\`(*LazyProc).Call\`), a method value (\`c := proc.Call; c(...)\`), a package-level variable holding
\`syscall.Syscall\`, a function-typed field set to a procedure's \`Call\`, or a function-typed parameter
or variable whose signature takes \`uintptr\`s. What a package-level variable or a struct field holds
is taken from every file of its package: its initializer, assignments in \`init\` or any other
function, keyed composite literals. A Go function variable or field filled in by
\`purego.RegisterFunc\` or \`purego.RegisterLibFunc\` is such a call too, and so is a call of an
ordinary Go function that forwards its \`uintptr\` parameter to one of these values
(reported by wrapper-conversion).`,
            why: `The compiler grants the keep-alive of \`unsafe.Pointer\` rule 4 only when it knows the callee at
compile time (cmd/compile \`escape/call.go\`: \`ir.StaticCalleeName\`). Interface calls, method
values, function-typed fields, parameters and package variables are dynamic: nothing keeps the
object alive, whatever the callee turns out to be (golang/go#34684; danieljoos/wincred#80). A function
registered with purego is a \`reflect.MakeFunc\` closure that copies its arguments into integers
and calls the C function through \`syscall_SyscallN\`: it keeps typed pointer arguments alive
(\`runtime.KeepAlive(args)\` until the C function returns), but a \`uintptr\` argument is a bare
integer to it, and its Go frames may grow the stack and move a stack object first.`,
            fix: `Call the procedure directly (\`proc.Call(...)\` on a \`*LazyProc\`/\`*Proc\`, or \`syscall.SyscallN\`)
where the pointer is converted, or pass typed pointers through the interface and convert them
inline at the direct call; or keep the object alive with \`runtime.KeepAlive\` after the call. For a purego
function, declare the parameter as \`unsafe.Pointer\` or a typed pointer in the function's type, so
purego keeps the object alive; \`runtime.KeepAlive\` helps only for heap objects there.`,
            levels: [
                {
                    level: 'error',
                    title: 'bug',
                    when: `Nothing visible keeps the object alive and in place during the call: no reference to it after the call on any path, or it is a local whose address does not escape by any syntactic sign (stored in a package-level variable, returned), so it may live on the stack, which moves when it grows in the Go code a dynamic call or a purego closure runs first. The message ends with \`Bug:\` and the reason. For a purego function, \`runtime.KeepAlive\` does not help such a local.`,
                    example: `package p

import (
	"unsafe"
)

type proc interface {
	Call(a ...uintptr) (r1, r2 uintptr, lastErr error)
}

func getTime(p proc) {
	ft := new([2]uint32)
	p.Call(uintptr(unsafe.Pointer(ft)))
}
`,
                },
                {
                    level: 'warning',
                    title: 'rule violation',
                    when: `The function visibly keeps a heap object alive across the call: it uses the object again after the call on some path (the message names the line), or stored it in a package-level variable, map or slice before the call. The collector keeps it today, but the code still breaks the unsafe.Pointer rules, and a refactor that drops that use turns it into a use-after-free. The message ends with \`Rule violation, not yet a bug:\` and the reason.`,
                    example: `package p

import (
	"unsafe"
)

type proc interface {
	Call(a ...uintptr) (r1, r2 uintptr, lastErr error)
}

func getTime(p proc) uint32 {
	ft := new([2]uint32)
	p.Call(uintptr(unsafe.Pointer(ft)))
	return ft[0]
}
`,
                },
            ],
        },
        examples: {
            bad: `package p

import (
	"unsafe"
)

type proc interface {
	Call(a ...uintptr) (r1, r2 uintptr, lastErr error)
}

func getTime(p proc, ft *[2]uint32) {
	p.Call(uintptr(unsafe.Pointer(ft)))
}
`,
            good: `package p

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var procGetSystemTimeAsFileTime = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetSystemTimeAsFileTime")

func getTime(ft *[2]uint32) {
	procGetSystemTimeAsFileTime.Call(uintptr(unsafe.Pointer(ft)))
}
`,
        },
        messages: {
            indirect: '{obj} is converted to uintptr for a call through {how} ({callee}), which the compiler cannot resolve statically, so even an inline conversion is not protected and {obj} may be freed or moved before the call returns; call the procedure directly, or {keep}.',
            registered: '{obj} is converted to uintptr for {callee}, which calls {cfunc} registered with {api}: a Go closure that protects no uintptr argument, so {obj} may be freed or moved before the C function returns; declare the parameter as unsafe.Pointer or a typed pointer in the function type (purego keeps those alive during the call), or {keep}.',
            registeredStack: '{obj} is converted to uintptr for {callee}, which calls {cfunc} registered with {api}; runtime.KeepAlive({obj}) keeps it alive, but {obj} may live on the stack and move while the closure runs, so the address can still go stale; declare the parameter as unsafe.Pointer or a typed pointer in the function type (purego keeps those alive and in place).',
        },
        level: 'error',
        precision: 'high',
        securitySeverity: 7.5,
        tags: ['security', 'correctness', 'unsafe', 'ffi'],
        cwe: ['CWE-416'],
        references: [
            'https://github.com/golang/go/issues/34684',
            'https://github.com/danieljoos/wincred/issues/80',
        ],
    },
    checkCall(view, report) {
        const { call, target } = view;
        if (target.kind !== 'indirect')
            return;
        for (const arg of call.args) {
            for (const src of arg.sources) {
                if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || isPinMisuse(src.mit))
                    continue;
                const kept = view.isMitigated(src.mit);
                if (target.registered) {
                    // The closure purego built runs Go code before the C function reads the address: a
                    // stack object kept alive may still move (stack growth), as through a Go wrapper.
                    if (kept && (!mayMove(src.u.obj, src.mit) || src.mit.pin === 'covered'))
                        continue;
                    const { api, symbol } = target.registered;
                    report({
                        ...judge(src.u.obj, src.mit, `the closure ${api} built`),
                        messageId: kept ? 'registeredStack' : 'registered',
                        data: { obj: src.u.obj.name, keep: keepAliveAdvice(src.u.obj), callee: call.calleeText, cfunc: symbol ? `the C function ${symbol}` : 'a C function', api },
                        span: arg.span,
                        ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${call.calleeText} here (${symbol ? `C function ${symbol}, ` : ''}registered with ${api})` }]),
                        fixes: kept || src.u.obj.stack ? [] : availableFixes(keepAliveFix(view, src.u)),
                    });
                    continue;
                }
                if (kept)
                    continue;
                report({
                    // Go code runs in a dynamic call before the OS has the address ((*LazyProc).Call).
                    ...judge(src.u.obj, src.mit, call.calleeText),
                    messageId: 'indirect',
                    data: { obj: src.u.obj.name, keep: keepAliveAdvice(src.u.obj), how: HOW[target.how] ?? 'an indirect call', callee: call.calleeText },
                    span: arg.span,
                    ...conversionTrail(src.u, [{ span: arg.span, message: `passed through ${call.calleeText} here${target.sink ? ` (holds ${target.sink})` : ''}` }]),
                    fixes: availableFixes(keepAliveFix(view, src.u)),
                });
            }
        }
    },
});
