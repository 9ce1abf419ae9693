import { describe, expect, it } from 'vitest';
import { can, nextStatus, refusal } from '../../../functions/core/assessment/state-machine';

describe('assessment state machine', () => {
  it('follows draft → invited → in_progress → submitted → decided', () => {
    expect(nextStatus('draft', 'invite')).toBe('invited');
    expect(nextStatus('invited', 'save_answers')).toBe('in_progress');
    expect(nextStatus('in_progress', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'approve')).toBe('approved');
    expect(nextStatus('submitted', 'reject')).toBe('rejected');
    expect(nextStatus('submitted', 'request_changes')).toBe('changes_requested');
    expect(nextStatus('changes_requested', 'save_answers')).toBe('in_progress');
  });

  it('locks answers after submission and after a final decision', () => {
    for (const status of ['submitted', 'approved', 'rejected'] as const) {
      expect(can(status, 'save_answers')).toBe(false);
      expect(can(status, 'submit')).toBe(false);
    }
    expect(refusal('submitted', 'save_answers')).toMatch(/locked/);
    expect(refusal('approved', 'save_answers')).toMatch(/re-assessment/);
  });

  it('allows decisions only on submitted assessments', () => {
    for (const status of [
      'draft',
      'invited',
      'in_progress',
      'approved',
      'rejected',
      'changes_requested',
    ] as const) {
      expect(can(status, 'approve')).toBe(false);
      expect(can(status, 'request_changes')).toBe(false);
    }
  });
});

describe('procurement actions', () => {
  it('allows edits only before submission and explains the refusal after it', () => {
    for (const s of ['draft', 'invited', 'in_progress', 'changes_requested'] as const)
      expect(can(s, 'edit')).toBe(true);
    for (const s of ['submitted', 'approved', 'rejected', 'cancelled'] as const)
      expect(can(s, 'edit')).toBe(false);
    expect(refusal('submitted', 'edit')).toMatch(/re-assessment/);
  });

  it('cancels undecided assessments and archives only closed ones', () => {
    expect(nextStatus('in_progress', 'cancel')).toBe('cancelled');
    expect(can('approved', 'cancel')).toBe(false);
    expect(can('cancelled', 'archive')).toBe(true);
    expect(can('submitted', 'archive')).toBe(false);
    expect(nextStatus('approved', 'archive')).toBe('approved');
  });

  it('reminds only while the vendor holds a link', () => {
    expect(can('draft', 'remind')).toBe(false);
    expect(refusal('draft', 'remind')).toMatch(/issue an invitation link first/);
    expect(can('in_progress', 'remind')).toBe(true);
  });
});
