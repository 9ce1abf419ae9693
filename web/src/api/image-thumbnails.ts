/** Server-made thumbnails of the images in a staff report (never the vendor's original files). */
import { staffToken } from '../session';
import { ApiError, problemFrom } from './http';

const enc = encodeURIComponent;

/** The path of one image's thumbnail: `GET /api/assessments/{id}/samples/{sampleId}/thumbnail?file=`. */
export const thumbnailPath = (assessmentId: string, sampleId: string, file: string) =>
  `/api/assessments/${enc(assessmentId)}/samples/${enc(sampleId)}/thumbnail?file=${enc(file)}`;

/**
 * Fetches a thumbnail with the staff token (an `<img src>` cannot send it) and returns an object
 * URL for it; the caller revokes it with `URL.revokeObjectURL` when done.
 */
export async function fetchThumbnail(
  assessmentId: string,
  sampleId: string,
  file: string,
  signal?: AbortSignal,
): Promise<string> {
  const token = staffToken();
  const response = await fetch(thumbnailPath(assessmentId, sampleId, file), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'omit',
    signal,
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return URL.createObjectURL(await response.blob());
}
