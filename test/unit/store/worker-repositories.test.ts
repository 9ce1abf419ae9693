import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../functions/store/repositories';
import { createWorkerRepositories } from '../../../functions/store/table-repositories';

const table = { doc: { send: async () => ({}) }, name: 'diligence' } as never;

describe('worker repositories', () => {
  it('offer every repository the API has, under the same names', () => {
    expect(Object.keys(createWorkerRepositories(table)).sort()).toEqual(
      Object.keys(createRepositories(table)).sort(),
    );
  });

  it('refuse the vendor failure counters, which belong to the API', async () => {
    const { rateLimits } = createWorkerRepositories(table);
    await expect(rateLimits.counts('vendor', 'ip', 0, 60_000)).rejects.toThrow(/API function/);
    await expect(rateLimits.add('vendor', 'ip', 0, 60_000, 20)).rejects.toThrow(/API function/);
  });
});
