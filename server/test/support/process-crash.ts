import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { freePort, newDataDir, postmasterOf, removeDataDir, ServerProcess, sleep, startServer, stopServer } from './process-app';

/**
 * Crash test: the built server with the demo data under write load from several signed-in clients,
 * SIGKILLed at random moments and started again, with the invariants below checked in SQL after every
 * restart. Used by server/test/crash.e2e-spec.ts (3 kills) and tools/crash.mjs (as many as asked).
 *
 * Invariants (each broken one is a violation):
 * - acknowledged writes survive: every comment answered 201 exists with its text and its history event;
 *   every deliverable edit and budget answered 200 is in place, or was replaced only by the one write of
 *   the same client whose answer the kill cut off; each has its history event;
 * - a budget is never half-saved: a phase's lines all come from one save (same marker, 3 lines,
 *   positions 0–2) and costs equal financing, as every save sent;
 * - every project has exactly its three phases, at most one of them current (in progress or awaiting
 *   a decision); no deliverable file points at a missing stored file;
 * - every comment has its `comment.added` history event;
 * - sessions survive: a client signed in before a kill is still signed in after it (no 401).
 * Jobs a killed worker held stay 'running' until their lease ends (15 min) and are then run again; they
 * are counted, not treated as violations.
 */
export interface CrashFigures {
  kills: number;
  /** Kills of the server and its whole PostgreSQL too (process group SIGKILL: crash recovery at the next start). */
  killsWithPostgres: number;
  restarts: number;
  restartMs: number[];
  acknowledged: { comments: number; deliverableEdits: number; budgets: number };
  /** Writes whose answer the kill cut off (may or may not have committed; both are fine). */
  cutOff: number;
  /** Refused writes (4xx other than version conflicts, 5xx): not acknowledged, so not checked. */
  refused: number;
  lostAcknowledgedWrites: number;
  violations: string[];
  orphansStopped: number;
  jobsLeftRunning: number;
}

const PASSWORD = 'demo-passord-2026';
const DB_USER = 'nvr';
const DB_PASSWORD = 'nvr-local-only';

interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

interface Op {
  method: string;
  path: string;
  body: unknown;
}

class Load {
  baseUrl = '';
  done = false;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;
  readonly comments: { id: string; body: string }[] = [];
  readonly edits = new Map<string, { acked: { version: number; content: string }[]; cutOff: string[] }>();
  readonly budgets = new Map<string, { acked: { marker: string; amount: number }[]; cutOff: string[] }>();
  cutOff = 0;
  refused = 0;
  violations: string[] = [];
  ackedSinceResume = 0;
  private seq = 0;

  pause(): void {
    this.gate = new Promise((r) => (this.open = r));
  }
  resume(baseUrl: string): void {
    this.baseUrl = baseUrl;
    this.ackedSinceResume = 0;
    this.open();
  }
  async up(): Promise<void> {
    await this.gate;
  }
  marker(worker: string): string {
    this.seq += 1;
    return `crash-${worker}-${this.seq}-${randomInt(1e9)}`;
  }

