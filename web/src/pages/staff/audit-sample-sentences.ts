/** Audit sentences about sample files: uploads, replacements, deletions, field mappings. */
import type { SampleRef, SampleRefChange } from '../../../../functions/core/report/sample-refs';

interface FileDetail {
  fileName?: string;
  role?: string;
  sha256?: string;
}

/** "“data.jsonl” (SHA-256 1a2b3c4d…)": the short hash is enough to tell two files apart. */
export function fileWords(f: FileDetail): string {
  const name = `“${f.fileName ?? 'a file'}”`;
  return f.sha256 ? `${name} (SHA-256 ${f.sha256.slice(0, 12)}…)` : name;
}

function mappingWords(fields: unknown): string {
  const entries = Object.entries((fields ?? {}) as Record<string, string>);
  return entries.length
    ? entries.map(([slot, field]) => `${slot} from “${field}”`).join(', ')
    : 'detected automatically';
}

/** An upload or a deletion of a sample file, with what it replaces and its field mapping. */
export function sampleSentence(type: string, d: Record<string, unknown>): string {
  const file = d as FileDetail;
  const role =
    file.role === 'holdout' ? 'holdout' : file.role === 'reference' ? 'reference' : 'training';
  if (type === 'sample_deleted')
    return `Deleted the ${role} sample ${fileWords(file)}${d.analyzed ? '; the report is scored again without it' : ''}.`;
  if (type === 'sample_fields_changed')
    return `Changed the field mapping of the ${role} sample ${fileWords(file)} from ${mappingWords(d.fieldsBefore)} to ${mappingWords(d.fields)}; the stored file is analyzed again (no new upload).`;
  const replaces = Array.isArray(d.replaces) ? (d.replaces as FileDetail[]) : [];
  const parts = [`Uploaded ${fileWords(file)} as the ${role} sample`];
  if (replaces.length) parts.push(`to replace ${replaces.map(fileWords).join(' and ')}`);
  let text = parts.join(' ');
  if (d.fieldsBefore)
    text += `; changed the field mapping from ${mappingWords(d.fieldsBefore)} to ${mappingWords(d.fields)}`;
  else if (d.fields && Object.keys(d.fields as object).length)
    text += `; field mapping: ${mappingWords(d.fields)}`;
  return `${text}.`;
}

/** What a 'scored' event says about the files behind the version (older events say nothing). */
export function scoredFiles(d: Record<string, unknown>): string {
  const changes = Array.isArray(d.fileChanges) ? (d.fileChanges as SampleRefChange[]) : [];
  if (changes.length) {
    const words = changes.map((c) => {
      if (c.change === 'added') return `new ${c.role} sample ${fileWords(c.to ?? {})}`;
      if (c.change === 'removed') return `${c.role} sample ${fileWords(c.from ?? {})} removed`;
      return `new ${c.role} sample ${fileWords(c.to ?? {})} replaced ${fileWords(c.from ?? {})}`;
    });
    return ` What changed: ${words.join('; ')}.`;
  }
  const files = Array.isArray(d.files) ? (d.files as SampleRef[]) : [];
  return files.length ? ` Built on ${files.map(fileWords).join(' and ')}.` : '';
}
