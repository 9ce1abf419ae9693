import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../web/src/api/types';
import {
  actorWords,
  describeEvent,
  listWords,
  statusMove,
} from '../../../web/src/pages/staff/audit-sentences';

const ctx = {
  questionTitles: new Map([
    ['synthetic_share_percent', 'Synthetic share'],
    ['label_audit', 'Label audits'],
  ]),
};
const event = (
  type: string,
  detail: Record<string, unknown>,
  role = 'procurement',
): AuditEvent => ({
  id: '1',
  at: '2026-11-28T10:00:00.000Z',
  actor: 'pat@demo.test',
  role,
  type,
  detail,
});
const internal = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;

describe('audit sentences', () => {
  it('names saved questions by their titles, never by id', () => {
    const text = describeEvent(
      event('save_answers', { questions: ['synthetic_share_percent', 'label_audit'] }, 'vendor'),
      ctx,
    );
    expect(text).toBe('Saved 2 answers: “Synthetic share” and “Label audits”.');
  });

  it('writes an invitation as a sentence with the recipient and expiry', () => {
    const text = describeEvent(
      event('invite', {
        from: 'draft',
        to: 'invited',
        expiresAt: '2026-12-28T10:00:00.000Z',
        replacedEarlier: false,
        sentTo: 'data@acme.test',
      }),
      ctx,
    );
    expect(text).toBe(
      'Issued the invitation link and e-mailed it to data@acme.test; it expires on 2026-12-28.',
    );
    expect(text).not.toMatch(internal);
  });

  it('lists each edited field with old and new values in words', () => {
    const text = describeEvent(
      event('edit', {
        changes: [
          { field: 'vendor.contactEmail', from: 'a@x.test', to: 'b@x.test' },
          { field: 'dueAt', from: '2026-12-01T23:59:59.000Z', to: '2027-01-15T23:59:59.000Z' },
        ],
      }),
      ctx,
    );
    expect(text).toBe(
      'Changed the vendor contact e-mail from “a@x.test” to “b@x.test” and the due date from 2026-12-01 to 2027-01-15.',
    );
  });

  it('reads every known event type without internal names', () => {
    const samples: AuditEvent[] = [
      event('create', { status: 'draft', reassessmentOf: 'x' }),
      event('revoke', {}),
      event('remind', { to: 'data@acme.test' }),
      event('submit', { from: 'in_progress', to: 'submitted' }, 'vendor'),
      event('request_changes', { decision: 'request_changes', comments: 2 }, 'governance'),
      event('scored', { version: 2, score: 41.6, tier: 'moderate' }, 'system'),
      event('cancel', { reason: 'Project stopped', linkRevoked: true }),
      event('archive', {}),
      event('sample_deleted', { fileName: 'a.jsonl' }, 'vendor'),
    ];
    for (const e of samples) expect(describeEvent(e, ctx)).not.toMatch(internal);
    expect(describeEvent(samples[5] as AuditEvent, ctx)).toBe(
      'Scored the report (version 2): 42 of 100, moderate risk.',
    );
    expect(describeEvent(samples[8] as AuditEvent, ctx)).toBe(
      'Deleted the training sample “a.jsonl”.',
    );
  });

  it('reads the delivery-contract events as sentences, with the exception date and reason', () => {
    const samples = [
      event(
        'contract.checked',
        { held: false, broken: [{ metric: 'compare.overlap.nearRate' }] },
        'system',
      ),
      event('contract.checked', { held: true, broken: [] }, 'system'),
      event(
        'remediation.exception',
        { reason: 'Feed ships next month.', until: '2026-12-15T00:00:00.000Z' },
        'governance',
      ),
      event('remediation.commented', { itemId: 'condition-0' }, 'vendor'),
      event('remediation.updated', { itemId: 'condition-0', status: 'in_progress' }, 'governance'),
      event('remediation.something_new', {}, 'governance'),
    ];
    const words = samples.map((e) => describeEvent(e, ctx));
    for (const w of words) expect(w).not.toMatch(internal);
    for (const w of words) expect(w).not.toMatch(/\w\.\w/);
    expect(words[0]).toBe(
      'Checked the delivery against the approved contract: 1 condition broken.',
    );
    expect(words[2]).toMatch(
      /^Accepted a broken condition by exception until .+: “Feed ships next month\.”\.$/,
    );
    expect(words[4]).toBe('Updated a remediation item (status in progress).');
  });

  it('names the files of uploads, replacements, deletions, mapping changes and scores', () => {
    const old = { fileName: 'old.jsonl', role: 'training', sha256: 'aa'.repeat(32) };
    const neu = { fileName: 'data.jsonl', role: 'training', sha256: 'bb'.repeat(32) };
    const upload = describeEvent(
      event(
        'sample_registered',
        {
          fileName: 'data.jsonl',
          role: 'training',
          replaces: [old],
          fields: { text: 'body' },
          fieldsBefore: {},
        },
        'vendor',
      ),
      ctx,
    );
    expect(upload).toBe(
      'Uploaded “data.jsonl” as the training sample to replace “old.jsonl” (SHA-256 aaaaaaaaaaaa…); changed the field mapping from detected automatically to text from “body”.',
    );
    const remapped = describeEvent(
      event(
        'sample_fields_changed',
        { ...neu, fields: { text: 'answer' }, fieldsBefore: { text: 'prompt' } },
        'vendor',
      ),
      ctx,
    );
    expect(remapped).toBe(
      'Changed the field mapping of the training sample “data.jsonl” (SHA-256 bbbbbbbbbbbb…) from text from “prompt” to text from “answer”; the stored file is analyzed again (no new upload).',
    );
    expect(describeEvent(event('sample_deleted', { ...neu, analyzed: true }, 'vendor'), ctx)).toBe(
      'Deleted the training sample “data.jsonl” (SHA-256 bbbbbbbbbbbb…); the report is scored again without it.',
    );
    const scored = describeEvent(
      event(
        'scored',
        {
          version: 3,
          score: 27,
          tier: 'moderate',
          files: [neu],
          fileChanges: [{ role: 'training', change: 'replaced', from: old, to: neu }],
        },
        'system',
      ),
      ctx,
    );
    expect(scored).toContain(
      'What changed: new training sample “data.jsonl” (SHA-256 bbbbbbbbbbbb…) replaced “old.jsonl” (SHA-256 aaaaaaaaaaaa…).',
    );
    for (const text of [upload, scored]) expect(text).not.toMatch(internal);
  });

  it('shows the status move and the actor in words', () => {
    expect(statusMove(event('submit', { from: 'in_progress', to: 'submitted' }))).toBe(
      'In progress → Submitted',
    );
    expect(actorWords(event('scored', {}, 'system'))).toBe('Diligence (automatic)');
    expect(listWords(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
});
