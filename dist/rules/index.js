import hoistedConversion from './hoisted-conversion.js';
import hiddenPointer from './hidden-pointer.js';
import pinnerMisuse from './pinner-misuse.js';
import wrapperConversion from './wrapper-conversion.js';
import indirectSinkCall from './indirect-sink-call.js';
import retainedPointer from './retained-pointer.js';
import badSuppression from './bad-suppression.js';
export const rules = [
    hoistedConversion,
    hiddenPointer,
    pinnerMisuse,
    wrapperConversion,
    indirectSinkCall,
    retainedPointer,
    badSuppression,
];
