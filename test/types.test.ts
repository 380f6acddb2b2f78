// The type layer on its own: what TypeTable answers for the questions a file's analysis asked.
// The fixtures check the end-to-end findings; these pin the answers themselves.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../src/flow/extract.js';
import { TypeTable } from '../src/types/table.js';
import type { FileFacts } from '../src/model/facts.js';

const PKG = 'example.com/m/win';

function file(path: string, text: string, dir = 'win'): FileFacts {
  return extractFacts(path, dir, text);
}

const defs = file('win/defs.go', `package win

import (
	"syscall"
	"unsafe"
)

type HANDLE uintptr
type HWND HANDLE
type LPARAM = uintptr
type POINT struct{ X, Y int32 }

type conn struct{ fd int }

func (c *conn) ctl(req uint, arg uintptr) { syscall.Syscall(16, uintptr(c.fd), uintptr(req), arg) }

type tty struct {
	*conn
	name string
}

type buffer struct{ data []byte }

func (b *buffer) addr() uintptr { return uintptr(unsafe.Pointer(&b.data[0])) }

func lookup(name string) (*syscall.DLL, *syscall.Proc, error) { return nil, nil, nil }

func fill(p *POINT, b []byte) { p.X = int32(uintptr(unsafe.Pointer(&b[0]))) }
`);

const user = file('win/use.go', `package win

import "unsafe"

func use(h HWND, t *tty, b *buffer, x *POINT) {
	_ = LPARAM(unsafe.Pointer(x))
	_ = HWND(unsafe.Pointer(x))
	_ = POINT{}
	_, p, _ := lookup("f")
	_ = p
	t.ctl(1, 0)
	_ = b.addr()
}
`);

const table = new TypeTable([defs, user], (dir) => (dir === 'win' ? PKG : null));
const view = table.viewFor(user);

describe('TypeTable', () => {
  it('records what the analysis asked about', () => {
    expect(user.lookups).toEqual(expect.arrayContaining(['#HWND', '#LPARAM', '#lookup', '#buffer.addr', '#buffer.addr!args']));
  });

  it('follows definitions and aliases down to uintptr', () => {
    expect(view['#HWND']).toEqual({ kind: 'uintptr-type' });
    expect(view['#LPARAM']).toEqual({ kind: 'uintptr-type' });
    // A struct type is no integer type, and no answer is given for it.
    expect(view['#POINT']).toBeUndefined();
  });

  it('gives declared result types and return summaries', () => {
    expect(view['#lookup']).toEqual({ kind: 'func', results: [{ type: { pkg: 'syscall', name: 'DLL', pointer: true } }, { procType: true }, {}] });
    expect(view['#buffer.addr!args']).toEqual({ kind: 'func', results: [{ uptrParams: [-1] }] });
  });

  it('answers for the file asking only: a file that asked nothing gets nothing', () => {
    expect(Object.keys(table.viewFor(defs)).filter((k) => !(defs.lookups ?? []).includes(k))).toEqual([]);
  });

  it('summarizes stores through pointer parameters', () => {
    expect(defs.funcs.find((f) => f.name === 'fill')?.stores).toBeUndefined();
    const store = file('win/store.go', `package win

import "unsafe"

type req struct{ name uintptr }

func setName(r *req, s []byte) { r.name = uintptr(unsafe.Pointer(&s[0])) }
`);
    expect(store.funcs[0]?.stores).toEqual([{ param: 0, path: ['name'], source: 1 }]);
  });

  it('selects promoted members at the shallowest depth, and ends on mutually embedding types', () => {
    const defs2 = file('e/defs.go', `package e

import "unsafe"

type Iface interface{ M() }
type A struct {
	Iface
	*B
	*C
	*D
}
type B struct {
	*A
	*C
	*D
}
type C struct {
	*A
	*B
	*D
}
type D struct {
	*A
	*B
	*C
}

type deep struct{}

func (deep) addr(x *int) uintptr { return uintptr(unsafe.Pointer(x)) }

type shallow struct{}

func (shallow) addr(x *int) uintptr { return 0 }

type mid struct{ deep }
type S struct {
	mid
	shallow
}
`, 'e');
    const use2 = file('e/use.go', `package e

import "unsafe"

func use(a *A, s *S, x *int) {
	_ = unsafe.Pointer(x)
	a.M()
	_ = s.addr(x)
}
`, 'e');
    const t = new TypeTable([defs2, use2], (dir) => (dir === 'e' ? 'example.com/m/e' : null));
    const v = t.viewFor(use2);
    // Go calls shallow.addr (depth 1), not deep.addr (depth 2): no integer made from x.
    expect(v['#S.addr!args']).toBeUndefined();
    expect(v['#A.M']).toBeUndefined();
  });
});
