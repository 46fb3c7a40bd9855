import { appendActivity } from '../modules/activity/activity.repo.js';
import { verifyActivityChain, type ChainAnchor } from '../modules/activity/activity.verify.js';
import { cliOperator, withDatabase } from './context.js';

/**
 * `dalil verify-audit [--anchor id:hash]`: walks the hash chain and names the first broken row (D1).
 * It prints the last row's id and hash: kept outside the database and passed back as `--anchor`, it
 * also catches rows deleted from the end, which a chain alone cannot show.
 */
export async function verifyAuditCommand(args: string[] = []): Promise<number> {
  let anchor: ChainAnchor | undefined;
  const i = args.indexOf('--anchor');
  if (i >= 0) {
    const m = /^(\d{1,10}):([0-9a-f]{64})$/.exec(args[i + 1] ?? '');
    if (!m) {
      console.error('--anchor takes "id:hash" as printed by an earlier verify-audit.');
      return 2;
    }
    anchor = { id: Number(m[1]), hash: m[2] as string };
  } else if (args.length) {
    console.error(`Unknown argument "${args[0]}". Usage: dalil verify-audit [--anchor id:hash]`);
    return 2;
  }
  return withDatabase(async ({ db }) => {
    const result = await verifyActivityChain(db, 2000, anchor);
    if (result.ok) {
      console.log(`Activity log intact: ${result.rows} rows verified.`);
      if (result.lastId !== null)
        console.log(
          `Anchor (keep it outside the database; pass it as --anchor next time): ${result.lastId}:${result.lastHash}`,
        );
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
