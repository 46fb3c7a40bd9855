import { createAdminCommand } from './createAdmin.js';
import { migrateCommand } from './migrate.js';
import { resetPasswordCommand } from './resetPassword.js';
import { verifyAuditCommand } from './verifyAudit.js';

const HELP = `dalil — administration commands (they need the database, never HTTP)

  dalil create-admin --username NAME [--name "Full Name"]   password on stdin
  dalil reset-password --username NAME [--temporary]        password on stdin
  dalil migrate                                             apply migrations, load default vocabularies
  dalil import <kind> <file> [--mapping file]               import vocabularies, locations or bulletins
  dalil verify-audit [--anchor id:hash]                     check the activity log's hash chain (and that it was not cut short)

Settings come from the environment (DATA_DIR, DATABASE_URL, …) as for the server.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create-admin':
      return createAdminCommand(rest);
    case 'reset-password':
      return resetPasswordCommand(rest);
    case 'migrate':
      return migrateCommand();
    case 'verify-audit':
      return verifyAuditCommand(rest);
    case 'import': {
      const { runImport } = await import('./import.js');
      return runImport(rest);
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return command ? 0 : 2;
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as { message?: string; fields?: Record<string, string> };
    console.error(`Error: ${e.message ?? String(err)}${e.fields ? ` ${JSON.stringify(e.fields)}` : ''}`);
    process.exit(1);
  },
);
