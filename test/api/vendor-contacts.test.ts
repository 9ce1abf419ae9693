import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../functions/core/questionnaire';
import { completeAnswers } from './answers';
import { json, newAssessmentBody, startWithStaff, type TestPortal } from './harness';
import { captureMail, linksIn, type SentMail, tokenOf } from './mail-capture';

interface Contact {
  id: string;
  name: string;
  email: string;
  sections: string[];
  version: number;
}
interface Problem {
  type: string;
  detail: string;
  errors?: { path: string; message: string }[];
}
interface Attributed {
  answeredBy?: Record<string, { contactId: string | null; name: string }>;
  submittedBy?: { contactId: string | null; name: string } | null;
}

let t: TestPortal;
let proc = '';
let gov = '';
let admin = '';
let sent: SentMail[] = [];

beforeAll(async () => {
  ({ t, proc, gov, admin } = await startWithStaff());
  sent = captureMail(t);
});
afterAll(async () => {
  await t.stop();
});

const template = getTemplate('ai-training-data');
/** Complete answers of one section only. */
function answersOf(section: string): Record<string, unknown> {
  const all = completeAnswers();
  const ids = template?.sections.find((s) => s.id === section)?.questions.map((q) => q.id) ?? [];
  return Object.fromEntries(ids.filter((id) => id in all).map((id) => [id, all[id]]));
}

async function newAssessment(dueInDays = 30) {
  const body = newAssessmentBody(new Date(), {
    dueAt: new Date(Date.now() + dueInDays * 86_400_000).toISOString(),
  });
  return json<{ id: string }>(t.call('POST', '/api/assessments', { token: proc, body }));
}
const addContact = (id: string, body: unknown, token = proc) =>
  t.call('POST', `/api/assessments/${id}/contacts`, { token, body });
const issue = (id: string, contactId?: string) =>
  json<{ token: string; inviteUrl: string }>(
    t.call('POST', `/api/assessments/${id}/invitations`, {
      token: proc,
      ...(contactId ? { body: { contactId } } : {}),
    }),
  );
const view = (token: string) => t.call('GET', '/api/vendor/assessment', { token });

