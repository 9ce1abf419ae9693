import { ValidationError } from '../../../lib/errors';

/** Normalizes a due date and refuses one that is not after `now` (400 on `dueAt`). */
export function futureDue(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  if (due.getTime() <= now.getTime()) {
    throw new ValidationError('The due date is in the past.', [
      { path: 'dueAt', message: 'choose a date after today' },
    ]);
  }
  return due.toISOString();
}
