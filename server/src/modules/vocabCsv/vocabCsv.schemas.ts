import { z } from 'zod';
import { CSV_LISTS } from './vocabCsv.lists.js';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export const csvListParams = z.strictObject({ list: z.enum(CSV_LISTS) });

export const csvImportBody = z.strictObject({
  csv: z
    .string()
    .min(1, 'must not be empty')
    .refine((s) => Buffer.byteLength(s, 'utf8') <= MAX_CSV_BYTES, 'must be at most 5 MB'),
});

export interface CsvImportJson {
  list: string;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; message: string }[];
  ignoredColumns: string[];
}
