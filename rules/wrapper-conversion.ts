// A pointer converted to uintptr and handed to an ordinary Go function that forwards the integer
// to a system call: the wrapper's own sink call is protected, the caller's conversion is not.
import { FOREIGN_ADDRESS_PARAMS, availableFixes, conversionTrail, defineRule, twinFix, isPinMisuse, pinAdvice, type RelatedInput } from '../src/rule-api.js';
import type { Hop } from '../src/rule-api.js';

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
Generated mkwinsyscall or mksyscall functions with \`uintptr\` parameters are such wrappers, and so
are exported x/sys functions like \`unix.Prctl\`, \`windows.SetInformationJobObject\` and
\`windows.RegisterServiceCtrlHandlerEx\`, which pinlint knows from a table
(\`KNOWN_UINTPTR_WRAPPERS\` in \`src/knowledge/xsys-wrappers.ts\`) when x/sys is not in the scanned tree.
Functions named as wrappers in the configuration file are treated the same way. A call is resolved
among the definitions that can be built together with the calling file (file-name GOOS/GOARCH
suffixes, \`//go:build\` lines): a call in \`pty_linux.go\` reaches the \`!solaris\` wrapper even when
the solaris variant is protected, and a file without constraints sees every variant.`,
      why: `The compiler keeps an object alive only for a conversion written in the argument list of the
protected call itself (\`unsafe.Pointer\` rule 4; cmd/compile \`escape/call.go\`). In the wrapper the
value is a plain integer parameter: the object may be freed, or moved when the wrapper grows the
stack, before the system call runs. x/sys added \`ioctlPtr\` (golang/go#44834) and \`ptracePtr\`
(#58387) for exactly this; hcsshim#1438 and dominikh/go-tools#1063 are the same bug.
\`runtime.KeepAlive\` after the call keeps a heap object alive but cannot stop a stack object from
moving: that case is reported as a note.`,
      fix: `Change the wrapper to take a typed pointer (\`unsafe.Pointer\` or \`*T\`) and convert it inline in
its own sink call (the \`ioctlPtr\` shape), or call an existing \`…Ptr\` twin; or mark a thin forwarder
\`//go:uintptrescapes\` (it then forces the object to the heap and keeps it alive). Where neither is
possible, pin the object with \`runtime.Pinner\` across the call.`,
      whenOk: `The integer is not a Go pointer (memory from the OS, a package-level variable): pinlint stays quiet
when it can see that.`,
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
      keepAliveStack: '{obj} is passed as uintptr to {wrapper}, which forwards it to {sink}; runtime.KeepAlive({obj}) keeps it alive but {obj} may live on the stack and move while {wrapper} runs, so the address can still go stale; pass a typed pointer instead{pin}.',
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
    if (target.kind === 'configured-wrapper') {
      // Declared a wrapper by configuration or known as one (x/sys): every pointer-derived
      // argument (at the listed parameters) is unprotected.
      for (const [i, arg] of call.args.entries()) {
        if (target.params && !target.params.includes(i)) continue;
        for (const src of arg.sources) {
          if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || view.isMitigated(src.mit) || isPinMisuse(src.mit)) continue;
          report({
            messageId: 'wrapper',
            data: { obj: src.u.obj.name, wrapper: target.name, sink: target.params ? 'a system call' : 'a system call (configured wrapper)', twin: '', pin: pinAdvice(view.goVersion, src.u.obj.name).replace(/^, /, '; or ') },
            span: arg.span,
            ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${target.name} here` }]),
          });
        }
      }
      return;
    }
    if (target.kind !== 'func') return;
    // In a method expression `(*T).M(recv, a...)` the first argument is the receiver.
    const shift = call.callee.kind === 'method' && call.callee.methodExpr ? 1 : 0;
    call.args.forEach((arg, j) => {
      const i = j - shift;
      if (i < 0) return;
      for (const src of arg.sources) {
        if (src.kind !== 'uptr' || !view.isGoMemory(src.u.obj) || isPinMisuse(src.mit) || src.mit.pin === 'covered') continue;
        const ref = target.refs.find((r) => {
          const pi = index.paramFor(r.fn, i);
          return pi !== null && index.summaryOf(r.fn)?.uintptrParams.has(pi);
        });
        if (!ref) continue;
        const param = index.paramFor(ref.fn, i) as number;
        if (FOREIGN_ADDRESS_PARAMS[ref.pkg.importPath ?? '']?.[ref.fn.name]?.includes(param)) continue;
        const hops = index.chainFrom(ref.fn, param, view.file);
        // Build-tagged variants of one wrapper that can be built with this file (a file without
        // constraints sees ioctl for linux, solaris, …) may end in different sinks: name them
        // all rather than one platform's.
        const sinkOf = (h: Hop[]): string | null => {
          const last = h[h.length - 1];
          return last && last.target.kind === 'sink' ? last.target.name : null;
        };
        const sinks = [...new Set(target.refs.flatMap((r) => {
          const pi = index.paramFor(r.fn, i);
          const s = pi !== null && index.summaryOf(r.fn)?.uintptrParams.has(pi) ? sinkOf(index.chainFrom(r.fn, pi, view.file)) : null;
          return s ? [s] : [];
        }))].sort();
        const sink = sinks.length > 1 ? `a system call (${sinks.join(', ')}, by platform)` : sinks[0] ?? 'a system call';
        const kept = view.isMitigated(src.mit);
        if (kept && !src.u.obj.stack) continue;
        const twinName = `${ref.fn.name}Ptr`;
        const twinRefs = ref.fn.recv ? index.methodsNamed(ref.pkg, ref.fn.recv, twinName, view.file) : index.funcsNamed(ref.pkg, twinName, view.file);
        const twin = twinRefs?.length ? ` (${twinName} exists)` : '';
        // The twin takes the pointer as unsafe.Pointer at the same position: call it instead.
        const twinTakesPointer = twinRefs?.some((r) => /^(\w+\.)?Pointer$/.test(r.fn.params[param]?.type ?? '')) ?? false;
        const hopSteps: RelatedInput[] = hops.map((h: Hop) => ({
          span: h.call.args[h.arg]?.span ?? h.call.span,
          path: h.file.path,
          message: h.target.kind === 'sink' ? `${h.fn.name} passes it to ${h.target.name} here` : `${h.fn.name} forwards it to ${h.target.kind === 'func' ? h.target.name : 'a call'} here`,
        }));
        const sinkCall = hopSteps.slice(-1);
        report({
          messageId: kept ? 'keepAliveStack' : 'wrapper',
          level: kept ? 'note' : undefined,
          data: { obj: src.u.obj.name, wrapper: target.name, sink, twin, pin: pinAdvice(view.goVersion, src.u.obj.name).replace(/^, /, '; or ') },
          span: arg.span,
          ...conversionTrail(src.u, [{ span: arg.span, message: `passed to ${target.name} here` }, ...hopSteps], sinkCall),
          fixes: availableFixes(twinTakesPointer ? twinFix(view, arg, twinName) : undefined),
        });
      }
    });
  },
});
