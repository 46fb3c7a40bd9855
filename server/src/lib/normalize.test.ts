import { describe, expect, it } from 'vitest';
import { normalizeText, queryTerms, searchTextOf } from './normalize.js';

describe('normalizeText', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['مصطفى', 'مصطفي'],
    ['مدرسة', 'مدرسه'],
    ['مَدْرَسَةٌ', 'مدرسه'],
    ['كـــتاب', 'كتاب'],
    ['١٩٦٥', '1965'],
    ['۱۲۳', '123'],
    ['Ţarţūs', 'tartus'],
    ['  Ayn   TARMA ', 'ayn tarma'],
    ['Ḥalab', 'halab'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('folds both sides the same way, so every variant finds every other', () => {
    const variants = ['اعتقال', 'إعتقال', 'أعتقال', 'آعتقال', 'اِعْتِقَال'];
    const folded = new Set(variants.map(normalizeText));
    expect([...folded]).toEqual(['اعتقال']);
  });
});

describe('queryTerms', () => {
  it('splits words and keeps quoted phrases whole', () => {
    expect(queryTerms('  "Ayn Tarma"  School  عين ')).toEqual(['ayn tarma', 'school', 'عين']);
  });
});

describe('searchTextOf', () => {
  it('joins non-empty parts', () => {
    expect(searchTextOf(['A', null, '', 3, 'ب'])).toBe('a \u2063 3 \u2063 ب');
  });
});
