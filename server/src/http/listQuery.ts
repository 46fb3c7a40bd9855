import { z } from 'zod';

/** Query string shared by every list: `limit` (default 30, max 200), opaque `cursor`, `count`. */
export const listQueryShape = {
  limit: z.coerce.number().int().min(1).max(200).default(30),
  cursor: z.string().max(500).optional(),
  count: z.enum(['exact', 'estimate', 'none']).default('exact'),
};

export interface ListResult<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
  totalIsEstimate?: boolean;
}
