import { type SealContext, SecretOpenError, type SecretSealer } from './secret-sealer';
import type { WebhookEndpoint } from './types';

/** What an endpoint's sealed secret is bound to: its organization and its id. */
export function endpointContext(ep: Pick<WebhookEndpoint, 'organizationId' | 'id'>): SealContext {
  return { organizationId: ep.organizationId, endpointId: ep.id };
}

/** Seals a new secret for `ep`: the value to store as `sealedSecret`. */
export function sealEndpointSecret(
  sealer: SecretSealer,
  ep: Pick<WebhookEndpoint, 'organizationId' | 'id'>,
  secret: string,
): Promise<string> {
  return sealer.seal(secret, endpointContext(ep));
}

/**
 * The secret that signs `ep`'s deliveries: the sealed one opened under the endpoint's context,
 * else a plaintext one stored before secrets were sealed. Throws `SecretOpenError` when the
 * sealed value does not open, and when the endpoint has neither.
 */
export async function openEndpointSecret(
  sealer: SecretSealer,
  ep: WebhookEndpoint,
): Promise<string> {
  if (ep.sealedSecret) return sealer.open(ep.sealedSecret, endpointContext(ep));
  if (ep.secret) return ep.secret;
  throw new SecretOpenError('the endpoint has no signing secret', true);
}

/**
 * `ep` with a plaintext secret (stored before sealing) sealed in its place, or undefined when
 * there is nothing to migrate. The caller saves it at `ep.version`.
 */
export async function sealedForm(
  sealer: SecretSealer,
  ep: WebhookEndpoint,
): Promise<WebhookEndpoint | undefined> {
  if (!ep.secret) return undefined;
  const { secret, ...rest } = ep;
  const sealedSecret = ep.sealedSecret ?? (await sealEndpointSecret(sealer, ep, secret));
  return { ...rest, sealedSecret, version: ep.version + 1 };
}
