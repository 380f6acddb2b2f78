// A sink called through a value the compiler cannot resolve statically: an interface, a method
// value, a function-typed variable, field or parameter. Even an inline conversion is unprotected.
import { availableFixes, conversionTrail, defineRule, isPinMisuse, keepAliveFix } from '../src/rule-api.js';
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
        summary: 'A system call or DLL procedure called through an interface, method value or function variable does not protect pointers converted in its arguments.',
        docs: {
            what: `A pointer converted to \`uintptr\` — even inline — is passed to a call the compiler cannot resolve
statically: a method of an interface whose method takes \`uintptr\`s (a \`proc\` interface around
\`(*LazyProc).Call\`), a method value (\`c := proc.Call; c(...)\`), a package-level variable holding
\`syscall.Syscall\`, or a function-typed parameter or variable whose signature takes \`uintptr\`s.`,
            why: `The compiler grants the keep-alive of \`unsafe.Pointer\` rule 4 only when it knows the callee at
compile time (cmd/compile \`escape/call.go\`: \`ir.StaticCalleeName\`). Interface calls, method
values, function-typed fields, parameters and package variables are dynamic: nothing keeps the
object alive, whatever the callee turns out to be (golang/go#34684; danieljoos/wincred#80).`,
            fix: `Call the procedure directly (\`proc.Call(...)\` on a \`*LazyProc\`/\`*Proc\`, or \`syscall.SyscallN\`)
where the pointer is converted, or pass typed pointers through the interface and convert them
inline at the direct call; or keep the object alive with \`runtime.KeepAlive\` after the call.`,
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
            indirect: '{obj} is converted to uintptr for a call through {how} ({callee}), which the compiler cannot resolve statically, so even an inline conversion is not protected and {obj} may be freed or moved before the call returns; call the procedure directly, or call runtime.KeepAlive({obj}) after the call.',
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
                if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || view.isMitigated(src.mit) || isPinMisuse(src.mit))
                    continue;
                report({
                    messageId: 'indirect',
                    data: { obj: src.u.obj.name, how: HOW[target.how] ?? 'an indirect call', callee: call.calleeText },
                    span: arg.span,
                    ...conversionTrail(src.u, [{ span: arg.span, message: `passed through ${call.calleeText} here${target.sink ? ` (holds ${target.sink})` : ''}` }]),
                    fixes: availableFixes(keepAliveFix(view, src.u.obj)),
                });
            }
        }
    },
});
