/** The upload form of the reference library: name, description, file, then progress. */
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { createReference } from '../../api/references';
import { uploadFile } from '../../api/vendor';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';
import { acceptedExtensions, contentTypeOf, formatBytes } from '../vendor/sample-model';

/** Registers and uploads one reference sample; `onUploaded` reloads the list. */
export function ReferenceForm({ onUploaded }: { onUploaded: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      const target = await createReference({
        name: name.trim(),
        description: description.trim(),
        fileName: file.name,
        sizeBytes: file.size,
        contentType: contentTypeOf(file),
      });
      await uploadFile({ ...target, sampleId: target.referenceId }, file, setProgress);
      setName('');
      setDescription('');
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <form class="stack card" onSubmit={submit} aria-labelledby="reference-form-heading">
      <h2 id="reference-form-heading">Add a reference sample</h2>
      <Field id="reference-name" label="Name" required error={fieldErrors.name}>
        <input
          id="reference-name"
          value={name}
          maxLength={200}
          required
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <Field
        id="reference-description"
        label="Description"
        hint="Where the records come from and why you know people wrote them."
        error={fieldErrors.description}
      >
        <textarea
          id="reference-description"
          rows={2}
          maxLength={2000}
          aria-describedby="reference-description-hint"
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </Field>
      <Field
        id="reference-file"
        label="File"
        hint="CSV, JSON Lines, JSON array or plain text, optionally gzip-compressed."
        error={fieldErrors.fileName ?? fieldErrors.sizeBytes}
      >
        <input
          id="reference-file"
          ref={input}
          type="file"
          accept={acceptedExtensions}
          aria-describedby="reference-file-hint"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </Field>
      {file ? (
        <p class="small">
          Selected: <strong>{file.name}</strong> ({formatBytes(file.size)})
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {progress !== null ? (
        <div class="progress-row">
          <label for="reference-progress">Uploading {file?.name}</label>
          <progress id="reference-progress" max={100} value={Math.round(progress * 100)} />
          <span aria-live="polite">{Math.round(progress * 100)} %</span>
        </div>
      ) : null}
      <button type="submit" class="button" disabled={!file || !name.trim() || progress !== null}>
        Upload reference
      </button>
    </form>
  );
}
