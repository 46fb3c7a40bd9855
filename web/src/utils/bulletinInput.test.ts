import { describe, expect, it } from 'vitest';
import type { Bulletin } from '../api/types';
import { changeCount, diffInput, emptyEvent, emptyModel, inputFromModel, modelFromBulletin } from './bulletinInput';
import { validateBulletin } from './validateBulletin';

const bulletin: Bulletin = {
  id: 7,
  title: 'Shelling',
  titleAr: 'قصف',
  analystTitle: null,
  analystTitleAr: null,
  description: '<p>Text</p>',
  sourceLink: null,
  publishDate: '1965-03-02T00:00:00Z',
  documentationDate: null,
  originId: 'X-1',
  tags: ['a'],
  status: 'Assigned',
  review: null,
  reviewAction: null,
  comments: 'init',
  createdBy: null,
  assignedTo: null,
  firstPeerReviewer: null,
  secondPeerReviewer: null,
  labels: [
    { id: 3, title: 'L3', titleAr: null },
    { id: 1, title: 'L1', titleAr: null },
  ],
  verifiedLabels: [],
  sources: [],
  locations: [
    {
      id: 9,
      title: 'Ayn Tarma',
      titleAr: 'عين ترما',
      fullName: 'Rif Dimashq > Ayn Tarma',
      fullNameAr: null,
      lat: 33.5,
      lng: 36.4,
    },
  ],
  events: [
    {
      id: 1,
      title: 'ev',
      titleAr: null,
      comments: null,
      type: { id: 2, title: 'Attack', titleAr: null },
      location: null,
      fromDate: '1965-03-01',
      toDate: '1965-03-02',
      estimated: true,
    },
  ],
  geoMarkers: [],
  accessGroups: [],
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  permissions: {
    update: true,
    delete: false,
    assign: false,
    assignReviewer: false,
    selfAssign: false,
    review: false,
    finalize: false,
  },
};

describe('modelFromBulletin / inputFromModel', () => {
  it('round-trips a record into API input with ids and plain dates', () => {
    const input = inputFromModel(modelFromBulletin(bulletin));
    expect(input.publishDate).toBe('1965-03-02');
    expect(input.labels).toEqual([3, 1]);
    expect(input.locations).toEqual([9]);
    expect(input.events[0]).toEqual({
      title: 'ev',
      titleAr: '',
      comments: '',
      typeId: 2,
      locationId: null,
      fromDate: '1965-03-01',
      toDate: '1965-03-02',
      estimated: true,
    });
    expect(input.status).toBe('Assigned');
  });

  it('omits status when none is chosen and trims text', () => {
    const m = emptyModel();
    m.title = '  T  ';
    const input = inputFromModel(m);
    expect(input.title).toBe('T');
    expect('status' in input).toBe(false);
    expect(input.publishDate).toBeNull();
  });
});

describe('diffInput', () => {
  it('sends only changed fields plus the comment', () => {
    const model = modelFromBulletin(bulletin);
    const before = inputFromModel(model);
    model.titleAr = 'قصف مدفعي';
    model.tags = ['a', 'b'];
    const body = diffInput(before, inputFromModel(model), 'fix title');
    expect(body).toEqual({ titleAr: 'قصف مدفعي', tags: ['a', 'b'], comment: 'fix title' });
    expect(changeCount(body)).toBe(2);
  });

  it('treats id lists as sets', () => {
    const model = modelFromBulletin(bulletin);
    const before = inputFromModel(model);
    model.labels = [...model.labels].reverse();
    expect(changeCount(diffInput(before, inputFromModel(model), 'c'))).toBe(0);
  });

  it('sends the whole events list when one event changes, and clearing a date sends null', () => {
    const model = modelFromBulletin(bulletin);
    const before = inputFromModel(model);
    model.events[0]!.estimated = false;
    model.publishDate = '';
    const body = diffInput(before, inputFromModel(model), 'c');
    expect(body.events).toHaveLength(1);
    expect(body.events?.[0]?.estimated).toBe(false);
    expect(body.publishDate).toBeNull();
  });

  it('reports no change for an untouched model', () => {
    const model = modelFromBulletin(bulletin);
    expect(changeCount(diffInput(inputFromModel(model), inputFromModel(model), 'c'))).toBe(0);
  });
});

describe('validateBulletin', () => {
  it('requires title and comment and checks events and markers', () => {
    const m = emptyModel();
    const ev = emptyEvent();
    ev.fromDate = '1965-03-02';
    ev.toDate = '1965-03-01';
    m.events = [ev];
    m.geoMarkers = [{ key: 1, title: '', type: null, main: false, lat: '95', lng: 'x', comment: '' }];
    expect(validateBulletin(inputFromModel(m), ' ')).toEqual({
      title: 'errors.required',
      comment: 'errors.required',
      'events.0.toDate': 'errors.dateOrder',
      'geoMarkers.0.lat': 'errors.latRange',
      'geoMarkers.0.lng': 'errors.invalidNumber',
    });
  });
});
