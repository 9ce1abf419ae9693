/**
 * The input cannot be analyzed as given (unreadable, wrong format, too many malformed rows, no text
 * field). The message names the line when one is to blame, e.g. "line 5512: invalid JSON: ...".
 */
export class AnalysisInputError extends Error {
  readonly line: number | undefined;

  constructor(message: string, options: { line?: number; cause?: unknown } = {}) {
    super(options.line !== undefined ? `line ${options.line}: ${message}` : message, {
      cause: options.cause,
    });
    this.name = 'AnalysisInputError';
    this.line = options.line;
  }
}

/**
 * The file was read but cannot serve as evidence (e.g. too many malformed rows): the sample ends
 * `unusable` rather than `failed`. A subclass, so every AnalysisInputError handler still applies.
 */
export class UnusableInputError extends AnalysisInputError {
  constructor(message: string, options: { line?: number; cause?: unknown } = {}) {
    super(message, options);
    this.name = 'UnusableInputError';
  }
}
