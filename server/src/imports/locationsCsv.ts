import { isNotNull } from 'drizzle-orm';
import { basename } from 'node:path';
import type { Db } from '../db/client.js';
import { locations } from '../db/schema/index.js';
import { searchTextOf } from '../lib/normalize.js';
import { pick, readCsv } from './csv.js';
import { emptyReport, type ImportReport } from './report.js';
import { byDepth } from './treeImport.js';
import { parseNumber } from './valueParsers.js';

/**
 * Locations CSV: id, title, title_ar, parent_id (ids within the file), latitude/lat,
 * longitude/lng, description, postal_code. Each row keeps `external_id` "<file name>:<id>",
 * so importing the file again adds nothing. Full names are rebuilt by the caller.
 */
export async function importLocationsCsv(tx: Db, file: string): Promise<ImportReport> {
  const report = emptyReport('locations', file);
  const prefix = basename(file).replace(/\.csv$/i, '');
  const existing = await tx
    .select({ id: locations.id, externalId: locations.externalId })
    .from(locations)
    .where(isNotNull(locations.externalId));
  const idOf = new Map(existing.map((l) => [l.externalId!, l.id]));
  const { levels, failed } = byDepth(readCsv(file).records, 'id', 'parent_id');
  report.failed.push(...failed);
  for (const level of levels) {
    for (const r of level) {
      const fileId = (r.values.id ?? '').trim();
      const externalId = `${prefix}:${fileId}`;
      const title = pick(r.values, 'title');
      if (!fileId || !title) {
        report.failed.push({ row: r.line, reason: !fileId ? 'id is empty' : 'title is empty' });
        continue;
      }
      if (idOf.has(externalId)) {
        report.present++;
        continue;
      }
      const parentFileId = (r.values.parent_id ?? '').trim();
      const parentId = parentFileId && parentFileId !== fileId ? idOf.get(`${prefix}:${parentFileId}`) : null;
      if (parentId === undefined) {
        report.failed.push({ row: r.line, reason: `parent ${parentFileId} could not be imported` });
        continue;
      }
      const lat = parseNumber(pick(r.values, 'latitude', 'lat'));
      const lng = parseNumber(pick(r.values, 'longitude', 'lng'));
      if (
        (lat === null) !== (lng === null) ||
        (lat !== null && Math.abs(lat) > 90) ||
        (lng !== null && Math.abs(lng) > 180)
      ) {
        report.failed.push({ row: r.line, reason: 'latitude and longitude must both be given and within range' });
        continue;
      }
      const titleAr = pick(r.values, 'title_ar', 'title_tr');
      const [row] = await tx
        .insert(locations)
        .values({
          title,
          titleAr,
          parentId,
          lat,
          lng,
          description: pick(r.values, 'description'),
          postalCode: pick(r.values, 'postal_code'),
          externalId,
          searchText: searchTextOf([title, titleAr]),
        })
        .returning({ id: locations.id });
      idOf.set(externalId, row!.id);
      report.created++;
    }
  }
  return report;
}
