// Prints each suite's duration (slowest first, per project), then the closing line `N passed, N failed`
// (CI reads it), and keeps the counts in .test-results/<TEST_RUN_LABEL or "all">.json so .ci/run can add
// up several runs.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const suites = results.testResults
      .map((r) => ({
        file: relative(root, r.testFilePath),
        project: r.displayName?.name ?? '',
        seconds: (r.perfStats.end - r.perfStats.start) / 1000,
        tests: r.numPassingTests + r.numFailingTests,
        failed: r.numFailingTests > 0 || Boolean(r.testExecError),
      }))
      .sort((a, b) => a.project.localeCompare(b.project) || b.seconds - a.seconds);
    const lines = ['', 'Suite durations:'];
    for (const project of [...new Set(suites.map((s) => s.project))]) {
      const own = suites.filter((s) => s.project === project);
      const total = own.reduce((sum, s) => sum + s.seconds, 0);
      lines.push(`  ${project || '(default)'}: ${own.length} suites, ${total.toFixed(1)} s in all`);
      for (const s of own) {
        lines.push(`    ${s.seconds.toFixed(1).padStart(6)} s  ${String(s.tests).padStart(3)} tests  ${s.failed ? 'FAIL ' : ''}${s.file}`);
      }
    }
    const dir = join(root, '.test-results');
    mkdirSync(dir, { recursive: true });
    const label = process.env.TEST_RUN_LABEL || 'all';
    writeFileSync(join(dir, `${label}.json`), JSON.stringify({ label, passed, failed, skipped }) + '\n');
    process.stdout.write(`${lines.join('\n')}\n\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

module.exports = SummaryReporter;
