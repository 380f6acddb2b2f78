// A Go pointer handed to an API that keeps using it after the call returns: overlapped I/O,
// callback contexts, asynchronous kernel I/O. Keeping it alive across the call is not enough.
import { defineRule, goAtLeast, RETAINING_APIS, RETAINING_SYSCALLS, RETAINING_WRAPPER_PACKAGES } from '../src/rule-api.js';
/** Reports which retaining API a call is, if any, and which of its arguments the OS keeps. */
function retainingUse(view) {
    const { call, target } = view;
    // Overlapped I/O retains only when asynchronous: an OVERLAPPED is passed and the function shows
    // it handles a pending operation (ASYNC_IO_HINTS); otherwise it only carries an offset.
    const live = (when) => {
        if (when === undefined)
            return true;
        const t = call.args[when]?.text;
        return t !== undefined && t !== 'nil' && t !== '0' && view.fn.asyncIO;
    };
    if (call.callee.kind === 'func' && call.callee.pkg && RETAINING_WRAPPER_PACKAGES.includes(call.callee.pkg)) {
        const name = call.callee.name;
        const api = RETAINING_APIS.find((a) => a.name === name && a.go);
        if (api?.go && live(api.go.when))
            return { api: name, source: api.source, retained: api.go.retained };
    }
    if (target.kind === 'sink' && target.api) {
        const name = target.api;
        const api = RETAINING_APIS.find((a) => a.name === name && a.raw);
        // The proc's arguments start at index 0 (Call's variadic list).
        if (api?.raw && live(api.raw.when))
            return { api: name, source: api.source, retained: api.raw.retained };
    }
    if (target.kind === 'sink') {
        const first = call.args[0]?.text ?? '';
        const sc = RETAINING_SYSCALLS.find((s) => first === s.sysno || first.endsWith(`.${s.sysno}`));
        if (sc)
            return { api: sc.sysno, source: sc.source, retained: null };
    }
    return null;
}
/** The object an argument source points into, for sources that carry a Go pointer. */
function objectOf(src) {
    if (src.kind === 'goptr')
        return src.obj;
    if (src.kind === 'uptr' || src.kind === 'hidden')
        return src.u.obj;
    return null;
}
/** The table of retaining APIs for the doc page, rendered from the knowledge data. */
const API_TABLE = [
    '| API | Retained arguments (Go wrapper / DLL proc) | Source |',
    '| --- | --- | --- |',
    ...RETAINING_APIS.map((a) => {
        const form = (f) => (f ? `${f.retained.join(', ')}${f.when !== undefined ? ` when ${f.when} is not nil` : ''}` : '–');
        return `| \`${a.name}\` | ${form(a.go)} / ${form(a.raw)} | ${a.source} |`;
    }),
    ...RETAINING_SYSCALLS.map((c) => `| \`${c.sysno}\` (raw system call) | pointers in the arguments | ${c.source} |`),
].join('\n');
export default defineRule({
    meta: {
        id: 'PL006',
        name: 'retained-pointer',
        summary: 'A Go pointer is handed to an API that keeps using it after the call returns, without a pin that outlives the call.',
        docs: {
            what: `A pointer to Go memory owned by the calling function (a local variable's address, a buffer or
struct it allocated) is passed to an API that retains it after returning: overlapped I/O
(\`ReadFile\`, \`WriteFile\`, \`DeviceIoControl\`, \`WSARecv\`, \`WSASend\`, \`ReadDirectoryChanges\`,
\`ConnectNamedPipe\` with a non-nil OVERLAPPED), callback contexts (\`RegisterServiceCtrlHandlerEx\`,
\`CreateThread\`'s parameter, \`SetWindowLongPtr\` user data), and Linux asynchronous I/O
(\`io_submit\`, \`io_uring_enter\`, \`io_uring_register\`) — through x/sys or \`syscall\` wrappers or
DLL procedures named after them. Overlapped I/O counts only in a function that handles it as
asynchronous (it checks \`ERROR_IO_PENDING\`, waits, or sets an event); otherwise the OVERLAPPED
only carries the file offset. The list is data in \`src/knowledge/retaining.ts\`; argument positions count
from 0:

${API_TABLE}`,
            why: `Every protection the compiler or \`runtime.KeepAlive\` gives ends when the call returns, but the
OS keeps the address: it writes the I/O result or hands the context to a callback later. By then
the object may be collected, or — for a stack variable — the frame may be gone or the stack moved
(golang/go#67437: x/sys stopped passing a Go pointer as the service context).`,
            fix: `Pin the object with \`runtime.Pinner\` until the operation completes (and do not unpin it in the
same function before completion), or allocate the memory outside the Go heap (\`windows.LocalAlloc\`,
\`VirtualAlloc\`, \`mmap\`), or keep a Go-side handle table and pass an index instead of a pointer
as a callback context.`,
            whenOk: `The call is synchronous in practice (no OVERLAPPED passed, or the code waits for completion
while the object stays referenced and on the heap).`,
        },
        examples: {
            bad: `package p

import (
	"golang.org/x/sys/windows"
)

func startRead(h windows.Handle, ev windows.Handle) error {
	var ov windows.Overlapped
	ov.HEvent = ev
	buf := make([]byte, 4096)
	err := windows.ReadFile(h, buf, nil, &ov)
	if err == windows.ERROR_IO_PENDING {
		return nil
	}
	return err
}
`,
            good: `package p

import (
	"runtime"

	"golang.org/x/sys/windows"
)

type request struct {
	ov  windows.Overlapped
	buf [4096]byte
	pin runtime.Pinner
}

func startRead(h windows.Handle, r *request) error {
	r.pin.Pin(r)
	return windows.ReadFile(h, r.buf[:], nil, &r.ov)
}
`,
        },
        messages: {
            retained: '{obj} is passed to {api}, which keeps using it after the call returns ({source}), so {obj} may be freed or moved while the OS still writes or reads it; {fix}',
        },
        level: 'warning',
        precision: 'medium',
        securitySeverity: 7.0,
        tags: ['security', 'correctness', 'unsafe', 'ffi'],
        cwe: ['CWE-416', 'CWE-825'],
        references: [
            'https://github.com/golang/go/issues/67437',
            'https://learn.microsoft.com/windows/win32/fileio/synchronous-and-asynchronous-i-o',
        ],
    },
    checkCall(view, report) {
        const use = retainingUse(view);
        if (!use)
            return;
        const fix = goAtLeast(view.goVersion, '1.21')
            ? 'pin it with runtime.Pinner until the operation completes, or use memory from the OS.'
            : 'use memory from the OS (LocalAlloc, VirtualAlloc, mmap) for it.';
        view.call.args.forEach((arg, i) => {
            if (use.retained && !use.retained.includes(i))
                return;
            const seen = new Set();
            for (const src of arg.sources) {
                const obj = objectOf(src);
                if (!obj || src.kind === 'param')
                    continue;
                // Only memory this function allocated or whose address it took: a caller's object, or
                // one handed out by another function, may well outlive the operation.
                if (!obj.fresh || !view.isGoMemory(obj))
                    continue;
                if (!('mit' in src))
                    continue;
                // Safe: a pin this function never releases (it outlives the operation); or the function
                // waits for completion while a pin, or a keep-alive of a heap object, covers the wait. A
                // KeepAlive without a wait ends before the OS is done, and a stack object can move
                // during the wait.
                if (src.mit.pinHeld)
                    continue;
                if (view.fn.waitsForIO && (src.mit.pin === 'covered' || (!obj.stack && view.isMitigated(src.mit))))
                    continue;
                if (seen.has(obj.name))
                    continue;
                seen.add(obj.name);
                report({
                    messageId: 'retained',
                    data: { obj: obj.name, api: use.api, source: use.source, fix },
                    span: arg.span,
                });
            }
        });
    },
});
