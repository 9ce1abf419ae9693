import { ValidationError } from '../../lib/errors';
import type { Sample } from '../../store/samples';

/**
 * A registration declaring the SHA-256 of the file it replaces claims to be that same file: its
 * size must then be that file's (400 at `sizeBytes` otherwise). The bytes themselves are checked
 * against the declared SHA-256 once they arrive (analyze/same-file.ts).
 */
export function checkSameSize(
  replaced: Pick<Sample, 'sha256' | 'sizeBytes' | 'fileName'>,
  body: { sha256?: string; sizeBytes: number },
): void {
  if (!body.sha256 || body.sha256.toLowerCase() !== replaced.sha256) return;
  if (body.sizeBytes === replaced.sizeBytes) return;
  const message = `the file with this SHA-256 ("${replaced.fileName}") has ${replaced.sizeBytes} bytes, not ${body.sizeBytes}: send its exact size, or leave out sha256 if this is a different file`;
  throw new ValidationError(`"sizeBytes": ${message}.`, [{ path: 'sizeBytes', message }]);
}
