import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abandonedAfterMs } from '../../functions/api/routes/contacts/guards';
import { maxContacts } from '../../functions/core/assessment/contacts';
import { ConflictError } from '../../functions/lib/errors';
import type { EmailClaim } from '../../functions/store/contact-guards';
import {
  type ContactOut,
  contactCalls,
  contactRecord,
  detailsOf,
  legacyContact,
} from './contacts-helpers';
import { json, startWithStaff, type TestPortal } from './harness';

/**
 * What a crash between a guard's write and the contact's leaves behind, written straight to the
 * store, and how the API gets past it: nothing lost, nothing blocked for good.
 */

let t: TestPortal;
let proc = '';
let api: ReturnType<typeof contactCalls>;

beforeAll(async () => {
  ({ t, proc } = await startWithStaff());
  api = contactCalls(t, () => proc);
});
afterAll(async () => {
  await t.stop();
});

const guards = () => t.portal.deps.repos.contacts.guards;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const stale = () => ago(abandonedAfterMs + 60_000);

/** A claim of `email` for `contactId`, made at `at`, as a crashed request left it. */
async function leftClaim(id: string, email: string, contactId: string, at: string) {
  const claim: EmailClaim = {
    contactId,
    name: 'In flight',
    email,
    at,
    releasedAt: null,
    version: 1,
  };
  expect(await guards().createClaim('demo', id, claim)).toBe(true);
}

describe('claims a crashed request left', () => {
  it('an add in flight holds its e-mail; abandoned, the address is free and its id fenced', async () => {
    const id = await api.newAssessment();
    const lost = t.portal.deps.newId();
    await leftClaim(id, 'fresh@acme.test', t.portal.deps.newId(), new Date().toISOString());
    await leftClaim(id, 'Lost@acme.test', lost, stale());

    const held = await api.add(id, 'Fresh', 'FRESH@acme.test');
    expect((await detailsOf([held], 409))[0]).toBe(
      'FRESH@acme.test is already a contact of this assessment (In flight); edit that contact instead.',
    );
    expect((await api.add(id, 'Found', 'lost@acme.test')).status).toBe(201);
    // The abandoned add can never write its contact late, and the fence is no contact.
    const writeLate = t.portal.deps.repos.contacts.create({
      ...contactRecord(t, id, 'lost@acme.test'),
      id: lost,
    });
    await expect(writeLate).rejects.toBeInstanceOf(ConflictError);
    expect(await t.portal.deps.repos.contacts.get('demo', id, lost)).toBeUndefined();
    expect((await api.list(id)).map((c) => c.id)).not.toContain(lost);
  });

  it('a removed contact’s claim is free at once; an e-mail change that never saved, once stale', async () => {
    const id = await api.newAssessment();
    const gone = await json<ContactOut>(api.add(id, 'Gone', 'gone@acme.test'));
    const stay = await json<ContactOut>(api.add(id, 'Stay', 'stay@acme.test'));
    // The removal saved, its release did not happen: the claim still names the removed contact.
    const contact = await t.portal.deps.repos.contacts.get('demo', id, gone.id);
    await t.portal.deps.repos.contacts.save({
      ...(contact as NonNullable<typeof contact>),
      removedAt: new Date().toISOString(),
      version: gone.version + 1,
    });
    expect((await api.add(id, 'Gone again', 'gone@acme.test')).status).toBe(201);

    await leftClaim(id, 'wanted@acme.test', stay.id, new Date().toISOString());
    await leftClaim(id, 'dropped@acme.test', stay.id, stale());
    expect((await api.add(id, 'Wants it', 'wanted@acme.test')).status).toBe(409);
    expect((await api.add(id, 'Gets it', 'dropped@acme.test')).status).toBe(201);
    // The contact that left the claim behind may still take the address itself.
    expect((await api.change(id, stay.id, { email: 'wanted@acme.test' })).status).toBe(200);
  });
});

describe('places a crashed request left', () => {
  it('abandoned places and removed contacts still counted are freed when the assessment is full', async () => {
    const id = await api.newAssessment();
    const abandoned = Array.from({ length: maxContacts - 1 }, () => t.portal.deps.newId());
    const removed = await legacyContact(t, id, 'removed@acme.test', true);
    await guards().seedSlots('demo', id, {
      live: Object.fromEntries([
        ...abandoned.map((c) => [c, stale()]),
        [removed.id, removed.createdAt],
      ]),
      ever: maxContacts,
    });
    expect((await api.add(id, 'Gets in', 'in@acme.test')).status).toBe(201);
    const slots = await guards().getSlots('demo', id);
    // The removed contact still counts as ever added; the abandoned adds do not.
    expect(slots).toEqual({
      live: { [(await api.list(id))[0]?.id as string]: expect.any(String) },
      ever: 2,
    });
    for (const c of abandoned) expect(await guards().fence('demo', id, c, ago(0))).toBe(true);
  });

  it('places of adds in flight stay taken', async () => {
    const id = await api.newAssessment();
    const now = new Date().toISOString();
    const live = Object.fromEntries(
      Array.from({ length: maxContacts }, () => [t.portal.deps.newId(), now]),
    );
    await guards().seedSlots('demo', id, { live, ever: maxContacts });
    expect((await api.add(id, 'Waits', 'wait@acme.test')).status).toBe(409);
    expect(await api.list(id)).toEqual([]);
  });
});

describe('an add whose contact write fails', () => {
  it('gives its e-mail and place back when the contact was not written, keeps it when it was', async () => {
    const id = await api.newAssessment();
    const repo = t.portal.deps.repos.contacts;
    const create = repo.create;
    try {
      repo.create = async () => {
        throw new Error('the network dropped the request');
      };
      expect((await api.add(id, 'Unlucky', 'unlucky@acme.test')).status).toBe(500);
      // The reply was lost after the write: the add stands.
      repo.create = async (c) => {
        await create(c);
        throw new Error('the network dropped the reply');
      };
      expect((await api.add(id, 'Lucky', 'lucky@acme.test')).status).toBe(201);
    } finally {
      repo.create = create;
    }
    expect((await api.list(id)).map((c) => c.email)).toEqual(['lucky@acme.test']);
    expect((await guards().getSlots('demo', id))?.ever).toBe(1);
    expect((await api.add(id, 'Unlucky again', 'unlucky@acme.test')).status).toBe(201);
  });
});
