/** The upload form of the reference library: kind, generator, name, description, file, then progress. */
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { createReference, type ReferenceKind } from '../../api/references';
import { uploadFile } from '../../api/vendor';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';
import { acceptedExtensions, contentTypeOf, formatBytes } from '../vendor/sample-model';
import { generatorProblem, maxGeneratorLength } from './reference-kind';

/** Registers and uploads one reference sample; `onUploaded` reloads the list. */
export function ReferenceForm({ onUploaded }: { onUploaded: () => void }) {
  const [kind, setKind] = useState<ReferenceKind>('human');
  const [generator, setGenerator] = useState('');
  const [checked, setChecked] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const localGenerator = checked ? generatorProblem(kind, generator) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setChecked(true);
    if (generatorProblem(kind, generator)) {
      document.getElementById('reference-generator')?.focus();
      return;
    }
    setError(undefined);
    setProgress(0);
    try {
      const target = await createReference({
        // Human is the API's default kind, so a human reference is sent as before.
        ...(kind === 'machine' ? { kind, generator: generator.trim() } : {}),
        name: name.trim(),
        description: description.trim(),
        fileName: file.name,
        sizeBytes: file.size,
        contentType: contentTypeOf(file),
      });
      await uploadFile({ ...target, sampleId: target.referenceId }, file, setProgress);
      setName('');
      setGenerator('');
      setChecked(false);
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
      <fieldset class="field kind-choice">
        <legend>Kind</legend>
        <label>
          <input
            type="radio"
            name="reference-kind"
            value="human"
            checked={kind === 'human'}
            onChange={() => setKind('human')}
          />{' '}
          Known-human: records you know people wrote
        </label>
        <label>
          <input
            type="radio"
            name="reference-kind"
            value="machine"
            checked={kind === 'machine'}
            onChange={() => setKind('machine')}
          />{' '}
          Known-machine: answers you had a model write
        </label>
        {fieldErrors.kind ? <p class="error-text">{fieldErrors.kind}</p> : null}
      </fieldset>
      {kind === 'machine' ? (
        <Field
          id="reference-generator"
          label="Generator"
          required
          hint="The model that wrote the records, as you would name it to a colleague (e.g. gpt-4o)."
          error={localGenerator ?? fieldErrors.generator}
        >
          <input
            id="reference-generator"
            value={generator}
            maxLength={maxGeneratorLength + 20}
            aria-describedby={`reference-generator-hint${(localGenerator ?? fieldErrors.generator) ? ' reference-generator-error' : ''}`}
            aria-invalid={(localGenerator ?? fieldErrors.generator) ? 'true' : undefined}
            onInput={(e) => setGenerator(e.currentTarget.value)}
          />
        </Field>
      ) : null}
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
        hint={
          kind === 'machine'
            ? 'Which prompts you sent, when, and with which settings.'
            : 'Where the records come from and why you know people wrote them.'
        }
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
