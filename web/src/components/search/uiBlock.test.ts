import { describe, expect, it } from 'vitest';
import { emptyBlock, fromSearchBlock, nearWithoutCoordinates, toSearchBlock, type NameLookup } from './uiBlock';

const names: Record<string, string> = {
  'label:3': 'Detention',
  'location:9': 'Douma',
  'term:potential-violations:4': 'Torture',
};
const lookup: NameLookup = {
  label: async (id) => ({ id, title: names[`label:${id}`] ?? 'x', titleAr: null }),
  source: async (id) => ({ id, title: `source ${id}`, titleAr: null }),
  location: async (id) => {
    if (id === 404) throw new Error('gone');
    return { id, title: names[`location:${id}`] ?? 'x', titleAr: null, lat: 33.5, lng: 36.4 };
  },
  term: async (kind, id) => ({ id, title: names[`term:${kind}:${id}`] ?? 'x', titleAr: null }),
};

describe('advanced search blocks', () => {
  it('sends only the filters in use, with kind-specific ones only for their kind', () => {
    const b = emptyBlock();
    b.text = '  shelling ';
    b.statuses = ['Assigned'];
    b.firstName = 'Samir';
    b.potentialViolations = [{ id: 4, title: 'Torture', titleAr: null }];
    b.tags = ['batch-7'];
    b.tagsExact = false;
    expect(toSearchBlock(b, 0, 'bulletin')).toEqual({
      text: 'shelling',
      statuses: ['Assigned'],
      tags: ['batch-7'],
      tagsExact: false,
    });
    expect(toSearchBlock(b, 1, 'actor')).toEqual({
      op: 'and',
      text: 'shelling',
      statuses: ['Assigned'],
      tags: ['batch-7'],
      tagsExact: false,
      firstName: 'Samir',
    });
    expect(toSearchBlock(b, 0, 'incident')).toEqual({
      text: 'shelling',
      statuses: ['Assigned'],
      potentialViolations: [4],
    });
  });

  it('builds event, related-to, assignee and date filters', () => {
    const b = emptyBlock('or');
    b.eventTypes = [2];
    b.eventTo = '1982-02-28';
    b.sameEvent = true;
    b.relatedKind = 'actor';
    b.relatedId = 12;
    b.assignedTo = 5;
    b.docFrom = '1969-12-01';
    expect(toSearchBlock(b, 2, 'bulletin')).toEqual({
      op: 'or',
      event: { types: [2], to: '1982-02-28', sameEvent: true },
      relatedTo: { kind: 'actor', id: 12 },
      assignedTo: [5],
      documentationDate: { from: '1969-12-01' },
    });
  });

  it('refuses to turn a place without coordinates into a radius', () => {
    const b = emptyBlock();
    b.nearPlace = { id: 7, title: 'Nowhere', titleAr: null, lat: null, lng: null } as never;
    expect(nearWithoutCoordinates(b)).toBe(true);
    expect(toSearchBlock(b, 0).near).toBeUndefined();
    b.nearPlace = { id: 7, title: 'Douma', titleAr: null, lat: 33.57, lng: 36.4 } as never;
    b.nearKm = 2.5;
    expect(nearWithoutCoordinates(b)).toBe(false);
    expect(toSearchBlock(b, 0).near).toEqual({ lat: 33.57, lng: 36.4, radiusM: 2500 });
  });

  it('restores a saved query with the names of its vocabulary, and #id for what no longer exists', async () => {
    const saved = {
      op: 'and' as const,
      labels: [3],
      locations: [9, 404],
      excludeTags: ['draft'],
      potentialViolations: [4],
      publishDate: { from: '2012-01-01' },
      relatedTo: { kind: 'incident', id: 3 },
    };
    const b = await fromSearchBlock(saved, lookup);
    expect(b.labels.map((l) => l.title)).toEqual(['Detention']);
    expect(b.locations.map((l) => l.title)).toEqual(['Douma', '#404']);
    expect(b.potentialViolations.map((v) => v.title)).toEqual(['Torture']);
    expect(b.pubFrom).toBe('2012-01-01');
    expect(b.pubTo).toBe('');
    expect(b.relatedKind).toBe('incident');
    // Round trip: the same filters go back to the server (includeChildLabels was off in the saved query).
    expect(toSearchBlock(b, 1, 'bulletin')).toEqual({
      op: 'and',
      labels: [3],
      locations: [9, 404],
      excludeTags: ['draft'],
      publishDate: { from: '2012-01-01' },
      relatedTo: { kind: 'incident', id: 3 },
    });
  });

  it('a saved block without labels or sources keeps "include sub-items" on, as a new block has it', async () => {
    const b = await fromSearchBlock({ text: 'shelling' }, lookup);
    expect(b.includeChildLabels).toBe(true);
    expect(b.includeChildSources).toBe(true);
    const off = await fromSearchBlock({ labels: [3], sources: [4] }, lookup);
    expect(off.includeChildLabels).toBe(false);
    expect(off.includeChildSources).toBe(false);
    const on = await fromSearchBlock({ labels: [3], includeChildLabels: true }, lookup);
    expect(on.includeChildLabels).toBe(true);
  });
});
