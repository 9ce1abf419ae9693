import { describe, expect, it } from 'vitest';
import type { Upload } from '../../../functions/analyze/uploads';
import { afterAnalysis } from '../../../functions/api/services/after-analysis';

/** Fakes recording what afterAnalysis asks for: webhook deliveries and re-scores. */
function fakes() {
  const events: string[] = [];
  const rescores: string[] = [];
  const deps = {
    clock: () => new Date('2026-12-05T10:00:00Z'),
    newId: () => `id${events.length}`,
    rescoreQueue: { send: async () => undefined },
    repos: {
      assessments: {
        get: async (_org: string, id: string) => ({
          id,
          organizationId: 'org1',
          status: 'submitted',
          vendor: { name: 'Acme' },
          dataset: { name: 'Corpus' },
        }),
      },
      rescores: { request: async (_o: string, id: string) => void rescores.push(id) },
      webhooks: {
        list: async () => [
          { id: 'ep1', status: 'active', events: ['sample.analyzed', 'sample.failed'] },
        ],
        addDelivery: async (d: { event: { type: string } }) => void events.push(d.event.type),
      },
    },
  };
  return { deps, events, rescores };
}

const upload = (status: string) =>
  ({
    organizationId: 'org1',
    assessmentId: 'a1',
    sampleId: 's1',
    fileName: 'train.jsonl',
    role: 'training',
    status,
  }) as unknown as Upload;

describe('sample events after an analysis', () => {
  it('announces an analyzed sample and re-scores its assessment', async () => {
    const f = fakes();
    await afterAnalysis(f.deps as never, upload('analyzed'));
    expect(f.events).toEqual(['sample.analyzed']);
    expect(f.rescores).toEqual(['a1']);
  });

  it('announces a failed sample as sample.failed and re-scores nothing (it measured nothing)', async () => {
    const f = fakes();
    await afterAnalysis(f.deps as never, upload('failed'));
    expect(f.events).toEqual(['sample.failed']);
    expect(f.rescores).toEqual([]);
  });

  it('announces an unusable sample as sample.failed and re-scores (the headline names it)', async () => {
    const f = fakes();
    await afterAnalysis(f.deps as never, upload('unusable'));
    expect(f.events).toEqual(['sample.failed']);
    expect(f.rescores).toEqual(['a1']);
  });
});
