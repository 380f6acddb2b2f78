// runtime.Pinner used so that it does not cover the call it was meant to protect, or leaks.
import { conversionTrail, defineRule, judge, type ArgSource, type Target } from '../src/rule-api.js';

/** Reports whether the pin is what the argument's safety depends on: the pointer is hoisted,
 * hidden in memory the collector does not scan, or handed to a function that forwards it. */
function dependsOnPin(src: ArgSource, target: Target): boolean {
  if (src.kind === 'hidden') return true;
  if (src.kind !== 'uptr') return false;
  return src.u.via !== 'inline' || target.kind !== 'sink';
}

export default defineRule({
  meta: {
    id: 'PL003',
    name: 'pinner-misuse',
    summary: 'A runtime.Pinner that is unpinned before the call it protects, pins only after it, or is never unpinned.',
    docs: {
      what: `Uses of \`runtime.Pinner\` (Go 1.21) that do not protect the system call they surround: an
\`Unpin()\` that runs before the call that uses the pinned pointer, a \`Pin\` that only happens after
that call, or a local Pinner that pins and is never unpinned in the function (and is not returned,
stored or passed on, so nothing else can unpin it).`,
      why: `A pin keeps an object from being freed or moved *until Unpin is called* (\`runtime/pinner.go\`,
golang/go#46787). Unpinned before the call, or pinned after it, the object is unprotected while
the OS uses the address. A Pinner that is never unpinned keeps its objects pinned forever; older
runtimes panic in its finalizer ("found leaking pinned pointer; forgot to call Unpin()?").`,
      fix: `Pin before converting the pointer, and unpin after the call returns, usually with
\`defer pinner.Unpin()\` right after declaring the Pinner.`,
      levels: [
      {
        level: 'warning',
        title: 'bug',
        when: `The pin does not cover the call and nothing else visibly keeps the object alive and in place (as for hoisted-conversion), or a Pinner is never unpinned (it leaks for certain). A warning, not an error: the rule's precision and severity are lower than those of the rules that find unprotected conversions.`,
        example: `package p

import (
	"runtime"
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, n int) {
	b := make([]byte, n)
	var pin runtime.Pinner
	pin.Pin(&b[0])
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(n)}
	pin.Unpin()
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
      },
      {
        level: 'note',
        title: 'rule violation',
        when: `The pin does not cover the call, but the function visibly keeps the heap object alive across it (a later use, a store in a package-level variable): one step below the rule's level, as for the other rules.`,
        example: `package p

import (
	"runtime"
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, n int) byte {
	b := make([]byte, n)
	var pin runtime.Pinner
	pin.Pin(&b[0])
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(n)}
	pin.Unpin()
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
	return b[0]
}
`,
      },
      ],
    },
    examples: {
      bad: `package p

import (
	"runtime"
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, b []byte) {
	var pin runtime.Pinner
	pin.Pin(&b[0])
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(len(b))}
	pin.Unpin()
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
      good: `package p

import (
	"runtime"
	"syscall"
	"unsafe"
)

type iovec struct {
	base uintptr
	len  uint64
}

func writev(fd int, b []byte) {
	var pin runtime.Pinner
	defer pin.Unpin()
	pin.Pin(&b[0])
	iov := iovec{base: uintptr(unsafe.Pointer(&b[0])), len: uint64(len(b))}
	syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
}
`,
    },
    messages: {
      unpinnedBefore: '{pinner}.Unpin() runs before the call to {sink} that uses {obj}, so the pin no longer keeps {obj} in place; move Unpin after the call (usually defer {pinner}.Unpin()).',
      pinnedAfter: '{obj} is pinned only after the call to {sink} that uses it, so the pin does not protect the call; call {pinner}.Pin before the call.',
      leak: '{pinner} pins {obj} but is never unpinned in this function and does not escape it, which leaks the pinned memory; add defer {pinner}.Unpin() after declaring it.',
    },
    level: 'warning',
    precision: 'high',
    securitySeverity: 5.5,
    tags: ['security', 'correctness', 'unsafe', 'ffi'],
    cwe: ['CWE-416', 'CWE-401'],
    references: [
      'https://pkg.go.dev/runtime#Pinner',
      'https://github.com/golang/go/issues/46787',
    ],
  },
  checkCall(view, report) {
    const { call, target, index } = view;
    const reaches = (i: number, spread: boolean): boolean =>
      target.kind === 'sink' || target.kind === 'syscall-package' || target.kind === 'cgo' || (target.kind === 'func' && (index.argReachesSink(target, i, spread, 'uintptr') || index.argReachesSink(target, i, spread, 'ptr')));
    call.args.forEach((arg, i) => {
      if (!reaches(i, arg.spread)) return;
      for (const src of arg.sources) {
        if (src.kind === 'param' || src.kind === 'goptr' || !view.isGoMemory(src.u.obj) || !dependsOnPin(src, target)) continue;
        const sink = target.kind === 'other' ? call.calleeText : target.name;
        const data = { pinner: src.mit.pinner ?? 'pinner', sink, obj: src.u.obj.name };
        const used = { span: arg.span, message: `used by ${sink} here` };
        const j = judge(src.u.obj, src.mit, target.kind === 'sink' ? undefined : sink);
        if (src.mit.pin === 'unpinned-before' && src.mit.unpinSpan) {
          const unpinned = { span: src.mit.unpinSpan, message: 'unpinned here' };
          report({ ...j, messageId: 'unpinnedBefore', data, span: arg.span, ...conversionTrail(src.u, [unpinned, used], [unpinned]) });
        } else if (src.mit.pin === 'pinned-after' && src.mit.pinSpan && src.mit.keepAlive === undefined) {
          const pinnedAfter = { span: src.mit.pinSpan, message: 'pinned here, after the call' };
          report({ ...j, messageId: 'pinnedAfter', data, span: arg.span, ...conversionTrail(src.u, [used, { span: src.mit.pinSpan, message: 'pinned here' }], [pinnedAfter]) });
        }
      }
    });
  },
  checkFunction({ fn }, report) {
    for (const leak of fn.leaks) {
      report({ messageId: 'leak', severity: 'bug', evidence: `nothing can unpin ${leak.pinner} once this function returns`, object: leak.obj, data: { pinner: leak.pinner, obj: leak.obj }, span: leak.pinSpan });
    }
  },
});
