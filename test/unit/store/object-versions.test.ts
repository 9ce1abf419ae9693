import { DeleteObjectsCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { awsVersionPurger } from '../../../functions/store/object-versions';

describe('awsVersionPurger', () => {
  it('deletes every version and delete marker of exactly the key, page by page', async () => {
    const sent: unknown[] = [];
    const pages = [
      {
        IsTruncated: true,
        NextKeyMarker: 'k',
        NextVersionIdMarker: 'v2',
        Versions: [
          { Key: 'samples/o/fingerprints/k', VersionId: 'v1' },
          { Key: 'samples/o/fingerprints/k', VersionId: 'v2' },
        ],
      },
      {
        IsTruncated: false,
        Versions: [{ Key: 'samples/o/fingerprints/k2', VersionId: 'other' }],
        DeleteMarkers: [{ Key: 'samples/o/fingerprints/k', VersionId: 'm1' }],
      },
    ];
    const s3 = {
      send: async (c: unknown) => {
        sent.push(c);
        if (c instanceof ListObjectVersionsCommand) return pages.shift();
        return { Errors: [] };
      },
    };
    const n = await awsVersionPurger(s3 as never).deleteEveryVersion(
      'b',
      'samples/o/fingerprints/k',
    );
    expect(n).toBe(3);
    const deletes = sent
      .filter((c): c is DeleteObjectsCommand => c instanceof DeleteObjectsCommand)
      .flatMap((c) => c.input.Delete?.Objects?.map((o) => o.VersionId) ?? []);
    expect(deletes).toEqual(['v1', 'v2', 'm1']);
    const second = sent.filter(
      (c) => c instanceof ListObjectVersionsCommand,
    )[1] as ListObjectVersionsCommand;
    expect(second.input).toMatchObject({ KeyMarker: 'k', VersionIdMarker: 'v2' });
  });

  it('fails when S3 refuses a version, so the corpus is never silently kept', async () => {
    const s3 = {
      send: async (c: unknown) =>
        c instanceof ListObjectVersionsCommand
          ? { IsTruncated: false, Versions: [{ Key: 'k', VersionId: 'v1' }] }
          : { Errors: [{ Code: 'AccessDenied' }] },
    };
    await expect(awsVersionPurger(s3 as never).deleteEveryVersion('b', 'k')).rejects.toThrow(
      /AccessDenied/,
    );
  });
});
