// cgo in Go syntax (src/go/cgo.ts): finding the preamble, reading the type names it declares, and
// telling a conversion `C.T(x)` from a call into C `C.f(x)`. The fixtures cover the flow end to
// end (fixtures/*/cgo_linux.go); these tests pin the decisions they build on.
import { describe, expect, it } from 'vitest';
import { cgoConversionType, cgoPreamble, preambleTypeNames } from '../src/go/cgo.js';
import { parseGo } from '../src/go/parse.js';
import type { SyntaxNode } from '../src/go/parse.js';
import type { NameScope } from '../src/go/predicates.js';

function scope(over: Partial<NameScope> = {}): NameScope {
  return { isLocal: () => false, importPath: (n) => (n === 'C' ? 'C' : undefined), dotImports: [], isPkgFunc: () => false, isNamedUintptrType: () => false, isImportedUintptrType: () => false, ...over };
}

function call(expr: string): SyntaxNode {
  const { root } = parseGo(`package p\nimport "C"\nfunc f() { _ = ${expr} }\n`);
  const c = root.descendantsOfType('call_expression')[0];
  if (!c) throw new Error(`no call in ${expr}`);
  return c;
}

const preambleOf = (src: string): string | null => cgoPreamble(parseGo(src).root);

describe('cgoPreamble', () => {
  it('reads the comment directly above import "C", in either comment style', () => {
    expect(preambleOf('package p\n\n/*\ntypedef int a_int;\n*/\nimport "C"\n')).toContain('typedef int a_int;');
    expect(preambleOf('package p\n\n// #include <stdint.h>\n// typedef long b;\nimport "C"\n')).toBe(' #include <stdint.h>\n typedef long b;');
  });

  it('reads the spec\'s own comment in a group, and the declaration\'s only when C is its one spec', () => {
    expect(preambleOf('package p\n\nimport (\n\t// typedef int c;\n\t"C"\n\t"unsafe"\n)\n')).toBe(' typedef int c;');
    expect(preambleOf('package p\n\n// typedef int d;\nimport (\n\t"C"\n)\n')).toBe(' typedef int d;');
    expect(preambleOf('package p\n\n// typedef int e;\nimport (\n\t"C"\n\t"unsafe"\n)\n')).toBeNull();
  });

  it('is absent after a blank line or without import "C"', () => {
    expect(preambleOf('package p\n\n// typedef int f;\n\nimport "C"\n')).toBeNull();
    expect(preambleOf('package p\n\n// typedef int g;\nimport "unsafe"\n')).toBeNull();
  });
});

describe('preambleTypeNames', () => {
  it('reads the names of typedefs, past struct bodies, function pointers and comments', () => {
    const names = preambleTypeNames([
      '#include <stdint.h>',
      'typedef struct { uintptr_t buf; int n; } req;',
      'typedef struct node { struct node *next; struct { int x; } inner; } node;',
      'typedef int (*callback)(void *ctx, int n);',
      'typedef unsigned long handle, *handle_ptr;',
      'typedef char name[16];',
      '/* typedef int commented; */ // typedef int also_commented;',
      'static int f(int x) { typedef int local_t; return x; }',
      'int not_a_type;',
    ].join('\n'));
    expect([...names].sort()).toEqual(['callback', 'handle', 'handle_ptr', 'name', 'node', 'req']);
  });
});

describe('cgoConversionType', () => {
  const none: ReadonlySet<string> = new Set();
  it('names the C type of a conversion: standard numeric, struct/union/enum, _t and preamble typedefs', () => {
    expect(cgoConversionType(scope(), call('C.int(n)'), none)).toBe('int');
    expect(cgoConversionType(scope(), call('C.ulonglong(n)'), none)).toBe('ulonglong');
    expect(cgoConversionType(scope(), call('C.struct_stat(s)'), none)).toBe('struct_stat');
    expect(cgoConversionType(scope(), call('C.uintptr_t(u)'), none)).toBe('uintptr_t');
    expect(cgoConversionType(scope(), call('C.socklen_t(n)'), none)).toBe('socklen_t');
    expect(cgoConversionType(scope(), call('C.cookie(u)'), new Set(['cookie']))).toBe('cookie');
  });

  it('is null for calls into C, cgo helpers, a shadowed C and other packages', () => {
    expect(cgoConversionType(scope(), call('C.malloc(n)'), none)).toBeNull();
    expect(cgoConversionType(scope(), call('C.CString(s)'), none)).toBeNull();
    expect(cgoConversionType(scope(), call('C.cookie(u)'), none)).toBeNull();
    expect(cgoConversionType(scope(), call('C.size_t(a, b)'), none)).toBeNull();
    expect(cgoConversionType(scope({ isLocal: (n) => n === 'C' }), call('C.int(n)'), none)).toBeNull();
    expect(cgoConversionType(scope({ importPath: () => 'example.com/c' }), call('C.int(n)'), none)).toBeNull();
  });
});
