// Prints the closing line `N passed, N failed` (CI reads it) and keeps the counts in
// .test-results/<TEST_RUN_LABEL or "all">.json so .ci/run can add up several runs.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const dir = join(__dirname, '..', '.test-results');
    mkdirSync(dir, { recursive: true });
    const label = process.env.TEST_RUN_LABEL || 'all';
    writeFileSync(join(dir, `${label}.json`), JSON.stringify({ label, passed, failed, skipped }) + '\n');
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

module.exports = SummaryReporter;
