/** The upload form of the fingerprint library: a built pack, or a corpus the portal builds one from. */
import { useRef, useState } from 'preact/hooks';
import { createPack, type PackKind } from '../../api/fingerprints';
import { ApiError } from '../../api/http';
import { uploadFile } from '../../api/vendor';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';
import { formatBytes } from '../vendor/sample-model';

const kinds: { value: PackKind; label: string }[] = [
  { value: 'synthetic', label: 'Synthetic: a public machine-written corpus' },
  { value: 'eval', label: 'Eval: your evaluation or holdout sets' },
  { value: 'echo', label: 'Echo: outputs of your own model' },
];

const typeOf = (name: string) =>
  /\.(jsonl|ndjson)$/i.test(name)
    ? 'application/x-ndjson'
    : /\.txt$/i.test(name)
      ? 'text/plain'
      : 'application/json';

/** Registers and uploads one pack or corpus; `onUploaded` reloads the list. */
export function PackForm({ onUploaded }: { onUploaded: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PackKind>('synthetic');
  const [source, setSource] = useState<'pack' | 'corpus'>('corpus');
  const [field, setField] = useState('text');
  const [keyed, setKeyed] = useState<boolean | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const isKeyed = source === 'corpus' && (keyed ?? kind !== 'synthetic');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      const target = await createPack({
        name: name.trim(),
        kind,
        source,
        fileName: file.name,
        sizeBytes: file.size,
        contentType: typeOf(file.name),
        ...(source === 'corpus'
          ? { fields: { text: field.trim() || 'text' }, keyed: isKeyed }
          : {}),
      });
      await uploadFile({ ...target, sampleId: target.packId }, file, setProgress);
      setName('');
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
    <form class="stack card" onSubmit={submit} aria-labelledby="pack-form-heading">
      <h2 id="pack-form-heading">Add a fingerprint pack</h2>
      <Field id="pack-name" label="Name" required error={fieldErrors.name}>
        <input
          id="pack-name"
          value={name}
          maxLength={200}
          required
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <Field id="pack-kind" label="Kind" error={fieldErrors.kind}>
        <select
          id="pack-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as PackKind)}
        >
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </Field>
      <fieldset class="stack">
        <legend>Source</legend>
        <label>
          <input
            type="radio"
            name="pack-source"
            checked={source === 'corpus'}
            onChange={() => setSource('corpus')}
          />{' '}
          A corpus file: the portal builds the pack, then deletes the text (every stored version)
        </label>
        <label>
          <input
            type="radio"
            name="pack-source"
            checked={source === 'pack'}
            onChange={() => setSource('pack')}
          />{' '}
          A pack built offline with <code>npx diligence fingerprint build</code>
        </label>
      </fieldset>
      {source === 'corpus' ? (
        <>
          <Field
            id="pack-field"
            label="Text field (JSON Lines)"
            hint="Plain text files use one record per line."
            error={fieldErrors['fields.text']}
          >
            <input
              id="pack-field"
              value={field}
              aria-describedby="pack-field-hint"
              onInput={(e) => setField(e.currentTarget.value)}
            />
          </Field>
          <label>
            <input
              type="checkbox"
              checked={isKeyed}
              onChange={(e) => setKeyed(e.currentTarget.checked)}
            />{' '}
            Keyed with your organization's secret key (recommended for eval and echo: without the
            key, nobody holding the pack can confirm a text they guess)
          </label>
        </>
      ) : null}
      <Field
        id="pack-file"
        label="File"
        hint={source === 'corpus' ? 'JSON Lines (.jsonl) or plain text (.txt).' : 'A pack (.json).'}
        error={fieldErrors.fileName ?? fieldErrors.sizeBytes ?? fieldErrors.keyed}
      >
        <input
          id="pack-file"
          ref={input}
          type="file"
          accept={source === 'corpus' ? '.jsonl,.ndjson,.txt' : '.json,.pack'}
          aria-describedby="pack-file-hint"
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
          <label for="pack-progress">Uploading {file?.name}</label>
          <progress id="pack-progress" max={100} value={Math.round(progress * 100)} />
          <span aria-live="polite">{Math.round(progress * 100)} %</span>
        </div>
      ) : null}
      <button type="submit" class="button" disabled={!file || !name.trim() || progress !== null}>
        {source === 'corpus' ? 'Upload and build' : 'Upload pack'}
      </button>
    </form>
  );
}
