import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  actorProfileLabels,
  actorProfiles,
  actorProfileSources,
  actorProfileVerifiedLabels,
  labels,
  missingPersonDetails,
  sources,
} from '../../db/schema/index.js';
import { parseDateInput } from '../../lib/dates.js';
import { sanitizeRichText } from '../../lib/sanitizeHtml.js';
import { groupByOwner, replaceLinkRows, type LinkTable } from '../records/records.links.js';
import type { TermRef } from '../records/records.types.js';
import type { MissingPersonInput, ProfileInput } from './actors.schemas.js';

export type ProfileRow = typeof actorProfiles.$inferSelect;
export type MissingPersonRow = typeof missingPersonDetails.$inferSelect;

export interface ProfileAggregate {
  row: ProfileRow;
  sources: TermRef[];
  labels: TermRef[];
  verifiedLabels: TermRef[];
  missingPerson: MissingPersonRow | null;
}

const profileLinks = {
  sources: {
    table: actorProfileSources,
    owner: actorProfileSources.profileId,
    ownerKey: 'profileId',
    targetKey: 'targetId',
  },
  labels: {
    table: actorProfileLabels,
    owner: actorProfileLabels.profileId,
    ownerKey: 'profileId',
    targetKey: 'targetId',
  },
  verifiedLabels: {
    table: actorProfileVerifiedLabels,
    owner: actorProfileVerifiedLabels.profileId,
    ownerKey: 'profileId',
    targetKey: 'targetId',
  },
} satisfies Record<string, LinkTable>;

/** Profiles of many actors, with their sources, labels and missing-person details, in four queries. */
export async function loadProfiles(db: Db, actorIds: number[]): Promise<Map<number, ProfileAggregate[]>> {
  const out = new Map<number, ProfileAggregate[]>();
  if (!actorIds.length) return out;
  const profiles = await db
    .select({ row: actorProfiles, missing: missingPersonDetails })
    .from(actorProfiles)
    .leftJoin(missingPersonDetails, eq(missingPersonDetails.profileId, actorProfiles.id))
    .where(inArray(actorProfiles.actorId, actorIds))
    .orderBy(asc(actorProfiles.sortOrder), asc(actorProfiles.id));
  const ids = profiles.map((p) => p.row.id);
  if (!ids.length) return out;
  const [src, lab, vlab] = await Promise.all([
    db
      .select({
        ownerId: actorProfileSources.profileId,
        id: sources.id,
        title: sources.title,
        titleAr: sources.titleAr,
      })
      .from(actorProfileSources)
      .innerJoin(sources, eq(sources.id, actorProfileSources.targetId))
      .where(inArray(actorProfileSources.profileId, ids))
      .orderBy(asc(sources.title)),
    db
      .select({ ownerId: actorProfileLabels.profileId, id: labels.id, title: labels.title, titleAr: labels.titleAr })
      .from(actorProfileLabels)
      .innerJoin(labels, eq(labels.id, actorProfileLabels.targetId))
      .where(inArray(actorProfileLabels.profileId, ids))
      .orderBy(asc(labels.title)),
    db
      .select({
        ownerId: actorProfileVerifiedLabels.profileId,
        id: labels.id,
        title: labels.title,
        titleAr: labels.titleAr,
      })
      .from(actorProfileVerifiedLabels)
      .innerJoin(labels, eq(labels.id, actorProfileVerifiedLabels.targetId))
      .where(inArray(actorProfileVerifiedLabels.profileId, ids))
      .orderBy(asc(labels.title)),
  ]);
  const [srcM, labM, vlabM] = [groupByOwner(src), groupByOwner(lab), groupByOwner(vlab)];
  for (const p of profiles) {
    const agg: ProfileAggregate = {
      row: p.row,
      sources: srcM.get(p.row.id) ?? [],
      labels: labM.get(p.row.id) ?? [],
      verifiedLabels: vlabM.get(p.row.id) ?? [],
      missingPerson: p.row.mode === 'missing' ? p.missing : null,
    };
    const list = out.get(p.row.actorId);
    if (list) list.push(agg);
    else out.set(p.row.actorId, [agg]);
  }
  return out;
}

/** Ids of the profiles an actor has now (to tell kept profiles from foreign ids). */
export async function profileIdsOf(db: Db, actorId: number): Promise<Set<number>> {
  const found = await db.select({ id: actorProfiles.id }).from(actorProfiles).where(eq(actorProfiles.actorId, actorId));
  return new Set(found.map((r) => r.id));
}

const dateOrNull = (v: string | null | undefined) => (v ? parseDateInput(v) : null);

function profileValues(p: ProfileInput, sortOrder: number) {
  return {
    mode: p.mode,
    originId: p.originId ?? '',
    description: sanitizeRichText(p.description ?? ''),
    sourceLink: p.sourceLink ?? '',
    publishDate: dateOrNull(p.publishDate),
    documentationDate: dateOrNull(p.documentationDate),
    sortOrder,
  };
}

/** The stored row of a missing-person form; omitted answers are empty. */
function missingValues(profileId: number, m: MissingPersonInput): typeof missingPersonDetails.$inferInsert {
  return { ...m, profileId };
}

/**
 * Replaces an actor's profiles with `list`: a profile with an id (already checked to belong to
 * this actor) is updated in place, one without is inserted, and the rest are deleted.
 */
export async function replaceProfiles(tx: Db, actorId: number, list: ProfileInput[]): Promise<void> {
  const kept = list.flatMap((p) => (p.id ? [p.id] : []));
  await tx
    .delete(actorProfiles)
    .where(
      kept.length
        ? and(eq(actorProfiles.actorId, actorId), notInArray(actorProfiles.id, kept))
        : eq(actorProfiles.actorId, actorId),
    );
  for (const [i, p] of list.entries()) {
    let profileId: number;
    if (p.id) {
      profileId = p.id;
      await tx.update(actorProfiles).set(profileValues(p, i)).where(eq(actorProfiles.id, p.id));
      await tx.delete(missingPersonDetails).where(eq(missingPersonDetails.profileId, p.id));
    } else {
      const [row] = await tx
        .insert(actorProfiles)
        .values({ actorId, ...profileValues(p, i) })
        .returning({ id: actorProfiles.id });
      if (!row) throw new Error('insert returned no row');
      profileId = row.id;
    }
    if (p.mode === 'missing')
      await tx.insert(missingPersonDetails).values(missingValues(profileId, p.missingPerson ?? {}));
    await replaceLinkRows(tx, profileLinks.sources, profileId, p.sources ?? []);
    await replaceLinkRows(tx, profileLinks.labels, profileId, p.labels ?? []);
    await replaceLinkRows(tx, profileLinks.verifiedLabels, profileId, p.verifiedLabels ?? []);
  }
}
