import type { ImageCluster } from './duplicates';
import { AI_SOURCE_TYPES } from './provenance';
import type { ImagePartial, ImageRecord, ImagesBlock } from './types';

/** Most AI-evidence rows an analysis lists (then a count). */
export const MAX_AI_EVIDENCE = 1000;
/** Most clusters and file names per cluster an analysis lists. */
const MAX_CLUSTERS = 50;
const MAX_CLUSTER_EXAMPLES = 12;
/** Sides the common diffusion models output (SD 1.x/2.x, SDXL buckets, DALL·E, Midjourney grids). */
const GENERATOR_SIDES = new Set([
  256, 512, 576, 640, 704, 768, 832, 896, 960, 1024, 1152, 1216, 1344, 1536, 1792, 2048,
]);
/** An image with its longer side under this many pixels counts as tiny. */
const TINY_SIDE = 64;

const inc = (m: Record<string, number>, k: string | undefined) => {
  if (k) m[k] = (m[k] ?? 0) + 1;
};

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function listed(p: ImagePartial, records: ImageRecord[]): ImagesBlock['listed'] {
  const entries = Object.keys(p.meta);
  if (!entries.length) return null;
  const labels: Record<string, number> = {};
  const sources: Record<string, number> = {};
  let unmatched = 0;
  for (const r of records) {
    const m = p.meta[r.file];
    if (!m) {
      unmatched++;
      continue;
    }
    inc(labels, m.label);
    inc(sources, m.source);
  }
  return { labels, sources, unmatched };
}

/** Builds the `images` block from the image partial and the duplicate search. */
export function imagesBlock(
  p: ImagePartial,
  dup: {
    exactBytesRate: number;
    exactPixelsRate: number;
    nearRate: number;
    clusters: ImageCluster[];
  },
  method: string,
): ImagesBlock {
  const records = p.records;
  const n = records.length;
  const share = (x: number) => (n ? x / n : 0);
  const formats: Record<string, number> = {};
  const c2pa: ImagesBlock['provenance']['c2pa'] = {
    present: 0,
    valid: 0,
    invalid: 0,
    aiDeclared: 0,
    generators: {},
    trainingMining: {},
    signer: { status: 'unverified', issuers: {} },
    invalidFiles: [],
  };
  const iptc: Record<string, number> = {};
  const generatorMetadata: Record<string, number> = {};
  const dataMining: Record<string, number> = {};
  const aiEvidence: ImagesBlock['provenance']['aiEvidence'] = [];
  let camera = 0;
  let bare = 0;
  let tiny = 0;
  let generatorSize = 0;
  for (const r of records) {
    inc(formats, r.format);
    if (Math.max(r.width, r.height) < TINY_SIDE) tiny++;
    if (GENERATOR_SIDES.has(r.width) && GENERATOR_SIDES.has(r.height)) generatorSize++;
    if (r.camera) camera++;
    if (!r.metadata) bare++;
    inc(iptc, r.iptc);
    inc(generatorMetadata, r.generator);
    inc(dataMining, r.dataMining);
    if (r.c2pa) {
      c2pa.present++;
      if (r.c2pa.valid) {
        c2pa.valid++;
        inc(c2pa.generators, r.c2pa.generator);
        inc(c2pa.trainingMining, r.c2pa.trainingMining);
        inc(c2pa.signer.issuers, r.c2pa.issuer);
        if (r.c2pa.digitalSourceType && AI_SOURCE_TYPES.has(r.c2pa.digitalSourceType))
          c2pa.aiDeclared++;
      } else {
        c2pa.invalid++;
        if (c2pa.invalidFiles.length < 100)
          c2pa.invalidFiles.push({ file: r.file, error: r.c2pa.error ?? 'invalid' });
      }
    }
    if (r.evidence.length) {
      for (const e of r.evidence)
        if (aiEvidence.length < MAX_AI_EVIDENCE) aiEvidence.push({ file: r.file, ...e });
    }
  }
  const evidenced = records.filter((r) => r.evidence.length).length;
  return {
    decoded: n,
    undecodable: p.undecodable,
    formats,
    dimensions: {
      medianPixels: median(records.map((r) => r.width * r.height)),
      tinyShare: share(tiny),
      generatorSizeShare: share(generatorSize),
    },
    duplicates: {
      exactBytesRate: dup.exactBytesRate,
      exactPixelsRate: dup.exactPixelsRate,
      nearRate: dup.nearRate,
      method,
      clusters: dup.clusters.slice(0, MAX_CLUSTERS).map((c) => ({
        size: c.members.length,
        maxDistance: c.maxDistance,
        examples: c.members
          .slice(0, MAX_CLUSTER_EXAMPLES)
          .map((i) => (records[i] as ImageRecord).file),
      })),
    },
    provenance: {
      c2pa,
      iptcDigitalSourceType: iptc,
      generatorMetadata,
      dataMining,
      cameraExifShare: share(camera),
      noMetadataShare: share(bare),
      aiEvidence,
      aiEvidenceMore: Math.max(0, evidenced - new Set(aiEvidence.map((e) => e.file)).size),
    },
    listed: listed(p, records),
  };
}

/** Share of decoded images whose own bytes declare AI origin (a lower bound, never an estimate). */
export function evidencedShare(p: ImagePartial): number {
  const n = p.records.length;
  return n ? p.records.filter((r) => r.evidence.length).length / n : 0;
}
