import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraJpeg, scene, zip } from '../unit/images/fixtures';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import type { UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let id: string;
let sampleId: string;
let original: Buffer;

beforeAll(async () => {
  ({ t, proc } = await startWithStaff());
  const invited = await invitedAssessment(t, proc);
  id = invited.id;
  original = await cameraJpeg(3);
  const big = await scene(5, 640, 480).png().toBuffer();
  const archive = zip([
    { name: 'photos/camera.jpg', data: original },
    { name: 'photos/big.png', data: big },
    { name: 'photos/big-copy.png', data: await sharp(big).resize(320, 240).png().toBuffer() },
    { name: 'notes/broken.png', data: Buffer.from('not an image at all') },
  ]);
  const res = await t.call('POST', '/api/vendor/samples', {
    token: invited.token,
    body: {
      fileName: 'images.zip',
      role: 'training',
      sizeBytes: archive.length,
      contentType: 'application/zip',
    },
  });
  expect(res.status).toBe(201);
  const target = await json<UploadTarget & { sampleId: string }>(res);
  sampleId = target.sampleId;
  const put = await fetch(new URL(target.uploadUrl, t.portal.url), {
    method: 'PUT',
    headers: target.uploadHeaders,
    body: new Uint8Array(archive),
  });
  expect(put.status).toBe(200);
  await t.portal.idle();
  // a copy group in an image archive must not send the analyzer looking for text examples
  const sample = await json<{ status: string; error: string | null }>(
    t.call('GET', `/api/vendor/samples/${sampleId}`, { token: invited.token }),
  );
  expect(sample).toMatchObject({ status: 'analyzed', error: null });
});

afterAll(async () => {
  await t.stop();
});

const thumb = (file: string, token = proc) =>
  t.call(
    'GET',
    `/api/assessments/${id}/samples/${sampleId}/thumbnail?file=${encodeURIComponent(file)}`,
    { token },
  );

describe('image thumbnails', () => {
  it('renders a small WebP without the original bytes or metadata', async () => {
    const res = await thumb('photos/big.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toContain('private');
    const body = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(body).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(160);
    expect(meta.width).toBe(160);
    expect(meta.height).toBe(120);
  });

  it('strips the camera metadata of a JPEG', async () => {
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await thumb('photos/camera.jpg');
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(original)).toBe(false);
    const meta = await sharp(body).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
  });

  it('answers 404 problem+json for a file the archive does not hold', async () => {
    const res = await thumb('photos/missing.png');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toContain('photos/missing.png');
  });

  it('answers 422 problem+json for a file that is not an image', async () => {
    const res = await thumb('notes/broken.png');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toContain('notes/broken.png');
  });

  it('refuses a request without the file name', async () => {
    const res = await t.call('GET', `/api/assessments/${id}/samples/${sampleId}/thumbnail`, {
      token: proc,
    });
    expect(res.status).toBe(400);
  });
});
