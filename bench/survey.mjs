// Benchmark: surveys (issue #12, item 9).
//
// (a) The public submit path: a project survey is made from the business-needs template through the API as
//     the demo project leader, opened, and given a general link; then 200 concurrent respondents post valid
//     answers back to back (POST /api/public/surveys/:token/responses). Reports answers per second and
//     p50/p95/p99 latency, and checks that every accepted answer was stored once.
// (b) The results of a survey with 10 000 answers: the rows are inserted with SQL, then
//     GET /api/projects/:id/surveys/:surveyId/results is timed (median of 20) against the raw SQL read of the
//     same rows (the ratio says what the API adds on top of reading them), beside the pure `tallySurvey` and
//     `crossTabulate` from @nvr/shared on the rows read. The target: results in under 200 ms.
//
// The server is the built one (server/dist) on a fresh database with the demo data, loopback only. All
// clients share one address, so the per-address answer limit is raised for the run
// (SURVEY_ANSWER_RATE_LIMIT). When the survey routes are missing from the build, the parts that need them
// are skipped and said so; the SQL read and the pure functions are measured anyway.
//
// Run through `npm run bench` (which builds first), or alone: BENCH_ONLY=survey npm run bench.
// Database: DATABASE_URL's server (a new database is created and dropped), else an embedded PostgreSQL in
// .data/pg-bench-survey. Knobs: BENCH_SURVEY_CLIENTS (200), BENCH_SURVEY_DURATION_S (15),
// BENCH_SURVEY_ROWS (10000), BENCH_SURVEY_PG_PORT (54351), BENCH_KEEP_DB=1, BENCH_SERVER_NODE_ARGS (e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32, openBenchDatabase, percentile, rssMb, signIn, startBuiltServer, stopAfter, stopServer } from './lib/support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'server/dist/server/src');
if (!existsSync(join(dist, 'main.js')) || !existsSync(join(root, 'shared/dist/index.js'))) {
  console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
  process.exit(1);
}
const { Client } = require('pg');
const shared = require(join(root, 'shared/dist/index.js'));
const { startEmbeddedPostgres } = require(join(dist, 'database/embedded-postgres.js'));
const { DEMO_PASSWORD } = require(join(dist, 'database/seed/demo-data.js'));

const CLIENTS = Number(process.env.BENCH_SURVEY_CLIENTS ?? 200);
const DURATION_MS = Number(process.env.BENCH_SURVEY_DURATION_S ?? 15) * 1000;
const ROWS = Number(process.env.BENCH_SURVEY_ROWS ?? 10_000);
const REPEATS = 20;
const MAX_SUBMITS = 200_000; // a bound whatever the duration
const RATE_LIMIT = 100_000; // the largest SURVEY_ANSWER_RATE_LIMIT the app accepts
const LEADER = 'prosjektleder@demo.no';
const READER = 'sekretariat.glamdal@demo.no'; // the regionråd's secretariat: reads the project
const PROJECT = 'Næringsvennlig Glåmdal';
const TEMPLATE = 'business_survey';
const RESULTS_TARGET_MS = 200;

stopAfter(10);

// ---------------------------------------------------------------------------------------------
// Deterministic answers

const rand = mulberry32(2026);
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));

const TEXTS = [
  'Raskere byggesaksbehandling.',
  'Bedre dialog med kommunen om næringsareal.',
  'En fast kontaktperson for næringslivet.',
  'Mer samarbeid mellom kommunene i regionen.',
];

