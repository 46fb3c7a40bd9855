// `npm test`: every test suite — server unit + integration tests on PGlite (and on PostgreSQL
// when TEST_DATABASE_URL is set), web unit tests, and the browser journeys in Chromium.
import { existsSync } from 'node:fs';
import { ensureDependencies, ensureWebBuild, run } from './ensure.mjs';

const CHROMIUM = '/usr/bin/chromium';
const SYSTEM_PACKAGES = ['chromium', 'fonts-hosny-amiri', 'fonts-dejavu-core'];

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is needed for the browser tests. Install it with:\n\n  sudo apt-get install -y ${SYSTEM_PACKAGES.join(' ')}\n`,
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update', '-q'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '-q', ...SYSTEM_PACKAGES], { env }) !== 0
  ) {
    console.error('Installing chromium failed.');
    process.exit(1);
  }
}

ensureDependencies();
ensureChromium();
ensureWebBuild();

const suites = [
  { name: 'server (PGlite)', cmd: ['npx', 'vitest', 'run', '--root', 'server'], env: { TEST_DATABASE_URL: '' } },
];
if (process.env.TEST_DATABASE_URL) {
  suites.push({ name: 'server (PostgreSQL)', cmd: ['npx', 'vitest', 'run', '--root', 'server'], env: {} });
}
suites.push({ name: 'web', cmd: ['npx', 'vitest', 'run', '--root', 'web'], env: {} });
suites.push({ name: 'browser journeys', cmd: ['npx', 'vitest', 'run', '--root', 'e2e'], env: {} });

const results = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const env = { ...process.env, ...suite.env };
  if (env.TEST_DATABASE_URL === '') delete env.TEST_DATABASE_URL;
  const code = run(suite.cmd[0], suite.cmd.slice(1), { env });
  results.push({ name: suite.name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
process.exit(failed ? 1 : 0);
