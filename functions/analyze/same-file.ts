import { retireReplaced } from '../api/services/sample-replacement';
import type { Sample } from '../store/samples';
import type { AnalysisResult, StoreDeps } from './store-result';
import type { Upload } from './uploads';

/** What the uploader reads when the file is not the one it was declared to be. */
export function notSameFileMessage(fileName: string, declared: string, actual: string): string {
  return `"${fileName}" is not the file it was declared to be: its SHA-256 is ${actual}, but ${declared} was declared. Nothing was replaced. Upload the same file again, or register it as a new file (without the declared SHA-256) if it is a different one.`;
}

/**
 * For an upload declared to be a given file (`declaredSha256`): the message when the bytes that
 * arrived hash to something else (the tree hash of a distributed run is not comparable: no check),
 * else undefined, after retiring the samples it replaces (held back until the check).
 */
export async function checkSameFile(
  deps: StoreDeps,
  sample: Upload,
  result: Pick<AnalysisResult, 'sha256' | 'hashMethod'>,
): Promise<string | undefined> {
  const declared = sample.declaredSha256;
  if (!declared) return undefined;
  if (!result.hashMethod && result.sha256 !== declared)
    return notSameFileMessage(sample.fileName, declared, result.sha256);
  if (sample.role !== 'reference') await retireReplaced(deps, sample as Sample);
  return undefined;
}
