// Crash test with many kills: `npm run crash -- --kills 20` (default 20). Builds shared and server,
// then runs server/test/crash.e2e-spec.ts with that many SIGKILLs of the built server under write load
// (every second one with its PostgreSQL), and prints the figures. Exits non-zero if an acknowledged
// write was lost or an invariant broke. `--no-build` uses the existing server/dist.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--kills');
const kills = at >= 0 ? Number(args[at + 1]) : 20;
const out = (line = '') => process.stdout.write(`${line}\n`);
if (!Number.isInteger(kills) || kills < 1) {
  out('Usage: npm run crash -- [--kills N] [--no-build]');
  process.exit(2);
}

if (!args.includes('--no-build')) {
  out('Building shared and server…');
  const build = spawnSync('npm run build -w shared && npm run build -w server', { cwd: root, shell: true, stdio: 'inherit' });
  if (build.status !== 0) out('The build reported errors (see above); testing what it emitted.');
}
const mainJs = process.env.NVR_MAIN_JS || join(root, 'server/dist/server/src/main.js');
if (!existsSync(mainJs)) {
  out(`${mainJs} is missing: the build failed.`);
  process.exit(1);
}

// The server project's jest settings without its global setup: this test starts its own servers and
// needs no test database.
const { projects } = createRequire(import.meta.url)(join(root, 'jest.config.js'));
const server = projects.find((p) => p.displayName === 'server');
const config = {
  ...server,
  rootDir: root,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: ['<rootDir>/server/test/crash.e2e-spec.ts'],
};
const report = join(tmpdir(), `nvr-crash-${process.pid}.json`);
const started = Date.now();
const run = spawnSync('npx', ['jest', '--config', JSON.stringify(config)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NVR_CRASH_KILLS: String(kills), NVR_CRASH_REPORT: report },
});
if (!existsSync(report)) {
  out('The crash test ended without figures (see the output above).');
  process.exit(run.status || 1);
}
const f = JSON.parse(readFileSync(report, 'utf8'));
rmSync(report, { force: true });
const sorted = [...f.restartMs].sort((a, b) => a - b);
const acked = f.acknowledged.comments + f.acknowledged.deliverableEdits + f.acknowledged.budgets;
out();
out(`Crash test: ${f.kills} kills in ${Math.round((Date.now() - started) / 1000)} s`);
out(`  kills survived            ${f.restarts} of ${f.kills} (${f.killsWithPostgres} with PostgreSQL killed too)`);
out(`  orphaned PostgreSQL       ${f.orphansStopped} found and stopped at the next start`);
out(`  restart time              median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`);
out(
  `  acknowledged writes       ${acked} (${f.acknowledged.comments} comments, ${f.acknowledged.deliverableEdits} deliverable edits, ${f.acknowledged.budgets} budgets)`,
);
out(`  cut off by a kill         ${f.cutOff} (outcome unknown to the client; either is fine)`);
out(`  refused                   ${f.refused}`);
out(`  jobs left 'running'       ${f.jobsLeftRunning} (run again when their 15-minute lease ends)`);
out(`  acknowledged writes lost  ${f.lostAcknowledgedWrites}`);
out(`  invariant violations      ${f.violations.length}`);
for (const v of f.violations) out(`    - ${v}`);
process.exit(run.status ?? 1);
