import { ALL_PERMISSIONS } from '../modules/users/users.permissions.js';
import { createUser } from '../modules/users/users.service.js';
import { cliOperator, withDatabase } from './context.js';
import { parseOptions, readSecretLine } from './stdin.js';

/** `dalil create-admin --username NAME [--name "Full Name"]`; the password is read from stdin. */
export async function createAdminCommand(argv: string[]): Promise<number> {
  const { options } = parseOptions(argv);
  const username = options.get('username');
  if (typeof username !== 'string') {
    console.error('usage: dalil create-admin --username NAME [--name "Full Name"]   (password on stdin)');
    return 2;
  }
  const password = await readSecretLine('Password for the new admin: ');
  const name = options.get('name');
  return withDatabase(async ({ db }) => {
    const user = await createUser(
      db,
      { cli: true, username: cliOperator() },
      {
        username,
        name: typeof name === 'string' ? name : username,
        password,
        roles: ['Admin'],
        permissions: ALL_PERMISSIONS,
      },
    );
    console.log(`Admin "${user.username}" created (id ${user.id}).`);
    return 0;
  });
}
