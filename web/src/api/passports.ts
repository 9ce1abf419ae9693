/** Passport links: staff and vendor make and revoke them; anyone with a link reads the summary. */
import { navigate } from '../router';
import { clearStaffSession, staffToken, vendorToken } from '../session';
import { createHttp } from './http';

/** The link made for a passport (the token is shown once). */
export interface PassportLink {
  token: string;
  url: string;
  pageUrl: string;
  createdAt: string;
}

/** Whether a live link exists and what the buyer's policy allows. */
export interface PassportState {
  live: boolean;
  createdAt: string | null;
  approved: boolean;
  vendorMayShare: boolean;
  includeFrameworks: boolean;
}

type Status = 'answered' | 'measured' | 'contradicted' | 'missing';

/** A signed passport (`diligence-passport/1`), as GET /api/passports/{token} returns it. */
export interface SignedPassport {
  format: string;
  assessment: {
    id: string;
    vendor: { name: string };
    dataset: { name: string };
    decision: { decision: 'approve'; at: string };
  };
  organization: { id: string; name?: string };
  report: {
    version: number;
    sha256: string;
    generatedAt: string;
    score: number;
    tier: string;
    maturity: number;
  };
  samples: {
    sampleId?: string;
    role?: string;
    fileName?: string;
    records?: number;
    sha256?: string;
    treeSha256?: string;
  }[];
  frameworks?: {
    id: string;
    title: string;
    counts: Record<Status, number>;
    items: { id: string; title: string; ref: string; status: Status }[];
  }[];
  issuedAt: string;
  signature: { alg: string; kid: string; value: string };
}

/** The calls a passport panel makes, for staff or for the vendor. */
export interface PassportApi {
  state: () => Promise<PassportState>;
  create: () => Promise<PassportLink>;
  revoke: () => Promise<void>;
}

const staffHttp = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const vendorHttp = createHttp(vendorToken);
const publicHttp = createHttp(() => null);

/** `/api/assessments/{id}/passport` for a signed-in staff member. */
export const staffPassportApi = (id: string): PassportApi => {
  const path = `/api/assessments/${encodeURIComponent(id)}/passport`;
  return {
    state: () => staffHttp<PassportState>('GET', path),
    create: () => staffHttp<PassportLink>('POST', path),
    revoke: () => staffHttp<void>('DELETE', path),
  };
};

/** `/api/vendor/passport` for the vendor's link. */
export const vendorPassportApi: PassportApi = {
  state: () => vendorHttp<PassportState>('GET', '/api/vendor/passport'),
  create: () => vendorHttp<PassportLink>('POST', '/api/vendor/passport'),
  revoke: () => vendorHttp<void>('DELETE', '/api/vendor/passport'),
};

/** `GET /api/passports/{token}` without sign-in. */
export const getPublicPassport = (token: string) =>
  publicHttp<SignedPassport>('GET', `/api/passports/${encodeURIComponent(token)}`);
