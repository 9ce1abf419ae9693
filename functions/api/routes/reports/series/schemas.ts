import * as z from '../../../schemas/zod';

const Share = z.number().min(0).max(1);
const Severity = z.enum(['info', 'low', 'medium', 'high', 'critical']);

const PointSchema = z
  .object({
    assessmentId: z.string().openapi({ description: 'For links only; not meant to be shown.' }),
    number: z
      .number()
      .int()
      .min(1)
      .openapi({ description: '1 for the first delivery, then 2, 3…' }),
    deliveredAt: z.string(),
    reportVersion: z.number().int().nullable(),
    notMeasured: z
      .string()
      .optional()
      .openapi({ description: 'Why nothing was measured, in words' }),
    records: z.number().int().nullable(),
    diversity: z.object({ distinct2: Share, mattr: Share }).nullable(),
    machineText: z
      .object({
        share: Share,
        interval: z.tuple([Share, Share]),
        evidence: z.enum(['calibrated', 'screening']),
      })
      .nullable(),
    nearDuplicateRate: Share.nullable(),
    sincePrevious: z
      .object({
        overlap: z.object({ exactRate: Share, nearRate: Share }),
        degraded: z.boolean(),
        findings: z.array(z.object({ severity: Severity, message: z.string() })),
        diversity: z.array(
          z.object({
            measure: z.enum(['distinct2', 'mattr']),
            previous: z.number(),
            current: z.number(),
            noise: z.number(),
          }),
        ),
        riskPoints: z.number(),
      })
      .nullable(),
    notCompared: z.string().optional(),
  })
  .openapi('DeliveryPoint');

/** One vendor dataset's deliveries with what each stored report measured. */
export const DeliverySeriesSchema = z
  .object({
    vendor: z.string(),
    dataset: z.string(),
    deliveries: z.array(PointSchema),
    omitted: z.number().int(),
    degradedCount: z.number().int(),
    lastDeliveredAt: z.string(),
  })
  .openapi('DeliverySeries');

/** A page of delivery series. */
export const DeliverySeriesPageSchema = z
  .object({
    items: z.array(DeliverySeriesSchema),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .openapi('DeliverySeriesPage');

/** Paging by dataset: at most 50 per page. */
export const SeriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20).openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).openapi({ example: 0 }),
});

/** The response example: a dataset whose second delivery recycled half of the first. */
export const seriesExample: z.input<typeof DeliverySeriesPageSchema> = {
  items: [
    {
      vendor: 'Acme Data',
      dataset: 'Acme Instructions v3',
      deliveries: [
        {
          assessmentId: '01kb2x7q9m3n4p5r6s7t8v9w0x',
          number: 1,
          deliveredAt: '2026-09-01T10:00:00.000Z',
          reportVersion: 2,
          records: 1200,
          diversity: { distinct2: 0.52, mattr: 0.71 },
          machineText: { share: 0.08, interval: [0.02, 0.19], evidence: 'screening' },
          nearDuplicateRate: 0.01,
          sincePrevious: null,
        },
        {
          assessmentId: '01kb2x9c4d5e6f7g8h9j0k1m2n',
          number: 2,
          deliveredAt: '2026-11-20T09:30:00.000Z',
          reportVersion: 1,
          records: 1250,
          diversity: { distinct2: 0.41, mattr: 0.66 },
          machineText: { share: 0.11, interval: [0.04, 0.23], evidence: 'screening' },
          nearDuplicateRate: 0.02,
          sincePrevious: {
            overlap: { exactRate: 0.48, nearRate: 0.507 },
            degraded: true,
            findings: [
              {
                severity: 'high',
                message:
                  "50.7 % of the new delivery's records repeat records of the previous one (48 % exactly); the limit is 20 %.",
              },
            ],
            diversity: [
              { measure: 'distinct2', previous: 0.523, current: 0.41, noise: 0.003 },
              { measure: 'mattr', previous: 0.71, current: 0.66, noise: 0.004 },
            ],
            riskPoints: 9,
          },
        },
      ],
      omitted: 0,
      degradedCount: 1,
      lastDeliveredAt: '2026-11-20T09:30:00.000Z',
    },
  ],
  total: 1,
  nextOffset: null,
};
