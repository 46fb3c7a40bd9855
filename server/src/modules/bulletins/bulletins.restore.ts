import { defined, eventsOf, idsOf, pick, refId, type Snapshot } from '../records/records.restore.js';

interface MarkerJson {
  title: string;
  main: boolean;
  lat: number;
  lng: number;
  comment: string;
  type: { id: number } | null;
}

/** The editable fields of a bulletin snapshot as an update body (without `comment`). */
export function bulletinBodyFromSnapshot(s: Snapshot): Record<string, unknown> {
  return defined({
    ...pick(s, [
      'title',
      'titleAr',
      'analystTitle',
      'analystTitleAr',
      'description',
      'sourceLink',
      'publishDate',
      'documentationDate',
      'originId',
      'tags',
      'status',
      'accessGroups',
    ]),
    labels: idsOf(s.labels),
    verifiedLabels: idsOf(s.verifiedLabels),
    sources: idsOf(s.sources),
    locations: idsOf(s.locations),
    events: eventsOf(s.events),
    geoMarkers: Array.isArray(s.geoMarkers)
      ? (s.geoMarkers as MarkerJson[]).map((g) => ({
          title: g.title,
          typeId: refId(g.type),
          main: g.main,
          lat: g.lat,
          lng: g.lng,
          comment: g.comment,
        }))
      : undefined,
    assignedTo: 'assignedTo' in s ? refId(s.assignedTo) : undefined,
  });
}
