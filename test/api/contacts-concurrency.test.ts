import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxContacts, maxContactsEver } from '../../functions/core/assessment/contacts';
import {
  type ContactOut,
  contactCalls,
  detailsOf,
  legacyContact,
  statusCounts,
} from './contacts-helpers';
import { json, startWithStaff, type TestPortal } from './harness';

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

const full = `This assessment already has the most contacts it can have (${maxContacts} at a time, ${maxContactsEver} ever); remove one first.`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('vendor contacts under concurrent changes', () => {
  it('30 adds at once leave exactly the 20 the limit allows; the others hear why', async () => {
    const id = await api.newAssessment();
    const answers = await Promise.all(
      range(30).map((i) => api.add(id, `Person ${i}`, `p${i}@acme.test`)),
    );
    expect(statusCounts(answers)).toEqual({ 201: maxContacts, 409: 30 - maxContacts });
    expect(new Set(await detailsOf(answers, 409))).toEqual(new Set([full]));
    const listed = await api.list(id);
    expect(listed).toHaveLength(maxContacts);
    expect(new Set(listed.map((c) => c.email)).size).toBe(maxContacts);
  });

  it('5 adds of one e-mail at once (any case) leave exactly one contact', async () => {
    const id = await api.newAssessment();
    const spellings = [
      'ana@acme.test',
      'ANA@acme.test',
      'Ana@Acme.test',
      'ana@ACME.TEST',
      'aNa@acme.test',
    ];
    const answers = await Promise.all(spellings.map((e, i) => api.add(id, `Ana ${i}`, e)));
    expect(statusCounts(answers)).toEqual({ 201: 1, 409: 4 });
    const winner = await json<ContactOut>(answers.find((r) => r.status === 201) as Response);
    for (const detail of await detailsOf(answers, 409)) {
      expect(detail).toMatch(
        /^\S+ is already a contact of this assessment \(Ana \d\); edit that contact instead\.$/,
      );
    }
    expect((await api.list(id)).map((c) => c.id)).toEqual([winner.id]);
  });

  it('contacts changing to one e-mail at once, and an add of it, leave it to exactly one', async () => {
    const id = await api.newAssessment();
    const people = await Promise.all(
      range(4).map(async (i) => json<ContactOut>(api.add(id, `Person ${i}`, `p${i}@acme.test`))),
    );
    const answers = await Promise.all([
      ...people.map((p) => api.change(id, p.id, { email: 'shared@acme.test', version: p.version })),
      api.add(id, 'Newcomer', 'Shared@acme.test'),
    ]);
    const won = answers.filter((r) => r.status === 200 || r.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(answers.length - 1);
    const listed = await api.list(id);
    expect(listed.filter((c) => c.email.toLowerCase() === 'shared@acme.test')).toHaveLength(1);
    // The losers kept their own e-mails, which stay theirs.
    expect(listed.filter((c) => /^p\d@acme\.test$/.test(c.email))).toHaveLength(
      won[0]?.status === 200 ? 3 : 4,
    );
  });

  it('a removed contact gives its e-mail and its place back; a changed one its old e-mail', async () => {
    const id = await api.newAssessment();
    const people = await Promise.all(
      range(maxContacts).map(async (i) =>
        json<ContactOut>(api.add(id, `P ${i}`, `p${i}@acme.test`)),
      ),
    );
    expect((await api.add(id, 'One too many', 'more@acme.test')).status).toBe(409);
    const [first, second, third] = people as [ContactOut, ContactOut, ContactOut];
    expect((await api.remove(id, first.id)).status).toBe(204);
    // Two at once for the one free place and the freed address: only one gets in.
    const readd = await Promise.all([
      api.add(id, 'Back again', 'P0@acme.test'),
      api.add(id, 'Someone else', 'other@acme.test'),
    ]);
    expect(statusCounts(readd)).toEqual({ 201: 1, 409: 1 });
    const changed = await api.change(id, second.id, { email: 'moved@acme.test' });
    expect(changed.status).toBe(200);
    expect((await api.remove(id, third.id)).status).toBe(204);
    expect((await api.add(id, 'Takes the old one', 'p1@acme.test')).status).toBe(201);
    const taken = await api.add(id, 'Wants the new one', 'moved@acme.test');
    expect((await detailsOf([taken], 409))[0]).toBe(
      'moved@acme.test is already a contact of this assessment (P 1); edit that contact instead.',
    );
  });

  it('adds at once never pass the limit of contacts ever added', async () => {
    const id = await api.newAssessment();
    for (const i of range(maxContactsEver - 5))
      await legacyContact(t, id, `gone${i}@acme.test`, true);
    const answers = await Promise.all(
      range(10).map((i) => api.add(id, `N ${i}`, `n${i}@acme.test`)),
    );
    expect(statusCounts(answers)).toEqual({ 201: 5, 409: 5 });
    expect(new Set(await detailsOf(answers, 409))).toEqual(new Set([full]));
    expect(await api.list(id)).toHaveLength(5);
  });
});

describe('contacts written before the guards (no claims, no slots item)', () => {
  it('still count against the limit and keep their e-mails, also under concurrent adds', async () => {
    const id = await api.newAssessment();
    const old = await legacyContact(t, id, 'Old@acme.test');
    for (const i of range(maxContacts - 2)) await legacyContact(t, id, `l${i}@acme.test`);
    await legacyContact(t, id, 'removed@acme.test', true);

    const dup = await api.add(id, 'Old again', 'old@ACME.test');
    expect(dup.status).toBe(409);
    expect((await json<{ detail: string }>(dup)).detail).toBe(
      `old@ACME.test is already a contact of this assessment (${old.name}); edit that contact instead.`,
    );
    const answers = await Promise.all(
      range(4).map((i) => api.add(id, `N ${i}`, `n${i}@acme.test`)),
    );
    expect(statusCounts(answers)).toEqual({ 201: 1, 409: 3 });
    expect(await api.list(id)).toHaveLength(maxContacts);

    // Its e-mail changes (through the guards): the old address is free, the new one taken.
    expect((await api.change(id, old.id, { email: 'renamed@acme.test' })).status).toBe(200);
    expect((await api.remove(id, (await api.list(id)).at(-1)?.id as string)).status).toBe(204);
    const race = await Promise.all([
      api.add(id, 'Wants renamed', 'renamed@acme.test'),
      api.add(id, 'Takes old', 'old@acme.test'),
    ]);
    expect(race.map((r) => r.status)).toEqual([409, 201]);
  });

  it('a removed legacy contact frees its place and its e-mail', async () => {
    const id = await api.newAssessment();
    const legacy = await Promise.all(
      range(maxContacts).map((i) => legacyContact(t, id, `l${i}@acme.test`)),
    );
    expect((await api.add(id, 'Too many', 'x@acme.test')).status).toBe(409);
    expect((await api.remove(id, legacy[3]?.id as string)).status).toBe(204);
    expect((await api.add(id, 'Back', 'L3@acme.test')).status).toBe(201);
    expect((await detailsOf([await api.add(id, 'Other', 'y@acme.test')], 409))[0]).toBe(full);
    expect(await api.list(id)).toHaveLength(maxContacts);
  });
});
