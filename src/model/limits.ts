// The per-file limits (docs/robustness.md): what one file may cost before pinlint stops spending
// on it and says so in a notification naming the file and the limit. Every limit is a command-line
// setting (`--max-file-size`, `--max-depth`, `--file-time-limit`).

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

/** How each limit is set, for messages: the command-line option. */
export const LIMIT_SETTING: Record<keyof Limits, string> = {
  maxFileBytes: '--max-file-size',
  maxDepth: '--max-depth',
  fileTimeMs: '--file-time-limit',
};
