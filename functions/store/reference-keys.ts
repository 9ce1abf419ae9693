/** The reference scope and key builders, apart from the repository so readers bundle no writes. */

/**
 * The scope that stands in for an assessment id in a reference's storage keys, so a reference
 * uploads to `samples/<org>/references/<id>` and is analyzed exactly like a vendor sample.
 */
export const REFERENCE_SCOPE = 'references';

/** Key builders for references. */
export const referenceKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (referenceId: string) => `REF#${referenceId}`,
  prefix: 'REF#',
  /** The organization's counter of registered references (outside the `REF#` prefix). */
  counter: () => 'COUNT#REFS',
};
