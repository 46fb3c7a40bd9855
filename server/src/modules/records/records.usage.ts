import { sql } from 'drizzle-orm';
import {
  actorDialects,
  actorEthnographies,
  actorIdNumbers,
  actorNationalities,
  actorProfileLabels,
  actorProfileSources,
  actorProfileVerifiedLabels,
  actors,
  incidentClaimedViolations,
  incidentLabels,
  incidentLocations,
  incidentPotentialViolations,
  incidents,
} from '../../db/schema/index.js';
import type { UsageCheck } from '../../lib/usage.js';
import { relationTypeUsage } from '../relations/relations.usage.js';

/**
 * Where actors and incidents reference vocabulary, as usage checks for the vocabulary modules
 * (labelUsage, sourceUsage, locationUsage, vocabTermUsage, relation types) to append, so a
 * term in use is refused with 409 instead of failing on a foreign key.
 */
export const recordVocabularyUsage = {
  label: (id: number): UsageCheck[] => [
    {
      what: 'actor profiles (labels)',
      count: sql`select count(*) from ${actorProfileLabels} where ${actorProfileLabels.targetId} = ${id}`,
    },
    {
      what: 'actor profiles (verified labels)',
      count: sql`select count(*) from ${actorProfileVerifiedLabels} where ${actorProfileVerifiedLabels.targetId} = ${id}`,
    },
    {
      what: 'incidents (labels)',
      count: sql`select count(*) from ${incidentLabels} where ${incidentLabels.targetId} = ${id}`,
    },
  ],
  source: (id: number): UsageCheck[] => [
    {
      what: 'actor profiles (sources)',
      count: sql`select count(*) from ${actorProfileSources} where ${actorProfileSources.targetId} = ${id}`,
    },
  ],
  location: (id: number): UsageCheck[] => [
    { what: 'actors (origin place)', count: sql`select count(*) from ${actors} where ${actors.originPlaceId} = ${id}` },
    {
      what: 'incidents (locations)',
      count: sql`select count(*) from ${incidentLocations} where ${incidentLocations.targetId} = ${id}`,
    },
  ],
  /** vocab_terms by kind; workflow statuses are stored by title. */
  vocabTerm: (kind: string, term: { id: number; title: string }): UsageCheck[] => {
    const id = term.id;
    switch (kind) {
      case 'ethnographies':
        return [
          {
            what: 'actors (ethnographies)',
            count: sql`select count(*) from ${actorEthnographies} where ${actorEthnographies.termId} = ${id}`,
          },
        ];
      case 'countries':
        return [
          {
            what: 'actors (nationalities)',
            count: sql`select count(*) from ${actorNationalities} where ${actorNationalities.termId} = ${id}`,
          },
        ];
      case 'dialects':
        return [
          {
            what: 'actors (dialects)',
            count: sql`select count(*) from ${actorDialects} where ${actorDialects.termId} = ${id}`,
          },
        ];
      case 'id-number-types':
        return [
          {
            what: 'actors (ID numbers)',
            count: sql`select count(*) from ${actorIdNumbers} where ${actorIdNumbers.typeId} = ${id}`,
          },
        ];
      case 'potential-violations':
        return [
          {
            what: 'incidents (potential violations)',
            count: sql`select count(*) from ${incidentPotentialViolations} where ${incidentPotentialViolations.targetId} = ${id}`,
          },
        ];
      case 'claimed-violations':
        return [
          {
            what: 'incidents (claimed violations)',
            count: sql`select count(*) from ${incidentClaimedViolations} where ${incidentClaimedViolations.targetId} = ${id}`,
          },
        ];
      case 'workflow-statuses':
        return [
          { what: 'actors', count: sql`select count(*) from ${actors} where ${actors.status} = ${term.title}` },
          {
            what: 'incidents',
            count: sql`select count(*) from ${incidents} where ${incidents.status} = ${term.title}`,
          },
        ];
      default:
        return [];
    }
  },
  relationType: relationTypeUsage,
};
