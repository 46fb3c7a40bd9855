import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../server/src/db/client.js';
import { normalizeText } from '../../server/src/lib/normalize.js';
import { AR_WORDS, EN_WORDS, FIRST_AR, FIRST_EN, LAST_AR, LAST_EN } from './words.js';

/**
 * Bulletin and incident rows built in TypeScript, 10,000 at a time, and inserted with one
 * statement per table and batch (`json_to_recordset` of one parameter, which both engines
 * accept). Building the word arrays in SQL (lateral `array(select … generate_series)` per row)
 * made generation take 218 s for 50 k bulletins; here the SQL side only copies rows.
 */
const BATCH = 10_000;

type Db = Database['db'];

export interface Vocab {
  labels: { id: number; norm: string }[];
  /** Places with coordinates (the ones a search by location or radius can find). */
  places: { id: number; lat: number; lng: number; norm: string; name: string; nameAr: string }[];
  eventTypes: number[];
}

export async function vocab(db: Db): Promise<Vocab> {
  const labels = await rows<{ id: number; title: string }>(db, sql`select id, title from labels order by id`);
  const places = await rows<{ id: number; lat: number; lng: number; full_name: string; full_name_ar: string }>(
    db,
    sql`select id, lat, lng, full_name, full_name_ar from locations where lat is not null and path <> '' order by id`,
  );
  const ets = await rows<{ id: number }>(db, sql`select id from event_types order by id`);
  return {
    labels: labels.map((l) => ({ id: Number(l.id), norm: normalizeText(l.title) })),
    places: places.map((p) => ({
      id: Number(p.id),
      lat: Number(p.lat),
      lng: Number(p.lng),
      norm: normalizeText(`${p.full_name} ${p.full_name_ar}`),
      // The place itself, without its parents: what a title or a witness would name.
      name: (p.full_name.split(',')[0] ?? '').trim(),
      nameAr: (p.full_name_ar.split(/[,،]/)[0] ?? '').trim(),
    })),
    eventTypes: ets.map((e) => Number(e.id)),
  };
}

/** Deterministic pseudo-random numbers (mulberry32): the same data on every run and engine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_NORM = EN_WORDS.map(normalizeText);
const AR_NORM = AR_WORDS.map(normalizeText);
const DAY = 86_400_000;
const PUB_START = Date.UTC(2011, 2, 1);
const STATUSES = ['Human Created', 'Machine Created', 'Peer Reviewed', 'Finalized'];

/**
 * Cumulative Zipf weights (the k-th most common word is 1/k as frequent as the first), which is
 * how word frequencies fall off in real text: a few words in almost every record, a long tail of
 * words in a few percent of them. The lists in words.ts are ordered by intended frequency.
 */
function zipfCdf(n: number): Float64Array {
  const c = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) c[k] = sum += 1 / (k + 1);
  for (let k = 0; k < n; k++) c[k] = (c[k] as number) / sum;
  return c;
}
const EN_CDF = zipfCdf(EN_WORDS.length);
const AR_CDF = zipfCdf(AR_WORDS.length);
function zipfIndex(u: number, cdf: Float64Array): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** n words drawn with Zipf frequencies. */
function sentence(r: () => number, n: number, raw: string[], norm: string[], cdf: Float64Array): [string, string] {
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = zipfIndex(r(), cdf);
    a.push(raw[k] as string);
    b.push(norm[k] as string);
  }
  return [a.join(' '), b.join(' ')];
}
const pickOf = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
const skewOf = <T>(r: () => number, xs: T[]): T => {
  const u = r();
  return xs[Math.floor(u * u * xs.length)] as T;
};

async function insertJson(db: Db, table: string, columns: string, types: string, data: unknown[]): Promise<void> {
  if (!data.length) return;
  await db.execute(
    sql`${sql.raw(`insert into ${table} (${columns}) select ${columns} from json_to_recordset(`)}${JSON.stringify(data)}${sql.raw(`::json) as x(${types}) on conflict do nothing`)}`,
  );
}

