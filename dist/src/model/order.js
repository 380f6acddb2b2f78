// The order of everything pinlint prints: by UTF-16 code units, the same on every machine.
// String.prototype.localeCompare depends on the locale and ICU data of the process, so two runs
// of one input under LANG=C and LANG=tr_TR could order paths, rules or messages differently
// and change the bytes of a SARIF file.
/** Compares two strings by UTF-16 code units: negative, zero or positive. */
export function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
