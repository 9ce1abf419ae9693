/** The shape of the field-mapping routes' answers (vendor samples and library references alike). */

/** One field of an uploaded file: examples are the uploader's data, shown as plain text only. */
export interface FieldChoice {
  path: string;
  present: number;
  textLike: boolean;
  examples: string[];
}

/** `GET …/fields`: the fields of the stored file and the field each slot reads. */
export interface DetectedFields {
  recordsRead: number;
  fields: FieldChoice[];
  chosen: Record<string, string | string[]>;
  overrides: Record<string, string>;
}

/** The slots a person maps by hand here. */
export type MappedSlot = 'text' | 'label';

/** `PUT …/fields` body: slots left out are detected. */
export type FieldMappingBody = { fields: Partial<Record<MappedSlot, string>> };