describe('vendor contacts', () => {
  let id = '';
  let ana: Contact;
  let ben: Contact;
  let anaLink = '';
  let benLink = '';

  beforeAll(async () => {
    ({ id } = await newAssessment());
    const a = await addContact(id, {
      name: 'Ana Ruiz',
      email: 'ana@acme.test',
      sections: ['identity'],
    });
    expect(a.status).toBe(201);
    ana = await json<Contact>(a);
    ben = await json<Contact>(
      addContact(id, {
        name: 'Ben <b>Okafor</b>',
        email: 'ben@acme.test',
        sections: ['provenance'],
      }),
    );
    anaLink = (await issue(id, ana.id)).token;
    benLink = (await issue(id, ben.id)).token;
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const bad = await addContact(id, { name: '', email: 'not-an-address' });
    expect(bad.status).toBe(400);
    const paths = (await json<Problem>(bad)).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email']));
    const section = await addContact(id, { name: 'C', email: 'c@acme.test', sections: ['nope'] });
    expect(section.status).toBe(400);
    expect((await json<Problem>(section)).errors?.[0]?.path).toBe('sections.0');
    const twice = await addContact(id, { name: 'Ana again', email: 'ANA@acme.test' });
    expect(twice.status).toBe(409);
  });

  it('lets only procurement and admins manage contacts, within the organization', async () => {
    expect((await t.call('GET', `/api/assessments/${id}/contacts`, { token: gov })).status).toBe(
      403,
    );
    const listed = await json<{ items: Contact[] }>(
      t.call('GET', `/api/assessments/${id}/contacts`, { token: admin }),
    );
    expect(listed.items.map((c) => c.name)).toEqual(['Ana Ruiz', 'Ben <b>Okafor</b>']);
    const other = await t.staff('procurement', 'other-org', 'pat@other.test');
    expect((await t.call('GET', `/api/assessments/${id}/contacts`, { token: other })).status).toBe(
      404,
    );
  });

  it('e-mails each contact their own link, which shows them their sections', async () => {
    const toAna = sent.filter((m) => m.to === 'ana@acme.test');
    expect(toAna.length).toBeGreaterThan(0);
    expect(tokenOf(linksIn(toAna.at(-1)?.body ?? '')[0] as string)).toBe(anaLink);
    const seen = await json<{ you: { name: string; sections: string[] } }>(view(benLink));
    expect(seen.you).toEqual({
      name: 'Ben <b>Okafor</b>',
      email: 'ben@acme.test',
      sections: ['provenance'],
    });
  });

  it('attributes each answer and upload to the contact who made it', async () => {
    const put = (token: string, answers: Record<string, unknown>) =>
      t.call('PUT', '/api/vendor/answers', { token, body: { answers } });
    expect((await put(anaLink, answersOf('identity'))).status).toBe(200);
    expect((await put(benLink, answersOf('provenance'))).status).toBe(200);
    const upload = await t.call('POST', '/api/vendor/samples', {
      token: benLink,
      body: {
        fileName: 's.jsonl',
        role: 'training',
        sizeBytes: 10,
        contentType: 'application/jsonl',
      },
    });
    expect(upload.status).toBe(201);
    const a = await json<Attributed>(t.call('GET', `/api/assessments/${id}`, { token: proc }));
    const identityId = Object.keys(answersOf('identity'))[0] as string;
    const provenanceId = Object.keys(answersOf('provenance'))[0] as string;
    expect(a.answeredBy?.[identityId]).toMatchObject({ contactId: ana.id, name: 'Ana Ruiz' });
    expect(a.answeredBy?.[provenanceId]).toMatchObject({
      contactId: ben.id,
      name: 'Ben <b>Okafor</b>',
    });
    const events = await json<{
      items: { type: string; actor: string; detail: Record<string, unknown> }[];
    }>(t.call('GET', `/api/assessments/${id}/events`, { token: proc }));
    const saves = events.items.filter((e) => e.type === 'save_answers');
    expect(saves.map((e) => e.actor)).toEqual(['ana@acme.test', 'ben@acme.test']);
    expect(saves[1]?.detail.contact).toEqual({ id: ben.id, name: 'Ben <b>Okafor</b>' });
    const registered = events.items.find((e) => e.type === 'sample_registered');
    expect(registered?.actor).toBe('ben@acme.test');
  });

  it('replaces only that contact’s link when it is issued again', async () => {
    const fresh = (await issue(id, ana.id)).token;
    const old = await view(anaLink);
    expect(old.status).toBe(401);
    expect((await json<Problem>(old)).type).toMatch(/invitation-revoked$/);
    expect((await view(fresh)).status).toBe(200);
    expect((await view(benLink)).status).toBe(200);
    anaLink = fresh;
  });

  it('stops a removed contact’s link at once while the other keeps working', async () => {
    const removed = await t.call('DELETE', `/api/assessments/${id}/contacts/${ben.id}`, {
      token: proc,
    });
    expect(removed.status).toBe(204);
    const refused = await view(benLink);
    expect(refused.status).toBe(401);
    const problem = await json<Problem>(refused);
    expect(problem.type).toMatch(/contact-removed$/);
    expect(problem.detail).toMatch(/removed you from this questionnaire/);
    expect((await view(anaLink)).status).toBe(200);
    const listed = await json<{ items: Contact[] }>(
      t.call('GET', `/api/assessments/${id}/contacts`, { token: proc }),
    );
    expect(listed.items.map((c) => c.id)).toEqual([ana.id]);
    const again = await t.call('POST', `/api/assessments/${id}/invitations`, {
      token: proc,
      body: { contactId: ben.id },
    });
    expect(again.status).toBe(404);
  });

  it('keeps the default link as before: it revokes only the earlier default link', async () => {
    const first = (await issue(id)).token;
    const second = (await issue(id)).token;
    expect((await view(first)).status).toBe(401);
    expect((await view(second)).status).toBe(200);
    expect((await view(anaLink)).status).toBe(200);
    const answers = answersOf('rights');
    await t.call('PUT', '/api/vendor/answers', { token: second, body: { answers } });
    const a = await json<Attributed>(t.call('GET', `/api/assessments/${id}`, { token: proc }));
    expect(a.answeredBy?.[Object.keys(answers)[0] as string]).toMatchObject({
      contactId: null,
      name: 'data@acme.test',
    });
  });

  it('issues the default link for a bare POST, even one labelled as JSON with no body', async () => {
    const bare = await t.call('POST', `/api/assessments/${id}/invitations`, {
      token: proc,
      headers: { 'content-type': 'application/json' },
    });
    expect(bare.status).toBe(201);
    const empty = await t.call('POST', `/api/assessments/${id}/invitations`, {
      token: proc,
      body: {},
    });
    expect(empty.status).toBe(201);
    const broken = await t.call('POST', `/api/assessments/${id}/invitations`, {
      token: proc,
      body: '{"contactId":',
    });
    expect(broken.status).toBe(400);
  });

  it('edits name and sections with compare-and-set, and records who submitted', async () => {
    const listed = await json<{ items: Contact[] }>(
      t.call('GET', `/api/assessments/${id}/contacts`, { token: proc }),
    );
    ana = listed.items[0] as Contact;
    const changed = await t.call('PATCH', `/api/assessments/${id}/contacts/${ana.id}`, {
      token: proc,
      body: { name: 'Ana María Ruiz', sections: ['identity', 'rights'], version: ana.version },
    });
    expect(changed.status).toBe(200);
    expect((await json<Contact>(changed)).sections).toEqual(['identity', 'rights']);
    const stale = await t.call('PATCH', `/api/assessments/${id}/contacts/${ana.id}`, {
      token: proc,
      body: { name: 'Ana', version: ana.version },
    });
    expect(stale.status).toBe(409);
    await t.call('PUT', '/api/vendor/answers', {
      token: anaLink,
      body: { answers: completeAnswers() },
    });
    expect((await t.call('POST', '/api/vendor/submit', { token: anaLink })).status).toBe(200);
    const a = await json<Attributed>(t.call('GET', `/api/assessments/${id}`, { token: proc }));
    expect(a.submittedBy).toMatchObject({ contactId: ana.id, name: 'Ana María Ruiz' });
  });
});

