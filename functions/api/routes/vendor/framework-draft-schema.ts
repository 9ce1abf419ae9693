import { draftMarkdown } from '../../../core/frameworks/draft-markdown';
import type { VendorDraft } from '../../../core/frameworks/vendor-draft';
import * as z from '../../schemas/zod';

const DraftItemSchema = z.object({
  id: z.string(),
  ref: z.string().openapi({ description: 'where the item sits in the text' }),
  title: z.string(),
  status: z.enum(['answered', 'measured', 'to_complete']),
  answers: z.array(
    z.object({
      questionId: z.string(),
      prompt: z.string(),
      text: z.string().openapi({ description: 'your answer as text, never rendered as HTML' }),
    }),
  ),
  measurements: z.array(
    z.object({
      ref: z.string().openapi({ description: 'sample role and measurement (training.records)' }),
      label: z.string(),
      text: z.string().openapi({ description: '"not measured yet" before any analysis' }),
    }),
  ),
  note: z.string().nullable(),
});

/** A vendor's prefilled draft of a framework disclosure. */
export const VendorDraftSchema = z
  .object({
    draft: z.literal(true),
    notice: z
      .string()
      .openapi({ description: 'a draft, not legal advice; when, from which answers' }),
    framework: z.object({
      id: z.string(),
      title: z.string(),
      source: z.object({
        title: z.string(),
        publisher: z.string(),
        date: z.string(),
        url: z.string(),
      }),
    }),
    generatedAt: z.string(),
    answersFrom: z.object({
      version: z.number().int(),
      savedAt: z.string(),
      submittedAt: z.string().nullable(),
    }),
    dataset: z.object({ name: z.string() }),
    vendor: z.object({ name: z.string() }),
    counts: z.object({
      answered: z.number().int(),
      measured: z.number().int(),
      toComplete: z.number().int(),
    }),
    items: z.array(DraftItemSchema),
  })
  .openapi('VendorFrameworkDraft');

/** An AB 2013 draft of two items, one answered and measured, one to complete. */
export const draftExample = {
  draft: true,
  notice:
    'This is a draft, not legal advice. Diligence generated it on 2026-12-05 from your current answers (not yet submitted; last saved 2026-12-04), questionnaire version 7, and the measurements of your uploaded samples. Check every item, complete the ones marked "to complete", and have it reviewed before you publish it.',
  framework: {
    id: 'ca-ab2013',
    title: 'California AB 2013: training data transparency',
    source: {
      title: 'Assembly Bill No. 2013 (2024), Civil Code § 3111',
      publisher: 'California State Legislature',
      date: '2024-09-28',
      url: 'https://leginfo.legislature.ca.gov/faces/billTextClient.xhtml?bill_id=202320240AB2013',
    },
  },
  generatedAt: '2026-12-05T09:00:00.000Z',
  answersFrom: { version: 7, savedAt: '2026-12-04T16:12:00.000Z', submittedAt: null },
  dataset: { name: 'Acme Instructions v3' },
  vendor: { name: 'Acme Data' },
  counts: { answered: 1, measured: 0, toComplete: 1 },
  items: [
    {
      id: 'ab2013-3',
      ref: '§ 3111(a)(3)',
      title: 'Number of data points (ranges may do)',
      status: 'answered',
      answers: [{ questionId: 'record_count', prompt: 'Number of records', text: '1200000' }],
      measurements: [{ ref: 'training.records', label: 'records in the sample', text: '120,000' }],
      note: null,
    },
    {
      id: 'ab2013-11',
      ref: '§ 3111(a)(11)',
      title: 'The dates the datasets were first used in development',
      status: 'to_complete',
      answers: [],
      measurements: [],
      note: "To complete yourself: The model's developer knows when it first used the data; a vendor questionnaire cannot answer it.",
    },
  ],
} satisfies VendorDraft;

/** The same draft as Markdown. */
export const draftMarkdownExample = draftMarkdown(draftExample);
