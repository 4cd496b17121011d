// Runs every benchmark under bench/ (each *.mjs but this file), after building shared and server.
// `npm run bench`; BENCH_SKIP_BUILD=1 reuses the last build; BENCH_ONLY=survey,portfolio runs only those.
// Each benchmark prints a table and writes bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`failed: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

if (!process.env.BENCH_SKIP_BUILD) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['run', 'build', '-w', 'shared']);
  run(npm, ['run', 'build', '-w', 'server']);
}

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().replace(/\.mjs$/, ''));
const benchmarks = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => !only || only.includes(f.replace(/\.mjs$/, '')))
  .sort();
if (benchmarks.length === 0) {
  console.error(`No benchmark matches BENCH_ONLY=${process.env.BENCH_ONLY}`);
  process.exit(1);
}
for (const file of benchmarks) run(process.execPath, [join(here, file)]);
console.log(`\n${benchmarks.length} benchmark(s) done; results in bench/results/`);
