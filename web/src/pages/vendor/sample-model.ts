/** Pure helpers for sample uploads: content types, sizes and status wording. */
import type { SampleStatus } from '../../api/types';
import { formatDate } from '../../format';

const types: Record<string, string> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  json: 'application/json',
  txt: 'text/plain',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  zip: 'application/zip',
  tar: 'application/x-tar',
};

/** The content type to declare for a file, from the browser or its extension. */
export function contentTypeOf(file: { name: string; type: string }): string {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return types[ext] ?? (file.type || 'application/octet-stream');
}

/** File extensions the analyzer reads (optionally gzip-compressed), and image archives. */
export const acceptedExtensions = '.csv,.jsonl,.ndjson,.json,.txt,.gz,.zip,.tar,.tgz';

/** A byte count in readable units. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

const statusWords: Record<SampleStatus, string> = {
  awaiting_upload: 'Waiting for the upload',
  analyzing: 'Analyzing',
  analyzed: 'Analyzed',
  failed: 'Analysis failed',
  unusable: 'Not usable as evidence',
};

/** The status as words. */
export const sampleStatusLabel = (status: SampleStatus): string => statusWords[status] ?? status;

/** What a sample row says: its status, or that its data was deleted under retention (and when). */
export function sampleStateLabel(info: { status: SampleStatus; purgedAt?: string | null }): string {
  return info.purgedAt
    ? `Deleted after retention (${formatDate(info.purgedAt)})`
    : sampleStatusLabel(info.status);
}

/** True when the status will not change any more. */
export const isFinal = (status: SampleStatus): boolean =>
  status === 'analyzed' || status === 'failed' || status === 'unusable';

/** The detected text and label fields from a summary's `fields`, as strings for the form. */
export function mappingOf(fields: Record<string, unknown> | undefined): {
  text: string;
  label: string;
} {
  const text = fields?.text;
  return {
    text: Array.isArray(text) ? text.join(', ') : typeof text === 'string' ? text : '',
    label: typeof fields?.label === 'string' ? fields.label : '',
  };
}

/** What a person reads when a file is of a kind the analyzer cannot read. */
export const unsupportedTypeMessage =
  'This file type is not supported. Upload CSV (.csv), JSON Lines (.jsonl, .ndjson), a JSON array (.json) or plain text (.txt), optionally gzip-compressed (.gz), or an archive of images (.zip, .tar, .tar.gz).';

/** True when the file name has an extension the analyzer reads. */
export const isSupportedFile = (name: string): boolean =>
  /\.((csv|jsonl|ndjson|json|txt|tar)(\.gz)?|zip|tgz)$/i.test(name);

/** The role as words. */
export const roleLabel = (role: 'training' | 'holdout'): string =>
  role === 'training' ? 'Training sample' : 'Holdout (evaluation) sample';

/** Samples newest first (upload time; the API lists them oldest first). */
export function newestFirst<T extends { createdAt?: string }>(samples: readonly T[]): T[] {
  return [...samples]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (b.s.createdAt ?? '').localeCompare(a.s.createdAt ?? '') || b.i - a.i)
    .map(({ s }) => s);
}

const stageWords = {
  reading: 'Reading and measuring the records',
  examples: 'Collecting examples of duplicates',
  saving: 'Saving the results',
} as const;

/** One line on an analysis in progress: the stage, the share read and the lines so far. */
export function progressText(p: {
  stage: keyof typeof stageWords;
  bytesRead: number;
  totalBytes: number;
  linesRead: number;
}): string {
  const words = stageWords[p.stage] ?? 'Analyzing';
  if (p.stage !== 'reading') return `${words}…`;
  const share =
    p.totalBytes > 0 ? Math.min(100, Math.round((p.bytesRead / p.totalBytes) * 100)) : 0;
  const lines = p.linesRead > 0 ? `, ${p.linesRead.toLocaleString('en')} lines so far` : '';
  return `${words}: ${share} % of the file read${lines}…`;
}
