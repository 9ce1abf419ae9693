import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadFile } from '../../web/src/api/vendor';

/**
 * The browser uploader sends every signed header the API returns in `uploadHeaders`, including
 * `If-None-Match: *` (a presigned PUT without it fails its signature, in S3 as behind the guard).
 * The CLI's single PUT is held to the same by test/api/multipart-cli.test.ts.
 */

class FakeXhr {
  static last: FakeXhr | undefined;
  headers: Record<string, string> = {};
  method = '';
  url = '';
  status = 0;
  upload = { onprogress: null as unknown };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send() {
    this.status = 200;
    queueMicrotask(() => this.onload?.());
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the web uploader', () => {
  it('sends every header of uploadHeaders but the ones browsers set themselves', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const uploadHeaders = {
      'content-type': 'application/jsonl',
      'if-none-match': '*',
      'x-amz-meta-original-name': 'a.jsonl',
      'x-amz-meta-role': 'training',
      'content-length': '10',
      host: 'x',
    };
    await uploadFile(
      { sampleId: 's', uploadUrl: '/_s3/b/k?X-Amz-Signature=x', uploadHeaders } as never,
      new Blob(['0123456789']),
      () => undefined,
    );
    expect(FakeXhr.last?.method).toBe('PUT');
    expect(FakeXhr.last?.headers).toEqual({
      'content-type': 'application/jsonl',
      'if-none-match': '*',
      'x-amz-meta-original-name': 'a.jsonl',
      'x-amz-meta-role': 'training',
    });
  });
});
