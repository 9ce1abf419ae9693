/**
 * A sample the distributed path refuses for a reason the vendor can fix (gzip over the one-Lambda
 * budget, a format that cannot be split by lines, a size differing from the declared one). The
 * workflow does not retry it; its catch marks the sample failed with this message.
 */
export class DistributedInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DistributedInputError';
  }
}

/** The object changed or the sample is gone since the run started: the run stops, touching nothing. */
export class SupersededRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SupersededRunError';
  }
}

/** Bytes as gibibytes with one decimal, for messages ("12.5 GB"). */
export function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
