// Adds up the counts each jest run left in .test-results/ and prints `N passed, N failed`.
// A run that crashed before reporting counts as one failure, so a broken suite never reads as green.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', '.test-results');
const expected = (process.env.EXPECTED_TEST_RUNS || 'embedded').split(',');
const runs = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
let passed = 0;
let failed = 0;
for (const run of runs) {
  passed += run.passed;
  failed += run.failed;
  console.log(`${run.label}: ${run.passed} passed, ${run.failed} failed`);
}
for (const label of expected) {
  if (!runs.some((r) => r.label === label)) {
    console.log(`${label}: no results (the run did not finish)`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
