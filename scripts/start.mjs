// `npm start`: install what is needed, build the web app, then run the server
// (embedded PGlite under DATA_DIR unless DATABASE_URL is set; first admin bootstrapped).
import { ensureDependencies, ensureWebBuild, root, run } from './ensure.mjs';
import { join } from 'node:path';

ensureDependencies();
ensureWebBuild();
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
process.exit(run(process.execPath, [tsx, join(root, 'server', 'src', 'main.ts')]));
