// A Go pointer handed to an API that keeps using it after the call returns: overlapped I/O,
// callback contexts, asynchronous kernel I/O. Keeping it alive across the call is not enough.
import { defineRule, goAtLeast, RETAINING_APIS, RETAINING_SYSCALLS, RETAINING_WRAPPER_PACKAGES } from '../src/rule-api.js';
const isNil = (t) => t === undefined || t === 'nil' || t === '0' || t === 'uintptr(0)';
/**
 * How an overlapped call runs (Win32 "Synchronous and Asynchronous I/O"): not retained without
 * an OVERLAPPED or on a handle this function opened without the overlapped flag; retained when
 * the function handles the operation as asynchronous (ASYNC_IO_HINTS: a pending result, a wait,
 * an event); and retained, left pending, when it shows neither but the call is asynchronous all
 * the same: the handle was opened overlapped here, the API ignores an OVERLAPPED on a synchronous
 * handle, or no byte count is asked for (the result is meant to come through the OVERLAPPED).
 * ReadFile with a byte count and an OVERLAPPED is positional I/O on a synchronous handle, as
 * internal/poll's Pread does, and stays quiet.
 */
function overlappedUse(view, api, form) {
    const { call, fn } = view;
    const use = { api: api.name, source: api.source, retained: form.retained, ...(form.transient ? { transient: form.transient } : {}) };
    if (form.when === undefined)
        return use;
    if (isNil(call.args[form.when]?.text) || call.handle === 'sync')
        return null;
    if (fn.asyncIO)
        return use;
    if (fn.waitsForIO)
        return null;
    if (call.handle === 'overlapped')
        return { ...use, leftPending: 'the handle was opened with the overlapped flag here' };
    if (!api.syncOverlapped)
        return { ...use, leftPending: `${api.name} ignores an OVERLAPPED on a synchronous handle, so this call is asynchronous` };
    if (form.count !== undefined && isNil(call.args[form.count]?.text))
        return { ...use, leftPending: 'no byte count is asked for, so the result is to come through the OVERLAPPED' };
    return null;
}
/** Reports which retaining API a call is, if any, and which of its arguments the OS keeps. */
function retainingUse(view) {
    const { call, target } = view;
    if (call.callee.kind === 'func' && call.callee.pkg && RETAINING_WRAPPER_PACKAGES.includes(call.callee.pkg)) {
        const name = call.callee.name;
        const api = RETAINING_APIS.find((a) => a.name === name && a.go);
        const use = api?.go ? overlappedUse(view, api, api.go) : null;
        if (use)
            return use;
    }
    if (target.kind === 'sink' && target.api) {
        const name = target.api;
        const api = RETAINING_APIS.find((a) => a.name === name && a.raw);
        // The proc's arguments start at index 0 (Call's variadic list).
        const use = api?.raw ? overlappedUse(view, api, api.raw) : null;
        if (use)
            return use;
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
    '| API | Retained arguments (Go wrapper / DLL proc) | OVERLAPPED on a synchronous handle | Source |',
    '| --- | --- | --- | --- |',
    ...RETAINING_APIS.map((a) => {
        const form = (f) => (f ? `${f.retained.join(', ')}${f.when !== undefined ? ` when ${f.when} is not nil` : ''}${f.count !== undefined ? ` (byte count ${f.count})` : ''}` : '–');
        const sync = a.go?.when === undefined && a.raw?.when === undefined ? '–' : a.syncOverlapped ? `carries ${a.syncOverlapped}` : 'ignored';
        return `| \`${a.name}\` | ${form(a.go)} / ${form(a.raw)} | ${sync} | ${a.source} |`;
    }),
    ...RETAINING_SYSCALLS.map((c) => `| \`${c.sysno}\` (raw system call) | pointers in the arguments | – | ${c.source} |`),
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
DLL procedures named after them. Overlapped I/O counts in a function that handles it as
asynchronous (it checks \`ERROR_IO_PENDING\`, waits, or sets an event), and in one that starts it
and returns without waiting (it returns the call's error, or ignores it) when the call is
asynchronous all the same: the function opened the handle with \`FILE_FLAG_OVERLAPPED\`, the API
ignores an OVERLAPPED on a synchronous handle (\`DeviceIoControl\`, \`WSARecv\`, \`WSASend\`,
\`ConnectNamedPipe\`, \`ReadDirectoryChanges\`), or \`ReadFile\`/\`WriteFile\` is given no byte count.
A handle the function opened without the flag is synchronous, and \`ReadFile\`/\`WriteFile\` with a
byte count is taken as positional I/O on a synchronous handle (the OVERLAPPED only carries the
offset, as in internal/poll's \`Pread\`). The list is data in \`src/knowledge/retaining.ts\`;
argument positions count from 0:

${API_TABLE}`,
            why: `Every protection the compiler or \`runtime.KeepAlive\` gives ends when the call returns, but the
OS keeps the address: it writes the I/O result or hands the context to a callback later. By then
the object may be collected, or — for a stack variable — the frame may be gone or the stack moved
(golang/go#67437: x/sys stopped passing a Go pointer as the service context).`,
            fix: `Pin the object with \`runtime.Pinner\` until the operation completes (and do not unpin it in the
same function before completion), or allocate the memory outside the Go heap (\`windows.LocalAlloc\`,
\`VirtualAlloc\`, \`mmap\`), or keep a Go-side handle table and pass an index instead of a pointer
as a callback context.`,
            whenOk: `The call is synchronous in practice (no OVERLAPPED passed, a handle opened without
\`FILE_FLAG_OVERLAPPED\`, or the code waits for completion — \`GetOverlappedResult\` with bWait
TRUE, \`WaitForSingleObject\`, a completion-port wait — while the object stays referenced and on
the heap). An OVERLAPPED or buffer the caller passes in, or gets back from a \`return\` after the
call, is the caller's to keep alive until the operation completes.`,
            levels: [
                {
                    level: 'warning',
                    title: 'bug',
                    when: `Nothing keeps the object alive or in place once the function returns, while the OS still uses it. A later use in the function does not count: the OS keeps the address past it. A warning, not an error: whether the operation really outlives the call is inferred (precision medium).`,
                    example: `package p

import (
	"golang.org/x/sys/windows"
)

func startRead(h windows.Handle, ov *windows.Overlapped) error {
	buf := make([]byte, 4096)
	err := windows.ReadFile(h, buf, nil, ov)
	if err == windows.ERROR_IO_PENDING {
		return nil
	}
	return err
}
`,
                },
                {
                    level: 'note',
                    title: 'rule violation',
                    when: `The object was stored in a package-level variable, map or slice before the call (a registry of operations in flight): it is on the heap, which does not move it, and reachable until the registry drops it. Still a rule violation, since nothing pins it.`,
                    example: `package p

import (
	"golang.org/x/sys/windows"
)

var inflight = map[*windows.Overlapped][]byte{}

func startRead(h windows.Handle, ov *windows.Overlapped) error {
	buf := make([]byte, 4096)
	inflight[ov] = buf
	err := windows.ReadFile(h, buf, nil, ov)
	if err == windows.ERROR_IO_PENDING {
		return nil
	}
	return err
}
`,
                },
            ],
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
            leftPending: '{obj} is passed to {api}, which keeps using it after the call returns ({source}), and this function returns without waiting for the operation ({why}), so {obj} may be freed or moved while the OS still writes or reads it; wait for completion before returning, or {fix}',
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
            const copied = use.transient?.includes(i) ?? false;
            for (const src of arg.sources) {
                const obj = objectOf(src);
                if (!obj || src.kind === 'param')
                    continue;
                // An array the API copies (a WSABUF array) is judged by the buffers its elements point
                // to; any other argument by its own object.
                if ((src.kind === 'goptr' && src.inner !== undefined) !== copied)
                    continue;
                // Only memory this function allocated or whose address it took: a caller's object, one
                // handed out by another function, or one returned to the caller may well outlive the
                // operation.
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
                // Returned to the caller, which holds it from then on (as an object it passes in).
                if (src.mit.returned)
                    continue;
                if (view.fn.waitsForIO && (src.mit.pin === 'covered' || (!obj.stack && view.isMitigated(src.mit))))
                    continue;
                if (seen.has(obj.name))
                    continue;
                seen.add(obj.name);
                // The OS uses the address after this function returns, so a later use here keeps
                // nothing alive long enough; a store in a package-level variable (a registry) does, and
                // moves the object to the heap, which does not move it (issue 9: a rule violation).
                const stored = src.mit.storedGlobal;
                const evidence = stored
                    ? `${obj.name} is stored in the package-level ${stored.holder} at line ${stored.span.startLine} before the call, so the collector keeps it alive and in place today; unpinned, it still breaks the unsafe.Pointer rules, and a refactor that drops that store turns this into a use-after-free`
                    : `nothing keeps ${obj.name} alive or in place once this function returns, while the OS still uses it`;
                report({
                    severity: stored ? 'rule-violation' : 'bug',
                    evidence,
                    object: obj.name,
                    messageId: use.leftPending ? 'leftPending' : 'retained',
                    data: { obj: obj.name, api: use.api, source: use.source, fix, why: use.leftPending ?? '' },
                    span: arg.span,
                });
            }
        });
    },
});
