import { SmokeFailure } from './smoke-http';

/** Time and waiting, injected so tests can drive a deadline without waiting. */
export interface SmokeClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

/** The real clock: milliseconds since the epoch and a timer. */
export const realClock: SmokeClock = {
  now: () => Date.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What `pollUntil` waits for and how it names it in a timeout. */
export interface PollOptions<T> {
  /** True once the read shows the awaited state. */
  done(value: T): boolean;
  /** How the last value reads in a timeout message (e.g. "status analyzing"). */
  describe(value: T): string;
  what: string;
  hint: string;
  deadline: number;
  clock: SmokeClock;
}

/**
 * Reads until `done` holds, backing off from 250 ms to 2 s between reads; past the deadline it
 * throws a SmokeFailure naming what it waited for and the last state seen.
 */
export async function pollUntil<T>(read: () => Promise<T>, o: PollOptions<T>): Promise<T> {
  let pause = 250;
  for (;;) {
    const value = await read();
    if (o.done(value)) return value;
    const left = o.deadline - o.clock.now();
    if (left <= 0) {
      throw new SmokeFailure(`timed out waiting for ${o.what} (${o.describe(value)})`, o.hint);
    }
    await o.clock.wait(Math.min(pause, left));
    pause = Math.min(2_000, pause * 2);
  }
}
