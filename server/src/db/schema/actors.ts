import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { tsvector } from './search.js';
import { accessGroups, users } from './users.js';
import { labels, locations, sources, vocabTerms } from './vocab.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A person or an entity (reference §2.3). */
export const actors = pgTable(
  'actors',
  {
    id: serial('id').primaryKey(),
    type: text('type').notNull(),
    /** Built from first/middle/last for persons (see actors.names.ts); at least one of name/name_ar is set. */
    name: text('name').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    firstName: text('first_name').notNull().default(''),
    firstNameAr: text('first_name_ar').notNull().default(''),
    middleName: text('middle_name').notNull().default(''),
    middleNameAr: text('middle_name_ar').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    lastNameAr: text('last_name_ar').notNull().default(''),
    fatherName: text('father_name').notNull().default(''),
    fatherNameAr: text('father_name_ar').notNull().default(''),
    motherName: text('mother_name').notNull().default(''),
    motherNameAr: text('mother_name_ar').notNull().default(''),
    nickname: text('nickname').notNull().default(''),
    nicknameAr: text('nickname_ar').notNull().default(''),
    sex: text('sex'),
    age: text('age'),
    civilian: text('civilian'),
    originPlaceId: integer('origin_place_id').references(() => locations.id),
    occupation: text('occupation').notNull().default(''),
    occupationAr: text('occupation_ar').notNull().default(''),
    position: text('position').notNull().default(''),
    positionAr: text('position_ar').notNull().default(''),
    familyStatus: text('family_status'),
    numberOfChildren: integer('number_of_children'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    createdById: integer('created_by_id').references(() => users.id),
    assignedToId: integer('assigned_to_id').references(() => users.id),
    firstPeerReviewerId: integer('first_peer_reviewer_id').references(() => users.id),
    secondPeerReviewerId: integer('second_peer_reviewer_id').references(() => users.id),
    review: text('review').notNull().default(''),
    reviewAction: text('review_action').notNull().default(''),
    /** The reason given for the latest change. */
    comments: text('comments').notNull().default(''),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    searchText: text('search_text').notNull().default(''),
    /** Full-text vector of search_text ('simple' config: the text is already normalised). */
    searchTsv: tsvector('search_tsv').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, regexp_replace(search_text, '[[:punct:]،؛؟«»…“”‘’–—⁣]+', ' ', 'g'))`,
    ),
    deleted: boolean('deleted').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('actors_status_assigned_idx').on(t.status, t.assignedToId),
    index('actors_assigned_idx').on(t.assignedToId),
    index('actors_reviewer_idx').on(t.firstPeerReviewerId),
    index('actors_second_reviewer_idx').on(t.secondPeerReviewerId),
    index('actors_created_by_idx').on(t.createdById),
    index('actors_origin_place_idx').on(t.originPlaceId),
    index('actors_created_at_idx').on(t.createdAt),
    index('actors_updated_at_idx').on(t.updatedAt),
    index('actors_tags_idx').using('gin', t.tags),
    index('actors_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('actors_search_tsv_idx').using('gin', t.searchTsv),
    check('actors_has_name', sql`${t.name} <> '' or ${t.nameAr} <> ''`),
    check('actors_children_range', sql`${t.numberOfChildren} is null or ${t.numberOfChildren} between 0 and 1000`),
  ],
);

/** actor ↔ vocab_terms link tables share one shape: (actor_id, term_id). */
function actorTermTable(name: string) {
  return pgTable(
    name,
    {
      actorId: integer('actor_id')
        .notNull()
        .references(() => actors.id, { onDelete: 'cascade' }),
      termId: integer('term_id')
        .notNull()
        .references(() => vocabTerms.id),
    },
    (t) => [primaryKey({ columns: [t.actorId, t.termId] }), index(`${name}_term_idx`).on(t.termId)],
  );
}

/** vocab_terms of kind ethnographies. */
export const actorEthnographies = actorTermTable('actor_ethnographies');
/** vocab_terms of kind countries. */
export const actorNationalities = actorTermTable('actor_nationalities');
/** vocab_terms of kind dialects. */
export const actorDialects = actorTermTable('actor_dialects');

export const actorGroups = pgTable(
  'actor_groups',
  {
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => accessGroups.id),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.groupId] }), index('actor_groups_group_idx').on(t.groupId)],
);

/** ID documents; the number is text so leading zeros and very long numbers survive exactly. */
export const actorIdNumbers = pgTable(
  'actor_id_numbers',
  {
    id: serial('id').primaryKey(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    /** vocab_terms of kind id-number-types. */
    typeId: integer('type_id')
      .notNull()
      .references(() => vocabTerms.id),
    number: text('number').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('actor_id_numbers_actor_idx').on(t.actorId),
    index('actor_id_numbers_type_idx').on(t.typeId),
    index('actor_id_numbers_number_idx').on(t.number),
  ],
);

/** Per-source record of an actor (reference §2.4); labels and sources live here. */
export const actorProfiles = pgTable(
  'actor_profiles',
  {
    id: serial('id').primaryKey(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    /** normal | main | missing */
    mode: text('mode').notNull(),
    originId: text('origin_id').notNull().default(''),
    /** Sanitised rich text. */
    description: text('description').notNull().default(''),
    sourceLink: text('source_link').notNull().default(''),
    publishDate: ts('publish_date'),
    documentationDate: ts('documentation_date'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('actor_profiles_actor_idx').on(t.actorId),
    index('actor_profiles_origin_idx').on(t.originId),
    index('actor_profiles_publish_date_idx').on(t.publishDate),
    index('actor_profiles_documentation_date_idx').on(t.documentationDate),
    check('actor_profiles_mode', sql`${t.mode} in ('normal', 'main', 'missing')`),
  ],
);

function profileLinkTable(name: string, column: string, target: typeof labels | typeof sources) {
  return pgTable(
    name,
    {
      profileId: integer('profile_id')
        .notNull()
        .references(() => actorProfiles.id, { onDelete: 'cascade' }),
      targetId: integer(column)
        .notNull()
        .references(() => target.id),
    },
    (t) => [primaryKey({ columns: [t.profileId, t.targetId] }), index(`${name}_target_idx`).on(t.targetId)],
  );
}

export const actorProfileSources = profileLinkTable('actor_profile_sources', 'source_id', sources);
export const actorProfileLabels = profileLinkTable('actor_profile_labels', 'label_id', labels);
export const actorProfileVerifiedLabels = profileLinkTable('actor_profile_verified_labels', 'label_id', labels);

/** `{opts, details}` answers of the missing-person form (Bayanat JSONB). */
export interface OptsDetails<T> {
  opts: T | null;
  details: string;
}
export interface Reporter {
  name: string;
  contact: string;
  relationship: string;
}
export interface SocialNetwork {
  platform: string;
  handle: string;
}

/** The missing-person fields of a profile in mode "missing" (reference §2.4), one row per such profile. */
export const missingPersonDetails = pgTable(
  'missing_person_details',
  {
    profileId: integer('profile_id')
      .primaryKey()
      .references(() => actorProfiles.id, { onDelete: 'cascade' }),
    /** Shown as "Place of Disappearance". */
    lastAddress: text('last_address').notNull().default(''),
    socialNetworks: jsonb('social_networks').$type<SocialNetwork[]>().notNull().default([]),
    marriageHistory: text('marriage_history').notNull().default(''),
    pregnantAtDisappearance: text('pregnant_at_disappearance'),
    monthsPregnant: integer('months_pregnant'),
    missingRelatives: boolean('missing_relatives'),
    sawName: text('saw_name').notNull().default(''),
    sawAddress: text('saw_address').notNull().default(''),
    sawEmail: text('saw_email').notNull().default(''),
    sawPhone: text('saw_phone').notNull().default(''),
    detainedBefore: text('detained_before'),
    seenInDetention: jsonb('seen_in_detention').$type<OptsDetails<string>>(),
    injured: jsonb('injured').$type<OptsDetails<string>>(),
    knownDead: jsonb('known_dead').$type<OptsDetails<string>>(),
    deathDetails: text('death_details').notNull().default(''),
    personalItems: text('personal_items').notNull().default(''),
    height: integer('height'),
    weight: integer('weight'),
    physique: text('physique'),
    hairLoss: text('hair_loss'),
    hairType: text('hair_type'),
    hairLength: text('hair_length'),
    hairColor: text('hair_color'),
    facialHair: text('facial_hair'),
    posture: text('posture').notNull().default(''),
    skinMarkings: jsonb('skin_markings').$type<{ opts: string[]; details: string }>(),
    handedness: text('handedness'),
    glasses: text('glasses').notNull().default(''),
    eyeColor: text('eye_color'),
    distinguishingCongenital: text('dist_char_con').notNull().default(''),
    distinguishingAcquired: text('dist_char_acq').notNull().default(''),
    physicalHabits: text('physical_habits').notNull().default(''),
    other: text('other').notNull().default(''),
    physicianNameContact: text('phys_name_contact').notNull().default(''),
    injuries: text('injuries').notNull().default(''),
    implants: text('implants').notNull().default(''),
    malformations: text('malforms').notNull().default(''),
    pain: text('pain').notNull().default(''),
    otherConditions: text('other_conditions').notNull().default(''),
    accidents: text('accidents').notNull().default(''),
    prescribedDrugs: text('pres_drugs').notNull().default(''),
    smoker: text('smoker'),
    dentalRecord: boolean('dental_record'),
    dentistInfo: text('dentist_info').notNull().default(''),
    teethFeatures: text('teeth_features').notNull().default(''),
    dentalProblems: text('dental_problems').notNull().default(''),
    dentalTreatments: text('dental_treatments').notNull().default(''),
    dentalHabits: text('dental_habits').notNull().default(''),
    caseStatus: text('case_status'),
    reporters: jsonb('reporters').$type<Reporter[]>().notNull().default([]),
    identifiedBy: text('identified_by').notNull().default(''),
    familyNotified: boolean('family_notified'),
    hypothesisBased: text('hypothesis_based').notNull().default(''),
    hypothesisStatus: text('hypothesis_status').notNull().default(''),
    reburialLocation: text('reburial_location').notNull().default(''),
  },
  (t) => [index('missing_person_case_status_idx').on(t.caseStatus)],
);
