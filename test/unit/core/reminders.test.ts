import { describe, expect, it } from 'vitest';
import { objectsFromSqs } from '../../../functions/analyze/sqs-records';
import { reminderFor } from '../../../functions/notify/reminders';

const now = new Date('2026-06-10T12:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();

describe('reminderFor', () => {
  it('picks the most urgent reminder that applies', () => {
    expect(reminderFor(inDays(10), now)).toBeUndefined();
    expect(reminderFor(inDays(7), now)).toBe('due-7');
    expect(reminderFor(inDays(2.5), now)).toBe('due-3');
    expect(reminderFor(inDays(0.5), now)).toBe('due-1');
    expect(reminderFor(inDays(-0.1), now)).toBe('overdue');
  });
});

describe('objectsFromSqs', () => {
  it('decodes S3 keys and ignores test events and other event types', () => {
    const body = JSON.stringify({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'b' }, object: { key: 'samples/a+b%2Fc', size: 5 } },
        },
        {
          eventName: 'ObjectRemoved:Delete',
          s3: { bucket: { name: 'b' }, object: { key: 'x', size: 1 } },
        },
      ],
    });
    expect(objectsFromSqs(body)).toEqual([{ bucket: 'b', key: 'samples/a b/c', size: 5 }]);
    expect(objectsFromSqs(JSON.stringify({ Event: 's3:TestEvent' }))).toEqual([]);
  });
});
