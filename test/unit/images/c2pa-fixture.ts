import 'reflect-metadata';
import { KeyObject, sign, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { encode, Tag } from 'cbor2';
import sharp from 'sharp';
import { loadC2pa } from '../../../functions/core/analysis/images/c2pa';

/**
 * Signed C2PA test fixtures, generated at test time: a throwaway root CA and an end-entity
 * signing certificate (ECDSA P-256, made fresh on every run, never checked in), and a signer for
 * c2pa-wasm's builder.
 *
 * c2pa-wasm's `WasmSigner` uses c2pa-rs "direct COSE handling": its `sign` callback receives the
 * claim bytes (CBOR) and must return the whole COSE_Sign1 (tag 18, detached payload) padded to
 * exactly `reserveSize` bytes; the signer has no certificate chain of its own (`certs()` is
 * empty), so the chain goes in the COSE `x5chain` header (label 33) the callback writes. No
 * time stamp is requested (c2pa-rs only asks a time-stamp authority when it builds the COSE
 * itself), so the manifest is validated against the current time.
 */

const RESERVE = 10_000;

// Node's WebCrypto; its type differs from the DOM's `Crypto` that @peculiar/x509 is typed against
x509.cryptoProvider.set(webcrypto as Crypto);
const subtle = webcrypto.subtle;
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ROOT = 'CN=Diligence Test Root CA, O=Diligence Test CA';
const SIGNER_ORG = 'Diligence Test Studio';
const DAY = 24 * 3600e3;

/** A fresh P-256 key pair, usable for ECDSA signatures. */
const keyPair = () => subtle.generateKey(EC, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;

/** One certificate: X.509 v3, ECDSA with SHA-256, signed by `issuerKeys`, with key identifiers. */
async function certificate(o: {
  serial: string;
  subject: string;
  keys: CryptoKeyPair;
  issuerKeys: CryptoKeyPair;
  extensions: x509.Extension[];
  /** Validity in days from now: from yesterday for 30 days unless told. */
  days?: [number, number];
}): Promise<Buffer> {
  const [from, to] = o.days ?? [-1, 30];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: o.serial,
    subject: o.subject,
    issuer: ROOT,
    notBefore: new Date(Date.now() + from * DAY),
    notAfter: new Date(Date.now() + to * DAY),
    signingAlgorithm: ES256,
    publicKey: o.keys.publicKey,
    signingKey: o.issuerKeys.privateKey,
    extensions: [
      ...o.extensions,
      await x509.SubjectKeyIdentifierExtension.create(o.keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(o.issuerKeys.publicKey),
    ],
  });
  return Buffer.from(cert.rawData);
}

/** A signing identity: the end-entity key and its chain (end entity first, then the root). */
export interface TestSigner {
  key: KeyObject;
  chain: Buffer[];
  /**
   * The end-entity certificate's subject organization: what c2pa reports as
   * `signature_info.issuer` (the signer's organization, not its certificate authority).
   */
  organization: string;
  /** The end-entity certificate ran out before signing. */
  expired?: boolean;
}

/**
 * Makes a fresh root CA and an end-entity certificate meeting C2PA's certificate profile
 * (X.509 v3, ECDSA P-256 with SHA-256, not a CA, key usage digitalSignature, extended key usage
 * emailProtection, key identifiers, valid from yesterday for 30 days). With `expired`, the
 * end-entity certificate ran out 30 days ago.
 */
export async function makeSigner(o: { expired?: boolean } = {}): Promise<TestSigner> {
  const [root, leaf] = await Promise.all([keyPair(), keyPair()]);
  const { KeyUsageFlags: use } = x509;
  const rootCert = await certificate({
    serial: '01',
    subject: ROOT,
    keys: root,
    issuerKeys: root,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(use.keyCertSign | use.cRLSign, true),
    ],
  });
  const leafCert = await certificate({
    serial: '02',
    subject: `CN=Diligence Test Signer, O=${SIGNER_ORG}`,
    keys: leaf,
    issuerKeys: root,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(use.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
    ],
    ...(o.expired ? { days: [-60, -30] as [number, number] } : {}),
  });
  return {
    key: KeyObject.from(leaf.privateKey),
    chain: [leafCert, rootCert],
    organization: SIGNER_ORG,
    ...(o.expired ? { expired: true } : {}),
  };
}

/** A plain Uint8Array: cbor2 writes a Node Buffer as its JSON form, not as a byte string. */
const plain = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** The COSE_Sign1 for `claim`: ES256 over the Sig_structure, x5chain protected, padded to `size`. */
export function coseSign1(signer: TestSigner, claim: Uint8Array, size: number) {
  const protectedHeader = encode(
    new Map<number, unknown>([
      [1, -7],
      [33, signer.chain.map(plain)],
    ]),
  );
  const toBeSigned = encode(['Signature1', protectedHeader, new Uint8Array(0), claim]);
  // COSE wants the raw r||s form (IEEE P1363), not the DER ECDSA-Sig-Value
  const signature = plain(
    sign('sha256', toBeSigned, { key: signer.key, dsaEncoding: 'ieee-p1363' }),
  );
  const sign1 = (pad: number) =>
    encode(
      new Tag(18, [
        protectedHeader,
        new Map(pad < 0 ? [] : [['pad', new Uint8Array(pad)]]),
        null,
        signature,
      ]),
    );
  // a 'pad' entry: 4 bytes of key, a 3-byte byte-string head (256..65535 zeros), the zeros
  const out = sign1(size - sign1(-1).length - 4 - 3);
  if (out.length !== size) throw new Error(`COSE_Sign1 is ${out.length} bytes, not ${size}`);
  return out;
}

