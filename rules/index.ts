// The rule registry: every rule module, in id order. A test checks that each rules/*.ts is
// listed here and has its fixture folder and doc page.
import type { Rule } from '../src/rule-api.js';
import hoistedConversion from './hoisted-conversion.js';
import hiddenPointer from './hidden-pointer.js';
import pinnerMisuse from './pinner-misuse.js';
import wrapperConversion from './wrapper-conversion.js';
import indirectSinkCall from './indirect-sink-call.js';
import retainedPointer from './retained-pointer.js';
import badSuppression from './bad-suppression.js';

export type { Rule } from '../src/rule-api.js';

export const rules: readonly Rule[] = [
  hoistedConversion,
  hiddenPointer,
  pinnerMisuse,
  wrapperConversion,
  indirectSinkCall,
  retainedPointer,
  badSuppression,
] as readonly Rule[];
