// Overlapped I/O as one function shows it: whether its body waits for an operation to finish,
// and whether a handle it opens is overlapped. A read on a handle opened without
// FILE_FLAG_OVERLAPPED completes before it returns, whatever OVERLAPPED it is given (Win32
// CreateFile docs); a function that starts overlapped I/O and returns without waiting leaves the
// OS writing into memory that may be gone (DESIGN.md §1, "retained").
import type { SyntaxNode } from '../go/parse.js';
import { callArguments, unparen } from '../go/syntax.js';
import type { CalleeFact } from '../model/facts.js';
import { HANDLE_OPENERS, RETAINING_WRAPPER_PACKAGES, WAIT_IO_CALLS } from '../knowledge/index.js';
import type { FileScope } from './file-scope.js';

/** What a handle opened in this function is: overlapped, or synchronous (flags known). */
export type HandleMode = 'overlapped' | 'sync';

/**
 * Reports whether the body calls a function that waits for I/O to complete (WAIT_IO_CALLS),
 * through x/sys or syscall, a function of the same name, or a DLL procedure named after it. A
 * wait whose timeout or bWait argument is a literal 0 or false only polls.
 */
export function waitsForIO(body: SyntaxNode): boolean {
  for (const call of body.descendantsOfType('call_expression')) {
    const fn = call.childForFieldName('function');
    const f = fn ? unparen(fn) : null;
    if (!f) continue;
    const name = f.type === 'identifier' ? f.text : f.type === 'selector_expression' ? f.childForFieldName('field')?.text ?? '' : '';
    let wait = WAIT_IO_CALLS.find((w) => w.name === name);
    let index = wait?.go;
    if (!wait && name === 'Call' && f.type === 'selector_expression') {
      // procGetOverlappedResult.Call(h, ov, &n, 1): the procedure's variable names the export.
      const operand = f.childForFieldName('operand')?.text ?? '';
      wait = [...WAIT_IO_CALLS].sort((a, b) => b.name.length - a.name.length).find((w) => operand.endsWith(w.name));
      index = wait?.raw;
    }
    if (!wait || index === undefined) continue;
    const arg = callArguments(call).args[index];
    if (!arg || !isLiteralZero(arg)) return true;
  }
  return false;
}

/** `false`, `0`, or either converted (`uintptr(0)`). */
function isLiteralZero(e: SyntaxNode): boolean {
  let n = unparen(e);
  while (n.type === 'call_expression' && callArguments(n).args.length === 1) n = unparen(callArguments(n).args[0] as SyntaxNode);
  return n.type === 'false' || (n.type === 'int_literal' && /^0+$/.test(n.text.replace(/_/g, '')));
}

/**
 * What a call to a handle-opening function of x/sys or syscall (HANDLE_OPENERS) returns: an
 * overlapped handle when its flags name the overlapped flag, a synchronous one when the flags
 * are constants of imported packages and literals without it, nothing known otherwise (a flags
 * variable, a constant of this package).
 */
export function openedHandle(fs: FileScope, callee: CalleeFact, args: SyntaxNode[]): HandleMode | undefined {
  if (callee.kind !== 'func' || !callee.pkg || !RETAINING_WRAPPER_PACKAGES.includes(callee.pkg)) return undefined;
  const opener = HANDLE_OPENERS.find((o) => o.name === callee.name);
  const flags = opener ? args[opener.flags] : undefined;
  if (!opener || !flags) return undefined;
  const names = [flags, ...flags.descendantsOfType(['identifier', 'field_identifier'])];
  if (names.some((n) => n.text === opener.overlapped)) return 'overlapped';
  return isConstantFlags(fs, flags) ? 'sync' : undefined;
}

function isConstantFlags(fs: FileScope, e: SyntaxNode): boolean {
  const n = unparen(e);
  if (n.type === 'int_literal') return true;
  if (n.type === 'binary_expression') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    return !!l && !!r && isConstantFlags(fs, l) && isConstantFlags(fs, r);
  }
  if (n.type === 'selector_expression') {
    const op = n.childForFieldName('operand');
    return op?.type === 'identifier' && fs.imports.has(op.text);
  }
  return false;
}