/** One respondent's answers: every required question, most optional ones, all valid. */
function answersFor(questions) {
  const answers = {};
  for (const q of questions) {
    if (!q.required && rand() < 0.15) continue;
    const options = q.options ?? [];
    switch (q.kind) {
      case 'single':
        answers[q.key] = options[int(0, options.length - 1)].key;
        break;
      case 'multiple': {
        const count = int(1, Math.min(q.maxChoices ?? options.length, 3));
        const keys = options.map((o) => o.key).sort(() => rand() - 0.5);
        answers[q.key] = keys.slice(0, count);
        break;
      }
      case 'scale':
        answers[q.key] = int(shared.SCALE_MIN, shared.SCALE_MAX);
        break;
      case 'number':
        answers[q.key] = int(q.min ?? 0, Math.min(q.max ?? 500, (q.min ?? 0) + 500));
        break;
      case 'text':
        if (rand() < 0.3 || q.required) answers[q.key] = TEXTS[int(0, TEXTS.length - 1)];
        break;
    }
  }
  const { problems } = shared.validateAnswers(questions, answers);
  if (problems.length) throw new Error(`Generated answers do not validate: ${JSON.stringify(problems)}`);
  return answers;
}

// ---------------------------------------------------------------------------------------------
// Database, server, measuring

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** A JSON request as the signed-in leader; returns {status, body}. */
async function api(base, session, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: parseJson(text) };
}

async function must(base, session, method, path, body, expected = [200, 201]) {
  const res = await api(base, session, method, path, body);
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const median = (xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** Times `work` REPEATS times after `warmUp` untimed runs; returns {median, min, max} in ms. */
async function timed(work, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) await work();
  const times = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return { medianMs: round(median(times), 2), minMs: round(Math.min(...times), 2), maxMs: round(Math.max(...times), 2) };
}

/** Times `a` and `b` alternately, so load from elsewhere on the machine falls on both alike. */
async function paired(a, b, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) {
    await a();
    await b();
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < REPEATS; i++) {
    for (const [work, times] of [
      [a, ta],
      [b, tb],
    ]) {
      const t0 = performance.now();
      await work();
      times.push(performance.now() - t0);
    }
  }
  const summary = (times) => ({
    medianMs: round(median(times), 2),
    minMs: round(Math.min(...times), 2),
    maxMs: round(Math.max(...times), 2),
  });
  return [summary(ta), summary(tb)];
}

// ---------------------------------------------------------------------------------------------
// (a) the public submit path

async function submitLoad(base, token, definitionVersion, pool, pid, clients = CLIENTS, durationMs = DURATION_MS) {
  const path = `/api/public/surveys/${token}/responses`;
  const bodies = pool.map((answers) => JSON.stringify({ answers, definitionVersion }));
  const post = (i) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
  // Warm-up, one at a time.
  let warmUp = 0;
  for (; warmUp < 20; warmUp++) {
    const res = await post(warmUp);
    const text = await res.text();
    if (res.status !== 201) throw new Error(`The first answer was refused: ${res.status} ${text}`);
  }
  const latencies = [];
  const statuses = {};
  let issued = 0;
  let peakRss = rssMb(pid) ?? 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) ?? 0)), 200);
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline && issued < MAX_SUBMITS) {
      const i = issued++;
      const t0 = performance.now();
      let status;
      try {
        const res = await post(i);
        await res.arrayBuffer();
        status = res.status;
      } catch (e) {
        status = `error ${e.cause?.code ?? e.message}`;
      }
      const dt = performance.now() - t0;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 201) latencies.push(dt);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    clients,
    seconds: round(seconds),
    attempts: issued,
    accepted: latencies.length,
    warmUp,
    statuses,
    answersPerSecond: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    peakRssMb: peakRss,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) results of a survey with many answers

/** Inserts `rows` answers with SQL, 2 000 per statement; kommuner spread over the project's. */
async function insertResponses(db, surveyId, definitionVersion, questions, kommuneIds, rows) {
  const pool = Array.from({ length: 500 }, () => JSON.stringify(answersFor(questions)));
  const today = shared.todayInOslo();
  const dayPool = Array.from({ length: 28 }, (_, d) => shared.addDays(today, -d));
  for (let i = 0; i < rows; i += 2000) {
    const n = Math.min(2000, rows - i);
    const kommune = [];
    const answers = [];
    const days = [];
    for (let j = 0; j < n; j++) {
      kommune.push(rand() < 0.05 || kommuneIds.length === 0 ? null : kommuneIds[int(0, kommuneIds.length - 1)]);
      answers.push(pool[(i + j) % pool.length]);
      days.push(dayPool[int(0, dayPool.length - 1)]);
    }
    await db.query(
      `INSERT INTO survey_response (survey_id, kommune_id, definition_version, answers, source, received_on)
       SELECT $1, k, $2, a, 'import', d FROM unnest($3::uuid[], $4::jsonb[], $5::date[]) AS t(k, a, d)`,
      [surveyId, definitionVersion, kommune, answers, days],
    );
  }
  await db.query('ANALYZE survey_response');
}

