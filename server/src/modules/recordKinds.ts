import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../db/client.js';
import { actors, bulletins, incidents } from '../db/schema/index.js';
import type { ActingUser } from '../http/actingUser.js';
import { visibleActors } from './actors/actors.policy.js';
import { actorBodyFromSnapshot } from './actors/actors.restore.js';
import { actorUpdateBody } from './actors/actors.schemas.js';
import { getActor, loadVisibleActor, recordActorChange, updateActor } from './actors/actors.service.js';
import { visibleBulletins } from './bulletins/bulletins.policy.js';
import { bulletinBodyFromSnapshot } from './bulletins/bulletins.restore.js';
import { bulletinUpdateBody } from './bulletins/bulletins.schemas.js';
import {
  getBulletin,
  loadVisibleBulletin,
  recordBulletinChange,
  updateBulletin,
} from './bulletins/bulletins.service.js';
import { visibleIncidents } from './incidents/incidents.policy.js';
import { incidentBodyFromSnapshot } from './incidents/incidents.restore.js';
import { incidentUpdateBody } from './incidents/incidents.schemas.js';
import {
  getIncident,
  loadVisibleIncident,
  recordIncidentChange,
  updateIncident,
} from './incidents/incidents.service.js';
import type { WorkflowState } from './records/records.policy.js';
import type { RecordAction } from './records/records.snapshot.js';
import type { RecordKind } from './records/records.types.js';
import type { Performer } from './users/users.service.js';

type UpdateOpts = { action?: RecordAction; details?: Record<string, unknown> };

/**
 * What history and relations need to know about each record kind, in one table, so those
 * modules handle bulletins, actors and incidents with the same code.
 */
export interface RecordKindModule {
  kind: RecordKind;
  /** URL segment and response key: "bulletins", "actors", "incidents". */
  plural: 'bulletins' | 'actors' | 'incidents';
  noun: string;
  table: PgTable;
  idColumn: PgColumn;
  deletedColumn: PgColumn;
  /** Display title of the record as SQL over its table (an actor with only Arabic names shows those). */
  title: SQL;
  titleAr: SQL;
  groupsTable: string;
  groupsRecordColumn: string;
  visible(actor: ActingUser): SQL;
  /** The record's workflow state if the user may see it; 404 otherwise. */
  loadState(db: Db, actor: ActingUser, id: number): Promise<WorkflowState & { profileIds?: Set<number> }>;
  get(db: Db, actor: ActingUser, id: number): Promise<unknown>;
  updateBody: z.ZodType;
  update(db: Db, actor: ActingUser, id: number, body: never, opts: UpdateOpts): Promise<unknown>;
  bodyFromSnapshot(snapshot: Record<string, unknown>, state: { profileIds?: Set<number> }): Record<string, unknown>;
  recordChange(
    tx: Db,
    by: Performer,
    id: number,
    action: RecordAction,
    comment: string,
    details: Record<string, unknown>,
  ): Promise<void>;
}

export const RECORD_KIND_MODULES: Record<RecordKind, RecordKindModule> = {
  bulletin: {
    kind: 'bulletin',
    plural: 'bulletins',
    noun: 'bulletin',
    table: bulletins,
    idColumn: bulletins.id,
    deletedColumn: bulletins.deleted,
    title: sql`${bulletins.title}`,
    titleAr: sql`${bulletins.titleAr}`,
    groupsTable: 'bulletin_groups',
    groupsRecordColumn: 'bulletin_id',
    visible: visibleBulletins,
    loadState: async (db, actor, id) => (await loadVisibleBulletin(db, actor, id)).row,
    get: getBulletin,
    updateBody: bulletinUpdateBody,
    update: (db, actor, id, body, opts) => updateBulletin(db, actor, id, body, opts),
    bodyFromSnapshot: (s) => bulletinBodyFromSnapshot(s),
    recordChange: recordBulletinChange,
  },
  actor: {
    kind: 'actor',
    plural: 'actors',
    noun: 'actor',
    table: actors,
    idColumn: actors.id,
    deletedColumn: actors.deleted,
    title: sql`coalesce(nullif(${actors.name}, ''), nullif(${actors.nameAr}, ''), nullif(${actors.nickname}, ''), nullif(${actors.nicknameAr}, ''), 'Actor ' || ${actors.id})`,
    titleAr: sql`${actors.nameAr}`,
    groupsTable: 'actor_groups',
    groupsRecordColumn: 'actor_id',
    visible: visibleActors,
    loadState: async (db, actor, id) => {
      const agg = await loadVisibleActor(db, actor, id);
      return { ...agg.row, profileIds: new Set(agg.profiles.map((p) => p.row.id)) };
    },
    get: getActor,
    updateBody: actorUpdateBody,
    update: (db, actor, id, body, opts) => updateActor(db, actor, id, body, opts),
    bodyFromSnapshot: (s, state) => actorBodyFromSnapshot(s, state.profileIds ?? new Set()),
    recordChange: recordActorChange,
  },
  incident: {
    kind: 'incident',
    plural: 'incidents',
    noun: 'incident',
    table: incidents,
    idColumn: incidents.id,
    deletedColumn: incidents.deleted,
    title: sql`${incidents.title}`,
    titleAr: sql`${incidents.titleAr}`,
    groupsTable: 'incident_groups',
    groupsRecordColumn: 'incident_id',
    visible: visibleIncidents,
    loadState: async (db, actor, id) => (await loadVisibleIncident(db, actor, id)).row,
    get: getIncident,
    updateBody: incidentUpdateBody,
    update: (db, actor, id, body, opts) => updateIncident(db, actor, id, body, opts),
    bodyFromSnapshot: (s) => incidentBodyFromSnapshot(s),
    recordChange: recordIncidentChange,
  },
};
