#!/usr/bin/env node
/* global process, console */
// Long fuzz run: `npm run fuzz -- --runs 20000 [--seed 42]`.
// Runs server/test/fuzz.e2e-spec.ts (generators in server/test/support/openapi-fuzz.ts) through jest,
// so it uses the same embedded PostgreSQL, migrations, demo data and app as the suite. The test prints
// the totals at the end: requests sent, 5xx count, refused-but-changed count, per route.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
};
const runs = Number(option('runs', 20000));
const seed = Number(option('seed', Date.now() % 2 ** 31));
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('--runs must be a positive whole number');
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error('--seed must be a whole number');
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
console.log(`fuzz: ${runs} requests, seed ${seed} (repeat with --seed ${seed})`);
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/jest/bin/jest.js'),
    'server/test/fuzz.e2e-spec.ts',
    '--selectProjects',
    'server',
    '--testTimeout',
    String(Math.max(120000, runs * 400)),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_MAX_SECONDS: process.env.FUZZ_MAX_SECONDS ?? '0' },
  },
);
process.exit(result.status ?? 1);
