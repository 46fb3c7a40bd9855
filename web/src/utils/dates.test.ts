import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isValidDate, toDateInput } from './dates';

describe('formatDate', () => {
  it('keeps calendar dates before 1970 unchanged', () => {
    expect(formatDate('1965-03-02')).toBe('1965-03-02');
    expect(formatDate('1900-01-01')).toBe('1900-01-01');
  });

  it('cuts UTC timestamps without shifting the day', () => {
    expect(formatDate('1965-03-02T00:00:00Z')).toBe('1965-03-02');
    expect(formatDate('1965-03-02T23:59:59.999Z')).toBe('1965-03-02');
    expect(formatDate('2024-03-01T00:00:00+00:00')).toBe('2024-03-01');
  });

  it('converts offset timestamps to the UTC day', () => {
    expect(formatDate('2024-03-01T23:30:00-02:00')).toBe('2024-03-02');
    expect(formatDate('1965-03-02T01:00:00+03:00')).toBe('1965-03-01');
  });

  it('returns empty text for empty or bad input', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows UTC hours and minutes', () => {
    expect(formatDateTime('1965-03-02T07:05:09Z')).toBe('1965-03-02 07:05');
    expect(formatDateTime('2024-01-01T01:00:00+02:00')).toBe('2023-12-31 23:00');
  });
});

describe('toDateInput / isValidDate', () => {
  it('gives the date input value or null', () => {
    expect(toDateInput('1965-03-02T00:00:00Z')).toBe('1965-03-02');
    expect(toDateInput(null)).toBeNull();
  });
  it('checks real calendar dates', () => {
    expect(isValidDate('1965-03-02')).toBe(true);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('0099-12-31')).toBe(true);
    expect(isValidDate('2024-13-01')).toBe(false);
  });
});
