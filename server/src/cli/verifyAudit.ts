import { appendActivity } from '../modules/activity/activity.repo.js';
import { verifyActivityChain } from '../modules/activity/activity.verify.js';
import { cliOperator, withDatabase } from './context.js';

/** `dalil verify-audit`: walks the hash chain and names the first broken row (D1). */
export async function verifyAuditCommand(): Promise<number> {
  return withDatabase(async ({ db }) => {
    const result = await verifyActivityChain(db);
    if (result.ok) {
      console.log(`Activity log intact: ${result.rows} rows verified.`);
      await db.transaction((tx) =>
        appendActivity(tx, {
          userId: null,
          username: `cli:${cliOperator()}`,
          action: 'VERIFY_AUDIT',
          ip: 'cli',
          details: { rows: result.rows },
        }),
      );
      return 0;
    }
    console.error(
      `Activity log BROKEN at row id ${result.brokenId}: ${result.reason} (after ${result.rows - 1} good rows).`,
    );
    return 1;
  });
}
