import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { eventTypes, labels, relationTypes, sources, vocabTerms } from '../db/schema/index.js';
import { normalizeText, searchTextOf } from '../lib/normalize.js';
import { BAYANAT_INFO_PAIRS, RELATION_PAIRS, type RelationPair } from '../modules/relationTypes/relationPairs.js';
import type { VocabKind } from '../modules/vocabTerms/vocabKinds.js';
import { alpha2OfName } from '../seed/countries.js';
import countries from 'i18n-iso-countries';
import { pick, readCsv, truthy } from './csv.js';
import { emptyReport, type ImportReport } from './report.js';
import { byDepth } from './treeImport.js';

const key = (...parts: (string | number | boolean | null)[]) =>
  parts.map((p) => (typeof p === 'string' ? normalizeText(p) : String(p))).join('|');
const titleOf = (values: Record<string, string>) => pick(values, 'title').replace(/\s+/g, ' ');

/**
 * Bayanat's label.csv: hierarchical labels whose `parent_label_id` refers to ids in the same
 * file. A label that already exists at the same place (title, parent, verified) is kept.
 */
export async function importLabels(tx: Db, file: string): Promise<ImportReport> {
  const report = emptyReport('labels', file);
  const { records } = readCsv(file);
  const existing = await tx
    .select({ id: labels.id, title: labels.title, parentId: labels.parentId, verified: labels.verified })
    .from(labels);
  const known = new Map(existing.map((l) => [key(l.parentId ?? 0, l.verified, l.title), l.id]));
  const { levels, failed } = byDepth(records, 'id', 'parent_label_id');
  report.failed.push(...failed);
  const ourId = new Map<string, number>();
  for (const level of levels) {
    const toInsert: (typeof labels.$inferInsert & { fileId: string })[] = [];
    for (const r of level) {
      const title = titleOf(r.values);
      const fileId = (r.values.id ?? '').trim();
      if (!title) {
        report.failed.push({ row: r.line, reason: 'title is empty' });
        continue;
      }
      const parentFileId = (r.values.parent_label_id ?? '').trim();
      const parentId = parentFileId && parentFileId !== fileId ? ourId.get(parentFileId) : null;
      if (parentId === undefined) {
        report.failed.push({ row: r.line, reason: `parent ${parentFileId} could not be imported` });
        continue;
      }
      const verified = truthy(r.values.verified);
      const found = known.get(key(parentId ?? 0, verified, title));
      if (found !== undefined) {
        ourId.set(fileId, found);
        report.present++;
        continue;
      }
      const titleAr = pick(r.values, 'title_ar', 'title_tr');
      known.set(key(parentId ?? 0, verified, title), -1);
      toInsert.push({
        fileId,
        title,
        titleAr,
        parentId,
        verified,
        sortOrder: Number.parseInt(r.values.order ?? '', 10) || 0,
        forBulletin: truthy(r.values.for_bulletin),
        forActor: truthy(r.values.for_actor),
        forIncident: truthy(r.values.for_incident),
        forOffline: truthy(r.values.for_offline),
        comments: pick(r.values, 'comments'),
        searchText: searchTextOf([title, titleAr]),
      });
    }
    if (toInsert.length === 0) continue;
    const inserted = await tx
      .insert(labels)
      .values(toInsert.map(({ fileId: _fileId, ...v }) => v))
      .returning({ id: labels.id, title: labels.title, parentId: labels.parentId, verified: labels.verified });
    // Match returned rows back by their natural key, which is unique.
    const idByKey = new Map(inserted.map((l) => [key(l.parentId ?? 0, l.verified, l.title), l.id]));
    for (const v of toInsert) {
      const id = idByKey.get(key(v.parentId ?? 0, v.verified ?? false, v.title));
      if (id !== undefined) {
        ourId.set(v.fileId, id);
        known.set(key(v.parentId ?? 0, v.verified ?? false, v.title), id);
      }
    }
    report.created += inserted.length;
  }
  return report;
}

/** Sources CSV: id, title, title_ar, source_type, comments, parent_id (ids within the file). */
export async function importSources(tx: Db, file: string): Promise<ImportReport> {
  const report = emptyReport('sources', file);
  const { records } = readCsv(file);
  const existing = await tx.select({ id: sources.id, title: sources.title, parentId: sources.parentId }).from(sources);
  const known = new Map(existing.map((s) => [key(s.parentId ?? 0, s.title), s.id]));
  const { levels, failed } = byDepth(records, 'id', 'parent_id');
  report.failed.push(...failed);
  const ourId = new Map<string, number>();
  for (const level of levels) {
    for (const r of level) {
      const title = titleOf(r.values);
      const fileId = (r.values.id ?? '').trim();
      if (!title) {
        report.failed.push({ row: r.line, reason: 'title is empty' });
        continue;
      }
      const parentFileId = (r.values.parent_id ?? '').trim();
      const parentId = parentFileId && parentFileId !== fileId ? ourId.get(parentFileId) : null;
      if (parentId === undefined) {
        report.failed.push({ row: r.line, reason: `parent ${parentFileId} could not be imported` });
        continue;
      }
      const found = known.get(key(parentId ?? 0, title));
      if (found !== undefined) {
        ourId.set(fileId, found);
        report.present++;
        continue;
      }
      const titleAr = pick(r.values, 'title_ar', 'title_tr');
      const [row] = await tx
        .insert(sources)
        .values({
          title,
          titleAr,
          parentId,
          sourceType: pick(r.values, 'source_type'),
          comments: pick(r.values, 'comments'),
          searchText: searchTextOf([title, titleAr]),
        })
        .returning({ id: sources.id });
      if (row) {
        ourId.set(fileId, row.id);
        known.set(key(parentId ?? 0, title), row.id);
        report.created++;
      }
    }
  }
  return report;
}

