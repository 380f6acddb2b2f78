export const FORMATS = ['text', 'json', 'sarif', 'github'];
/** Reports whether `s` names an output format. */
export function isFormat(s) {
    return FORMATS.includes(s);
}
