/** A place a command writes text to (process.stdout, or a buffer in tests). */
export interface CliWriter {
  write(chunk: string): unknown;
}

/** The streams a command writes to, injected so tests can capture them. */
export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** True when stderr is an interactive terminal: progress is shown only then. */
  isTTY: boolean;
}
