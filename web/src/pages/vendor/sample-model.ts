/** Pure helpers for sample uploads: content types, sizes and status wording. */
import type { SampleStatus } from '../../api/types';

const types: Record<string, string> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  json: 'application/json',
  txt: 'text/plain',
  gz: 'application/gzip',
};

/** The content type to declare for a file, from the browser or its extension. */
export function contentTypeOf(file: { name: string; type: string }): string {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return types[ext] ?? (file.type || 'application/octet-stream');
}

/** File extensions the analyzer reads (optionally gzip-compressed). */
export const acceptedExtensions = '.csv,.jsonl,.ndjson,.json,.txt,.gz';

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
