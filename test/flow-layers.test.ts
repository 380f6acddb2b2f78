// The lower floors of the analysis, each tested alone (as go/analysis tests its passes): the
// scope-aware syntactic predicates of src/go, the value lattice and the reachability questions
// of src/flow. The fixture suite covers them end to end; these tests pin the decisions that the
// rest of the flow analysis builds on, so a regression shows where it starts.
import { describe, expect, it } from 'vitest';
import { parseGo } from '../src/go/parse.js';
import type { SyntaxNode } from '../src/go/parse.js';
import {
  conversionOperand, isIntegerConversion, isNamedUintptrConversion, isUintptrConversion, qualified, unsafeHelperOperand,
  type NameScope,
} from '../src/go/predicates.js';
import { constIndex, fieldPath, isPure } from '../src/go/syntax.js';
import { av, EMPTY, Env, INT, elemAt, held, join, joinEnvs, type AV } from '../src/flow/value.js';
import { dominates, isReachableAfter, type Ctx } from '../src/flow/reach.js';
import type { ObjFact, UptrFact } from '../src/model/facts.js';

function scope(over: Partial<NameScope> = {}): NameScope {
  const imports: Record<string, string> = { unsafe: 'unsafe', sys: 'golang.org/x/sys/windows', windows: 'golang.org/x/sys/windows' };
  return {
    isLocal: () => false,
    importPath: (n) => imports[n],
    dotImports: [],
    isPkgFunc: () => false,
    isNamedUintptrType: () => false,
    isImportedUintptrType: (pkg, name) => pkg === 'golang.org/x/sys/windows' && name === 'Handle',
    ...over,
  };
}

/** The first call expression in `expr`, parsed inside a function body. */
function call(expr: string): SyntaxNode {
  const { root } = parseGo(`package p\nfunc f() { _ = ${expr} }\n`);
  const c = root.descendantsOfType('call_expression')[0];
  if (!c) throw new Error(`no call in ${expr}`);
  return c;
}

function node(expr: string, type: string): SyntaxNode {
  const { root } = parseGo(`package p\nfunc f() { _ = ${expr} }\n`);
  const n = root.descendantsOfType(type)[0];
  if (!n) throw new Error(`no ${type} in ${expr}`);
  return n;
}

