/**
 * One uploaded sample: live status and progress, the file's facts, a short summary, the detected
 * field mapping to correct, and delete or replace while the questionnaire is open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SampleInfo } from '../../api/types';
import { changeSampleFields, getSampleFields } from '../../api/vendor';
import { ErrorBanner } from '../../components/feedback';
import { FieldMappingForm } from '../../components/field-mapping-form';
import { ResumeUpload } from './resume-upload';
import { AnalysisProgress, SampleFacts } from './sample-facts';
import { acceptedExtensions, isFinal, sampleStateLabel } from './sample-model';
import { SampleSummary } from './sample-summary';
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
  const id = `sample-${info.sampleId}`;

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
      {info.summary ? <SampleSummary summary={info.summary} /> : null}
      {isFinal(info.status) && !info.purgedAt && !info.summary?.images ? (
        readOnly ? null : correcting ? (
          <FieldMappingForm
            idPrefix={id}
            slots={['text', 'label']}
            load={() => getSampleFields(info.sampleId)}
            save={async (body) => {
              onUpdate({ ...info, ...(await changeSampleFields(info.sampleId, body)) });
              setCorrecting(false);
            }}
            onCancel={() => setCorrecting(false)}
          />
        ) : (
          <button type="button" class="button secondary small" onClick={() => setCorrecting(true)}>
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
