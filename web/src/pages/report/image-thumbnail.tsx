/**
 * One image of an archive sample as a small server-made picture: fetched with the staff token only
 * once it scrolls near the view, shown from an object URL that is revoked when it leaves the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchThumbnail } from '../../api/image-thumbnails';

/** Where a thumbnail comes from: the assessment, the sample and the file inside its archive. */
export interface ThumbnailSource {
  assessmentId: string;
  sampleId: string;
}

/** A thumbnail with the file name as its caption (text, never markup) and its alt text. */
export function ImageThumbnail({ source, file }: { source: ThumbnailSource; file: string }) {
  const ref = useRef<HTMLElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const abort = new AbortController();
    let made: string | null = null;
    const load = () => {
      fetchThumbnail(source.assessmentId, source.sampleId, file, abort.signal).then(
        (u) => {
          if (abort.signal.aborted) URL.revokeObjectURL(u);
          else {
            made = u;
            setUrl(u);
          }
        },
        () => {
          if (!abort.signal.aborted) setFailed(true);
        },
      );
    };
    let observer: IntersectionObserver | null = null;
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            observer?.disconnect();
            load();
          }
        },
        { rootMargin: '200px' },
      );
      observer.observe(el);
    } else load();
    return () => {
      observer?.disconnect();
      abort.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [source.assessmentId, source.sampleId, file]);
  return (
    <figure class="image-thumb" ref={ref} data-testid="image-thumb">
      {url ? (
        <img src={url} alt={file} loading="lazy" width={160} height={160} />
      ) : (
        <div class="image-thumb-empty">{failed ? 'No preview' : 'Loading preview'}</div>
      )}
      <figcaption>{file}</figcaption>
    </figure>
  );
}
