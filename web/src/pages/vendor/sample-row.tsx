/**
 * One uploaded sample: live status and progress, the file's facts, a short summary, the detected
 * field mapping to correct, and delete or replace while the questionnaire is open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SampleInfo } from '../../api/types';
import { ErrorBanner } from '../../components/feedback';
import { percent } from '../../format';
import { MalformedLines } from './malformed-lines';
import { ResumeUpload } from './resume-upload';
import { AnalysisProgress, SampleFacts } from './sample-facts';
import { acceptedExtensions, isFinal, mappingOf, sampleStateLabel } from './sample-model';
import type { FieldOverrides } from './sample-upload';
import { useSamplePoll } from './use-sample-poll';

interface Props {
  info: SampleInfo;
  poll: boolean;
  readOnly: boolean;
  retained: File | null;
  onReupload: (file: File, fields: FieldOverrides) => Promise<void>;
  onDelete: () => Promise<void>;
  onUpdate: (info: SampleInfo) => void;
  /** Present for a big sample whose upload stopped and is not being sent now. */
  resume?: { onResume: (file: File) => Promise<void>; onAbandon: () => Promise<void> };
}

/** Renders and polls one sample. */
export function SampleRow(props: Props) {
  const { info: initial, poll, readOnly, retained, onReupload, onDelete, onUpdate, resume } = props;
  const shouldPoll = poll && !isFinal(initial.status);
  const { info: polled, error } = useSamplePoll(shouldPoll ? initial.sampleId : null, initial);
  const info = polled ? { ...initial, ...polled } : initial;
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (polled && polled.status !== initial.status) onUpdate({ ...initial, ...polled });
  }, [polled?.status]);
  const [correcting, setCorrecting] = useState(false);
  const detected = mappingOf(info.summary?.fields);
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const [file, setFile] = useState<File | null>(retained);
  const id = `sample-${info.sampleId}`;

  const startCorrecting = () => {
    setText(detected.text);
    setLabel(detected.label);
    setCorrecting(true);
  };

  return (
    <li class="card sample-row" id={id} data-status={info.status}>
      <p class="sample-title">
        <strong class="file-name">{info.fileName}</strong>{' '}
        <span
          class={`sample-status status-${info.purgedAt ? 'purged' : info.status}`}
          role="status"
        >
          {info.purgedAt
            ? ''
            : info.status === 'analyzed'
              ? '✔ '
              : info.status === 'failed'
                ? '✖ '
                : info.status === 'unusable'
                  ? '⚠ '
                  : '… '}
          {sampleStateLabel(info)}
        </span>
      </p>
      <SampleFacts info={info} />
      <AnalysisProgress info={info} />
      {resume && !readOnly && info.status === 'awaiting_upload' && info.upload ? (
        <ResumeUpload info={info} retained={retained} {...resume} />
      ) : null}
      {(info.status === 'failed' || info.status === 'unusable') && info.error ? (
        <p class="error-text">{info.error}</p>
      ) : null}
      <ErrorBanner error={error} />
      {info.summary ? (
        <>
          <dl class="stats">
            <div class="stat">
              <dt>Records</dt>
              <dd>{info.summary.records.toLocaleString('en')}</dd>
            </div>
            <div class="stat">
              <dt>Exact duplicates</dt>
              <dd>{percent(info.summary.exactRate)}</dd>
            </div>
            <div class="stat">
              <dt>Near duplicates</dt>
              <dd>{percent(info.summary.nearRate)}</dd>
            </div>
            <div class="stat">
              <dt>Estimated machine-generated</dt>
              <dd>{percent(info.summary.estimatedShare)}</dd>
            </div>
          </dl>
          <p class="small">
            Fields the analyzer used: text <code>{detected.text || '—'}</code>, label{' '}
            <code>{detected.label || 'none'}</code>.
          </p>
          <MalformedLines summary={info.summary} />
        </>
      ) : null}
      {isFinal(info.status) ? (
        readOnly ? null : correcting ? (
          <form
            class="stack mapping"
            onSubmit={(e) => {
              e.preventDefault();
              if (file)
                void onReupload(file, {
                  text: text.trim() || undefined,
                  label: label.trim() || undefined,
                }).then(() => setCorrecting(false));
            }}
          >
            <p class="small">
              Name the fields that hold the record text and its label, then analyze the file again.
            </p>
            <div class="inline">
              <label for={`${id}-text`}>Text field</label>
              <input
                id={`${id}-text`}
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
              />
              <label for={`${id}-label`}>Label field</label>
              <input
                id={`${id}-label`}
                value={label}
                onInput={(e) => setLabel(e.currentTarget.value)}
              />
            </div>
            {retained ? null : (
              <div class="inline">
                <label for={`${id}-file`}>Choose the same file again</label>
                <input
                  id={`${id}-file`}
                  type="file"
                  onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                />
              </div>
            )}
            <div class="inline">
              <button type="submit" class="button" disabled={!file}>
                Re-upload with this mapping
              </button>
              <button type="button" class="button secondary" onClick={() => setCorrecting(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" class="button secondary small" onClick={startCorrecting}>
            Correct the field mapping
          </button>
        )
      ) : null}
      {readOnly || correcting ? null : (
        <div class="inline sample-actions">
          <input
            id={`${id}-replace`}
            class="visually-hidden"
            type="file"
            accept={acceptedExtensions}
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              if (chosen) void onReupload(chosen, {});
            }}
          />
          <label class="button secondary small file-button" for={`${id}-replace`}>
            Replace with another file
          </label>
          {confirming ? (
            <span class="confirm">
              <span class="small">Delete {info.fileName}? </span>
              <button type="button" class="button danger small" onClick={() => void onDelete()}>
                Delete
              </button>
              <button
                type="button"
                class="button secondary small"
                onClick={() => setConfirming(false)}
              >
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              class="button secondary small"
              onClick={() => setConfirming(true)}
            >
              Delete sample
            </button>
          )}
        </div>
      )}
    </li>
  );
}
