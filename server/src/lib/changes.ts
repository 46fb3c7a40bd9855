/** `{field: {from, to}}` for every field of `patch` whose value differs from `before`; for activity details. */
export function changedFields<T extends object>(
  before: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const to = patch[key];
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[String(key)] = { from, to };
  }
  return out;
}

/** `before` with the defined fields of `patch` applied (an absent or undefined field keeps its value). */
export function withPatch<T extends object>(before: T, patch: Partial<T>): T {
  const out = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
