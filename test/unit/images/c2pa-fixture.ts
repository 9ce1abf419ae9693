import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
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

/** A minimal DER writer: enough ASN.1 for two X.509 certificates. */
function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}
const seq = (...p: Buffer[]) => der(0x30, ...p);
const oid = (dotted: string) => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const v of rest) {
    const bytes = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) bytes.unshift((x & 0x7f) | 0x80);
    out.push(...bytes);
  }
  return der(0x06, Buffer.from(out));
};
const utcTime = (d: Date) =>
  der(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));
const name = ([cn, org]: [string, string]) =>
  seq(
    der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn)))),
    der(0x31, seq(oid('2.5.4.10'), der(0x0c, Buffer.from(org)))),
  );
const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [der(0x01, Buffer.from([0xff]))] : []), der(0x04, value));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

/** The SHA-1 of a key's public point: its key identifier (RFC 5280 method 1). */
function keyId(spki: Buffer): Buffer {
  return createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
}

function certificate(o: {
  serial: number;
  issuer: [string, string];
  subject: [string, string];
  spki: Buffer;
  issuerSpki: Buffer;
  signingKey: KeyObject;
  extensions: Buffer[];
  /** Validity in days from now: from yesterday for 30 days unless told. */
  days?: [number, number];
}): Buffer {
  const day = 24 * 3600e3;
  const [from, to] = o.days ?? [-1, 30];
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from([o.serial])),
    ECDSA_SHA256,
    name(o.issuer),
    seq(utcTime(new Date(Date.now() + from * day)), utcTime(new Date(Date.now() + to * day))),
    name(o.subject),
    o.spki,
    der(
      0xa3,
      seq(
        ...o.extensions,
        extension('2.5.29.14', false, der(0x04, keyId(o.spki))),
        extension('2.5.29.35', false, seq(der(0x80, keyId(o.issuerSpki)))),
      ),
    ),
  );
  const signature = sign('sha256', tbs, o.signingKey); // DER ECDSA-Sig-Value
  return seq(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
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
export function makeSigner(o: { expired?: boolean } = {}): TestSigner {
  const root = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const leaf = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  const issuer: [string, string] = ['Diligence Test Root CA', 'Diligence Test CA'];
  const rootCert = certificate({
    serial: 1,
    issuer,
    subject: issuer,
    spki: spki(root.publicKey),
    issuerSpki: spki(root.publicKey),
    signingKey: root.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq(der(0x01, Buffer.from([0xff])))),
      extension('2.5.29.15', true, der(0x03, Buffer.from([1, 0x06]))), // keyCertSign, cRLSign
    ],
  });
  const leafCert = certificate({
    serial: 2,
    issuer,
    subject: ['Diligence Test Signer', 'Diligence Test Studio'],
    spki: spki(leaf.publicKey),
    issuerSpki: spki(root.publicKey),
    signingKey: root.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq()),
      extension('2.5.29.15', true, der(0x03, Buffer.from([7, 0x80]))), // digitalSignature
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.4'))), // emailProtection
    ],
    ...(o.expired ? { days: [-60, -30] as [number, number] } : {}),
  });
  return {
    key: leaf.privateKey,
    chain: [leafCert, rootCert],
    organization: 'Diligence Test Studio',
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
