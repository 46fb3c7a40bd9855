import type { ZodError } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, Invalid } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import { parseCsv, toCsv } from './vocabCsv.cells.js';
import {
  findTermId,
  PARENT_SEPARATOR,
  specOf,
  type Column,
  type CsvList,
  type ListSpec,
  type StoredRow,
} from './vocabCsv.lists.js';

export interface RowError {
  /** Line of the CSV file where the row starts (the header is line 1). */
  row: number;
  message: string;
}

export interface ImportResult {
  list: CsvList;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  /** Header columns this list does not know; their values were not read. */
  ignoredColumns: string[];
}

const MAX_DEPTH = 64;
const MAX_REPORTED_ERRORS = 500;

/** "Root > Child" for each node's ancestors (empty for roots), and its depth; parents first. */
export function ancestorPaths(rows: readonly StoredRow[]): Map<number, { parentPath: string; depth: number }> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, { parentPath: string; depth: number }>();
  const visit = (r: StoredRow, guard: number): { parentPath: string; depth: number } => {
    const done = out.get(r.id);
    if (done) return done;
    const parent = r.parentId === null || guard > MAX_DEPTH ? undefined : byId.get(r.parentId);
    let result = { parentPath: '', depth: 0 };
    if (parent) {
      const p = visit(parent, guard + 1);
      const own = parent.cells.title ?? '';
      result = { parentPath: p.parentPath ? `${p.parentPath}${PARENT_SEPARATOR}${own}` : own, depth: p.depth + 1 };
    }
    out.set(r.id, result);
    return result;
  };
  for (const r of rows) visit(r, 0);
  return out;
}

function headerOf(spec: ListSpec): string[] {
  return [...(spec.tree ? ['parent'] : []), ...spec.columns.map((c) => c.name)];
}

export async function exportList(db: Db, list: CsvList): Promise<{ csv: string; rows: number }> {
  const spec = specOf(list);
  const stored = await spec.load(db);
  const paths = spec.tree ? ancestorPaths(stored) : new Map<number, { parentPath: string; depth: number }>();
  const depth = (r: StoredRow) => paths.get(r.id)?.depth ?? 0;
  const order = (r: StoredRow) => Number(r.cells.sort_order ?? 0);
  const sorted = [...stored].sort((a, b) => depth(a) - depth(b) || order(a) - order(b) || a.id - b.id);
  const rows = sorted.map((r) => [
    ...(spec.tree ? [paths.get(r.id)?.parentPath ?? ''] : []),
    ...spec.columns.map((c) => r.cells[c.name] ?? ''),
  ]);
  return { csv: toCsv(headerOf(spec), rows), rows: rows.length };
}

const TRUE = /^(1|t|true|y|yes)$/i;

/** The comparable form of a cell, the same for stored values and imported ones. */
export function canonical(type: Column['type'], raw: string | undefined): string {
  const v = (raw ?? '').trim();
  switch (type) {
    case 'bool':
      return TRUE.test(v) ? 'true' : 'false';
    case 'int0':
      if (v === '') return '0';
      return /^[-+]?\d+$/.test(v) ? String(Number.parseInt(v, 10)) : v;
    case 'intNull':
    case 'adminLevel':
    case 'num':
      if (v === '') return '';
      return Number.isFinite(Number(v)) ? String(Number(v)) : v;
    default:
      return v;
  }
}

class RowProblem extends Error {}

async function valueOf(db: Db, c: Column, v: string): Promise<unknown> {
  switch (c.type) {
    case 'text':
      return v;
    case 'bool':
      return v === 'true';
    case 'int0':
    case 'intNull':
      if (v === '') return c.type === 'int0' ? 0 : null;
      if (!/^-?\d+$/.test(v)) throw new RowProblem(`${c.name}: "${v}" is not a whole number`);
      return Number(v);
    case 'num':
      if (v === '') return null;
      if (!Number.isFinite(Number(v))) throw new RowProblem(`${c.name}: "${v}" is not a number`);
      return Number(v);
    case 'adminLevel': {
      if (v === '') return null;
      const id = /^\d+$/.test(v) ? await findTermId(db, 'location-admin-levels', { code: Number(v) }) : undefined;
      if (id === undefined) throw new RowProblem(`${c.name}: no admin level with code "${v}"`);
      return id;
    }
    case 'termTitle': {
      if (v === '') return null;
      const id = await findTermId(db, c.termKind!, { title: v });
      if (id === undefined) throw new RowProblem(`${c.name}: "${v}" is not in ${c.termKind}`);
      return id;
    }
  }
}

async function inputOf(
  db: Db,
  columns: readonly Column[],
  cells: Record<string, string>,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.field] = await valueOf(db, c, cells[c.name] ?? '');
  return out;
}

function columnOfField(spec: ListSpec, field: string): string {
  if (field === 'parentId') return 'parent';
  return spec.columns.find((c) => c.field === field)?.name ?? field;
}

function zodMessage(spec: ListSpec, error: ZodError): string {
  return error.issues.map((i) => `${columnOfField(spec, String(i.path[0] ?? ''))}: ${i.message}`).join('; ');
}

function appErrorMessage(spec: ListSpec, e: AppError): string {
  const fields = Object.entries(e.fields ?? {}).map(([f, m]) => `${columnOfField(spec, f)}: ${m}`);
  return fields.length && e.code === 'validation' ? fields.join('; ') : e.message;
}

const lower = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Upserts every row by its natural key — title (and the parent path for trees, plus verified
 * for labels and pair for relation types) — so importing an export again changes nothing.
 * A row that cannot be imported is reported with its line and leaves the others alone.
 */
