// The per-file limits (docs/robustness.md): what one file may cost before pinlint stops spending
// on it and says so in a notification naming the file and the limit. Every limit is a command-line
// setting (`--max-file-size`, `--max-depth`, `--file-time-limit`) and a key of the configuration
// file's `limits` (`maxFileSize`, `maxDepth`, `fileTimeLimit`); the command line wins.

export interface Limits {
  /** Files larger than this many bytes are skipped (`file-too-large`). */
  maxFileBytes: number;
  /** A top-level declaration whose syntax nests deeper than this is left out (`nesting-limit`);
   * the file's other declarations are analyzed. */
  maxDepth: number;
  /** Milliseconds tree-sitter may spend on the file before it is parsed declaration by
   * declaration, and the analysis of its functions before the rest are skipped (`time-limit`). */
  fileTimeMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  // Generated tables, not shims: the largest file of x/sys is under 1 MiB.
  maxFileBytes: 8 * 1024 * 1024,
  // Deep enough for any Go seen (std and Debian's Go sources nest at most a few hundred syntax
  // levels), shallow enough for every recursive walk of the flow floor on the smallest stack it
  // runs on (the main thread's), so results never depend on the thread that analyzed a file.
  maxDepth: 1000,
  // The slowest real file (x/sys zerrors tables) parses in well under a second.
  fileTimeMs: 10_000,
};

/** The values each limit may take, on the command line and in the configuration. The depth may
 * not go above the default: deeper walks could exceed the main thread's stack, and results would
 * then depend on the thread that analyzed a file. */
export const LIMIT_RANGE: Record<keyof Limits, { min: number; max?: number }> = {
  maxFileBytes: { min: 1 },
  maxDepth: { min: 10, max: DEFAULT_LIMITS.maxDepth },
  fileTimeMs: { min: 1 },
};

/** Each limit's command-line option and configuration key. */
export const LIMIT_OPTION: Record<keyof Limits, string> = {
  maxFileBytes: '--max-file-size',
  maxDepth: '--max-depth',
  fileTimeMs: '--file-time-limit',
};
export const LIMIT_KEY: Record<keyof Limits, keyof LimitSettings> = {
  maxFileBytes: 'maxFileSize',
  maxDepth: 'maxDepth',
  fileTimeMs: 'fileTimeLimit',
};

/** How each limit is set, for messages. */
export const LIMIT_SETTING: Record<keyof Limits, string> = {
  maxFileBytes: `${LIMIT_OPTION.maxFileBytes} or limits.${LIMIT_KEY.maxFileBytes}`,
  maxDepth: `${LIMIT_OPTION.maxDepth} or limits.${LIMIT_KEY.maxDepth}`,
  fileTimeMs: `${LIMIT_OPTION.fileTimeMs} or limits.${LIMIT_KEY.fileTimeMs}`,
};

/** Limits by their configuration keys (`maxFileSize`, …), any of them absent. */
export type LimitSettings = Partial<Record<'maxFileSize' | 'maxDepth' | 'fileTimeLimit', number>>;

/** The limits `settings` give, layered: the defaults, then each layer in order (a later one wins
 * key by key). */
export function limitsFrom(...layers: ReadonlyArray<LimitSettings | undefined>): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const l of layers) {
    if (!l) continue;
    for (const key of Object.keys(LIMIT_KEY) as Array<keyof Limits>) {
      const v = l[LIMIT_KEY[key]];
      if (v !== undefined) out[key] = v;
    }
  }
  return out;
}
