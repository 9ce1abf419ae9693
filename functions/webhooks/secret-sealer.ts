/**
 * What a sealed secret is bound to: non-secret names that must be given again to open it, so a
 * sealed value copied to another record does not open there. Webhook secrets use
 * `{ organizationId, endpointId }`.
 */
export type SealContext = Readonly<Record<string, string>>;

/**
 * Encrypts small secrets at rest (envelope encryption): KMS in AWS, AES-256-GCM with a key under
 * DATA_DIR locally. `seal` returns text to store; `open` returns the plain secret, or throws a
 * `SecretOpenError` (wrong context, tampered value, key unavailable).
 */
export interface SecretSealer {
  seal(plain: string, context: SealContext): Promise<string>;
  open(sealed: string, context: SealContext): Promise<string>;
}

/**
 * A sealed secret that cannot be opened. `permanent`: it never will (the value or its context is
 * wrong), so retrying is pointless; otherwise the key service may answer later.
 */
export class SecretOpenError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SecretOpenError';
  }
}

/** The context's canonical bytes (keys sorted): the local sealer's AES-GCM additional data. */
export function contextBytes(context: SealContext): Buffer {
  const sorted = Object.keys(context)
    .sort()
    .map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

/** A sealer for a deployment given no key: sealing fails saying what to set; opening too. */
export function unconfiguredSealer(setting: string): SecretSealer {
  const refuse = async (): Promise<string> => {
    throw new SecretOpenError(
      `No key seals webhook secrets: set ${setting} to the KMS key ARN (the stack does).`,
      false,
    );
  };
  return { seal: refuse, open: refuse };
}
