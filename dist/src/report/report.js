export const FORMATS = ['text', 'concise', 'json', 'sarif', 'github'];
/** The format `s` names, in any letter case (`SARIF`, `Json`), or undefined. */
export function formatNamed(s) {
    const lower = s.trim().toLowerCase();
    return FORMATS.find((f) => f === lower);
}
/** Reports whether `s` names an output format. */
export function isFormat(s) {
    return FORMATS.includes(s);
}
