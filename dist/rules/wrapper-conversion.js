// A pointer converted to uintptr and handed to an ordinary Go function that forwards the integer
// to a system call: the wrapper's own sink call is protected, the caller's conversion is not.
import { FOREIGN_ADDRESS_PARAMS, availableFixes, conversionTrail, defineRule, twinFix, isPinMisuse, judge, mayMove, pinAdvice } from '../src/rule-api.js';
const CONVERTED_FOR_CALL = new Set(['inline', 'var', 'arith', 'conv']);
/**
 * Reports whether a forwarding chain hands the value to a parameter that by contract receives
 * an address the OS handed out (FOREIGN_ADDRESS_PARAMS): a function of the tree on the way
 * (x/sys's LocalFree), or the DLL export a procedure call at the end calls (a local
 * `globalFree(h)` wrapping `procGlobalFree.Call(h)`). Whatever reaches it is not a Go object.
 */
function endsInForeignAddress(hops, index) {
    const foreign = (api, param) => Object.values(FOREIGN_ADDRESS_PARAMS).some((fns) => fns[api]?.includes(param));
    for (const h of hops) {
        if (h.target.kind === 'func' && h.target.refs.some((r) => FOREIGN_ADDRESS_PARAMS[r.pkg.importPath ?? '']?.[r.fn.name]?.includes(h.arg)))
            return true;
        if (h.target.kind === 'sink' && h.target.api && foreign(h.target.api, h.arg))
            return true;
        // `SyscallN(procX.Addr(), a…)` / `Syscall(procX.Addr(), n, a…)`: the procedure's export
        // takes the arguments after the trap (and the count).
        const first = TRAP_ARGS[h.call.calleeText.replace(/^.*\./, '')];
        if (h.target.kind === 'sink' && h.call.trapProc && first !== undefined) {
            const proc = index.resolve(h.file, { kind: 'method', name: 'Call', recv: { kind: 'pkgvar', pkg: null, name: h.call.trapProc }, recvText: h.call.trapProc });
            if (proc.kind === 'sink' && proc.api && foreign(proc.api, h.arg - first))
                return true;
        }
    }
    return false;
}
/** Where the procedure's own arguments start in the syscall package's entry points. */
const TRAP_ARGS = { SyscallN: 1, Syscall: 2, Syscall6: 2, Syscall9: 2, Syscall12: 2, Syscall15: 2, Syscall18: 2 };
/** How a finding names where a forwarding chain ends: a sink, a call into C, or a function value
 * holding a sink or a registered C function (a call the compiler cannot resolve statically). */
