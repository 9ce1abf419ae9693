import * as z from '../../schemas/zod';
import { FieldOverrides } from './schemas';

/** Example: the fields of a stored JSON Lines file, as GET …/fields lists them. */
export const detectedFieldsExample = {
  recordsRead: 200,
  fields: [
    { path: 'id', present: 1, textLike: false, examples: ['t-1001', 't-1002', 't-1003'] },
    {
      path: 'prompt',
      present: 1,
      textLike: true,
      examples: ['Summarize the customer’s complaint in one sentence.'],
    },
    {
      path: 'body',
      present: 0.99,
      textLike: true,
      examples: ['My order arrived damaged and the box was open when it…'],
    },
    { path: 'category', present: 1, textLike: false, examples: ['billing', 'shipping'] },
  ],
  chosen: { text: 'body', label: 'category', id: 'id' },
  overrides: { text: 'body' },
};

/** The fields of a stored file, and which one each slot reads. */
export const DetectedFieldsSchema = z
  .object({
    recordsRead: z
      .number()
      .int()
      .openapi({ description: 'records read from the head of the file' }),
    fields: z.array(
      z.object({
        path: z.string().openapi({ description: 'the field, as `fields` names it' }),
        present: z.number().openapi({ description: 'share of the records read holding a value' }),
        textLike: z
          .boolean()
          .openapi({ description: 'strings long enough (on average) to be the text' }),
        examples: z.array(z.string()).openapi({
          description:
            'up to 3 values, cut to 80 characters: the uploader’s data, to be shown as plain text only',
        }),
      }),
    ),
    chosen: z.record(z.string(), z.union([z.string(), z.array(z.string())])).openapi({
      description:
        'the field each slot (text, label, source, createdAt, synthetic, …) was read from by the latest analysis (before one: would be read from)',
    }),
    overrides: z
      .record(z.string(), z.string())
      .openapi({ description: 'the fields named by the uploader (the rest are detected)' }),
  })
  .openapi('DetectedFields', { example: detectedFieldsExample });

/** Body of PUT …/fields: the new mapping (slots left out are detected). */
export const ChangeFieldsBody = z
  .strictObject({ fields: FieldOverrides })
  .openapi('ChangeFields', { example: { fields: { text: 'body', label: 'category' } } });
