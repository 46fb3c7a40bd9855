import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.js';
import { rows, sql } from '../../src/db/client.js';
import { importFile } from '../../src/imports/importFile.js';
import type { ImportReport } from '../../src/imports/report.js';
import { signedIn, testApp, type Client, type TestContext } from '../helpers.js';

/** Real files written by others (read-only, never shipped); see ../shared/data/README.md. */
const dataDir = join(repoRoot, '..', 'shared', 'data');
const present = existsSync(join(dataDir, 'bayanat-seed')) && existsSync(join(dataDir, 'syrian-archive'));
if (!present)
  console.warn(
    `Real-data import tests skipped: ${dataDir} is absent (it holds third-party test files that are not part of the repository).`,
  );

const cli = { cli: true as const, username: 'real-data-test' };
const mappings = join(repoRoot, 'data', 'mappings');

describe.skipIf(!present)('importing real data', () => {
  let ctx: TestContext;
  let client: Client;
  const timings: Record<string, number> = {};
  const timed = async (name: string, run: () => Promise<ImportReport>): Promise<ImportReport> => {
    const report = await run();
    timings[name] = report.ms;
    console.log(
      `import ${name}: ${report.created} created, ${report.present} present, ${report.failed.length} failed in ${report.ms} ms`,
    );
    return report;
  };
  const count = async (table: string, where = sql`true`) =>
    Number(
      (
        await rows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    ctx = await testApp();
    client = await signedIn(ctx, { roles: ['Admin'] });
  });
  afterAll(async () => {
    console.log('import times (ms):', JSON.stringify(timings));
    await ctx.close();
  });

  it('imports Bayanat seed vocabularies: 323 labels with their parents wired', async () => {
    const report = await timed('bayanat-seed', () =>
      importFile(ctx.database.db, cli, 'bayanat-seed', join(dataDir, 'bayanat-seed')),
    );
    const labelPart = report.parts?.find((p) => p.kind === 'labels');
    expect(labelPart).toMatchObject({ created: 323, present: 0, failed: [] });
    expect(await count('labels')).toBe(323);
    expect(await count('labels', sql`parent_id is not null`)).toBeGreaterThan(100);
    // The title holds a comma; csv-parse keeps it whole and the child hangs under its parent.
    const res = await client.get(`/api/labels?q=${encodeURIComponent('Identifiable, Identities')}`);
    const item = res.json<{ items: { title: string; path: string }[] }>().items[0];
    expect(item?.title).toBe('Identifiable, Identities');
    expect(item?.path).toMatch(/ > Identifiable, Identities$/);

    // Seeded already: event types, violations, countries and relation types are found, not duplicated.
    expect(report.parts?.find((p) => p.kind === 'event-types')).toMatchObject({ created: 0, present: 22 });
    expect(report.parts?.find((p) => p.kind === 'claimed-violations')).toMatchObject({ created: 0, present: 31 });
    const countries = report.parts?.find((p) => p.kind === 'countries');
    expect(countries?.created).toBe(1); // "Other" is not a country; every real one matched by name.
    expect(report.parts?.find((p) => p.kind === 'relation-types (actor-actor)')).toMatchObject({
      created: 0,
      present: 15,
    });
    expect(await count('relation_types', sql`pair = 'actor-actor'`)).toBe(10);
    const parent = (await client.get('/api/relation-types?pair=actor-actor&q=child')).json<{
      items: { title: string; reverseTitle: string }[];
    }>();
    expect(parent.items).toEqual([expect.objectContaining({ title: 'Parent', reverseTitle: 'Child' })]);

    const again = await importFile(ctx.database.db, cli, 'bayanat-seed', join(dataDir, 'bayanat-seed'));
    expect(again.created).toBe(0);
    expect(await count('labels')).toBe(323);
  });

  it('imports the Syrian Archive places as a clean tree', async () => {
    const report = await timed('locations.xml', () =>
      importFile(ctx.database.db, cli, 'locations-xml', join(dataDir, 'syrian-archive', 'locations.xml'), {
        mapping: join(mappings, 'syrian-archive-locations.json'),
      }),
    );
    expect(report.failed).toEqual([]);
    const total = await count('locations');
    expect(total).toBe(report.created);
    expect(total).toBeLessThan(1647); // duplicates merged
    expect(total).toBeGreaterThan(800);
    // Twelve governorates, each once, under Syria.
    const governorates = (await client.get('/api/locations?adminLevel=1&limit=50')).json<{
      total: number;
      items: { title: string; fullName: string }[];
    }>();
    expect(governorates.total).toBe(12);
    expect(governorates.items.map((g) => g.title)).toContain('Quneitra');
    const ayn = (await client.get(`/api/locations?q=${encodeURIComponent('عين ترما')}`)).json<{
      items: { fullName: string; fullNameAr: string; lat: number; lng: number }[];
    }>();
    expect(ayn.items).toHaveLength(1);
    expect(ayn.items[0]).toMatchObject({
      fullName: 'Ayn Tarma, Damascus, Syria',
      fullNameAr: 'عين ترما، دمشق، سوريا',
      lat: 33.5123488,
      lng: 36.3499285,
    });

    const again = await importFile(
      ctx.database.db,
      cli,
      'locations-xml',
      join(dataDir, 'syrian-archive', 'locations.xml'),
      {
        mapping: join(mappings, 'syrian-archive-locations.json'),
      },
    );
    expect(again.created).toBe(0);
    expect(await count('locations')).toBe(total);
  });

  it('imports chemweap.csv as 138 bulletins placed in the tree', async () => {
    const file = join(dataDir, 'syrian-archive', 'chemweap.csv');
    const opts = { mapping: join(mappings, 'syrian-archive-chemweap.json') };
    const report = await timed('chemweap.csv', () => importFile(ctx.database.db, cli, 'bulletins', file, opts));
    expect(report.failed).toEqual([]);
    expect(report.created).toBe(138);
    const list = (await client.get('/api/bulletins?limit=1')).json<{ total: number }>();
    expect(list.total).toBe(138);

    for (const q of ['Ayn Tarma', 'عين ترما']) {
      const found = (await client.get(`/api/bulletins?q=${encodeURIComponent(q)}&limit=50`)).json<{
        total: number;
        items: { originId: string }[];
      }>();
      // The five rows placed in Ayn Tarma are found by its English or Arabic name through the
      // location link; other hits contain both words in their own text (a source, a summary; Arabic 'عين' is a common substring).
      const ids = found.items.map((b) => b.originId);
      expect(ids, q).toEqual(expect.arrayContaining(['CW_1001', 'CW_1002', 'CW_1003', 'CW_1004', 'CW_1125']));
      expect(found.total, q).toBeLessThan(20);
    }

    const [first] = await rows<{ id: number }>(
      ctx.database.db,
      sql`select id from bulletins where origin_id = 'CW_1001'`,
    );
    const b = (await client.get(`/api/bulletins/${first!.id}`)).json<Record<string, unknown>>();
    expect(b.publishDate).toMatch(/^2013-08-21/);
    expect(b.status).toBe('Machine Created');
    expect(JSON.stringify(b.locations)).toContain('Ayn Tarma, Damascus, Syria');
    expect(b.geoMarkers).toEqual([expect.objectContaining({ lat: 33.5123488, lng: 36.3499285, main: true })]);
    expect(b.sourceLink).toContain('حالة%20إغماء');
    expect(JSON.stringify(b.sources)).toContain('Al-Marj Media Office');

    // Every bulletin has a place in the tree; fields with line breaks stayed in their record.
    expect(
      await count(
        'bulletins',
        sql`not exists (select 1 from bulletin_locations bl where bl.bulletin_id = bulletins.id)`,
      ),
    ).toBe(0);
    const [multi] = await rows<{ title: string }>(
      ctx.database.db,
      sql`select title from bulletins where origin_id = 'CW_1039'`,
    );
    expect(multi?.title).toBe('Casualties of the chemical attack including children');

    const again = await importFile(ctx.database.db, cli, 'bulletins', file, opts);
    expect(again).toMatchObject({ created: 0, present: 138, failed: [] });
    expect(await count('bulletins')).toBe(138);
    expect(await count('activity', sql`action = 'IMPORT'`)).toBeGreaterThanOrEqual(4);
  });
});
