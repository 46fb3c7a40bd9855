import { appendActivity } from '../modules/activity/activity.repo.js';
import { performerFields, type Performer } from '../modules/users/users.service.js';
import type { Db } from '../db/client.js';

export interface RowFailure {
  /** Line number in the file (CSV) or the record's key (other formats). */
  row: number | string;
  reason: string;
}

/** What one import did: counts, and every row that could not be imported with its reason. */
export interface ImportReport {
  kind: string;
  file: string;
  created: number;
  present: number;
  failed: RowFailure[];
  ms: number;
  /** For folder imports: the report of each file. */
  parts?: ImportReport[];
}

export function emptyReport(kind: string, file: string): ImportReport {
  return { kind, file, created: 0, present: 0, failed: [], ms: 0 };
}

/** One activity row per import (action IMPORT), with the counts and the first failures. */
export async function recordImport(tx: Db, by: Performer, report: ImportReport): Promise<void> {
  await appendActivity(tx, {
    ...performerFields(by),
    action: 'IMPORT',
    kind: report.kind,
    details: {
      file: report.file,
      created: report.created,
      present: report.present,
      failed: report.failed.length,
      failures: report.failed.slice(0, 50),
    },
  });
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.kind} from ${report.file}: ${report.created} created, ${report.present} already present, ${report.failed.length} failed (${report.ms} ms)`,
  ];
  for (const part of report.parts ?? []) lines.push(`  ${formatReport(part).split('\n').join('\n  ')}`);
  for (const f of report.failed) lines.push(`  row ${f.row}: ${f.reason}`);
  return lines.join('\n');
}
