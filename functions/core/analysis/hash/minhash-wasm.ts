// A hand-assembled WebAssembly SIMD kernel for MinHash signing: the same arithmetic as the JS loop
// (wrapping i32 a*x + b, signed minimum), four permutations per vector, sixteen per pass.

const uleb = (n: number): number[] => {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
};
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const i32 = (n: number) => [0x41, ...sleb(n)];
const simd = (op: number, ...rest: number[]) => [0xfd, ...uleb(op), ...rest];
const load128 = (offset: number) => simd(0x00, 4, ...uleb(offset));
const store128 = (offset: number) => simd(0x0b, 4, ...uleb(offset));

function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

// params: 0 shingles ptr, 1 count, 2 a/b table ptr (a[128] then b[128]), 3 output ptr
const [SH, N, AB, OUT, P, PTR, END, X] = [0, 1, 2, 3, 4, 5, 6, 7];
const A = (k: number) => 8 + k;
const B = (k: number) => 12 + k;
const M = (k: number) => 16 + k;
const lanes = [0, 1, 2, 3];

const body = [
  ...[2, 3, 0x7f, 13, 0x7b],
  ...i32(0),
  ...set(P),
  ...get(SH),
  ...get(N),
  ...i32(2),
  0x74,
  0x6a,
  ...set(END),
  0x03,
  0x40,
  ...lanes.flatMap((k) => [...get(AB), ...get(P), 0x6a, ...load128(16 * k), ...set(A(k))]),
  ...lanes.flatMap((k) => [...get(AB), ...get(P), 0x6a, ...load128(512 + 16 * k), ...set(B(k))]),
  ...simd(0x0c, ...Array(4).fill([0xff, 0xff, 0xff, 0x7f]).flat()),
  ...tee(M(0)),
  ...tee(M(1)),
  ...tee(M(2)),
  ...set(M(3)),
  ...get(SH),
  ...set(PTR),
  0x02,
  0x40,
  ...get(PTR),
  ...get(END),
  0x4f,
  0x0d,
  0,
  0x03,
  0x40,
  ...get(PTR),
  0x28,
  2,
  0,
  ...simd(0x11),
  ...set(X),
  ...lanes.flatMap((k) => [
    ...get(M(k)),
    ...get(A(k)),
    ...get(X),
    ...simd(0xb5),
    ...get(B(k)),
    ...simd(0xae),
    ...simd(0xb6),
    ...set(M(k)),
  ]),
  ...get(PTR),
  ...i32(4),
  0x6a,
  ...tee(PTR),
  ...get(END),
  0x49,
  0x0d,
  0,
  0x0b,
  0x0b,
  ...lanes.flatMap((k) => [...get(OUT), ...get(P), 0x6a, ...get(M(k)), ...store128(16 * k)]),
  ...get(P),
  ...i32(64),
  0x6a,
  ...tee(P),
  ...i32(512),
  0x49,
  0x0d,
  0,
  0x0b,
  0x0b,
];

const MODULE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  ...section(1, [1, 0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
  ...section(3, [1, 0]),
  ...section(5, [1, 0, 2]),
  ...section(7, [2, ...name('sign'), 0, 0, ...name('mem'), 2, 0]),
  ...section(10, [1, ...uleb(body.length), ...body]),
]);

/** Byte offsets inside the kernel's memory. */
const AB_AT = 0;
const OUT_AT = 1024;
const SHINGLES_AT = 2048;

/** A SIMD signer: write shingles into `input(n)`, then `sign(n)` returns the 128 minima. */
export interface WasmSigner {
  input(n: number): Int32Array;
  sign(n: number): Int32Array;
}

/** The SIMD signer, or null where WebAssembly SIMD is unavailable (callers fall back to JS). */
export function createWasmSigner(a: Int32Array, b: Int32Array): WasmSigner | null {
  if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(MODULE)) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  const exports = instance.exports as {
    sign: (s: number, n: number, ab: number, out: number) => void;
    mem: WebAssembly.Memory;
  };
  const mem = exports.mem;
  const ints = new Int32Array(mem.buffer);
  ints.set(a, AB_AT / 4);
  ints.set(b, AB_AT / 4 + 128);
  // views are rebuilt only when the memory grows, so the hot path allocates nothing
  let shingles = new Int32Array(mem.buffer, SHINGLES_AT);
  let out = new Int32Array(mem.buffer, OUT_AT, 128);
  return {
    input(n) {
      if (n > shingles.length) {
        mem.grow(Math.ceil((SHINGLES_AT + n * 4 - mem.buffer.byteLength) / 65536));
        shingles = new Int32Array(mem.buffer, SHINGLES_AT);
        out = new Int32Array(mem.buffer, OUT_AT, 128);
      }
      return shingles;
    },
    sign(n) {
      exports.sign(SHINGLES_AT, n, AB_AT, OUT_AT);
      return out;
    },
  };
}