  /** One request: the parsed answer, 'cut' when the connection broke (the kill), or the status of a refusal. */
  async send(s: Session, op: Op): Promise<{ status: number; body: Record<string, unknown> } | 'cut'> {
    try {
      const res = await fetch(`${this.baseUrl}${op.path}`, {
        method: op.method,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(op.body ? { 'content-type': 'application/json' } : {}) },
        body: op.body ? JSON.stringify(op.body) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (res.status === 401) this.violations.push(`${s.email} was signed out (401 on ${op.method} ${op.path})`);
      return { status: res.status, body };
    } catch {
      return 'cut';
    }
  }
}

async function signIn(baseUrl: string, email: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(body)}`);
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]).join('; ');
  return { email, cookie, csrf: body.csrfToken };
}

async function getJson<T>(baseUrl: string, s: Session, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: s.cookie } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

interface ProjectView {
  id: string;
  regionName: string;
  phases: { key: string; state: string; deliverables: { id: string; state: string; version: number }[] }[];
}

/** The demo data's active projects, their deliverables the leader can edit, and the phases whose plan takes a budget. */
async function discover(
  load: Load,
  leader: Session,
): Promise<{
  projects: ProjectView[];
  deliverables: Map<string, { projectId: string; version: number }>;
  plans: { projectId: string; phaseKey: string }[];
}> {
  const list = await getJson<{ id: string; status: string }[]>(load.baseUrl, leader, '/api/projects');
  const projects: ProjectView[] = [];
  for (const p of list.filter((x) => x.status === 'active'))
    projects.push(await getJson<ProjectView>(load.baseUrl, leader, `/api/projects/${p.id}`));
  const deliverables = new Map<string, { projectId: string; version: number }>();
  const plans: { projectId: string; phaseKey: string }[] = [];
  for (const p of projects) {
    for (const ph of p.phases) {
      for (const d of ph.deliverables.filter((x) => x.state === 'draft' || x.state === 'returned')) {
        const r = await load.send(leader, {
          method: 'PATCH',
          path: `/api/projects/${p.id}/deliverables/${d.id}`,
          body: { content: 'Utkast', version: d.version },
        });
        if (r !== 'cut' && r.status === 200) deliverables.set(d.id, { projectId: p.id, version: r.body.version as number });
      }
      const plan = await getJson<{ version: number }>(load.baseUrl, leader, `/api/projects/${p.id}/phases/${ph.key}/plan`);
      const r = await load.send(leader, {
        method: 'PUT',
        path: `/api/projects/${p.id}/phases/${ph.key}/plan/budget`,
        body: { version: plan.version, lines: budgetLines('start', 1000) },
      });
      if (r !== 'cut' && r.status === 200) plans.push({ projectId: p.id, phaseKey: ph.key });
    }
  }
  return { projects, deliverables, plans };
}

function budgetLines(marker: string, amount: number) {
  const half = Math.floor(amount / 2);
  return [
    { kind: 'cost', category: 'project_management', year: 2027, amount, description: marker },
    { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: half, description: marker },
    { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: amount - half, description: marker },
  ];
}

/** Comments on deliverables (some with an @mention, which queues a notification e-mail job). */
async function commentWorker(load: Load, s: Session, name: string, targets: { projectId: string; deliverableId: string }[]): Promise<void> {
  let i = 0;
  while (!load.done) {
    await load.up();
    if (load.done) break;
    const t = targets[i++ % targets.length];
    const body = `${load.marker(name)}${i % 3 === 0 ? ' @prosjektleder@demo.no' : ''}`;
    const r = await load.send(s, {
      method: 'POST',
      path: `/api/projects/${t.projectId}/comments`,
      body: { targetType: 'deliverable', targetId: t.deliverableId, body },
    });
    if (r === 'cut') load.cutOff += 1;
    else if (r.status === 201) {
      load.comments.push({ id: r.body.id as string, body });
      load.ackedSinceResume += 1;
    } else load.refused += 1;
  }
}

/** Edits deliverable texts in turn, each with the version it last saw. */
async function deliverableWorker(load: Load, s: Session, items: Map<string, { projectId: string; version: number }>): Promise<void> {
  const ids = [...items.keys()];
  let i = 0;
  while (!load.done && ids.length) {
    await load.up();
    if (load.done) break;
    const id = ids[i++ % ids.length];
    const item = items.get(id)!;
    const content = load.marker('text');
    const record = load.edits.get(id) ?? { acked: [], cutOff: [] };
    load.edits.set(id, record);
    const path = `/api/projects/${item.projectId}/deliverables/${id}`;
    const r = await load.send(s, { method: 'PATCH', path, body: { content, version: item.version } });
    if (r === 'cut') {
      load.cutOff += 1;
      record.cutOff.push(content);
    } else if (r.status === 200) {
      item.version = r.body.version as number;
      record.acked.push({ version: item.version, content });
      load.ackedSinceResume += 1;
    } else if (r.status === 409) {
      // A cut-off edit committed after all; continue from what the server has.
      const cur = await load.send(s, { method: 'GET', path, body: null });
      if (cur !== 'cut' && cur.status === 200) item.version = cur.body.version as number;
    } else load.refused += 1;
  }
}

/** Saves balanced budgets (3 lines, one marker, costs = financing) with the plan version it last saw. */
async function budgetWorker(load: Load, s: Session, plans: { projectId: string; phaseKey: string }[]): Promise<void> {
  const versions = new Map<string, number>();
  let i = 0;
  while (!load.done && plans.length) {
    await load.up();
    if (load.done) break;
    const p = plans[i++ % plans.length];
    const key = `${p.projectId}/${p.phaseKey}`;
    const path = `/api/projects/${p.projectId}/phases/${p.phaseKey}/plan`;
    if (!versions.has(key)) {
      const cur = await load.send(s, { method: 'GET', path, body: null });
      if (cur === 'cut' || cur.status !== 200) continue;
      versions.set(key, cur.body.version as number);
    }
    const marker = load.marker('budget');
    const amount = 100_000 + randomInt(900_000);
    const record = load.budgets.get(key) ?? { acked: [], cutOff: [] };
    load.budgets.set(key, record);
    const r = await load.send(s, {
      method: 'PUT',
      path: `${path}/budget`,
      body: { version: versions.get(key), lines: budgetLines(marker, amount) },
    });
    if (r === 'cut') {
      load.cutOff += 1;
      record.cutOff.push(marker);
      versions.delete(key);
    } else if (r.status === 200) {
      versions.set(key, r.body.version as number);
      record.acked.push({ marker, amount });
      load.ackedSinceResume += 1;
    } else {
      if (r.status !== 409) load.refused += 1;
      versions.delete(key);
    }
  }
}

/** Checks every invariant in SQL; returns the violations and how many acknowledged writes are missing. */
async function checkInvariants(url: string, load: Load): Promise<{ violations: string[]; lost: number; jobsLeftRunning: number }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const violations: string[] = [];
  let lost = 0;
  const q = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
  try {
    const comments = await q<{ id: string; body: string; history: number }>(
      `SELECT c.id::text, c.body, (SELECT count(*)::int FROM history_event h WHERE h.entity_type = 'comment' AND h.entity_id = c.id::text AND h.action = 'comment.added') AS history
         FROM comment c WHERE c.id = ANY($1::uuid[])`,
      [load.comments.map((c) => c.id)],
    );
    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const c of load.comments) {
      const row = byId.get(c.id);
      if (!row || row.body !== c.body) {
        lost += 1;
        violations.push(`acknowledged comment ${c.id} is missing or changed`);
      } else if (row.history !== 1) violations.push(`comment ${c.id} has ${row.history} comment.added history events`);
    }

    for (const [id, record] of load.edits) {
      if (!record.acked.length) continue;
      const [row] = await q<{ version: number; content: string }>(`SELECT version, content FROM deliverable WHERE id = $1`, [id]);
      const last = record.acked[record.acked.length - 1];
      const ok =
        row &&
        (row.version === last.version ? row.content === last.content : row.version > last.version && record.cutOff.includes(row.content));
      if (!ok) {
        lost += 1;
        violations.push(
          `deliverable ${id}: has version ${row?.version} "${row?.content}", last acknowledged version ${last.version} "${last.content}"`,
        );
      }
      const history = await q<{ content: string }>(
        `SELECT after->>'content' AS content FROM history_event WHERE entity_type = 'deliverable' AND entity_id = $1 AND action = 'deliverable.updated'`,
        [id],
      );
      const logged = new Set(history.map((h) => h.content));
      const missing = record.acked.filter((a) => !logged.has(a.content));
      if (missing.length) violations.push(`deliverable ${id}: ${missing.length} acknowledged edit(s) without a history event`);
    }

    for (const [key, record] of load.budgets) {
      if (!record.acked.length) continue;
      const [projectId, phaseKey] = key.split('/');
      const lines = await q<{ position: number; kind: string; amount: string; description: string }>(
        `SELECT b.position, b.kind, b.amount::text, b.description FROM budget_line b JOIN project_phase ph ON ph.id = b.phase_id
          WHERE ph.project_id = $1 AND ph.phase_key = $2 ORDER BY b.position`,
        [projectId, phaseKey],
      );
      const markers = new Set(lines.map((l) => l.description));
      const marker = [...markers][0];
      const last = record.acked[record.acked.length - 1];
      const sum = (kind: string) => lines.filter((l) => l.kind === kind).reduce((a, l) => a + Number(l.amount), 0);
      if (markers.size !== 1 || lines.length !== 3 || lines.some((l, i) => l.position !== i) || sum('cost') !== sum('financing')) {
        violations.push(`budget ${key} is not one whole, balanced save: ${JSON.stringify(lines)}`);
      }
      if (marker !== last.marker && !record.cutOff.includes(marker)) {
        lost += 1;
        violations.push(`budget ${key}: holds "${marker}", last acknowledged "${last.marker}"`);
      }
      const history = await q<{ costs: string }>(
        `SELECT after->>'costs' AS costs FROM history_event WHERE project_id = $1 AND entity_type = 'plan' AND entity_id = $2 AND action = 'budget.saved'`,
        [projectId, phaseKey],
      );
      const logged = new Set(history.map((h) => Number(h.costs)));
      const missing = record.acked.filter((a) => !logged.has(a.amount));
      if (missing.length) violations.push(`budget ${key}: ${missing.length} acknowledged save(s) without a history event`);
    }

    const phases = await q<{ id: string; keys: string; current: number }>(
      `SELECT p.id::text, string_agg(ph.phase_key, ',' ORDER BY ph.position) AS keys,
              count(*) FILTER (WHERE ph.state IN ('in_progress', 'awaiting_decision'))::int AS current
         FROM project p LEFT JOIN project_phase ph ON ph.project_id = p.id GROUP BY p.id`,
    );
    for (const p of phases) {
      if (p.keys !== 'forstudie,forprosjekt,hovedprosjekt') violations.push(`project ${p.id} has the phases ${p.keys}`);
      if (p.current > 1) violations.push(`project ${p.id} has ${p.current} current phases`);
    }
    const [{ dangling }] = await q<{ dangling: number }>(
      `SELECT count(*)::int AS dangling FROM deliverable_file df LEFT JOIN stored_file s ON s.id = df.file_id WHERE s.id IS NULL`,
    );
    if (dangling) violations.push(`${dangling} deliverable file(s) point at a missing stored file`);
    const [{ unlogged }] = await q<{ unlogged: number }>(
      `SELECT count(*)::int AS unlogged FROM comment c WHERE NOT EXISTS (
         SELECT 1 FROM history_event h WHERE h.entity_type = 'comment' AND h.entity_id = c.id::text AND h.action = 'comment.added')`,
    );
    if (unlogged) violations.push(`${unlogged} comment(s) without a comment.added history event`);
    const [{ running }] = await q<{ running: number }>(`SELECT count(*)::int AS running FROM job WHERE state = 'running'`);
    return { violations, lost, jobsLeftRunning: running };
  } finally {
    await db.end();
  }
}

async function waitForAcks(load: Load, n: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (load.ackedSinceResume < n) {
    if (Date.now() > deadline)
      throw new Error(`No write was acknowledged for 60 s (refused: ${load.refused}, violations: ${load.violations.join('; ')})`);
    await sleep(20);
  }
}

/**
 * Starts the server on a fresh data folder with the demo data, puts it under write load and SIGKILLs it
 * `kills` times at random moments (after at least a few acknowledged writes), restarting it each time and
 * checking the invariants. Ends with a SIGTERM stop. `log` receives a line per kill.
 */
export async function runCrashTest(kills: number, log: (line: string) => void = () => undefined): Promise<CrashFigures> {
  const dataDir = await newDataDir('crash');
  const pgPort = await freePort();
  const port = await freePort();
  const dbUrl = `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${pgPort}/naeringsvennlig_region`;
  const figures: CrashFigures = {
    kills: 0,
    killsWithPostgres: 0,
    restarts: 0,
    restartMs: [],
    acknowledged: { comments: 0, deliverableEdits: 0, budgets: 0 },
    cutOff: 0,
    refused: 0,
    lostAcknowledgedWrites: 0,
    violations: [],
    orphansStopped: 0,
    jobsLeftRunning: 0,
  };
  const load = new Load();
  let server: ServerProcess | null = null;
  const workers: Promise<void>[] = [];
  try {
    server = await startServer({ dataDir, pgPort, port, seed: true, jobs: true });
    load.resume(server.baseUrl);
    const [leader, leader2, adviser, council] = await Promise.all(
      ['prosjektleder@demo.no', 'prosjektleder@demo.no', 'radgiver@demo.no', 'regionrad@demo.no'].map((e) => signIn(load.baseUrl, e)),
    );
    const found = await discover(load, leader);
    const targets = [...found.deliverables].map(([deliverableId, d]) => ({ projectId: d.projectId, deliverableId }));
    // The regionråd of Kongsbergregionen comments on that region's projects; the adviser follows both regions.
    const councilTargets = targets.filter((t) => found.projects.some((p) => p.id === t.projectId && p.regionName === 'Kongsbergregionen'));
    if (!targets.length || !found.plans.length) throw new Error('The demo data has no editable deliverable or plan to write to');
    workers.push(
      deliverableWorker(load, leader, found.deliverables),
      budgetWorker(load, leader2, found.plans),
      commentWorker(load, adviser, 'adviser', targets),
      commentWorker(load, council, 'council', councilTargets),
    );

    for (let k = 1; k <= kills; k++) {
      await waitForAcks(load, 2 + randomInt(6));
      await sleep(randomInt(500));
      load.pause();
      // Every second kill takes PostgreSQL down too, as a power cut or an OOM kill of the container would.
      const withPostgres = k % 2 === 0;
      const pm = postmasterOf(dataDir);
      await stopServer(server, 'SIGKILL');
      if (withPostgres && pm?.alive) {
        process.kill(-pm.pid, 'SIGKILL'); // its process group: the postmaster and every backend
        figures.killsWithPostgres += 1;
      }
      figures.kills += 1;
      const started = Date.now();
      server = await startServer({ dataDir, pgPort, port, seed: true, jobs: true });
      figures.restartMs.push(Date.now() - started);
      figures.restarts += 1;
      const stoppedOrphan = server.messages().some((m) => m.startsWith('Found PostgreSQL') && m.includes('left running'));
      if (stoppedOrphan) figures.orphansStopped += 1;
      if (stoppedOrphan === withPostgres)
        figures.violations.push(`after kill ${k}: the orphaned PostgreSQL was ${stoppedOrphan ? '' : 'not '}reported`);
      // Check while no client writes, then let them go on.
      const result = await checkInvariants(dbUrl, load);
      figures.lostAcknowledgedWrites += result.lost;
      figures.violations.push(...result.violations.map((v) => `after kill ${k}: ${v}`));
      figures.jobsLeftRunning += result.jobsLeftRunning;
      log(
        `kill ${k}/${kills}${withPostgres ? ' (with PostgreSQL)' : ''}: restarted in ${figures.restartMs[k - 1]} ms; acknowledged so far ${load.comments.length} comments, ` +
          `${[...load.edits.values()].reduce((a, r) => a + r.acked.length, 0)} edits, ${[...load.budgets.values()].reduce((a, r) => a + r.acked.length, 0)} budgets; ` +
          `lost ${result.lost}, violations ${result.violations.length}, jobs left running ${result.jobsLeftRunning}`,
      );
      load.resume(server.baseUrl);
    }
    await waitForAcks(load, 3);
    load.done = true;
    await Promise.all(workers);
    const last = await checkInvariants(dbUrl, load);
    figures.lostAcknowledgedWrites += last.lost;
    figures.violations.push(...last.violations.map((v) => `at the end: ${v}`));
    const exit = await stopServer(server, 'SIGTERM');
    if (exit.code !== 0) figures.violations.push(`the final SIGTERM stop exited with ${JSON.stringify(exit)}`);
    server = null;
  } finally {
    load.done = true;
    load.resume(load.baseUrl);
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await removeDataDir(dataDir);
  }
  figures.violations.push(...load.violations);
  figures.acknowledged = {
    comments: load.comments.length,
    deliverableEdits: [...load.edits.values()].reduce((a, r) => a + r.acked.length, 0),
    budgets: [...load.budgets.values()].reduce((a, r) => a + r.acked.length, 0),
  };
  figures.cutOff = load.cutOff;
  figures.refused = load.refused;
  return figures;
}
