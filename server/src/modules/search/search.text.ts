import { sql, type SQL } from 'drizzle-orm';
import { likeEscape, normalizeText, queryTerms } from '../../lib/normalize.js';
import { col, type KindSpec } from './search.kinds.js';

/**
 * Ranked full text. Records keep a normalised `search_text` (lib/normalize.ts) and a generated
 * `search_tsv = to_tsvector('simple', search_text)` with a GIN index; queries are normalised the
 * same way, so Arabic letter variants, tashkeel, tatweel, Arabic-Indic digits and Latin accents
 * match both ways. The last word matches as a prefix (`tart` finds `tartus`), earlier words whole;
 * quoted text is an exact phrase.
 * When a text search finds nothing, the engine retries in fuzzy mode: each word may also occur
 * anywhere inside a word (trigram-indexed ILIKE) or be misspelt (pg_trgm word similarity).
 */
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

function tokens(term: string): string[] {
  return term.match(TOKEN_RE) ?? [];
}

interface Term {
  /** Normalised text as typed (for ILIKE / similarity in fuzzy mode). */
  raw: string;
  /** to_tsquery text for this term. */
  query: string;
  phrase: boolean;
}

function toTerm(raw: string, phrase: boolean, prefix = !phrase): Term | null {
  const t = tokens(raw);
  if (!t.length) return null;
  const quoted = t.map((x) => `'${x}'`);
  const query = prefix ? `${quoted.join(' <-> ')}:*` : quoted.join(' <-> ');
  return { raw, query: t.length > 1 ? `(${query})` : query, phrase };
}

/** Terms of a `text` value: words (prefix match) and "quoted phrases" (exact). */
export function textTerms(text: string | undefined): Term[] {
  if (!text) return [];
  const phrases = new Set<string>();
  const re = /"([^"]+)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(normalizeText(text))) !== null) if (m[1]) phrases.add(m[1].trim());
  // Whole words, except the last one, which matches as a prefix (as typed). Prefix matching on
  // every word costs a GIN range scan per word; whole-word lookups are much cheaper at scale.
  const list = queryTerms(text);
  return list
    .map((t, i) => toTerm(t, phrases.has(t), !phrases.has(t) && i === list.length - 1))
    .filter((t): t is Term => t !== null);
}

export function phraseTerm(phrase: string | undefined): Term[] {
  if (!phrase) return [];
  const t = toTerm(normalizeText(phrase), true);
  return t ? [t] : [];
}

export function tsquery(terms: Term[], joiner: '&' | '|' = '&'): SQL {
  return sql`to_tsquery('simple', ${terms.map((t) => t.query).join(` ${joiner} `)})`;
}

/** All terms must match. A bare number also matches the record id. */
export function textCondition(spec: KindSpec, terms: Term[], fuzzy: boolean): SQL {
  if (!terms.length) return sql`true`;
  const tsv = col(spec, 'search_tsv');
  const text = col(spec, 'search_text');
  const numeric = terms.filter((t) => /^\d{1,9}$/.test(t.raw));
  if (!fuzzy) {
    const all = sql`${tsv} @@ ${tsquery(terms)}`;
    if (!numeric.length) return all;
    // "123" matches record 123 as well as the word.
    const others = terms.filter((t) => !numeric.includes(t));
    const parts = numeric.map((n) => sql`(${tsv} @@ ${tsquery([n])} or ${col(spec, 'id')} = ${Number(n.raw)})`);
    if (others.length) parts.unshift(sql`${tsv} @@ ${tsquery(others)}`);
    return sql`(${sql.join(parts, sql` and `)})`;
  }
  const parts = terms.map((t) => {
    const alternatives = [sql`${tsv} @@ ${tsquery([t])}`, sql`${text} ilike ${`%${likeEscape(t.raw)}%`}`];
    if (!t.phrase && t.raw.length >= 3) alternatives.push(sql`${t.raw} <% ${text}`);
    if (/^\d{1,9}$/.test(t.raw)) alternatives.push(sql`${col(spec, 'id')} = ${Number(t.raw)}`);
    return sql`(${sql.join(alternatives, sql` or `)})`;
  });
  return sql`(${sql.join(parts, sql` and `)})`;
}

/** Records containing none of the words. */
export function excludeTextCondition(spec: KindSpec, text: string | undefined): SQL {
  const terms = textTerms(text);
  if (!terms.length) return sql`true`;
  return sql`not (${col(spec, 'search_tsv')} @@ ${tsquery(terms, '|')})`;
}

/** Relevance of a record for every positive text term of the request. */
export function rankExpression(spec: KindSpec, terms: Term[], fuzzy: boolean): SQL {
  const base = sql`ts_rank(${col(spec, 'search_tsv')}, ${tsquery(terms, '|')})`;
  if (!fuzzy) return base;
  const sims = terms.map((t) => sql`word_similarity(${t.raw}, ${col(spec, 'search_text')})`);
  return sql`(${base} + ${sql.join(sims, sql` + `)})::real`;
}

export type { Term };
