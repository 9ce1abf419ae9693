/**
 * The image part of a sample that is an archive of images: what the files' own bytes declare
 * (AI origin, C2PA validity, training prohibitions), each near-copy cluster by file name, and the
 * evidence per file, with server-made thumbnails when the report says where the images are.
 */
import type { ImagesBlock } from '../../../../functions/core/analysis/images/types';
import { TableScroll } from '../../components/table-scroll';
import { ImageThumbnail, type ThumbnailSource } from './image-thumbnail';

/** Pictures shown per list: the declared-AI files and each copy group. */
const SHOWN = 12;

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

const sourceWords: Record<string, string> = {
  c2pa: 'Signed content credentials (C2PA)',
  iptc: 'IPTC digital source type',
  'generator-metadata': 'Image generator settings',
  watermark: 'Watermark',
};

/** A grid of thumbnails, one per file (the file name is the caption and the alt text). */
function ThumbnailGrid({
  source,
  files,
  label,
}: {
  source: ThumbnailSource;
  files: string[];
  label: string;
}) {
  return (
    <ul class="image-grid" aria-label={label} data-testid="image-grid">
      {files.slice(0, SHOWN).map((file) => (
        <li key={file}>
          <ImageThumbnail source={source} file={file} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Image measures and evidence of one analyzed image archive; with `source` (the assessment and
 * sample), thumbnails of the declared-AI files and of each copy group.
 */
export function ImageSection({
  images,
  source,
}: {
  images: ImagesBlock;
  source?: ThumbnailSource | null;
}) {
  const p = images.provenance;
  const d = images.duplicates;
  const formats = Object.entries(images.formats)
    .sort((x, y) => y[1] - x[1])
    .map(([f, n]) => `${f.toUpperCase()} ${n}`)
    .join(', ');
  return (
    <div class="stack" data-testid="image-section">
      <h4>Images</h4>
      <ul data-testid="image-notes">
        <li>
          The share declared AI-made counts only images whose own files say so: it is a lower bound,
          because editing or re-saving an image removes such labels.
        </li>
        <li>
          Camera details present: {pct(p.cameraExifShare)}; no metadata at all:{' '}
          {pct(p.noMetadataShare)}. Missing metadata does not show an image is a real photograph.
        </li>
        {p.c2pa.present > 0 ? (
          <li>
            Content credentials: {p.c2pa.valid} of {p.c2pa.present} valid; the signer is not
            verified against a trust list.
          </li>
        ) : null}
        <li>
          Near copies include resized, grey and mirrored ones; similar-looking pictures are for
          review, not proof. Rotated or cropped copies are not found.
        </li>
        {formats ? <li>Formats: {formats}.</li> : null}
      </ul>
      {p.aiEvidence.length > 0 ? (
        <TableScroll label="Images declared as made by AI">
          {/* On a phone each row becomes a card of labelled lines (card-rows), so Detail reads in full. */}
          <table class="card-rows image-evidence" data-testid="image-evidence">
            <caption>Images declared as made by AI</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Evidence</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {p.aiEvidence.slice(0, 100).map((e, i) => (
                <tr key={`${e.file}-${i}`}>
                  <td data-label="File">{e.file}</td>
                  <td data-label="Evidence">{sourceWords[e.source] ?? e.source}</td>
                  <td data-label="Detail">{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {source && p.aiEvidence.length > 0 ? (
        <ThumbnailGrid
          source={source}
          files={[...new Set(p.aiEvidence.map((e) => e.file))]}
          label="Pictures of images declared as made by AI"
        />
      ) : null}
      {p.c2pa.invalidFiles.length > 0 ? (
        <p>
          Content credentials failing validation (changed after signing, or broken):{' '}
          {p.c2pa.invalidFiles.map((f) => f.file).join(', ')}.
        </p>
      ) : null}
      {d.clusters.length > 0 ? (
        <div>
          <h5>Groups of copies</h5>
          <ul class="image-clusters">
            {d.clusters.slice(0, 20).map((c, i) => (
              <li key={c.examples[0] ?? i} class="image-cluster" data-testid="image-cluster">
                <p>
                  {c.size} files, largest difference {c.maxDistance} of 64: {c.examples.join(', ')}
                </p>
                {source ? (
                  <ThumbnailGrid
                    source={source}
                    files={c.examples}
                    label={`Pictures of copy group ${i + 1}`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
