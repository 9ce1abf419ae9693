/**
 * Sample upload: drag and drop or choose a file, progress, then analysis status per sample. One
 * sample counts per role: uploading again (a new file, a mapping fix) replaces the current one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { abortUpload, uploadInParts } from '../../api/multipart';
import type { SampleInfo } from '../../api/types';
import { createSample, deleteSample, uploadFile } from '../../api/vendor';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';
import {
  acceptedExtensions,
  contentTypeOf,
  formatBytes,
  isSupportedFile,
  newestFirst,
  roleLabel,
  unsupportedTypeMessage,
} from './sample-model';
import { SampleRow } from './sample-row';

type Role = 'training' | 'holdout';

/** Fields the vendor may name explicitly when the analyzer's guess was wrong. */
export interface FieldOverrides {
  text?: string;
  label?: string;
}

interface Row {
  info: SampleInfo;
  uploaded: boolean;
}

interface Props {
  initial: SampleInfo[];
  readOnly: boolean;
  /** Told about every change to the list (uploads, replacements, deletions, status). */
  onChange?: (samples: SampleInfo[]) => void;
}

/** A refused registration's messages as one error a person can read (no field names). */
function readable(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length) {
    return new Error([...new Set(error.problem.errors.map((e) => e.message))].join(' '));
  }
  return error;
}

