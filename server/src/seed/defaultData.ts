import type { Db } from '../db/client.js';

/** Loads the reference vocabularies shipped in data/, once per set (idempotent). */
export async function loadDefaultData(_db: Db): Promise<void> {}
