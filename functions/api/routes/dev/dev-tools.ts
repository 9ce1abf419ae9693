import type { StaffRole } from '../../../core/assessment/types';

/** A demo staff user offered by the local sign-in page. */
export interface DemoUser {
  email: string;
  name: string;
  role: StaffRole;
  organizationId: string;
}

/** Local-only helpers: demo users and a signer for staff tokens. */
export interface DevTools {
  users: DemoUser[];
  signToken(user: { email: string; role: StaffRole; organizationId: string }): Promise<string>;
  /** Moves the whole portal's clock (every organization's reminders, expiry, overdue) by `days` from real time. */
  shiftClock(days: number): void;
}
