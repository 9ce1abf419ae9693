/** Report headline warnings: samples that could not be evidence, and what the reference did. */
import type { ScoredReport } from '../../api/domain';
import { isImageAssessment } from './image-assessment';
import {
  type ReferenceNoteView,
  referenceNoteWords,
  sampleMachineSummary,
} from './reference-note-model';

/** A sample the report could not use, and why (as the API reports it). */
export interface UnusableSampleNote {
  sampleId: string;
  fileName: string;
  role: string;
  reason: string;
}

type WithEvidenceNotes = ScoredReport & {
  unusableSamples?: UnusableSampleNote[];
  reference?: ReferenceNoteView | null;
};

const roleWords: Record<string, string> = {
  training: 'training sample',
  holdout: 'holdout sample',
};

/** Names each unusable sample and why; nothing when every sample could be used. */
export function UnusableSampleWarning({ report }: { report: ScoredReport }) {
  const notes = (report as WithEvidenceNotes).unusableSamples ?? [];
  if (notes.length === 0) return null;
  return (
    <div class="banner banner-warning" role="status" data-testid="unusable-samples">
      <p>
        <strong>
          {notes.length === 1
            ? 'One sample could not be used as evidence'
            : `${notes.length} samples could not be used as evidence`}
        </strong>{' '}
        and {notes.length === 1 ? 'was' : 'were'} not scored as data:
      </p>
      <ul>
        {notes.map((n) => (
          <li key={n.sampleId}>
            <strong>{n.fileName}</strong> ({roleWords[n.role] ?? n.role}): {n.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Whether the machine-text estimate was calibrated against the attached reference, and if not, why. */
export function ReferenceNote({ report }: { report: ScoredReport }) {
  const ref = (report as WithEvidenceNotes).reference;
  if (isImageAssessment(report)) {
    // Images carry no machine-text estimate: an attached reference calibrates nothing here.
    return (
      <p class="small muted" data-testid="reference-note">
        {ref?.name ? `Reference sample ${ref.name} is attached, but reference` : 'Reference'}{' '}
        samples do not apply to an archive of images: they calibrate the estimate of machine-written
        text.
      </p>
    );
  }
  if (!ref) {
    return (
      <p class="small muted" data-testid="reference-note">
        No reference sample attached: machine-text estimates are screening values (the style model
        alone).
      </p>
    );
  }
  const words = referenceNoteWords(ref, sampleMachineSummary(report.samples));
  return (
    <div class="stack reference-section" data-testid="reference-section">
      <p class="small" data-testid="reference-note">
        Reference sample <strong>{ref.name}</strong>
        {ref.records !== null ? ` (${ref.records.toLocaleString('en')} records)` : ''}:{' '}
        {ref.calibrated
          ? 'the machine-text estimate is calibrated against it.'
          : `not calibrated. ${ref.message ?? ''}`}
      </p>
      <p class="small" data-testid="reference-mode">
        {words.mode}
      </p>
      {words.machines.length > 0 ? (
        <ul class="small machine-list" aria-label="Known-machine references">
          {words.machines.map((m) => (
            <li key={m.key} data-testid="machine-reference-note" data-usable={String(m.usable)}>
              <strong>{m.name}</strong>: {m.text}
            </li>
          ))}
        </ul>
      ) : null}
      {words.separation ? (
        <p class="small" data-testid="reference-separation">
          {words.separation}
        </p>
      ) : null}
    </div>
  );
}
