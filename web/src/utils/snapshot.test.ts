import { describe, expect, it } from 'vitest';
import { snapshotEntries } from './snapshot';

describe('snapshotEntries', () => {
  it('renders snapshot values as text, never HTML', () => {
    const entries = snapshotEntries(
      {
        id: 1,
        title: 'T',
        description: '<p>Hello <b>world</b></p>',
        publishDate: '1965-03-02T00:00:00Z',
        labels: [{ id: 1, title: 'A', titleAr: 'أ' }],
        tags: [],
      },
      true,
    );
    expect(entries).toEqual([
      { key: 'title', value: 'T' },
      { key: 'description', value: 'Hello world' },
      { key: 'publishDate', value: '1965-03-02' },
      { key: 'labels', value: 'أ' },
    ]);
  });
});
