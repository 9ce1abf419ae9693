import type { ContactRef } from '../../core/assessment/contacts';
import type { StaffRole } from '../../core/assessment/types';

/** A verified staff caller. */
export interface StaffIdentity {
  kind: 'staff';
  subject: string;
  email: string;
  role: StaffRole;
  organizationId: string;
  /** Set when the caller is an API token (then `email` reads "token <name>"). */
  token?: { id: string; name: string };
}

/** A verified vendor caller: reaches exactly one assessment. */
export interface VendorIdentity {
  kind: 'vendor';
  organizationId: string;
  assessmentId: string;
  /** Set when the caller opened a named contact's own link (absent on the default link). */
  contact?: ContactRef;
}

/** Verifies a staff bearer token or throws UnauthorizedError. */
export type StaffVerifier = (token: string) => Promise<StaffIdentity>;