/** The upload area plus the list of samples with their status. */
export function SampleUpload({ initial, readOnly, onChange }: Props) {
  const [rows, setRows] = useState<Row[]>(() =>
    newestFirst(initial).map((info) => ({ info, uploaded: info.status !== 'awaiting_upload' })),
  );
  const [file, setFile] = useState<File | null>(null);
  const [role, setRole] = useState<Role>('training');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{
    name: string;
    share: number;
    sampleId?: string;
  } | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const files = useRef(new Map<string, File>());
  const input = useRef<HTMLInputElement>(null);
  // The sample a new upload would replace: one whose file arrived (an unfinished one is superseded).
  const current = rows.find((r) => r.info.role === role && r.info.status !== 'awaiting_upload');

  useEffect(() => onChange?.(rows.map((r) => r.info)), [rows]);

  const choose = (chosen: File | null) => {
    setError(
      chosen && !isSupportedFile(chosen.name) ? new Error(unsupportedTypeMessage) : undefined,
    );
    setFile(chosen);
  };

  const upload = async (
    chosen: File,
    sampleRole: Role,
    fields?: FieldOverrides,
    replaces?: string,
  ) => {
    if (!isSupportedFile(chosen.name)) {
      setError(new Error(unsupportedTypeMessage));
      return;
    }
    setError(undefined);
    setProgress({ name: chosen.name, share: 0 });
    try {
      const cleaned = fields && (fields.text || fields.label) ? fields : undefined;
      const target = await createSample({
        fileName: chosen.name,
        role: sampleRole,
        sizeBytes: chosen.size,
        contentType: contentTypeOf(chosen),
        ...(cleaned ? { fields: cleaned } : {}),
        ...(cleaned && replaces ? { replaces } : {}),
      });
      files.current.set(target.sampleId, chosen);
      const info: SampleInfo = {
        sampleId: target.sampleId,
        fileName: chosen.name,
        role: sampleRole,
        status: 'awaiting_upload',
        sizeBytes: chosen.size,
        createdAt: new Date().toISOString(),
        upload: target.upload?.mode === 'multipart' ? target.upload : null,
      };
      const gone = new Set(target.replaced ?? []);
      setRows((old) => [
        { info, uploaded: false },
        ...old.filter((r) => !gone.has(r.info.sampleId)),
      ]);
      const onProgress = (share: number) =>
        setProgress({ name: chosen.name, share, sampleId: target.sampleId });
      if (target.upload?.mode === 'multipart') {
        await uploadInParts(target.sampleId, chosen, onProgress);
      } else {
        await uploadFile(target, chosen, onProgress);
      }
      arrived(info);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (e) {
      setError(readable(e));
    } finally {
      setProgress(null);
    }
  };

  /** The file is in storage: the sample is analyzed, and earlier ones of its role retired. */
  const arrived = (info: SampleInfo) =>
    setRows((old) =>
      old
        .filter((r) => r.info.sampleId === info.sampleId || r.info.role !== info.role)
        .map((r) =>
          r.info.sampleId === info.sampleId
            ? { info: { ...r.info, upload: null }, uploaded: true }
            : r,
        ),
    );

  /** Sends the rest of an interrupted multipart upload (after a reload or a dropped connection). */
  const resume = async (info: SampleInfo, chosen: File) => {
    setError(undefined);
    files.current.set(info.sampleId, chosen);
    setProgress({ name: chosen.name, share: 0, sampleId: info.sampleId });
    try {
      await uploadInParts(info.sampleId, chosen, (share) =>
        setProgress({ name: chosen.name, share, sampleId: info.sampleId }),
      );
      arrived(info);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (e) {
      setError(readable(e));
    } finally {
      setProgress(null);
    }
  };

  const abandon = async (sampleId: string) => {
    setError(undefined);
    try {
      await abortUpload(sampleId);
      setRows((old) => old.filter((r) => r.info.sampleId !== sampleId));
    } catch (e) {
      setError(e);
    }
  };

  const remove = async (sampleId: string) => {
    setError(undefined);
    try {
      await deleteSample(sampleId);
      setRows((old) => old.filter((r) => r.info.sampleId !== sampleId));
    } catch (e) {
      setError(e);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) choose(dropped);
  };

  return (
    <section aria-labelledby="step-heading" class="stack sample-step">
      <p>
        Upload a representative sample of the dataset (CSV, JSON Lines, JSON array or plain text,
        optionally gzip-compressed, or a .zip or .tar archive of images). The portal measures
        duplicates, diversity, machine-generated text, labels, provenance, freshness and personal
        data, and checks your answers against it. A holdout sample lets it check for contamination.
        One sample counts per role: uploading another replaces it.
      </p>
      {readOnly ? null : (
        <form
          class="stack card"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) void upload(file, role);
          }}
        >
          <fieldset class="choices">
            <legend>What is this sample?</legend>
            {(['training', 'holdout'] as Role[]).map((r) => (
              <div class="choice" key={r}>
                <input
                  id={`sample-role-${r}`}
                  type="radio"
                  name="sample-role"
                  checked={role === r}
                  onChange={() => setRole(r)}
                />
                <label for={`sample-role-${r}`}>
                  {r === 'training' ? 'Training data' : 'Holdout (evaluation) data'}
                </label>
              </div>
            ))}
          </fieldset>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for mouse users; the file input inside serves keyboards */}
          <div
            class={dragging ? 'dropzone dragging' : 'dropzone'}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="dropzone"
          >
            <Field
              id="sample-file"
              label="Sample file"
              hint="Drag and drop a file here, or choose one."
            >
              <input
                id="sample-file"
                ref={input}
                type="file"
                accept={acceptedExtensions}
                aria-describedby="sample-file-hint"
                onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
              />
            </Field>
            {file ? (
              <p class="small">
                Selected: <strong>{file.name}</strong> ({formatBytes(file.size)})
              </p>
            ) : null}
          </div>
          {current ? (
            <p class="small" data-testid="replaces-note">
              This replaces the current {roleLabel(role).toLowerCase()},{' '}
              <strong>{current.info.fileName}</strong>.
            </p>
          ) : null}
          <ErrorBanner error={error} />
          {progress ? (
            <div class="progress-row">
              <label for="upload-progress">Uploading {progress.name}</label>
              <progress id="upload-progress" max={100} value={Math.round(progress.share * 100)} />
              <span aria-live="polite">{Math.round(progress.share * 100)} %</span>
            </div>
          ) : null}
          <button type="submit" class="button" disabled={!file || Boolean(progress)}>
            {current ? 'Upload and replace' : 'Upload sample'}
          </button>
        </form>
      )}
      {readOnly ? <ErrorBanner error={error} /> : null}
      {rows.length ? <h3>Your samples, newest first</h3> : null}
      {rows.length ? (
        <ul class="samples">
          {rows.map((row) => (
            <SampleRow
              key={row.info.sampleId}
              info={row.info}
              poll={row.uploaded}
              readOnly={readOnly || Boolean(progress)}
              retained={files.current.get(row.info.sampleId) ?? null}
              onReupload={(chosen, fields) =>
                upload(chosen, row.info.role, fields, row.info.sampleId)
              }
              onDelete={() => remove(row.info.sampleId)}
              resume={
                // Not while its parts are going up, nor once sent (until the analyzer claims it).
                progress?.sampleId === row.info.sampleId || row.uploaded
                  ? undefined
                  : {
                      onResume: (chosen) => resume(row.info, chosen),
                      onAbandon: () => abandon(row.info.sampleId),
                    }
              }
              onUpdate={(info) =>
                setRows((old) =>
                  old.map((r) => (r.info.sampleId === info.sampleId ? { ...r, info } : r)),
                )
              }
            />
          ))}
        </ul>
      ) : (
        <p class="empty">
          No sample uploaded yet. Without a sample your answers cannot be checked, which counts as
          risk.
        </p>
      )}
    </section>
  );
}
