import { archiveKind } from '../core/analysis/images/archive';

/** Time kept back from the Lambda limit to store the failure before the runtime kills the run. */
export const deadlineMarginMs = 60_000;

/** Thrown into a guarded stream once the time budget is spent. */
export class AnalysisTimeLimitError extends Error {
  constructor() {
    super('The analysis ran out of time.');
    this.name = 'AnalysisTimeLimitError';
  }
}

/**
 * The time budget of one analysis: `remainingMs` (Lambda's clock) minus a margin. Streams wrapped
 * with `guard` throw once it is spent, so the analysis stops at its next chunk and the handler can
 * mark the sample failed instead of being killed mid-write. Without `remainingMs` it never expires.
 */
export class Deadline {
  /** Time the run had when it started (the Lambda limit, for messages). */
  readonly limitMs: number;
  /** Time the analysis may take: the limit minus the margin. */
  readonly budgetMs: number;
  #expired = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(remainingMs?: () => number, marginMs = deadlineMarginMs) {
    this.limitMs = remainingMs ? remainingMs() : Number.POSITIVE_INFINITY;
    this.budgetMs = Math.max(0, this.limitMs - marginMs);
    if (this.budgetMs === 0) this.#expired = true;
    else if (Number.isFinite(this.budgetMs)) {
      this.#timer = setTimeout(() => {
        this.#expired = true;
      }, this.budgetMs);
    }
  }

  /** Whether the budget is spent. */
  get expired(): boolean {
    return this.#expired;
  }

  /** Passes chunks through until the budget is spent, then throws AnalysisTimeLimitError. */
  async *guard(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      if (this.#expired) throw new AnalysisTimeLimitError();
      yield chunk;
    }
  }

  /** Stops the timer (call when the analysis ends either way). */
  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** What the vendor reads when their sample took longer than the analyzer may run. */
export function timeLimitMessage(fileName: string, limitMs: number): string {
  const minutes = Math.max(1, Math.round(limitMs / 60_000));
  // an archive of images (by its name) is split by images, not records
  const half =
    archiveKind(fileName, new Uint8Array()) === null
      ? 'the first half of the records, or split the file into parts'
      : 'half of the images, or split the archive into several archives';
  return `The analysis of "${fileName}" did not finish within ${minutes} minute${minutes === 1 ? '' : 's'}, the most one analysis may take. Upload a smaller sample (for example ${half}) and register each part as its own sample.`;
}
