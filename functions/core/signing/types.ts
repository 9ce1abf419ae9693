/** The only signature algorithm bundles use: ECDSA P-256 with SHA-256, raw `r‖s` (JWS ES256). */
export const ALG = 'ES256';

/** Signs report bundles with one key (a KMS key in AWS, a file under DATA_DIR locally). */
export interface Signer {
  /** The key id published in the JWKS. */
  readonly kid: string;
  readonly alg: typeof ALG;
  /**
   * Signs SHA-256(`message`) and returns the raw `r‖s` (64 bytes). A KMS signer sends only the
   * digest (MessageType DIGEST), so the message can be any size.
   */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/**
 * One public key in the JWKS, with when it was in use: bundles issued from `notBefore` until
 * `notAfter` (absent: still current). Old keys stay published after rotation.
 */
export interface PublishedKey {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: typeof ALG;
  use: 'sig';
  /** ISO 8601: the first moment bundles may name this key (absent: no lower bound). */
  notBefore?: string;
  /** ISO 8601: when the key stopped signing (a newer key took over); absent while current. */
  notAfter?: string;
}

/** The JWKS served at /.well-known/diligence-keys.json. */
export interface KeySet {
  keys: PublishedKey[];
}

/** The deployment's report keys: the current signer and every public key, old ones included. */
export interface ReportKeys {
  signer(): Promise<Signer>;
  published(): Promise<KeySet>;
}
