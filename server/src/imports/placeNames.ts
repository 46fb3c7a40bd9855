/** Cleaning of place names from outside gazetteers. */

// Bidirectional marks (LRM, RLM, embeddings) that some sources leave inside Arabic names.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanName(raw: string | null | undefined): string {
  return (raw ?? '').replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();
}

/** "ALEPPO" and "zamalka" become "Aleppo" and "Zamalka"; mixed-case names are left alone. */
export function tidyCase(name: string): string {
  if (name !== name.toUpperCase() && name !== name.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s\-'(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Transliterated Syrian administrative suffixes: "Daraya mantiqah" is Daraya district,
 * "Harasta nahiyah" Harasta subdistrict. Returns the bare name and the admin level code.
 */
export function splitAdminSuffix(name: string): { name: string; level: number | null } {
  const m = /^(.*\S)\s+(mantiqah|mantiqa|nahiyah|nahiya)$/i.exec(name);
  if (!m) return { name, level: null };
  return { name: m[1] ?? name, level: /^mantiq/i.test(m[2] ?? '') ? 2 : 3 };
}
