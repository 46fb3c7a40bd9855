/**
 * Search normalisation shared by every text index and every query (records and pickers):
 * Arabic letter variants folded, diacritics/tashkeel/tatweel removed, Arabic-Indic digits
 * to 0–9, Latin case and accents folded. Done in TypeScript so PGlite and PostgreSQL
 * index exactly the same text.
 */
const ARABIC_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
};
const ARABIC_FOLD_RE = /[أإآٱىةؤئ]/g;
// Tashkeel (U+064B–U+065F, U+0670), Quranic marks, and tatweel (U+0640).
const TASHKEEL_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const COMBINING_RE = /\p{M}/gu;

function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

export function normalizeText(input: string): string {
  if (!input) return '';
  let s = input.replace(ARABIC_FOLD_RE, (ch) => ARABIC_FOLDS[ch] ?? ch);
  s = s.replace(TASHKEEL_RE, '');
  // NFD splits "ţ" into "t" + a combining mark; dropping marks folds Latin accents.
  s = s.normalize('NFKD').replace(COMBINING_RE, '');
  s = foldDigits(s).toLowerCase();
  // Recompose what remains (Arabic letters are unaffected) and squeeze whitespace.
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Words of a query, normalised; quoted phrases are kept whole. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  let m: RegExpExecArray | null;
  const q = normalizeText(query);
  while ((m = re.exec(q)) !== null) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

/** Builds one normalised search string from many fields (nulls skipped). */
export function searchTextOf(parts: (string | null | undefined | number)[]): string {
  return normalizeText(
    parts
      .filter((p) => p !== null && p !== undefined && p !== '')
      .map(String)
      .join(' \u2063 '),
  );
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Removes HTML tags for indexing rich text. */
export function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
