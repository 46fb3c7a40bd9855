/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(
  cursor: string | undefined,
  check: (v: unknown) => v is T,
): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

export const isIdCursor = (v: unknown): v is { id: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { id?: unknown }).id);