export async function importList(db: Db, by: Performer, list: CsvList, text: string): Promise<ImportResult> {
  const spec = specOf(list);
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (e) {
    throw new Invalid(
      { csv: e instanceof Error ? e.message : 'not a readable CSV file' },
      'The file is not a readable CSV file.',
    );
  }
  const { header, records } = parsed;
  if (!header.includes('title'))
    throw new Invalid({ csv: 'the header row has no "title" column' }, 'The file has no "title" column.');
  for (const k of spec.keyColumns) {
    if (spec.fixedColumns.includes(k) && !header.includes(k))
      throw new Invalid({ csv: `the header row has no "${k}" column` }, `The file has no "${k}" column.`);
  }
  const knownNames = new Set(headerOf(spec));
  const ignoredColumns = header.filter((h) => h && !knownNames.has(h));
  const used = spec.columns.filter((c) => header.includes(c.name));
  const keyCols = spec.columns.filter((c) => spec.keyColumns.includes(c.name));
  const result: ImportResult = { list, created: 0, updated: 0, skipped: 0, errors: [], ignoredColumns };
  const fail = (row: number, message: string) => {
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push({ row, message });
  };

  return db.transaction(async (tx) => {
    const stored = await spec.load(tx);
    const keyOf = (cells: Record<string, string>, parentId: number | null) =>
      [...keyCols.map((c) => canonical(c.type, cells[c.name])), String(parentId ?? 0), lower(cells.title ?? '')].join(
        '\u0000',
      );
    const byKey = new Map<string, StoredRow>();
    for (const r of stored) if (!byKey.has(keyOf(r.cells, r.parentId))) byKey.set(keyOf(r.cells, r.parentId), r);
    // Trees: every node by its full path (ancestors and self), to find a row's parent.
    const byPath = new Map<string, StoredRow[]>();
    const remember = (path: string, r: StoredRow) => {
      const k = lower(path);
      byPath.set(k, [...(byPath.get(k) ?? []), r]);
    };
    if (spec.tree) {
      const paths = ancestorPaths(stored);
      for (const r of stored) {
        const p = paths.get(r.id)?.parentPath ?? '';
        remember(p ? `${p}${PARENT_SEPARATOR}${r.cells.title}` : (r.cells.title ?? ''), r);
      }
    }
    const depthOf = (cells: Record<string, string>) => {
      const p = (cells.parent ?? '').trim();
      return p ? p.split(PARENT_SEPARATOR).length : 0;
    };
    const ordered = spec.tree
      ? [...records].sort((a, b) => depthOf(a.cells) - depthOf(b.cells) || a.line - b.line)
      : records;

    for (const { line, cells: raw } of ordered) {
      const cells: Record<string, string> = {};
      for (const c of spec.columns) cells[c.name] = canonical(c.type, raw[c.name]);
      if (!cells.title) {
        fail(line, 'title: is empty');
        continue;
      }
      try {
        let parentId: number | null = null;
        const parentPath = spec.tree
          ? (raw.parent ?? '')
              .trim()
              .split(PARENT_SEPARATOR)
              .map((s) => s.trim())
              .filter(Boolean)
              .join(PARENT_SEPARATOR)
          : '';
        if (parentPath) {
          const candidates = byPath.get(lower(parentPath)) ?? [];
          const sameKey = candidates.find((r) =>
            keyCols.every((c) => canonical(c.type, r.cells[c.name]) === cells[c.name]),
          );
          const parent = sameKey ?? candidates[0];
          if (!parent) throw new RowProblem(`parent: "${parentPath}" was not found`);
          parentId = parent.id;
        }
        const existing = byKey.get(keyOf(cells, parentId));
        if (!existing) {
          const input = { ...(await inputOf(tx, used, cells)), ...(spec.tree ? { parentId } : {}) };
          const valid = spec.createSchema.safeParse(input);
          if (!valid.success) throw new RowProblem(zodMessage(spec, valid.error));
          const made = await spec.create(tx, by, valid.data as never);
          const row: StoredRow = {
            id: made.id,
            parentId,
            cells: { ...Object.fromEntries(spec.columns.map((c) => [c.name, canonical(c.type, '')])), ...cells },
          };
          byKey.set(keyOf(row.cells, parentId), row);
          if (spec.tree) remember(parentPath ? `${parentPath}${PARENT_SEPARATOR}${cells.title}` : cells.title, row);
          result.created++;
          continue;
        }
        const changed = used.filter(
          (c) =>
            !spec.keyColumns.includes(c.name) &&
            !spec.fixedColumns.includes(c.name) &&
            cells[c.name] !== existing.cells[c.name],
        );
        if (changed.length === 0) {
          result.skipped++;
          continue;
        }
        const patch = await inputOf(tx, changed, cells);
        const valid = spec.updateSchema.safeParse(patch);
        if (!valid.success) throw new RowProblem(zodMessage(spec, valid.error));
        await spec.update(tx, by, existing.id, valid.data as never);
        for (const c of changed) existing.cells[c.name] = cells[c.name]!;
        result.updated++;
      } catch (e) {
        if (e instanceof RowProblem) fail(line, e.message);
        else if (e instanceof AppError) fail(line, appErrorMessage(spec, e));
        else throw e;
      }
    }
    result.errors.sort((a, b) => a.row - b.row);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'IMPORT',
      kind: `vocab-csv:${list}`,
      details: {
        created: result.created,
        updated: result.updated,
        skipped: result.skipped,
        failed: result.errors.length,
        errors: result.errors.slice(0, 50),
      },
    });
    return result;
  });
}
