import { describe, expect, it } from 'vitest';
import ar from './exports.ar.json';
import en from './exports.en.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('export strings', () => {
  it('has every English key in Arabic and no other, each with the same placeholders', () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
    const at = (o: object, path: string) =>
      path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
    for (const k of keys(en)) {
      const names = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
      expect(names(at(ar, k)), k).toEqual(names(at(en, k)));
      expect(at(ar, k), k).not.toBe(at(en, k).length > 4 ? at(en, k) : null);
    }
  });
});
