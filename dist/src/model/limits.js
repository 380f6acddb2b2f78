// The per-file limits (docs/robustness.md): what one file may cost before pinlint stops spending
// on it and says so in a notification naming the file and the limit. Every limit is a command-line
// setting (`--max-file-size`, `--max-depth`, `--file-time-limit`) and a key of the configuration
// file's `limits` (`maxFileSize`, `maxDepth`, `fileTimeLimit`); the command line wins. A
// configuration file may only lower a limit (CONFIG_LIMIT_RANGE); the command line may raise one
// up to a hard maximum (LIMIT_RANGE).
export const DEFAULT_LIMITS = {
    // Generated tables, not shims: the largest file of x/sys is under 1 MiB.
    maxFileBytes: 8 * 1024 * 1024,
    // Deep enough for any Go seen (std and Debian's Go sources nest at most a few hundred syntax
    // levels), shallow enough for every recursive walk of the flow floor on the smallest stack it
    // runs on (the main thread's), so results never depend on the thread that analyzed a file.
    maxDepth: 1000,
    // The slowest real file (x/sys zerrors tables) parses in well under a second.
    fileTimeMs: 10_000,
};
/** The most the command line may raise the size limit to. A file is decoded into one string
 * (V8 holds at most 2^29 - 24 UTF-16 units, buffer.constants.MAX_STRING_LENGTH) and tree-sitter
 * needs up to 150 bytes of memory per byte of source (docs/robustness.md): 256 MiB keeps the
 * decoded text well inside a string and is already far past any Go file a parser should see. */
export const HARD_MAX_FILE_BYTES = 256 * 1024 * 1024;
/** The longest the command line may give one file (ms): an hour. */
export const HARD_MAX_FILE_TIME_MS = 60 * 60 * 1000;
/** The values each limit may take on the command line (trusted: DESIGN.md §5c). The depth may not
 * go above the default: deeper walks could exceed the main thread's stack, and results would
 * then depend on the thread that analyzed a file. */
export const LIMIT_RANGE = {
    maxFileBytes: { min: 1, max: HARD_MAX_FILE_BYTES },
    maxDepth: { min: 10, max: DEFAULT_LIMITS.maxDepth },
    fileTimeMs: { min: 1, max: HARD_MAX_FILE_TIME_MS },
};
/** The values each limit may take in a configuration file. A configuration file may lie in the
 * scanned tree, which may be hostile (a pull request): it may lower a limit, never raise one past
 * its default, so what one file can cost is decided by whoever runs pinlint (the command line). */
export const CONFIG_LIMIT_RANGE = {
    maxFileBytes: { min: LIMIT_RANGE.maxFileBytes.min, max: DEFAULT_LIMITS.maxFileBytes },
    maxDepth: { min: LIMIT_RANGE.maxDepth.min, max: DEFAULT_LIMITS.maxDepth },
    fileTimeMs: { min: LIMIT_RANGE.fileTimeMs.min, max: DEFAULT_LIMITS.fileTimeMs },
};
/** Each limit's command-line option and configuration key. */
export const LIMIT_OPTION = {
    maxFileBytes: '--max-file-size',
    maxDepth: '--max-depth',
    fileTimeMs: '--file-time-limit',
};
export const LIMIT_KEY = {
    maxFileBytes: 'maxFileSize',
    maxDepth: 'maxDepth',
    fileTimeMs: 'fileTimeLimit',
};
/** How each limit is set, for messages. */
export const LIMIT_SETTING = {
    maxFileBytes: `${LIMIT_OPTION.maxFileBytes} or limits.${LIMIT_KEY.maxFileBytes}`,
    maxDepth: `${LIMIT_OPTION.maxDepth} or limits.${LIMIT_KEY.maxDepth}`,
    fileTimeMs: `${LIMIT_OPTION.fileTimeMs} or limits.${LIMIT_KEY.fileTimeMs}`,
};
/** The limits configuration `settings` give, layered: the defaults, then each layer in order (a
 * later one wins key by key), each value kept within CONFIG_LIMIT_RANGE. The schema refuses a
 * value outside it already; the bound is kept here too, where the limits are made. */
export function limitsFrom(...layers) {
    const out = { ...DEFAULT_LIMITS };
    for (const l of layers) {
        if (!l)
            continue;
        for (const key of Object.keys(LIMIT_KEY)) {
            const v = l[LIMIT_KEY[key]];
            const { min, max } = CONFIG_LIMIT_RANGE[key];
            if (typeof v === 'number' && Number.isFinite(v))
                out[key] = Math.min(max, Math.max(min, Math.floor(v)));
        }
    }
    return out;
}
