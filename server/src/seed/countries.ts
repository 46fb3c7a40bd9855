import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { repoRoot } from '../config.js';

export interface CountryTerm {
  title: string;
  titleAr: string;
  /** ISO 3166-1 numeric code. */
  code: number;
  /** ISO 3166-1 alpha-2, for matching other spellings of the name. */
  alpha2: string;
}

/** Short English names we prefer to the ISO official ones ("Syria", not "Syrian Arab Republic"). */
function shortNames(): Record<string, string> {
  return JSON.parse(readFileSync(join(repoRoot, 'data', 'vocab', 'country-names.json'), 'utf8')) as Record<
    string,
    string
  >;
}

/** Every ISO 3166 country with English and Arabic names from the i18n-iso-countries package. */
export function countryTerms(): CountryTerm[] {
  const en = countries.getNames('en');
  const ar = countries.getNames('ar');
  const preferred = shortNames();
  return Object.keys(en)
    .map((alpha2) => ({
      alpha2,
      title: preferred[alpha2] ?? en[alpha2] ?? alpha2,
      titleAr: ar[alpha2] ?? '',
      code: Number(countries.alpha2ToNumeric(alpha2)),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

/**
 * The alpha-2 code for an English country name in any spelling the package knows (official,
 * short, aliases) or our preferred short name; undefined when unknown.
 */
export function alpha2OfName(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const preferred = shortNames();
  for (const [code, short] of Object.entries(preferred)) if (short.toLowerCase() === wanted) return code;
  const all = countries.getNames('en', { select: 'all' });
  for (const [code, names] of Object.entries(all)) {
    if (names.some((n) => n.toLowerCase() === wanted)) return code;
  }
  // Bayanat writes some names with the common form in parentheses: "Burma (Myanmar)".
  const inner = /\(([^)]+)\)/.exec(name)?.[1];
  return inner ? alpha2OfName(inner) : undefined;
}
