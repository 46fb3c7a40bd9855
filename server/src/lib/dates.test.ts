import { describe, expect, it } from 'vitest';
import { isoOrNull, parseDateInput } from './dates.js';

describe('parseDateInput', () => {
  it('parses calendar dates in UTC, including before 1970 and early years', () => {
    expect(isoOrNull(parseDateInput('1965-03-02'))).toBe('1965-03-02T00:00:00Z');
    expect(isoOrNull(parseDateInput('1900-01-01'))).toBe('1900-01-01T00:00:00Z');
    expect(isoOrNull(parseDateInput('1000-06-15'))).toBe('1000-06-15T00:00:00Z');
    expect(isoOrNull(parseDateInput('2024-02-29'))).toBe('2024-02-29T00:00:00Z');
  });
  it('parses ISO timestamps with a zone', () => {
    expect(isoOrNull(parseDateInput('2013-08-21T02:30:00+03:00'))).toBe('2013-08-20T23:30:00Z');
    expect(isoOrNull(parseDateInput('1969-12-31T23:59:59Z'))).toBe('1969-12-31T23:59:59Z');
  });
  it.each([
    '0050-06-15',
    '0999-12-31',
    '2023-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-1-5',
    '21/08/2013',
    '2013-08-21T25:00:00Z',
    '2013-08-21T10:00:00',
    '',
  ])('refuses %s', (v) => {
    expect(parseDateInput(v)).toBeNull();
  });
});
