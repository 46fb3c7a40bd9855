import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture } from '../../server/src/imports/locationsXml.js';

export interface Place {
  id: number;
  parent: number | null;
  title: string;
  titleAr: string;
  lat: number | null;
  lng: number | null;
}
export interface LabelRow {
  id: number;
  parent: number | null;
  title: string;
}

const SHARED = join(import.meta.dirname, '../../../shared/data');

/** The real Syrian gazetteer when present (../shared/data), else a small synthetic tree. */
export function places(): Place[] {
  const file = join(SHARED, 'syrian-archive/locations.xml');
  if (existsSync(file)) {
    const raw = readFixture(file);
    const ids = new Set(raw.map((p) => p.pk));
    return raw.map((p) => ({
      id: p.pk,
      parent: p.region !== null && p.region !== p.pk && ids.has(p.region) ? p.region : null,
      title: p.nameEn.trim() || `Place ${p.pk}`,
      titleAr: p.nameAr.trim(),
      lat: p.lat,
      lng: p.lng,
    }));
  }
  const out: Place[] = [];
  for (let g = 1; g <= 14; g++) {
    out.push({
      id: g,
      parent: null,
      title: `Governorate ${g}`,
      titleAr: `محافظة ${g}`,
      lat: 32.5 + g * 0.3,
      lng: 36 + (g % 4) * 0.5,
    });
    for (let c = 1; c <= 60; c++) {
      const id = g * 100 + c;
      out.push({
        id,
        parent: g,
        title: `Town ${id}`,
        titleAr: `بلدة ${id}`,
        lat: 32.5 + g * 0.3 + c * 0.01,
        lng: 36 + (g % 4) * 0.5 + c * 0.01,
      });
    }
  }
  return out;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Bayanat's 323 default labels when present, else a synthetic two-level tree. */
export function labelRows(): LabelRow[] {
  const file = join(SHARED, 'bayanat-seed/label.csv');
  if (existsSync(file)) {
    const [head, ...body] = parseCsv(readFileSync(file, 'utf8'));
    const idx = (n: string) => head?.indexOf(n) ?? -1;
    return body
      .filter((r) => r.length > 2)
      .map((r) => ({
        id: Number(r[idx('id')]),
        parent: r[idx('parent_label_id')] ? Number(r[idx('parent_label_id')]) : null,
        title: r[idx('title')] ?? '',
      }));
  }
  const out: LabelRow[] = [];
  for (let i = 1; i <= 20; i++) {
    out.push({ id: i, parent: null, title: `Category ${i}` });
    for (let j = 1; j <= 10; j++) out.push({ id: i * 100 + j, parent: i, title: `Category ${i} item ${j}` });
  }
  return out;
}
