import type { C2paResult } from './c2pa';

/** Where an image's own bytes declare it AI-made. */
export type EvidenceSource = 'c2pa' | 'iptc' | 'generator-metadata' | 'watermark';

/** One image as the partial keeps it: hashes, size and what its metadata says. */
export interface ImageRecord {
  file: string;
  format: string;
  width: number;
  height: number;
  bytesSha256: string;
  pixelSha256: string;
  phash: string;
  phashMirror: string;
  /** Own-byte AI evidence (empty: none found, which proves nothing). */
  evidence: { source: EvidenceSource; detail: string }[];
  c2pa?: C2paResult;
  /** IPTC DigitalSourceType from XMP (last path segment). */
  iptc?: string;
  /** PLUS DataMining value from XMP (last path segment). */
  dataMining?: string;
  generator?: string;
  /** Camera make and model plus exposure data in EXIF. */
  camera: boolean;
  /** Any provenance metadata at all (EXIF, XMP, PNG text, C2PA). */
  metadata: boolean;
}

/** Labels and sources a metadata file in the archive gives an image, by file name. */
export interface ImageMeta {
  label?: string;
  source?: string;
}

/** The mergeable image state of a partial (`AnalysisPartial.images`); plain JSON. */
export interface ImagePartial {
  records: ImageRecord[];
  undecodable: number;
  undecodableExamples: { file: string; message: string }[];
  /** Entries that are neither images nor a metadata list (read-me files, folders). */
  skipped: number;
  /** Per-image labels and sources from `metadata.jsonl` / `metadata.csv` entries. */
  meta: Record<string, ImageMeta>;
}

/** The `images` block of an analysis (DESIGN.md "Image samples"). */
export interface ImagesBlock {
  decoded: number;
  undecodable: number;
  formats: Record<string, number>;
  dimensions: { medianPixels: number; tinyShare: number; generatorSizeShare: number };
  duplicates: {
    exactBytesRate: number;
    exactPixelsRate: number;
    nearRate: number;
    method: string;
    clusters: { size: number; maxDistance: number; examples: string[] }[];
  };
  provenance: {
    c2pa: {
      present: number;
      valid: number;
      invalid: number;
      aiDeclared: number;
      generators: Record<string, number>;
      trainingMining: Record<string, number>;
      signer: { status: 'unverified'; issuers: Record<string, number> };
      /** Files whose manifest failed validation (tampered or broken), first 100. */
      invalidFiles: { file: string; error: string }[];
    };
    iptcDigitalSourceType: Record<string, number>;
    generatorMetadata: Record<string, number>;
    dataMining: Record<string, number>;
    cameraExifShare: number;
    noMetadataShare: number;
    aiEvidence: { file: string; source: EvidenceSource; detail: string }[];
    /** Files with AI evidence beyond the 1,000 listed. */
    aiEvidenceMore: number;
  };
  /** Images per label and per source from a metadata list in the archive (null without one). */
  listed: null | {
    labels: Record<string, number>;
    sources: Record<string, number>;
    unmatched: number;
  };
}
