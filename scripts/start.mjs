// `npm start`: install what is needed, build the web app, then run the server
// (embedded PGlite under DATA_DIR unless DATABASE_URL is set; first admin bootstrapped).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, ensureWebBuild, root } from './ensure.mjs';

ensureDependencies();
ensureWebBuild();
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const server = spawn(process.execPath, [tsx, join(root, 'server', 'src', 'main.ts')], { stdio: 'inherit', cwd: root });
// Pass stop signals on, so `kill <npm start pid>` (systemd, containers) stops the server too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
