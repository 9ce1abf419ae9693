import * as z from 'zod';

/**
 * Whether the vendor of an approved assessment may share a passport (a public, revocable link to
 * the signed summary), and whether it carries the framework packs' item statuses. Both off by
 * default: an approval is the buyer's finding, so making it public is the buyer's decision.
 */
export const passportPolicySchema = z
  .strictObject({
    vendorMayShare: z
      .boolean({ error: 'Use true (the vendor may share a passport) or false.' })
      .default(false),
    includeFrameworks: z
      .boolean({ error: 'Use true (passports list framework item statuses) or false.' })
      .default(false),
  })
  .prefault({});

/** A validated passport policy. */
export type PassportPolicy = z.output<typeof passportPolicySchema>;