export async function insertBulletins(db: Db, total: number, v: Vocab, [gA, gB]: [number, number]): Promise<void> {
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    const b: unknown[] = [];
    const bl: unknown[] = [];
    const bloc: unknown[] = [];
    const ev: unknown[] = [];
    const gm: unknown[] = [];
    const bg: unknown[] = [];
    for (let g = from; g <= to; g++) {
      const r = rng(g * 2654435761);
      const [titleWords] = sentence(r, 5 + (g % 4), EN_WORDS, EN_NORM, EN_CDF);
      const [titleArWords] = sentence(r, 4 + (g % 4), AR_WORDS, AR_NORM, AR_CDF);
      // A third of the descriptions are Arabic, the rest English, two or three sentences long.
      const arabic = g % 3 === 0;
      const [body] = arabic
        ? sentence(r, 20 + (g % 40), AR_WORDS, AR_NORM, AR_CDF)
        : sentence(r, 20 + (g % 40), EN_WORDS, EN_NORM, EN_CDF);
      const label = pickOf(r, v.labels);
      const place = skewOf(r, v.places);
      // Real records name the place in the title and often a witness in the text.
      const witness =
        g % 4 === 0
          ? arabic
            ? `${pickOf(r, FIRST_AR)} ${pickOf(r, LAST_AR)}`
            : `${pickOf(r, FIRST_EN)} ${pickOf(r, LAST_EN)}`
          : '';
      const title = place?.name ? `${titleWords} in ${place.name}` : titleWords;
      const titleAr = place?.nameAr ? `${titleArWords} في ${place.nameAr}` : titleArWords;
      const descr = witness ? `${body}. ${arabic ? 'الشاهد' : 'Witness'} ${witness}` : body;
      const tagK = Math.floor(r() * 40);
      const origin = `YT-${(g * 7919) % 1000003}`;
      const pub = PUB_START + Math.floor(r() * 4700) * DAY;
      b.push({
        id: g,
        title,
        title_ar: titleAr,
        description: `<p>${descr}.</p>`,
        status: STATUSES[g % 4],
        tags: [EN_WORDS[tagK]],
        origin_id: origin,
        publish_date: new Date(pub).toISOString(),
        documentation_date: new Date(pub + 2 * DAY).toISOString(),
        created_at: new Date(pub + 30 * DAY).toISOString(),
        comments: 'generated',
        search_text: `${g} ${normalizeText(title)} ${normalizeText(titleAr)} ${normalizeText(descr)} ${EN_NORM[tagK]} ${normalizeText(origin)} ${label?.norm ?? ''} ${place?.norm ?? ''}`,
      });
      if (label) bl.push({ bulletin_id: g, label_id: label.id });
      if (place) bloc.push({ bulletin_id: g, location_id: place.id });
      if (g % 10 < 3 && v.eventTypes.length) {
        const p = skewOf(r, v.places);
        ev.push({
          bulletin_id: g,
          event_type_id: pickOf(r, v.eventTypes),
          location_id: p?.id ?? null,
          from_date: new Date(pub - 2 * DAY).toISOString(),
          to_date: new Date(pub).toISOString(),
          estimated: g % 7 === 0,
        });
      }
      if (g % 10 === 5) {
        const p = skewOf(r, v.places);
        if (p) gm.push({ bulletin_id: g, lat: p.lat + ((g % 100) - 50) / 10000, lng: p.lng + ((g % 77) - 38) / 10000 });
      }
      if (g % 20 === 0) bg.push({ bulletin_id: g, group_id: g % 40 === 0 ? gA : gB });
    }
    await insertJson(
      db,
      'bulletins',
      'id, title, title_ar, description, status, tags, origin_id, publish_date, documentation_date, created_at, updated_at, comments, search_text',
      'id int, title text, title_ar text, description text, status text, tags text[], origin_id text, publish_date timestamptz, documentation_date timestamptz, created_at timestamptz, updated_at timestamptz, comments text, search_text text',
      b.map((x) => ({ ...(x as object), updated_at: (x as { created_at: string }).created_at })),
    );
    await insertJson(db, 'bulletin_labels', 'bulletin_id, label_id', 'bulletin_id int, label_id int', bl);
    await insertJson(db, 'bulletin_locations', 'bulletin_id, location_id', 'bulletin_id int, location_id int', bloc);
    await insertJson(
      db,
      'events',
      'bulletin_id, event_type_id, location_id, from_date, to_date, estimated',
      'bulletin_id int, event_type_id int, location_id int, from_date timestamptz, to_date timestamptz, estimated boolean',
      ev,
    );
    await insertJson(
      db,
      'geo_markers',
      'bulletin_id, title, lat, lng',
      'bulletin_id int, title text, lat float8, lng float8',
      gm.map((x) => ({ ...(x as object), title: 'marker' })),
    );
    await insertJson(db, 'bulletin_groups', 'bulletin_id, group_id', 'bulletin_id int, group_id int', bg);
  }
  await db.execute(sql.raw(`select setval(pg_get_serial_sequence('bulletins', 'id'), ${Math.max(1, total)})`));
}

export async function insertIncidents(db: Db, total: number, v: Vocab): Promise<void> {
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    const inc: unknown[] = [];
    const il: unknown[] = [];
    const iloc: unknown[] = [];
    for (let g = from; g <= to; g++) {
      const r = rng(g * 40503 + 7);
      const [title, titleN] = sentence(r, 4 + (g % 4), EN_WORDS, EN_NORM, EN_CDF);
      const [titleAr, titleArN] = sentence(r, 3 + (g % 4), AR_WORDS, AR_NORM, AR_CDF);
      inc.push({
        id: g,
        title,
        title_ar: titleAr,
        status: 'Human Created',
        comments: 'generated',
        search_text: `${g} ${titleN} ${titleArN}`,
      });
      const label = pickOf(r, v.labels);
      const place = skewOf(r, v.places);
      if (label) il.push({ incident_id: g, label_id: label.id });
      if (place) iloc.push({ incident_id: g, location_id: place.id });
    }
    await insertJson(
      db,
      'incidents',
      'id, title, title_ar, status, comments, search_text',
      'id int, title text, title_ar text, status text, comments text, search_text text',
      inc,
    );
    await insertJson(db, 'incident_labels', 'incident_id, label_id', 'incident_id int, label_id int', il);
    await insertJson(db, 'incident_locations', 'incident_id, location_id', 'incident_id int, location_id int', iloc);
  }
  await db.execute(sql.raw(`select setval(pg_get_serial_sequence('incidents', 'id'), ${Math.max(1, total)})`));
}
