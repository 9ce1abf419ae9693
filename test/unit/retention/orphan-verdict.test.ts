import { describe, expect, it } from 'vitest';
import { ownerOf } from '../../../functions/retention/orphan-verdict';

const A = '01kbaaaaaaaaaaaaaaaaaaaaaa';
const S = '01kbssssssssssssssssssssss';

describe('ownerOf', () => {
  it('names the sample or reference behind every key the portal builds', () => {
    expect(ownerOf(`samples/demo/${A}/${S}`)).toMatchObject({
      organizationId: 'demo',
      scope: A,
      sampleId: S,
      kind: 'upload',
    });
    expect(ownerOf(`samples/demo/references/${S}`)).toMatchObject({
      scope: 'references',
      kind: 'upload',
    });
    expect(ownerOf(`analyses/demo/${A}/${S}.json`)).toMatchObject({ scope: A, kind: 'derived' });
    expect(ownerOf(`partials/demo/references/${S}.bin`)).toMatchObject({
      scope: 'references',
      sampleId: S,
      kind: 'derived',
    });
  });

  it('owns nothing for keys the portal never builds (so nothing live can need them)', () => {
    for (const key of [
      `analyses/demo/${A}/${S}.bin`,
      `partials/demo/${A}/${S}.json`,
      `samples/demo/${A}/${S}/extra`,
      `samples/demo/${A}`,
      'samples/readme.txt',
    ])
      expect(ownerOf(key), key).toBeUndefined();
  });
});
