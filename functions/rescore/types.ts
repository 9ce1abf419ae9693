/** One queued re-score: which assessment (its request record says how often and why). */
export interface RescoreMessage {
  organizationId: string;
  assessmentId: string;
}

/** Where re-score requests go: SQS in AWS, the portal's in-process queue locally. */
export interface RescoreQueue {
  send(message: RescoreMessage): Promise<void>;
}

/** A request body that is not a re-score message (a poison message: never retried). */
export class RescoreMessageError extends Error {}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses an SQS message body into a re-score message, or throws RescoreMessageError. */
export function parseRescoreMessage(body: string): RescoreMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    throw new RescoreMessageError('The re-score message is not JSON.', { cause });
  }
  const m = (parsed ?? {}) as Record<string, unknown>;
  const { organizationId, assessmentId } = m;
  if (
    typeof organizationId !== 'string' ||
    typeof assessmentId !== 'string' ||
    !idPattern.test(organizationId) ||
    !idPattern.test(assessmentId)
  )
    throw new RescoreMessageError('The re-score message does not name an assessment.');
  return { organizationId, assessmentId };
}
