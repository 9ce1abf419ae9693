/** Where this tab keeps its credentials: sessionStorage, so closing the tab signs out. */
const STAFF_KEY = 'diligence.staffToken';
const VENDOR_KEY = 'diligence.vendorToken';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage can be disabled; the session then lasts as long as the page.
  }
}

/** The staff JWT, or null when signed out. */
export const staffToken = (): string | null => read(STAFF_KEY);

/** Stores the staff JWT after sign-in. */
export const setStaffToken = (token: string): void => write(STAFF_KEY, token);

/** Signs the staff user out of this tab. */
export const clearStaffSession = (): void => write(STAFF_KEY, null);

/** The vendor's invitation token, or null when this tab has none. */
export const vendorToken = (): string | null => read(VENDOR_KEY);

/** Keeps the invitation token for this tab. */
export const setVendorToken = (token: string): void => write(VENDOR_KEY, token);

/**
 * Moves `#token=…` from the address into sessionStorage and removes it from the address bar and
 * history, so the token does not linger in screenshots, bookmarks or shared links.
 */
export function captureVendorTokenFromHash(): void {
  const hash = window.location.hash.replace(/^#/, '');
  const token = new URLSearchParams(hash).get('token');
  if (!token) return;
  setVendorToken(token);
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
}
