/**
 * A big sample whose upload stopped (a reload, a dropped connection): choose the same file again
 * and the upload continues from the parts already sent, or abandon it (the earlier sample of the
 * role stays in place).
 */
import { useState } from 'preact/hooks';
import type { SampleInfo } from '../../api/types';
import { formatBytes } from './sample-model';

interface Props {
  info: SampleInfo;
  /** The file still in memory from this visit, if any. */
  retained: File | null;
  onResume: (file: File) => Promise<void>;
  onAbandon: () => Promise<void>;
}

/** Why `file` cannot be the one this sample was registered for, or undefined when it fits. */
export function mismatch(info: SampleInfo, file: File): string | undefined {
  if (file.size !== info.sizeBytes) {
    return `${file.name} has ${formatBytes(file.size)}, but the interrupted upload is ${formatBytes(info.sizeBytes ?? 0)}. Choose the same file (${info.fileName}).`;
  }
  if (file.name !== info.fileName) {
    return `The interrupted upload is ${info.fileName}; you chose ${file.name}. Choose the same file.`;
  }
  return undefined;
}

/** Resume controls for one interrupted multipart upload. */
export function ResumeUpload({ info, retained, onResume, onAbandon }: Props) {
  const [file, setFile] = useState<File | null>(retained);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const id = `resume-${info.sampleId}`;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblem(chosen ? mismatch(info, chosen) : undefined);
  };
  return (
    <form
      class="stack resume"
      data-testid="resume-upload"
      onSubmit={(e) => {
        e.preventDefault();
        if (file && !problem) void onResume(file);
      }}
    >
      <p class="small">
        This upload is not finished. The parts already sent are kept: choose the same file to send
        the rest.
      </p>
      {retained ? null : (
        <div class="inline">
          <label for={`${id}-file`}>Choose {info.fileName} again</label>
          <input
            id={`${id}-file`}
            type="file"
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
      )}
      {problem ? (
        <p class="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="inline">
        <button type="submit" class="button" disabled={!file || Boolean(problem)}>
          Resume upload
        </button>
        <button type="button" class="button secondary" onClick={() => void onAbandon()}>
          Abandon this upload
        </button>
      </div>
    </form>
  );
}