/**
 * c2pa-wasm's builder reads its source through the browser's `Blob` and `FileReaderSync`
 * (synchronous, worker-only: Node has no such reader). The builder only asks a blob for `size`,
 * `slice(start, end)` and the reader for `readAsArrayBuffer`, so an in-memory stand-in for both
 * is enough.
 */
class MemoryBlob {
  constructor(readonly data: Uint8Array) {}
  get size(): number {
    return this.data.length;
  }
  slice(start = 0, end = this.data.length): MemoryBlob {
    return new MemoryBlob(this.data.subarray(start, end));
  }
}

class MemoryReaderSync {
  readAsArrayBuffer(blob: unknown): ArrayBuffer {
    if (!(blob instanceof MemoryBlob))
      throw new Error('the test FileReaderSync reads MemoryBlob only');
    return blob.data.slice().buffer;
  }
}

/** What the manifest says: the created action's source type, a training-mining verdict. */
export interface ManifestSpec {
  /** IPTC digital source type of the `c2pa.created` action (last segment, e.g. digitalCapture). */
  digitalSourceType: string;
  /** The claim generator's name. */
  generator?: string;
  /** A training-mining assertion: one use for AI training, generative training, inference, mining. */
  trainingMining?: 'allowed' | 'notAllowed' | 'constrained';
  /** Its namespace: C2PA's `c2pa.training-mining` (the default) or CAWG's `cawg.training-mining`. */
  trainingMiningNamespace?: 'c2pa' | 'cawg';
}

/** Signs an image (PNG or JPEG bytes) with a C2PA manifest built from `spec`. */
export async function signImage(
  signer: TestSigner,
  bytes: Buffer,
  format: 'image/png' | 'image/jpeg',
  spec: ManifestSpec,
): Promise<Buffer> {
  (globalThis as { FileReaderSync?: unknown }).FileReaderSync ??= MemoryReaderSync;
  const m = await loadC2pa();
  const assertions: { label: string; data: unknown }[] = [
    {
      label: 'c2pa.actions.v2',
      data: {
        actions: [
          {
            action: 'c2pa.created',
            digitalSourceType: `http://cv.iptc.org/newscodes/digitalsourcetype/${spec.digitalSourceType}`,
          },
        ],
      },
    },
  ];
  if (spec.trainingMining) {
    const use = { use: spec.trainingMining };
    const ns = spec.trainingMiningNamespace ?? 'c2pa';
    const uses = ['ai_training', 'ai_generative_training', 'ai_inference', 'data_mining'];
    assertions.push({
      label: `${ns}.training-mining`,
      data: { entries: Object.fromEntries(uses.map((u) => [`${ns}.${u}`, use])) },
    });
  }
  const definition = {
    claim_generator_info: [{ name: spec.generator ?? 'Diligence test fixture', version: '1.0' }],
    title: 'fixture',
    format,
    assertions,
  };
  // the builder validates what it wrote and refuses an expired signer: let that one through
  const settings = signer.expired ? { verify: { verify_after_sign: false } } : {};
  const builder = m.WasmBuilder.fromJson(JSON.stringify(definition), JSON.stringify(settings));
  const wasmSigner = {
    alg: 'es256',
    reserveSize: RESERVE,
    sign: async (claim: Uint8Array) => coseSign1(signer, claim, RESERVE),
  };
  try {
    const out = await builder.sign(
      wasmSigner as never,
      [],
      format,
      new MemoryBlob(new Uint8Array(bytes)) as unknown as Blob,
    );
    return Buffer.from(out);
  } finally {
    builder.free();
  }
}

/** A PNG's chunks in order: type and the whole chunk (length, type, data, CRC). */
function pngChunks(png: Buffer): { type: string; bytes: Buffer }[] {
  const out: { type: string; bytes: Buffer }[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const end = at + 12 + png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), bytes: png.subarray(at, end) });
    at = end;
  }
  return out;
}

/**
 * Changes a signed PNG's pixels after signing, the way an editor that keeps metadata would: the
 * picture is decoded, a block of it painted over, re-encoded, and its new IDAT data put in place
 * of the old, every other chunk (the C2PA manifest store in caBX among them) kept as signed. The
 * result decodes as an ordinary image whose manifest no longer matches its bytes.
 */
export async function tamperPixels(signed: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(signed).raw().toBuffer({ resolveWithObject: true });
  for (let y = 0; y < Math.min(32, info.height); y++)
    data.fill(255, y * info.width * info.channels, (y * info.width + 32) * info.channels);
  const repainted = await sharp(data, { raw: info }).png().toBuffer();
  const idat = pngChunks(repainted)
    .filter((c) => c.type === 'IDAT')
    .map((c) => c.bytes);
  const chunks = pngChunks(signed);
  const first = chunks.findIndex((c) => c.type === 'IDAT');
  const kept = chunks.filter((c) => c.type !== 'IDAT').map((c) => c.bytes);
  kept.splice(first, 0, ...idat);
  return Buffer.concat([signed.subarray(0, 8), ...kept]);
}
