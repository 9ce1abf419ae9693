import { basename } from 'node:path';

/** The name a reference file is shown by: its file name. */
export const referenceName = (file: string): string => basename(file);