/** Bayanat's eventtypes.csv: title, title_ar, comments, for_actor, for_bulletin, for_incident. */
export async function importEventTypes(tx: Db, file: string): Promise<ImportReport> {
  const report = emptyReport('event-types', file);
  const existing = await tx.select({ title: eventTypes.title }).from(eventTypes);
  const known = new Set(existing.map((e) => key(e.title)));
  for (const r of readCsv(file).records) {
    const title = titleOf(r.values);
    if (!title) {
      report.failed.push({ row: r.line, reason: 'title is empty' });
      continue;
    }
    if (known.has(key(title))) {
      report.present++;
      continue;
    }
    const titleAr = pick(r.values, 'title_ar', 'title_tr');
    await tx.insert(eventTypes).values({
      title,
      titleAr,
      comments: pick(r.values, 'comments'),
      forActor: truthy(r.values.for_actor),
      forBulletin: truthy(r.values.for_bulletin),
      forIncident: truthy(r.values.for_incident),
      searchText: searchTextOf([title, titleAr]),
    });
    known.add(key(title));
    report.created++;
  }
  return report;
}

/** The pair a Bayanat relation-info file is for, from its name ("atoa_info.csv" → actor-actor). */
export function pairOfFile(file: string): RelationPair | undefined {
  const prefix = /^([a-z]to[a-z])_info/i.exec(basename(file))?.[1]?.toLowerCase();
  return prefix ? BAYANAT_INFO_PAIRS[prefix] : undefined;
}

export function parsePair(value: string | undefined): RelationPair | undefined {
  return (RELATION_PAIRS as readonly string[]).includes(value ?? '') ? (value as RelationPair) : undefined;
}

/**
 * Bayanat's *_info.csv. Directional actor-actor types appear in both orders (Parent/Child and
 * Child/Parent); they fold into one type with title and reverse title, so a row whose
 * reverse already exists counts as present.
 */
export async function importRelationTypes(tx: Db, file: string, pair: RelationPair): Promise<ImportReport> {
  const report = emptyReport(`relation-types (${pair})`, file);
  const existing = await tx
    .select({ title: relationTypes.title, reverseTitle: relationTypes.reverseTitle })
    .from(relationTypes)
    .where(eq(relationTypes.pair, pair));
  const known = new Set<string>();
  const remember = (title: string, reverse: string) => {
    known.add(key(title, reverse || title));
    known.add(key(reverse || title, title));
    known.add(key(title, '*'));
  };
  for (const e of existing) remember(e.title, e.reverseTitle);
  for (const r of readCsv(file).records) {
    const title = titleOf(r.values);
    if (!title) {
      report.failed.push({ row: r.line, reason: 'title is empty' });
      continue;
    }
    const reverseTitle = pick(r.values, 'reverse_title') || title;
    if (known.has(key(title, reverseTitle)) || (reverseTitle === title && known.has(key(title, '*')))) {
      report.present++;
      continue;
    }
    if (known.has(key(title, '*'))) {
      report.failed.push({
        row: r.line,
        reason: `"${title}" already exists for ${pair} with a different reverse title`,
      });
      continue;
    }
    const titleAr = pick(r.values, 'title_ar', 'title_tr');
    const reverseTitleAr = pick(r.values, 'reverse_title_ar', 'reverse_title_tr') || titleAr;
    await tx.insert(relationTypes).values({
      pair,
      title,
      reverseTitle,
      titleAr,
      reverseTitleAr,
      searchText: searchTextOf([title, reverseTitle, titleAr, reverseTitleAr]),
    });
    remember(title, reverseTitle);
    report.created++;
  }
  return report;
}

/**
 * A small lookup list (title, title_ar/title_tr). Countries match our seeded ISO list by any
 * English spelling of the name, so "Syria" and "Burma (Myanmar)" find their rows.
 */
export async function importVocabTerms(tx: Db, kind: VocabKind, file: string): Promise<ImportReport> {
  const report = emptyReport(kind, file);
  const existing = await tx
    .select({ title: vocabTerms.title, code: vocabTerms.code })
    .from(vocabTerms)
    .where(eq(vocabTerms.kind, kind));
  const known = new Set(existing.map((t) => key(t.title)));
  const codes = new Set(existing.map((t) => t.code).filter((c): c is number => c !== null));
  let order = existing.length;
  for (const r of readCsv(file).records) {
    const title = titleOf(r.values);
    if (!title) {
      report.failed.push({ row: r.line, reason: 'title is empty' });
      continue;
    }
    const alpha2 = kind === 'countries' ? alpha2OfName(title) : undefined;
    const code = alpha2 ? Number(countries.alpha2ToNumeric(alpha2)) : null;
    if (known.has(key(title)) || (code !== null && codes.has(code))) {
      report.present++;
      continue;
    }
    const titleAr = pick(r.values, 'title_ar', 'title_tr');
    await tx
      .insert(vocabTerms)
      .values({ kind, title, titleAr, code, sortOrder: ++order, searchText: searchTextOf([title, titleAr]) });
    known.add(key(title));
    if (code !== null) codes.add(code);
    report.created++;
  }
  return report;
}