/** A survey made with SQL from the template, for when the API cannot make one. */
async function surveyBySql(db, projectId) {
  const template = await db.query(
    `SELECT tv.id, tv.questions FROM template_version tv JOIN template t ON t.id = tv.template_id
      WHERE t.key = $1 AND tv.questions IS NOT NULL ORDER BY tv.version DESC LIMIT 1`,
    [TEMPLATE],
  );
  if (!template.rows[0]) throw new Error(`No version of the template ${TEMPLATE} has questions`);
  const { rows } = await db.query(
    `INSERT INTO survey (project_id, template_version_id, title, questions, opens_at, closed_at, created_at, updated_at)
     VALUES ($1, $2, 'Benchmark: 10 000 svar', $3::jsonb, now() - interval '30 days', now(), now(), now())
     RETURNING id, definition_version AS "definitionVersion", questions`,
    [projectId, template.rows[0].id, JSON.stringify(template.rows[0].questions)],
  );
  return rows[0];
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const bench = await openBenchDatabase({
    name: 'survey',
    startEmbeddedPostgres,
    dataDir: join(root, '.data', 'pg-bench-survey'),
    port: Number(process.env.BENCH_SURVEY_PG_PORT ?? 54351),
  });
  const { url, embedded } = bench;
  let server = null;
  const notes = [];
  try {
    console.log('Starting the server (migrations and demo data)…');
    let base;
    ({ server, base } = await startBuiltServer({ dist, cwd: root, url, env: { SURVEY_ANSWER_RATE_LIMIT: String(RATE_LIMIT) } }));
    const idleRss = rssMb(server.pid);
    const leader = await signIn(base, LEADER, DEMO_PASSWORD);

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const project = (
        await db.query(
          `SELECT p.id FROM project p
             JOIN role_assignment ra ON ra.project_id = p.id AND ra.role = 'project_leader'
             JOIN app_user u ON u.id = ra.user_id
            WHERE lower(u.email) = $1 AND p.status = 'active'
            ORDER BY (p.name = $2) DESC, p.name LIMIT 1`,
          [LEADER, PROJECT],
        )
      ).rows[0];
      if (!project) throw new Error(`${LEADER} leads no active project in the demo data`);
      const kommuneIds = (await db.query('SELECT kommune_id FROM project_kommune WHERE project_id = $1', [project.id])).rows.map(
        (r) => r.kommune_id,
      );

      // (a) ------------------------------------------------------------------------------------
      let submit = null;
      const probe = await api(base, leader, 'POST', `/api/projects/${project.id}/surveys`, { templateKey: TEMPLATE });
      if (probe.status === 404) {
        notes.push('POST /api/projects/:id/surveys is not in this build: the submit benchmark was skipped.');
      } else {
        if (probe.status !== 201) throw new Error(`Making a survey answered ${probe.status}: ${JSON.stringify(probe.body)}`);
        const surveyId = probe.body.id;
        await must(base, leader, 'POST', `/api/projects/${project.id}/surveys/${surveyId}/open`, {});
        const link = await must(base, leader, 'POST', `/api/projects/${project.id}/surveys/${surveyId}/links`, {});
        const form = await must(base, leader, 'GET', `/api/public/surveys/${link.token}`);
        const pool = Array.from({ length: 500 }, () => answersFor(form.questions));
        console.log(`Measuring (a): ${CLIENTS} concurrent respondents for ${DURATION_MS / 1000} s, loopback only…`);
        // One respondent at a time first: what an answer costs without contention.
        const single = await submitLoad(base, link.token, form.definitionVersion, pool, server.pid, 1, 3000);
        submit = await submitLoad(base, link.token, form.definitionVersion, pool, server.pid);
        submit.oneAtATime = { answersPerSecond: single.answersPerSecond, p50Ms: single.p50Ms, p95Ms: single.p95Ms };
        submit.warmUp += single.warmUp + single.accepted;
        const stored = Number((await db.query('SELECT count(*) AS n FROM survey_response WHERE survey_id = $1', [surveyId])).rows[0].n);
        submit.stored = stored;
        submit.storedMatches = stored === submit.accepted + submit.warmUp;
        if (!submit.storedMatches) notes.push(`Stored ${stored} answers, but ${submit.accepted + submit.warmUp} were accepted.`);
      }

      // (b) ------------------------------------------------------------------------------------
      let survey;
      if (probe.status === 404) {
        survey = await surveyBySql(db, project.id);
      } else {
        const made = await must(base, leader, 'POST', `/api/projects/${project.id}/surveys`, {
          templateKey: TEMPLATE,
          title: 'Benchmark: 10 000 svar',
        });
        survey = { id: made.id, definitionVersion: made.definitionVersion, questions: made.questions };
      }
      console.log(`Inserting ${ROWS} answers with SQL…`);
      const t0 = performance.now();
      await insertResponses(db, survey.id, survey.definitionVersion, survey.questions, kommuneIds, ROWS);
      const insertSeconds = round((performance.now() - t0) / 1000);

      console.log(`Measuring (b): results of ${ROWS} answers, median of ${REPEATS}…`);
      // The rows each view needs: a reader's (answers and kommune) and an editor's (also ids and redactions,
      // in order, since editors see the free texts to redact them).
      const readerSql = 'SELECT answers, kommune_id AS "kommuneId" FROM survey_response WHERE survey_id = $1';
      const editorSql =
        'SELECT id, answers, kommune_id AS "kommuneId", redacted FROM survey_response WHERE survey_id = $1 ORDER BY received_on, id';
      let rows = null;
      const readRows = async () => {
        rows = (await db.query(readerSql, [survey.id])).rows;
      };
      await readRows();
      const tally = await timed(() => shared.tallySurvey(survey.questions, rows));
      const grouping = survey.questions.find((q) => q.grouping);
      const someChoice = survey.questions.find((q) => q.kind === 'multiple') ?? survey.questions.find((q) => q.kind === 'single');
      const crossTab =
        grouping && someChoice
          ? await timed(() => shared.crossTabulate(survey.questions, rows, someChoice.key, { kind: 'question', key: grouping.key }, 5))
          : null;

      const resultsPath = `/api/projects/${project.id}/surveys/${survey.id}/results`;
      const getResults = (session) => async () => {
        const res = await fetch(base + resultsPath, { headers: { cookie: session.cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET ${resultsPath} answered ${res.status}`);
      };
      const reader = await signIn(base, READER, DEMO_PASSWORD);
      const views = [];
      const first = await api(base, leader, 'GET', resultsPath);
      if (first.status === 404 && !first.body?.code) {
        notes.push('GET .../results is not in this build: only the SQL read and the pure functions were measured.');
        views.push({ view: 'raw SQL only', rawSql: await timed(readRows) });
      } else if (first.status !== 200) {
        throw new Error(`GET ${resultsPath} answered ${first.status}: ${JSON.stringify(first.body)}`);
      } else {
        if (first.body.total !== ROWS) notes.push(`The results count ${first.body.total} answers, not ${ROWS}.`);
        const readerProbe = await api(base, reader, 'GET', resultsPath);
        if (readerProbe.status === 200) {
          const [api_, raw] = await paired(getResults(reader), readRows);
          views.push({ view: `reader (${READER})`, api: api_, rawSql: raw, apiOverRawSql: round(api_.medianMs / raw.medianMs, 2) });
        } else notes.push(`${READER} got ${readerProbe.status} on GET .../results; the reader's view was not measured.`);
        const [api_, raw] = await paired(getResults(leader), async () => (await db.query(editorSql, [survey.id])).rows);
        views.push({
          view: `editor (${LEADER}, with free texts)`,
          api: api_,
          rawSql: raw,
          apiOverRawSql: round(api_.medianMs / raw.medianMs, 2),
        });
      }
      let crossTabApi = null;
      if (views.some((v) => v.api) && grouping && someChoice) {
        const path = `/api/projects/${project.id}/surveys/${survey.id}/crosstab?question=${someChoice.key}&by=kommune`;
        const probeCrossTab = await api(base, leader, 'GET', path);
        if (probeCrossTab.status === 200) crossTabApi = await timed(() => api(base, leader, 'GET', path));
        else notes.push(`GET .../crosstab answered ${probeCrossTab.status}; not measured.`);
      }
      const slowest = Math.max(...views.filter((v) => v.api).map((v) => v.api.medianMs));

      const machine = {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: round(totalmem() / 2 ** 30),
        node: process.version,
        database: embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
        postgres: (await db.query('SHOW server_version')).rows[0].server_version,
      };
      const out = {
        benchmark: 'survey',
        at: new Date().toISOString(),
        machine,
        server: { idleRssMb: idleRss },
        submit,
        results: {
          rows: ROWS,
          questions: survey.questions.length,
          insertSeconds,
          views,
          tallySurvey: tally,
          crossTabulate: crossTab,
          crossTabApi,
          targetMs: RESULTS_TARGET_MS,
          withinTarget: Number.isFinite(slowest) ? slowest < RESULTS_TARGET_MS : null,
        },
        notes,
      };
      mkdirSync(join(root, 'bench/results'), { recursive: true });
      writeFileSync(join(root, 'bench/results/survey.json'), JSON.stringify(out, null, 2) + '\n');

      console.log(
        `\nMachine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}; server RSS idle ${idleRss} MB\n`,
      );
      if (submit) {
        console.log(`(a) Public submit, ${submit.clients} concurrent respondents, ${submit.seconds} s:`);
        console.log(
          `    ${submit.answersPerSecond} answers/s; p50 ${submit.p50Ms} ms, p95 ${submit.p95Ms} ms, p99 ${submit.p99Ms} ms, max ${submit.maxMs} ms; ` +
            `${submit.accepted} accepted of ${submit.attempts} (statuses ${JSON.stringify(submit.statuses)}); stored ${submit.stored} (with ${submit.warmUp} warm-up answers); peak RSS ${submit.peakRssMb} MB`,
        );
        console.log(
          `    one respondent at a time: ${submit.oneAtATime.answersPerSecond} answers/s; p50 ${submit.oneAtATime.p50Ms} ms, p95 ${submit.oneAtATime.p95Ms} ms`,
        );
      }
      const ms = (t) => (t ? `${t.medianMs} ms (min ${t.minMs}, max ${t.maxMs})` : 'not measured');
      console.log(`(b) Results of ${ROWS} answers to ${survey.questions.length} questions, median of ${REPEATS}:`);
      for (const v of views) {
        console.log(`    ${v.view}:`);
        if (v.api)
          console.log(
            `      GET .../results          ${ms(v.api)}  → ${v.api.medianMs < RESULTS_TARGET_MS ? 'within' : 'OVER'} the ${RESULTS_TARGET_MS} ms target`,
          );
        console.log(`      raw SQL read of the rows ${ms(v.rawSql)}`);
        if (v.api) console.log(`      API / raw SQL            ${v.apiOverRawSql}`);
      }
      console.log(`    tallySurvey (pure)         ${ms(tally)}`);
      console.log(`    crossTabulate (pure)       ${ms(crossTab)}`);
      console.log(`    GET .../crosstab by kommune ${ms(crossTabApi)}`);
      for (const note of notes) console.log(`Note: ${note}`);
      console.log('\nWrote bench/results/survey.json');
      if (submit && (submit.accepted === 0 || Object.keys(submit.statuses).some((s) => s !== '201'))) process.exitCode = 1;
      if (submit && !submit.storedMatches) process.exitCode = 1;
    } finally {
      await db.end();
    }
  } finally {
    await stopServer(server);
    await bench.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
