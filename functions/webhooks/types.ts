/** The event types a webhook endpoint can subscribe to (docs/integrations.md has the catalog). */
export const webhookEventTypes = [
  'assessment.submitted',
  'assessment.decided',
  'sample.analyzed',
  'sample.failed',
  'contract.broken',
  'reminder.due',
] as const;

/** One webhook event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The plain-words label of each event type, for screens and e-mails. */
export const webhookEventLabels: Record<WebhookEventType, string> = {
  'assessment.submitted': 'Vendor submitted an assessment',
  'assessment.decided': 'Assessment decided',
  'sample.analyzed': 'Sample analyzed',
  'sample.failed': 'Sample analysis failed',
  'contract.broken': 'Delivery broke its contract',
  'reminder.due': 'Reminder due',
};

/** How a delivery's body is shaped: the signed event itself, or a chat incoming-webhook message. */
export const webhookFormats = ['json', 'slack', 'teams'] as const;

/** One payload format. */
export type WebhookFormat = (typeof webhookFormats)[number];

/** The event as delivered (the `json` format's body, and what Slack/Teams messages summarize). */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  organizationId: string;
  data: Record<string, unknown>;
}

/**
 * A registered endpoint. Its secret signs deliveries (HMAC needs it, not a hash), so it is kept
 * sealed (`sealedSecret`: encrypted under a key only the delivery worker may use to decrypt,
 * bound to this organization and endpoint; see secret-sealer.ts).
 */
export interface WebhookEndpoint {
  organizationId: string;
  id: string;
  url: string;
  events: WebhookEventType[];
  description?: string;
  format: WebhookFormat;
  /** The signing secret, sealed (every endpoint registered since secrets were sealed). */
  sealedSecret?: string;
  /**
   * The signing secret in plaintext: only endpoints stored before sealing have it, until the API
   * next lists them (it seals it then). Read, never written.
   */
  secret?: string;
  createdAt: string;
  createdBy: string;
  status: 'active' | 'paused' | 'deleted';
  /** Deliveries that failed for good in a row; reset by a success. */
  consecutiveFailures: number;
  pausedAt?: string;
  deletedAt?: string;
  version: number;
}

/** One event's delivery to one endpoint, with the outcome of its latest attempt. */
export interface WebhookDelivery {
  organizationId: string;
  endpointId: string;
  id: string;
  event: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  /** Attempts made so far. */
  attempt: number;
  nextAttemptAt?: string;
  /** A worker's claim on the next attempt (so the queue and the sweep never both send it). */
  leaseUntil?: string;
  lastAttemptAt?: string;
  httpStatus?: number;
  responseMs?: number;
  error?: string;
  version: number;
}
