import { findUserByUsername } from '../modules/users/users.repo.js';
import { setPassword } from '../modules/users/users.service.js';
import { cliOperator, withDatabase } from './context.js';
import { parseOptions, readSecretLine } from './stdin.js';

/**
 * `dalil reset-password --username NAME [--temporary]`; the password is read from stdin.
 * Ends the user's sessions. With --temporary the user must change it at next login.
 */
export async function resetPasswordCommand(argv: string[]): Promise<number> {
  const { options } = parseOptions(argv);
  const username = options.get('username');
  if (typeof username !== 'string') {
    console.error('usage: dalil reset-password --username NAME [--temporary]   (password on stdin)');
    return 2;
  }
  const password = await readSecretLine(`New password for ${username}: `);
  return withDatabase(async ({ db }) => {
    const user = await findUserByUsername(db, username);
    if (!user) {
      console.error(`No user named "${username}".`);
      return 1;
    }
    await setPassword(db, { cli: true, username: cliOperator() }, user.id, password, {
      mustChange: options.get('temporary') === true,
    });
    console.log(`Password of "${user.username}" changed; their sessions have ended.`);
    return 0;
  });
}