function terminalName(t) {
    if (t.kind === 'sink' || t.kind === 'cgo')
        return t.name;
    if (t.kind !== 'indirect')
        return null;
    if (t.registered)
        return `${t.name} (${t.registered.symbol ? `C function ${t.registered.symbol}, ` : ''}registered with ${t.registered.api})`;
    return t.sink ? `${t.name} (holding ${t.sink})` : null;
}
export default defineRule({
    meta: {
        id: 'PL004',
        name: 'wrapper-conversion',
        summary: 'A pointer converted to uintptr is passed to a Go function that forwards it to a system call, where the compiler no longer protects it.',
        docs: {
            what: `A call passes \`uintptr(unsafe.Pointer(p))\` (written inline or computed earlier) to a function of
the scanned tree that is not itself protected (it has a body and no \`//go:uintptrescapes\`) and that
forwards that \`uintptr\` parameter to a system call, DLL procedure or assembly routine, directly or
through further wrappers, locals, \`copy\`, \`range\`, slices or \`append\`, across files and packages.
Forwarding to a function value that holds a sink or a C function registered with purego (a
package-level variable set in \`init\`, a function-typed field set to \`proc.Call\`) counts too, and
a call through a function variable or field that holds such a wrapper is a call of the wrapper.
Generated mkwinsyscall or mksyscall functions with \`uintptr\` parameters are such wrappers, and so
are exported x/sys functions like \`unix.Prctl\`, \`windows.SetInformationJobObject\` and
\`windows.RegisterServiceCtrlHandlerEx\`, which pinlint knows from a table
(\`KNOWN_UINTPTR_WRAPPERS\` in \`src/knowledge/xsys-wrappers.ts\`) when x/sys is not in the scanned tree.
Functions named as wrappers in the configuration file are treated the same way. A call into C
through cgo (\`C.f(C.uintptr_t(uintptr(unsafe.Pointer(p))))\`, converted inline or before) is one
too: cgo compiles it to a call of a generated Go function, and a Go function that forwards its
\`uintptr\` parameter to C is a wrapper like any other. \`C.T(x)\` for a C type \`T\` is a conversion,
not a call. A call is resolved
among the definitions that can be built together with the calling file (file-name GOOS/GOARCH
suffixes, \`//go:build\` lines): a call in \`pty_linux.go\` reaches the \`!solaris\` wrapper even when
the solaris variant is protected, and a file without constraints sees every variant.

Packages outside the scanned tree are read as context (never reported) from \`vendor/\`, the module
cache at the version go.mod requires, and \`--context\` directories, so their wrappers are found the
same way. When the package a callee belongs to is found nowhere, pinlint cannot tell whether the
function hands the integer to the OS: such a call is reported as a **warning** naming the package,
when the conversion is made for that call (written in it, or just before into a variable); an
integer read back out of a struct field, an element or a helper's result is as often compared
or logged, and stays quiet.
Not an error, because the callee may only use the number (log it, hash it); not a note, because
nothing in the call protects the object if it does, and an ordinary Go function is never protected
unless it is assembly or \`//go:uintptrescapes\`, which is rare outside system-call packages. When
the function visibly keeps the object alive (a rule violation) it is a note. The
standard library is known without its source (std calls are judged by pinlint's tables; packages
such as \`sync/atomic\`, \`fmt\`, \`hash/...\`, \`reflect\`, \`strconv\` never dereference an integer), and
so are the packages the built-in tables and the configuration describe.`,
            why: `The compiler keeps an object alive only for a conversion written in the argument list of the
protected call itself (\`unsafe.Pointer\` rule 4; cmd/compile \`escape/call.go\`). In the wrapper the
value is a plain integer parameter: the object may be freed, or moved when the wrapper grows the
stack, before the system call runs. x/sys added \`ioctlPtr\` (golang/go#44834) and \`ptracePtr\`
(#58387) for exactly this; hcsshim#1438 and dominikh/go-tools#1063 are the same bug.
\`runtime.KeepAlive\` after the call keeps a heap object alive but cannot stop a stack object from
moving: that case is a bug (DESIGN.md §1c), reported at the rule's level. cgo's generated \`_Cfunc_f\` (cmd/cgo \`out.go\`) keeps its
pointer arguments alive (\`_Cgo_use\` makes them escape to the heap) and checks them against the cgo
pointer rules, but an integer argument gets neither: \`go build -gcflags=-m\` reports \`new(T) does not
escape\` for an object whose address is passed to C as \`C.uintptr_t\`, and \`escapes to heap\` when
it is passed as \`unsafe.Pointer\`.`,
            fix: `Change the wrapper to take a typed pointer (\`unsafe.Pointer\` or \`*T\`) and convert it inline in
its own sink call (the \`ioctlPtr\` shape), or call an existing \`…Ptr\` twin; or mark a thin forwarder
\`//go:uintptrescapes\` (it then forces the object to the heap and keeps it alive). Where neither is
possible, pin the object with \`runtime.Pinner\` across the call. For C, pass the address as a
pointer (\`unsafe.Pointer\` or \`*C.T\`), or hand C a \`runtime/cgo.Handle\` when it only needs to give
the value back.`,
            whenOk: `The integer is not a Go pointer (memory from the OS or from C, such as \`C.malloc\` or
\`C.CString\`, a package-level variable, a \`cgo.Handle\`): pinlint stays quiet when it can see that.
For a package pinlint cannot see, make it visible (\`go mod vendor\`, \`go mod download\`, or
\`--context DIR\` / the \`context\` configuration key pointing at its source) and the warning
becomes a judgment: an error if the function forwards the integer to a system call, nothing if it
does not.`,
            levels: [
                {
                    level: 'error',
                    title: 'bug',
                    when: `Nothing visible keeps the object alive and in place during the call: no reference to it after the call on any path, or it is a local whose address does not escape by any syntactic sign (stored in a package-level variable, returned), so it may live on the stack, which moves when it grows while the wrapper runs. The message ends with \`Bug:\` and the reason. \`runtime.KeepAlive\` after the call does not help such a local: it keeps it alive, not in place.`,
                    example: `package p

import (
	"syscall"
	"unsafe"
)

func ioctl(fd int, req uint, arg uintptr) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), arg)
	if e != 0 {
		return e
	}
	return nil
}

func windowCols(fd int) uint16 {
	var ws [4]uint16
	ioctl(fd, syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
	return ws[1]
}
`,
                },
                {
                    level: 'warning',
                    title: 'rule violation, or a bug behind a package pinlint cannot see',
                    when: `The function visibly keeps a heap object alive across the call: it uses the object again after the call on some path (the message names the line), or stored it in a package-level variable, map or slice before the call. The collector keeps it today, but the code still breaks the unsafe.Pointer rules, and a refactor that drops that use turns it into a use-after-free. The message ends with \`Rule violation, not yet a bug:\` and the reason. A call into a package found nowhere (not in the tree, \`vendor/\`, the module cache or a \`--context\` directory) is a warning when it would be a bug, since the callee may only use the number.`,
                    example: `package p

import (
	"syscall"
	"unsafe"
)

func ioctl(fd int, req uint, arg uintptr) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), arg)
	if e != 0 {
		return e
	}
	return nil
}

func windowCols(fd int, ws *[4]uint16) uint16 {
	ioctl(fd, syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(ws)))
	return ws[1]
}
`,
                },
                {
                    level: 'note',
                    title: 'rule violation behind a package pinlint cannot see',
                    when: `A pointer-derived \`uintptr\` passed to a package found nowhere, while the function visibly keeps the object alive (a later use, a store in a package-level variable).`,
                    example: `package p

import (
	"unsafe"

	"example.com/shim"
)

func send(fd int, n int) byte {
	buf := make([]byte, n)
	shim.Send(fd, uintptr(unsafe.Pointer(&buf[0])), n)
	return buf[0]
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

func ioctl(fd int, req uint, arg uintptr) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), arg)
	if e != 0 {
		return e
	}
	return nil
}

func getWinsize(fd int, ws *[4]uint16) error {
	return ioctl(fd, syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(ws)))
}
`,
            good: `package p

import (
	"syscall"
	"unsafe"
)

func ioctlPtr(fd int, req uint, arg unsafe.Pointer) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), uintptr(arg))
	if e != 0 {
		return e
	}
	return nil
}

func getWinsize(fd int, ws *[4]uint16) error {
	return ioctlPtr(fd, syscall.TIOCGWINSZ, unsafe.Pointer(ws))
}
`,
        },
        messages: {
            wrapper: '{obj} is passed as uintptr to {wrapper}, an ordinary Go function that forwards it to {sink}, so the compiler does not protect the conversion and {obj} may be freed or moved before the call returns; pass a typed pointer to a function that converts it inline{twin}, or mark the wrapper //go:uintptrescapes{pin}.',
            wrapperIndirect: '{obj} is passed as uintptr to {wrapper}, an ordinary Go function that forwards it to {sink}, a call the compiler cannot resolve statically, so nothing protects the conversion and {obj} may be freed or moved before the call returns; pass a typed pointer down to a direct sink call or to an unsafe.Pointer parameter of the registered function, or mark the wrapper //go:uintptrescapes{pin}.',
            unseen: '{obj} is passed as uintptr to {callee}, and pinlint cannot see {pkg} (not in the scanned tree, vendor/, the module cache or a --context directory) to tell whether it hands the integer to the OS, where nothing would keep {obj} alive; make the package visible (go mod vendor, go mod download, or --context DIR) or pass a typed pointer instead.',
            keepAliveStack: '{obj} is passed as uintptr to {wrapper}, which forwards it to {sink}; runtime.KeepAlive({obj}) keeps it alive but {obj} may live on the stack and move while {wrapper} runs, so the address can still go stale; pass a typed pointer instead{pin}.',
            cgo: '{obj} is passed to the C function {func} as an integer, which cgo neither keeps alive nor checks (it does both only for pointer arguments), so {obj} may be freed or moved before C uses the address; pass it as a pointer (unsafe.Pointer or *C.T){pin}, or give C a runtime/cgo.Handle instead of an address.',
            cgoKeepAliveStack: '{obj} is passed to the C function {func} as an integer; runtime.KeepAlive({obj}) keeps it alive but {obj} may live on the stack and move while the Go function cgo generates for {func} runs, so the address can still go stale; pass it as a pointer instead{pin}.',
        },
        level: 'error',
        precision: 'high',
        securitySeverity: 7.5,
        tags: ['security', 'correctness', 'unsafe', 'ffi'],
        cwe: ['CWE-416'],
        references: [
            'https://github.com/golang/go/issues/44834',
            'https://github.com/golang/go/issues/58387',
            'https://github.com/dominikh/go-tools/issues/1063',
            'https://github.com/microsoft/hcsshim/pull/1438',
        ],
    },
    checkCall(view, report) {
        const { call, target, index } = view;
        if (target.kind === 'cgo') {
            checkCgoCall(view, target.name, report);
            return;
        }
        if (target.kind === 'configured-wrapper') {
            // Declared a wrapper by configuration or known as one (x/sys): every pointer-derived
            // argument (at the listed parameters) is unprotected.
            for (const [i, arg] of call.args.entries()) {
                if (target.params && !target.params.includes(i))
                    continue;
                for (const src of arg.sources) {
                    if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || view.isMitigated(src.mit) || isPinMisuse(src.mit))
                        continue;
                    report({
                        ...judge(src.u.obj, src.mit, target.name),
                        messageId: 'wrapper',
                        data: { obj: src.u.obj.name, wrapper: target.name, sink: target.params ? 'a system call' : 'a system call (configured wrapper)', twin: '', pin: pinAdvice(view.goVersion, src.u.obj.name).replace(/^, /, '; or ') },
                        span: arg.span,
                        ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${target.name} here` }]),
                    });
                }
            }
            return;
        }
        if (target.kind === 'unseen') {
            checkUnseenCall(view, target, report);
            return;
        }
        if (target.kind !== 'func')
            return;
        // In a method expression `(*T).M(recv, a...)` the first argument is the receiver.
        const shift = call.callee.kind === 'method' && call.callee.methodExpr ? 1 : 0;
        call.args.forEach((arg, j) => {
            const i = j - shift;
            if (i < 0)
                return;
            for (const src of arg.sources) {
                if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || isPinMisuse(src.mit) || src.mit.pin === 'covered')
                    continue;
                const ref = target.refs.find((r) => {
                    const pi = index.paramFor(r.fn, i);
                    return pi !== null && index.summaryOf(r.fn)?.uintptrParams.has(pi);
                });
                if (!ref)
                    continue;
                const param = index.paramFor(ref.fn, i);
                if (FOREIGN_ADDRESS_PARAMS[ref.pkg.importPath ?? '']?.[ref.fn.name]?.includes(param))
                    continue;
                const hops = index.chainFrom(ref.fn, param, view.file);
                if (endsInForeignAddress(hops, index))
                    continue;
                // Build-tagged variants of one wrapper that can be built with this file (a file without
                // constraints sees ioctl for linux, solaris, …) may end in different sinks: name them
                // all rather than one platform's.
                const sinkOf = (h) => {
                    const last = h[h.length - 1];
                    return last ? terminalName(last.target) : null;
                };
                const sinks = [...new Set(target.refs.flatMap((r) => {
                        const pi = index.paramFor(r.fn, i);
                        const s = pi !== null && index.summaryOf(r.fn)?.uintptrParams.has(pi) ? sinkOf(index.chainFrom(r.fn, pi, view.file)) : null;
                        return s ? [s] : [];
                    }))].sort();
                const sink = sinks.length > 1 ? `a system call (${sinks.join(', ')}, by platform)` : sinks[0] ?? 'a system call';
                const kept = view.isMitigated(src.mit);
                // A KeepAlive keeps a heap object alive across the wrapper; a stack object still moves
                // when the wrapper grows the stack (DESIGN.md §1c: a bug).
                if (kept && !mayMove(src.u.obj, src.mit))
                    continue;
                const twinName = `${ref.fn.name}Ptr`;
                const twinRefs = ref.fn.recv ? index.methodsNamed(ref.pkg, ref.fn.recv, twinName, view.file) : index.funcsNamed(ref.pkg, twinName, view.file);
                const twin = twinRefs?.length && index.declaredWherever(view.file, twinRefs) ? ` (${twinName} exists)` : '';
                // The twin takes the pointer as unsafe.Pointer at the same position: call it instead.
                // It must be declared in every build of this file, or the fix would not compile there.
                const pointerTwins = (twinRefs ?? []).filter((r) => /^(\w+\.)?Pointer$/.test(r.fn.params[param]?.type ?? ''));
                const twinTakesPointer = pointerTwins.length > 0 && index.declaredWherever(view.file, pointerTwins);
                const hopSteps = hops.map((h) => ({
                    span: h.call.args[h.arg]?.span ?? h.call.span,
                    path: h.file.path,
                    message: terminalName(h.target) ? `${h.fn.name} passes it to ${terminalName(h.target)} here` : `${h.fn.name} forwards it to ${h.target.kind === 'func' ? h.target.name : 'a call'} here`,
                }));
                const sinkCall = hopSteps.slice(-1);
                report({
                    ...judge(src.u.obj, src.mit, target.name),
                    messageId: kept ? 'keepAliveStack' : hops[hops.length - 1]?.target.kind === 'indirect' ? 'wrapperIndirect' : 'wrapper',
                    data: { obj: src.u.obj.name, wrapper: target.name, sink, twin, pin: pinAdvice(view.goVersion, src.u.obj.name).replace(/^, /, '; or ') },
                    span: arg.span,
                    ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${target.name} here` }, ...hopSteps], sinkCall),
                    fixes: availableFixes(twinTakesPointer ? twinFix(view, arg, twinName) : undefined),
                });
            }
        });
    },
});
/** A callee of a package found nowhere (DESIGN.md §1b): a warning at most, said so in the docs. */
function checkUnseenCall(view, target, report) {
    const { call } = view;
    for (const arg of call.args) {
        for (const src of arg.sources) {
            if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || view.isMitigated(src.mit) || isPinMisuse(src.mit))
                continue;
            // A conversion this function makes for the call (inline, or just before into a
            // variable) says the callee wants an address; an integer read back out of a struct
            // field, an element or a helper's result (even held in a variable first) is as often
            // compared or logged.
            if (!CONVERTED_FOR_CALL.has(src.u.via) || src.u.returnedBy !== undefined)
                continue;
            // Unseen: a warning at most (the callee may only use the number), a note when the
            // object is visibly kept alive.
            const j = judge(src.u.obj, src.mit, target.name);
            report({
                ...j,
                messageId: 'unseen',
                level: j.severity === 'bug' ? 'warning' : 'note',
                data: { obj: src.u.obj.name, callee: target.name, pkg: target.pkg },
                span: arg.span,
                ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${target.name} here` }]),
            });
        }
    }
}
/**
 * A call into C with a pointer-derived integer argument. cmd/cgo compiles `C.f(args)` to a call of
 * `_Cfunc_f`, an ordinary Go function (out.go): it keeps pointer arguments alive through
 * `_Cgo_use` and checks them (`_cgoCheckPointer`), but an integer is neither, whether converted in
 * the argument list or before. runtime.KeepAlive after the call keeps a heap object alive; a stack
 * object can still move when `_Cfunc_f` grows the stack (a bug), as for any Go wrapper.
 */
function checkCgoCall(view, func, report) {
    for (const arg of view.call.args) {
        for (const src of arg.sources) {
            if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || isPinMisuse(src.mit) || src.mit.pin === 'covered')
                continue;
            const kept = view.isMitigated(src.mit);
            if (kept && !mayMove(src.u.obj, src.mit))
                continue;
            report({
                ...judge(src.u.obj, src.mit, `the Go function cgo generates for ${func}`),
                messageId: kept ? 'cgoKeepAliveStack' : 'cgo',
                data: { obj: src.u.obj.name, func, pin: pinAdvice(view.goVersion, src.u.obj.name) },
                span: arg.span,
                ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${func} here` }]),
            });
        }
    }
}
