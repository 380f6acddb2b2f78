// A pointer converted to uintptr outside the protected shape reaches a sink: held in a variable,
// field, element or a slice passed with `...`, or altered by arithmetic or another conversion.
import { availableFixes, conversionTrail, defineRule, goAtLeast, inlineConversionFix, isPinMisuse, judge, keepAliveAdvice, keepAliveFix } from '../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'PL001',
    name: 'hoisted-conversion',
    summary: 'A pointer converted to uintptr before the system call, or altered inside its argument list, is not kept alive by the compiler.',
    docs: {
      what: `A \`uintptr\` that holds a Go pointer reaches a system call, DLL procedure or assembly
routine (\`syscall.Syscall*\`, \`SyscallN\`, \`(*LazyProc).Call\`, \`unix.Syscall*\`, any bodyless or
\`//go:uintptrescapes\` function) but was not produced by \`uintptr(unsafe.Pointer(p))\` written as
that very argument: it was computed earlier into a variable, a struct field, an array or slice
element, or a slice passed as \`args...\`, or returned by a helper function (\`b.addr()\`, a helper
that builds the \`[]uintptr\` argument list), or the conversion is wrapped in arithmetic, another
conversion or a named uintptr type (\`LPARAM(unsafe.Pointer(p))\`, declared anywhere in the tree).`,
      why: `The Go compiler keeps the object alive and in place during such a call only when the
conversion is written directly in the call's argument list (\`unsafe.Pointer\` rule 4; cmd/compile
\`escape/call.go\`). A \`uintptr\` is an integer: once the conversion is hoisted, the garbage
collector no longer sees the object through it, so the object may be freed, or moved by stack
growth, before the call returns, and the kernel or DLL then reads or writes freed memory. The
\`unsafe\` documentation shows exactly this as its INVALID example. Arithmetic or an extra
conversion around the conversion defeats the compiler's pattern match the same way
(\`uintptr(unsafe.Pointer(p)) + 8\`, \`uintptr(H(unsafe.Pointer(p)))\` with \`type H uintptr\`).`,
      fix: `Write the conversion in the argument list: \`syscall.Syscall(SYS_X, uintptr(unsafe.Pointer(p)), …)\`.
Use \`uintptr(unsafe.Add(unsafe.Pointer(p), 8))\` or \`uintptr(unsafe.Pointer(&b[i]))\` instead of
arithmetic, and write a variadic slice as a literal in the call
(\`SyscallN(fn, []uintptr{uintptr(unsafe.Pointer(p))}...)\`) or pass the elements directly. Where
the value must be computed ahead, keep the object alive with \`runtime.KeepAlive(p)\` after the call
(or pin it with \`runtime.Pinner\`, which also stops a stack object from moving). Keeping an
\`unsafe.Pointer\` in a variable and converting it inline (\`uintptr(q)\`) is fine.`,
      whenOk: `The address of a package-level variable, or memory from \`mmap\`, \`VirtualAlloc\`,
\`LocalAlloc\` or C, is never freed or moved by Go; pinlint already stays quiet when it can see
where the memory came from. If it cannot, suppress the finding with a reason.`,
      levels: [
      {
        level: 'error',
        title: 'bug',
        when: `Nothing visible keeps the object alive and in place during the call: no reference to it after the call on any path, or it is a local whose address does not escape by any syntactic sign (stored in a package-level variable, returned), so it may live on the stack, which moves when it grows before the call. The message ends with \`Bug:\` and the reason.`,
        example: `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, n int) {
	buf := make([]byte, n)
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(n))
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

func read(fd int, n int) byte {
	buf := make([]byte, n)
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(n))
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

func read(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`,
      good: `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
}
`,
    },
    messages: {
      hoisted: '{obj} is converted to uintptr before the call to {sink} and passed as {arg}, so {obj} may be freed or moved before the call returns; write uintptr(unsafe.Pointer(...)) in the argument list, or {keep}.',
      slice: 'the slice {arg} passed to {sink} holds {obj} converted to uintptr beforehand, so {obj} may be freed or moved before the call returns; write the elements in the call, or {keep}.',
      oldGo: 'uintptr({arg}) of an unsafe.Pointer variable is not recognized in the call to {sink} by the Go {version} compiler this module targets (fixed in Go 1.10, golang/go#23051), so {obj} may be freed or moved before the call returns; write uintptr(unsafe.Pointer(...)) of the pointer itself, or require go 1.10 or later in go.mod.',
      returnedFresh: '{arg} converts memory it allocates itself to uintptr and returns only the integer, so nothing keeps that memory alive or in place while {sink} runs; have the helper return a typed pointer (or the slice) and write uintptr(unsafe.Pointer(...)) in the argument list.',
      returned: '{obj} is converted to uintptr inside {arg}, whose result is passed to {sink}, so {obj} may be freed or moved before the call returns; have the helper return a typed pointer and write uintptr(unsafe.Pointer(...)) in the argument list, or {keep}.',
      shape: 'the conversion of {obj} to uintptr is wrapped in {shape} in the call to {sink}, which the compiler does not protect, so {obj} may be freed or moved before the call returns; pass uintptr(unsafe.Pointer(...)) of the exact address (unsafe.Add, &b[i]).',
    },
    level: 'error',
    precision: 'high',
    securitySeverity: 7.5,
    tags: ['security', 'correctness', 'unsafe', 'ffi'],
    cwe: ['CWE-416'],
    references: [
      'https://pkg.go.dev/unsafe#Pointer (rule 4)',
      'https://github.com/golang/go/issues/13372',
      'https://github.com/golang/go/issues/23051',
    ],
  },
  checkCall(view, report) {
    const { call, target } = view;
    if (target.kind !== 'sink') return;
    for (const arg of call.args) {
      for (const src of arg.sources) {
        if (src.kind !== 'uptr') continue;
        const u = src.u;
        // Rule 4: the bare conversion written as the argument (or as an element of a slice
        // literal written in the call) is protected; `uintptr(q)` of an unsafe.Pointer variable
        // only since Go 1.10 (golang/go#23051).
        if (u.via === 'inline' && !(u.fromVar && !goAtLeast(view.goVersion, '1.10'))) continue;
        if (!view.isGoMemory(u.obj) || view.isMitigated(src.mit) || isPinMisuse(src.mit)) continue;
        const data = { obj: u.obj.name, sink: target.name, arg: arg.text, keep: keepAliveAdvice(u.obj) };
        // The sink itself is protected: only the stack growing before it can move the object.
        const j = judge(u.obj, src.mit);
        const fixes = availableFixes(inlineConversionFix(view, arg, u), keepAliveFix(view, u));
        const { related, flow } = conversionTrail(u, [{ span: arg.span, message: `passed to ${target.name} here` }]);
        if (u.via === 'inline') {
          report({ ...j, messageId: 'oldGo', data: { ...data, version: view.goVersion ?? '' }, span: arg.span, related: related.slice(0, 1), flow, fixes });
        } else if (u.via === 'arith' || u.via === 'conv') {
          report({ ...j, messageId: 'shape', data: { ...data, shape: u.via === 'arith' ? 'arithmetic' : 'another conversion' }, span: arg.span, related: related.slice(0, 1), flow, fixes });
        } else if (u.returnedBy !== undefined && u.helperAlloc && !arg.spread) {
          // The helper's own allocation: no variable of the caller can keep it alive.
          report({ severity: 'bug', object: u.obj.name, evidence: `the memory ${u.returnedBy} allocates is held by nothing but the integer`, messageId: 'returnedFresh', data: { ...data, arg: u.returnedBy }, span: arg.span, related: related.slice(0, 1), flow });
        } else if (u.returnedBy !== undefined && !arg.spread) {
          report({ ...j, messageId: 'returned', data: { ...data, arg: u.returnedBy }, span: arg.span, related: related.slice(0, 1), flow, fixes });
        } else {
          report({ ...j, messageId: arg.spread ? 'slice' : 'hoisted', data, span: arg.span, related, flow, fixes });
        }
      }
    }
  },
});
