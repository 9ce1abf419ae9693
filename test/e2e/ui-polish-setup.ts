/**
 * Setup and measurements for the UI-polish browser test: an image assessment (an archive whose
 * generated PNG carries long image-generator settings), and a recorder of the text chart.js draws
 * on each canvas, so a test can check that no two axis labels overlap.
 */
import type { BrowserContext } from 'playwright-core';
import { scene, textChunk, withChunks, zip } from '../unit/images/fixtures';
import { answerAndSubmit, invite, reportReady, staffToken } from './vendor-setup';

/** The archive: a PNG with long generator settings (the Detail people must read), scenes, a copy. */
async function archive(): Promise<Buffer> {
  const generated = withChunks(await scene(21, 320, 240).png().toBuffer(), [
    textChunk(
      'parameters',
      'a quiet harbour at dawn with fishing boats and gulls over the water\nSteps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 1234567890, Size: 320x240, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly',
    ),
  ]);
  const files = [{ name: 'pictures/harbour-dawn-generated.png', data: generated }];
  for (let i = 22; i < 26; i++)
    files.push({
      name: `pictures/scene-${i}.png`,
      data: await scene(i, 320, 240).png().toBuffer(),
    });
  files.push({
    name: 'pictures/scene-22-small.png',
    data: await scene(22, 320, 240).resize(160, 120).png().toBuffer(),
  });
  return zip(files);
}

/** Creates an assessment whose training sample is the image archive, analyzed and submitted. */
export async function imageAssessment(base: string): Promise<string> {
  const proc = await staffToken(base, 'pat@demo.test', 'procurement');
  const a = await invite(base, proc, 'Harbour pictures (UI polish)');
  const body = await archive();
  const auth = { authorization: `Bearer ${a.token}` };
  const res = await fetch(`${base}/api/vendor/samples`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      fileName: 'pictures.zip',
      role: 'training',
      sizeBytes: body.length,
      contentType: 'application/zip',
    }),
  });
  if (res.status !== 201) throw new Error(`sample not created: ${res.status} ${await res.text()}`);
  const target = (await res.json()) as {
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
    sampleId: string;
  };
  const put = await fetch(new URL(target.uploadUrl, base), {
    method: 'PUT',
    headers: target.uploadHeaders,
    body: new Uint8Array(body),
  });
  if (put.status !== 200) throw new Error(`upload failed: ${put.status}`);
  for (let i = 0; i < 300; i++) {
    const s = await fetch(`${base}/api/vendor/samples/${target.sampleId}`, { headers: auth });
    const { status } = (await s.json()) as { status: string };
    if (status === 'analyzed') break;
    if (status !== 'awaiting_upload' && status !== 'analyzing')
      throw new Error(`the image sample ended ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await answerAndSubmit(base, a.token);
  await reportReady(base, proc, a.id);
  return a.id;
}

/** A piece of text drawn on a canvas, with its box in canvas pixels. */
export interface DrawnText {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Records every `fillText` of every chart canvas (keyed by `data-chart`), box included, and
 * forgets a canvas's texts when chart.js clears it whole: the lists hold the latest frame only.
 */
export async function recordCanvasText(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const drawn: Record<string, DrawnText[]> = {};
    (window as unknown as { drawnText: typeof drawn }).drawnText = drawn;
    const proto = CanvasRenderingContext2D.prototype;
    const fill = proto.fillText;
    const clear = proto.clearRect;
    const key = (ctx: CanvasRenderingContext2D) => ctx.canvas.getAttribute('data-chart') ?? '';
    proto.clearRect = function (x: number, y: number, w: number, h: number) {
      if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height)
        drawn[key(this)] = [];
      clear.call(this, x, y, w, h);
    };
    proto.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      const m = this.measureText(text);
      const t = this.getTransform();
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [cx, cy] of [
        [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
        [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
        [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
        [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
      ] as const) {
        xs.push(t.a * cx + t.c * cy + t.e);
        ys.push(t.b * cx + t.d * cy + t.f);
      }
      const list = drawn[key(this)] ?? [];
      drawn[key(this)] = list;
      list.push({
        text: String(text),
        left: Math.min(...xs),
        right: Math.max(...xs),
        top: Math.min(...ys),
        bottom: Math.max(...ys),
      });
      if (maxWidth === undefined) fill.call(this, text, x, y);
      else fill.call(this, text, x, y, maxWidth);
    };
  });
}

/** Pairs of drawn texts whose boxes overlap by more than half a pixel both ways. */
export function overlaps(texts: readonly DrawnText[]): string[] {
  const found: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (wide > 0.5 && high > 0.5) found.push(`"${a.text}" overlaps "${b.text}"`);
    }
  });
  return found;
}
