import type { S3Client } from '@aws-sdk/client-s3';
import { createObjectIo, type ObjectIo } from '../../store/object-io';

/** The object access of plan, fold and group merge: read (pinned) and write, never delete. */
export type WorkObjects = ObjectIo;

/**
 * Reads and writes objects as the blob store does, without its delete and conditional writes, so
 * the steps that never delete bundle no DeleteObject call and are granted none (access.ts).
 */
export function createWorkObjects(s3: Pick<S3Client, 'send'>): WorkObjects {
  return createObjectIo(s3);
}
