import { describe, expect, it } from 'vitest';
import { deferS3Deps } from '../../../functions/api/defer-s3-deps';
import type { S3Deps } from '../../../functions/api/s3-deps';

/** S3 deps that record each call; `head` answers with the key it was asked for. */
function recordingDeps(calls: string[]): S3Deps {
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      return undefined as never;
    };
  return {
    blobs: {
      head: async (bucket, key) => {
        calls.push(`head ${bucket}/${key}`);
        return { size: key.length, contentType: 'text/plain', metadata: {} } as never;
      },
      stream: record('stream'),
      streamRange: record('streamRange'),
      getText: record('getText'),
      putNew: record('putNew'),
      put: record('put'),
      delete: record('delete'),
    },
    presigner: record('presigner'),
    partPresigner: record('partPresigner'),
    multipart: {
      create: record('create'),
      listParts: record('listParts'),
      complete: record('complete'),
      abort: record('abort'),
    },
  };
}

describe('S3 deps loaded on first call', () => {
  it('loads nothing until a member is called, then once, forwarding every argument', async () => {
    const calls: string[] = [];
    let loads = 0;
    const deps = deferS3Deps(async () => {
      loads++;
      return recordingDeps(calls);
    });
    expect(loads).toBe(0);
    expect(await deps.blobs.head('samples', 'org/a.csv')).toMatchObject({ size: 9 });
    await deps.blobs.streamRange('samples', 'k', 5, 9);
    await deps.multipart.complete({ bucket: 'b', key: 'k', uploadId: 'u' }, [
      { partNumber: 1, etag: 'e' },
    ]);
    await deps.presigner({ bucket: 'b', key: 'k' } as never);
    expect(loads).toBe(1);
    expect(calls).toEqual([
      'head samples/org/a.csv',
      'streamRange ["samples","k",5,9]',
      'complete [{"bucket":"b","key":"k","uploadId":"u"},[{"partNumber":1,"etag":"e"}]]',
      'presigner [{"bucket":"b","key":"k"}]',
    ]);
  });

  it('loads again on the next call after a failed load', async () => {
    let loads = 0;
    const deps = deferS3Deps(async () => {
      loads++;
      if (loads === 1) throw new Error('chunk missing');
      return recordingDeps([]);
    });
    await expect(deps.blobs.delete('b', 'k')).rejects.toThrow('chunk missing');
    await expect(deps.blobs.delete('b', 'k')).resolves.toBeUndefined();
    expect(loads).toBe(2);
  });
});