describe('go/parse', () => {
  it('reports only the outermost error of nested error-recovery nodes', () => {
    const { errors } = parseGo('package p\nvar x = T{' + 'u++;'.repeat(200) + '\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.type).toBe('ERROR');
    expect(parseGo('package p\nfunc f() {}\n').errors).toEqual([]);
  });
});

describe('go/predicates', () => {
  it('tells the predeclared uintptr conversion from a shadowed or redeclared uintptr', () => {
    expect(isUintptrConversion(scope(), call('uintptr(p)'))).toBe(true);
    expect(isUintptrConversion(scope({ isLocal: (n) => n === 'uintptr' }), call('uintptr(p)'))).toBe(false);
    expect(isUintptrConversion(scope({ isPkgFunc: (n) => n === 'uintptr' }), call('uintptr(p)'))).toBe(false);
    expect(isUintptrConversion(scope(), call('uintptr(p, q)'))).toBe(false);
  });

  it('finds the operand of unsafe.Pointer and (*T) conversions only through the real unsafe import', () => {
    expect(conversionOperand(scope(), call('unsafe.Pointer(&x)'))?.text).toBe('&x');
    expect(conversionOperand(scope(), call('(*T)(q)'))?.text).toBe('q');
    expect(conversionOperand(scope({ importPath: () => undefined }), call('unsafe.Pointer(&x)'))).toBeNull();
    expect(conversionOperand(scope({ isLocal: (n) => n === 'unsafe' }), call('unsafe.Pointer(&x)'))).toBeNull();
    // Through a dot import, unless a package function of the same name shadows it.
    expect(conversionOperand(scope({ importPath: () => undefined, dotImports: ['unsafe'] }), call('Pointer(&x)'))?.text).toBe('&x');
    expect(conversionOperand(scope({ importPath: () => undefined, dotImports: ['unsafe'], isPkgFunc: (n) => n === 'Pointer' }), call('Pointer(&x)'))).toBeNull();
    expect(unsafeHelperOperand(scope(), call('unsafe.Add(p, 8)'))?.text).toBe('p');
  });

  it('classifies integer conversions: other integer types, named uintptr types here and in known packages', () => {
    expect(isIntegerConversion(scope(), call('uint64(u)'))).toBe(true);
    expect(isIntegerConversion(scope(), call('uintptr(u)'))).toBe(false);
    expect(isNamedUintptrConversion(scope({ isNamedUintptrType: (n) => n === 'LPARAM' }), call('LPARAM(u)'))).toBe(true);
    expect(isNamedUintptrConversion(scope(), call('LPARAM(u)'))).toBe(false);
    expect(isNamedUintptrConversion(scope(), call('windows.Handle(u)'))).toBe(true);
    expect(qualified(scope(), node('sys.Syscall', 'selector_expression'))).toEqual({ pkg: 'golang.org/x/sys/windows', name: 'Syscall' });
    expect(qualified(scope({ isLocal: (n) => n === 'sys' }), node('sys.Syscall', 'selector_expression'))).toBeNull();
  });

  it('reads constant indexes, field paths and side-effect-free operands', () => {
    expect(constIndex(node('a[2]', 'index_expression').childForFieldName('index'))).toBe(2);
    expect(constIndex(node('a[i]', 'index_expression').childForFieldName('index'))).toBeNull();
    expect(fieldPath(node('s.a.b', 'selector_expression'))).toEqual(['a', 'b']);
    expect(isPure(node('&b[i]', 'unary_expression'))).toBe(true);
    expect(isPure(call('f(x)'))).toBe(false);
  });
});

const obj = (name: string): ObjFact => ({ name, keys: [`${name}#1`], kind: 'local', stack: false });
const span = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
const uptr = (name: string): UptrFact => ({ obj: obj(name), conv: span, via: 'inline' });

describe('flow/value', () => {
  it('joins by union and keeps "plain integer" only when both sides are', () => {
    const a = av({ uptrs: [uptr('a')] });
    const b = av({ uptrs: [uptr('b'), uptr('a')] });
    expect(join(a, b).uptrs.map((u) => u.obj.name)).toEqual(['a', 'b']);
    expect(join(INT, INT).int).toBe(true);
    expect(join(INT, a).int).toBe(false);
    expect(join(EMPTY, a)).toBe(a);
  });

  it('reads an element at a constant index together with writes at unknown indexes', () => {
    const slot = av({ uptrs: [uptr('s')] });
    const any = av({ uptrs: [uptr('e')] });
    const arr: AV = { ...EMPTY, slots: new Map([[2, slot]]), elems: any };
    expect(elemAt(arr, 2)?.uptrs.map((u) => u.obj.name)).toEqual(['s', 'e']);
    expect(elemAt(arr, 1)?.uptrs.map((u) => u.obj.name)).toEqual(['e']);
    expect(elemAt(arr, null)?.uptrs.map((u) => u.obj.name).sort()).toEqual(['e', 's']);
  });

  it('marks a fresh conversion as held once stored, and leaves held ones alone', () => {
    const v = held(av({ uptrs: [uptr('p')] }), 'var', 'u', span);
    expect(v.uptrs[0]).toMatchObject({ via: 'var', holder: 'u' });
    expect(held(v, 'field', 'x.f', span).uptrs[0]).toMatchObject({ via: 'var', holder: 'u' });
  });

  it('joins environments where paths meet and drops paths that never fall through', () => {
    const a = new Env([['x#1', av({ uptrs: [uptr('a')] })]]);
    const b = new Env([['x#1', av({ uptrs: [uptr('b')] })]]);
    expect(joinEnvs([a, b])?.get('x#1')?.uptrs).toHaveLength(2);
    expect(joinEnvs([null, b])).toBe(b);
    expect(joinEnvs([null, null])).toBeNull();
  });
});

const at = (start: number, path: Array<[number, number]> = [], loops: number[] = []): Ctx => ({ fn: 1, path, loops, start, end: start + 1, deferred: false });

describe('flow/reach', () => {
  it('reaches later code, not a sibling branch arm, and every place of one loop through the back edge', () => {
    expect(isReachableAfter(at(10), at(20))).toBe(true);
    expect(isReachableAfter(at(20), at(10))).toBe(false);
    expect(isReachableAfter(at(10, [[1, 0]]), at(20, [[1, 1]]))).toBe(false);
    expect(isReachableAfter(at(10, [[1, 0]]), at(20, [[1, 0]]))).toBe(true);
    expect(isReachableAfter(at(20, [], [7]), at(10, [], [7]))).toBe(true);
    expect(isReachableAfter(at(10), { ...at(20), fn: 2 })).toBe(false);
  });

  it('lets a place dominate only what lies in all of its branch arms and loops', () => {
    expect(dominates(at(10), at(20, [[1, 0]]))).toBe(true);
    expect(dominates(at(10, [[1, 0]]), at(20))).toBe(false);
    expect(dominates(at(10, [], [3]), at(20))).toBe(false);
  });
});