describe('reminders go to whoever holds the unanswered sections', () => {
  it('reminds the section holder with their own link, not the contact whose sections are done', async () => {
    const { id } = await newAssessment(5);
    const cara = await json<Contact>(
      addContact(id, { name: 'Cara', email: 'cara@acme.test', sections: ['rights'] }),
    );
    const dan = await json<Contact>(
      addContact(id, { name: 'Dan', email: 'dan@acme.test', sections: ['identity'] }),
    );
    await issue(id, cara.id);
    const danLink = (await issue(id, dan.id)).token;
    await issue(id);
    await t.call('PUT', '/api/vendor/answers', {
      token: danLink,
      body: { answers: answersOf('identity') },
    });
    const before = sent.length;
    expect((await t.call('POST', '/api/dev/reminders', { token: admin })).status).toBe(200);
    const mails = sent.slice(before).filter((m) => /acme\.test$/.test(m.to));
    expect(mails.map((m) => m.to)).toEqual(['cara@acme.test']);
    expect(mails[0]?.body).toMatch(/sections assigned to you/);
    const link = tokenOf(linksIn(mails[0]?.body ?? '')[0] as string);
    expect(await json<{ you: { name: string } }>(view(link))).toMatchObject({
      you: { name: 'Cara' },
    });
  });

  it('falls back to the vendor contact when no named contact holds an unanswered section', async () => {
    const { id } = await newAssessment(5);
    await addContact(id, { name: 'Eve', email: 'eve@acme.test' });
    await issue(id);
    const before = sent.length;
    await t.call('POST', '/api/dev/reminders', { token: admin });
    const mails = sent.slice(before).filter((m) => /acme\.test$/.test(m.to));
    expect(mails.map((m) => m.to)).toEqual(['data@acme.test']);
  });
});
